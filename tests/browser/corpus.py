"""A small known graph for the view's tests, including a hostile document.

Seven actors, seven counted edges (one of them reported only, one backed by two
sources, one with a denial as counter-evidence), and one document whose title,
text and actor name carry HTML and script that must never run.
"""

from __future__ import annotations

from datetime import date

from graph.model import Actor, ActorKind, Claim, Source
from graph.relations import Modality, Relation
from graph.store import GraphStore

XSS_FLAG = "__allegianceXss"
XSS_NAME = (f'<img src=x onerror="window.{XSS_FLAG}=1">Shadow Brigade'
            f"<script>window.{XSS_FLAG}=2</script>")
XSS_TITLE = f"<script>window.{XSS_FLAG}=3</script>Leaked cable"

ACTORS = {
    "iran": Actor(id="iran", name="Iran", aliases=("Islamic Republic of Iran",),
                  kind=ActorKind.STATE, country="IRN"),
    "hezbollah": Actor(id="hezbollah", name="Hezbollah", aliases=("Hizballah",),
                       kind=ActorKind.ARMED_GROUP),
    "irgc": Actor(id="irgc", name="Islamic Revolutionary Guard Corps", aliases=("IRGC",),
                  kind=ActorKind.STATE_AGENCY, country="IRN"),
    "houthis": Actor(id="houthis", name="Houthis", aliases=("Ansar Allah",),
                     kind=ActorKind.ARMED_GROUP),
    "hamas": Actor(id="hamas", name="Hamas", kind=ActorKind.ARMED_GROUP),
    "syria": Actor(id="syria", name="Syria", kind=ActorKind.STATE, country="SYR"),
    "shadow": Actor(id="shadow-brigade", name=XSS_NAME, aliases=("Shadow Brigade",),
                    kind=ActorKind.ARMED_GROUP),
}

# (title, published, text, [(subject, relation, object, quote, modality, attributed_to)])
DOCUMENTS = [
    ("UN Monitoring Team report", date(2019, 5, 1),
     "Iran supports Hezbollah, the report finds. The IRGC trains the Houthis in Yemen. "
     "Hezbollah and Hamas have formed an alliance.",
     [("iran", "support", "hezbollah", "Iran supports Hezbollah", "asserted", None),
      ("irgc", "training", "houthis", "The IRGC trains the Houthis", "asserted", None),
      ("hamas", "alliance", "hezbollah", "Hezbollah and Hamas have formed an alliance",
       "asserted", None)]),
    ("Think-tank brief", date(2021, 3, 10),
     "According to US officials, Iran funds Hamas. Analysts agree that Iran supports "
     "Hezbollah.",
     [("iran", "funding", "hamas", "According to US officials, Iran funds Hamas",
       "reported", "US officials"),
      ("iran", "support", "hezbollah", "Iran supports Hezbollah", "asserted", None)]),
    ("Ministry statement", date(2022, 1, 15),
     "Iran denied that it arms the Houthis. Syria gives safe haven to Hezbollah.",
     [("iran", "arms", "houthis", "Iran denied that it arms the Houthis", "denied", "Iran"),
      ("syria", "safe_haven", "hezbollah", "Syria gives safe haven to Hezbollah",
       "asserted", None)]),
    ("Panel of Experts on Yemen", date(2020, 7, 1),
     "The panel found that Iran arms the Houthis through smuggling networks.",
     [("iran", "arms", "houthis", "Iran arms the Houthis", "asserted", None)]),
    (XSS_TITLE, date(2023, 6, 1),
     f'Intercepted: <img src=x onerror="window.{XSS_FLAG}=4"> Shadow Brigade '
     f"<script>window.{XSS_FLAG}=5</script> receives arms from Iran, the cable says.",
     [("iran", "arms", "shadow",
       f'<img src=x onerror="window.{XSS_FLAG}=4"> Shadow Brigade '
       f"<script>window.{XSS_FLAG}=5</script> receives arms from Iran", "asserted", None)]),
]

EDGES = 7
NODES = 7


def _claim(src: Source, subject: str, relation: str, obj: str, quote: str,
           modality: str, attributed_to: str | None) -> Claim:
    start = src.text.index(quote)
    return Claim(subject=ACTORS[subject].id, relation=Relation(relation),
                 object=ACTORS[obj].id, source=src.id, quote=quote, start=start,
                 end=start + len(quote), modality=Modality(modality),
                 attributed_to=attributed_to, confidence=0.8)


def fill(store: GraphStore) -> None:
    """Ingest the documents above into an empty store."""
    for title, published, text, claims in DOCUMENTS:
        src = Source.create(text, title=title, published=published)
        made = [_claim(src, *c) for c in claims]
        used = {x for c in claims for x in (c[0], c[2])}
        store.ingest(src, [ACTORS[a] for a in sorted(used)], made)


def fill_tree(store: GraphStore, n: int) -> None:
    """`n` more actors, each alleged to support its parent in a binary tree (one
    source, published 2024-01-01), so a view of them has n nodes and n - 1 edges."""
    lines = [f"Group {i} supports Group {(i - 1) // 2}." for i in range(1, n)]
    src = Source.create("\n".join(lines), title="Tree report", published=date(2024, 1, 1))
    actors = [Actor(id=f"g{i}", name=f"Group {i}", kind=ActorKind.ARMED_GROUP)
              for i in range(n)]
    claims, at = [], 0
    for i, line in enumerate(lines, start=1):
        claims.append(Claim(subject=f"g{i}", relation=Relation.SUPPORT,
                            object=f"g{(i - 1) // 2}", source=src.id, quote=line, start=at,
                            end=at + len(line)))
        at += len(line) + 1
    store.ingest(src, actors, claims)
