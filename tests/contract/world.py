"""Small hand-made corpora for the contract suite, built through the real model."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.model import Actor, ActorKind, Claim, Source
from graph.relations import Modality, Relation
from graph.store import GraphStore, IngestReport

IRAN = Actor(id="iran", name="Iran", kind=ActorKind.STATE, country="IRN",
             aliases=("Islamic Republic of Iran",))
HEZBOLLAH = Actor(id="hezbollah", name="Hezbollah", kind=ActorKind.ARMED_GROUP,
                  aliases=("Hizballah", "Ḥizb Allāh"), wikidata="Q131986")
SYRIA = Actor(id="syria", name="Syria", kind=ActorKind.STATE, country="SYR")
HAMAS = Actor(id="hamas", name="Hamas", kind=ActorKind.ARMED_GROUP)
IRGC = Actor(id="irgc", name="Islamic Revolutionary Guard Corps", kind=ActorKind.STATE_AGENCY,
             aliases=("IRGC",), country="IRN")
HOUTHIS = Actor(id="houthis", name="Houthis", kind=ActorKind.ARMED_GROUP,
                aliases=("Ansar Allah",))
ISRAEL = Actor(id="israel", name="Israel", kind=ActorKind.STATE, country="ISR")
ACTORS = (IRAN, HEZBOLLAH, SYRIA, HAMAS, IRGC, HOUTHIS, ISRAEL)


def source(text: str, **meta: Any) -> Source:
    return Source.create(text, **meta)


def claim(src: Source, subject: str, relation: Relation | str, obj: str, phrase: str,
          modality: Modality = Modality.ASSERTED, nth: int = 0, **extra: Any) -> Claim:
    """A claim quoting the `nth` occurrence of `phrase` in the source's text."""
    start = -1
    for _ in range(nth + 1):
        start = src.text.index(phrase, start + 1)
    return Claim(subject=subject, relation=Relation(relation), object=obj, source=src.id,
                 quote=phrase, start=start, end=start + len(phrase), modality=modality,
                 **extra)


# S1, dated 2020: Iran funds and arms Hezbollah; Hezbollah and Syria are allies.
S1 = source("Iran funds Hezbollah. Iran arms Hezbollah. Hezbollah and Syria are allies.",
            title="Report one", publisher="UN Panel", published=date(2020, 1, 15))
S1_CLAIMS = (
    claim(S1, "iran", "funding", "hezbollah", "Iran funds Hezbollah"),
    claim(S1, "iran", "arms", "hezbollah", "Iran arms Hezbollah"),
    claim(S1, "syria", "alliance", "hezbollah", "Hezbollah and Syria are allies"),
)

# S2, dated 2021: officials report Iran funds Hezbollah; the IRGC trains Hamas;
# Iran denies arming the Houthis.
S2 = source("Officials say Iran funds Hezbollah. The IRGC trains Hamas. "
            "Iran denies that it arms the Houthis.",
            title="Report two", author="A. Writer", published=date(2021, 6, 1))
S2_CLAIMS = (
    claim(S2, "iran", "funding", "hezbollah", "Iran funds Hezbollah",
          modality=Modality.REPORTED, attributed_to="officials"),
    claim(S2, "irgc", "training", "hamas", "The IRGC trains Hamas"),
    claim(S2, "iran", "arms", "houthis", "Iran denies that it arms the Houthis",
          modality=Modality.DENIED),
)

# S3, undated: Syria supports Hezbollah; Hezbollah attacks Israel; Iran should stop.
S3 = source("Syria supports Hezbollah. Hezbollah attacks Israel. "
            "Iran should stop funding Hamas.", title="Report three")
S3_CLAIMS = (
    claim(S3, "syria", "support", "hezbollah", "Syria supports Hezbollah"),
    claim(S3, "hezbollah", "hostility", "israel", "Hezbollah attacks Israel"),
    claim(S3, "iran", "funding", "hamas", "Iran should stop funding Hamas",
          modality=Modality.PRESCRIPTIVE),
)

CORPUS = ((S1, S1_CLAIMS), (S2, S2_CLAIMS), (S3, S3_CLAIMS))


def load(store: GraphStore) -> list[IngestReport]:
    """Ingest the three sources with every actor (each source names its own)."""
    reports = []
    for src, claims in CORPUS:
        named = {x for c in claims for x in (c.subject, c.object)}
        reports.append(store.ingest(src, [a for a in ACTORS if a.id in named], claims))
    return reports


def keys(edges: Any) -> list[tuple[str, str, str]]:
    """(subject, relation, object) of each edge, relation as its plain value."""
    return [(e.subject, e.relation.value, e.object) for e in edges]
