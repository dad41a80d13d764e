"""Deterministic generators of benchmark inputs.

`document(seed, words)` and `corpus(seed, total_words)` write realistic-looking
reporting prose: actors from the bundled registry and invented groups, relation
sentences of every pattern family in every modality, and plenty of sentences that
allege nothing. `claims(seed, ...)` makes store-level data: N actors, M claims,
power-law degrees.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import yaml

from graph.model import Actor, ActorKind, Claim, Source, claim_id
from graph.relations import Modality, Relation, is_symmetric

REGISTRY = Path(__file__).resolve().parent.parent / "loaders" / "data" / "registry"

_FIRST = [
    "Northern",
    "Eastern",
    "Southern",
    "Western",
    "United",
    "Free",
    "Popular",
    "Islamic",
    "Revolutionary",
    "National",
    "Democratic",
    "Patriotic",
    "People's",
    "Liberation",
]
_SECOND = [
    "Resistance",
    "Salvation",
    "Unity",
    "Justice",
    "Dawn",
    "Sword",
    "Shield",
    "Crescent",
    "Mountain",
    "River",
    "Valley",
    "Desert",
    "Coastal",
    "Border",
]
_THIRD = ["Front", "Brigade", "Movement", "Army", "Battalion", "Council", "Coalition", "Forces"]

ACTIVE = {
    Relation.SUPPORT: [
        "{a} supports {b}",
        "{a} has long backed {b}",
        "{a} continues to support {b}",
    ],
    Relation.FUNDING: [
        "{a} funds {b}",
        "{a} has financed {b} for years",
        "{a} transferred millions of dollars to {b}",
    ],
    Relation.ARMS: [
        "{a} supplies weapons to {b}",
        "{a} armed {b}",
        "{a} delivered drones and rockets to {b}",
    ],
    Relation.TRAINING: ["{a} trains fighters of {b}", "{a} provided training to {b}"],
    Relation.SAFE_HAVEN: ["{a} provides safe haven to {b}", "{a} shelters the leaders of {b}"],
    Relation.INTELLIGENCE: ["{a} shares intelligence with {b}"],
    Relation.PERSONNEL: ["{a} sent advisers to {b}", "{a} deployed fighters to support {b}"],
    Relation.FACILITATION: ["{a} facilitated the movement of {b} fighters across the border"],
    Relation.HOSTILITY: ["{a} attacked positions of {b}", "{a} launched strikes against {b}"],
    Relation.ALLIANCE: ["{a} formed an alliance with {b}", "{a} and {b} are allies"],
}
PASSIVE = [
    "{b}, backed by {a}, {did}",
    "{b} is funded by {a}",
    "{b}, armed and trained by {a}, {did}",
    "the {bare_a}-backed {bare_b} {did}",
]
NOMINAL = [
    "{a}'s support for {b} {grew}",
    "the {bare_a}-{bare_b} nexus {grew}",
    "an alliance between {a}, {b} and {c} {grew}",
    "with the support and facilitation of {a}, {b} {did}",
]
DID = [
    "expanded its operations in the north",
    "seized two districts last month",
    "recruited hundreds of new members",
    "consolidated control of the border crossings",
]
GREW = [
    "has deepened since the ceasefire collapsed",
    "remains a concern for regional observers",
    "was documented in the latest monitoring report",
]
REPORTED = ["according to {src}, {s}", "{s}, {src} said", "{src} said that {s}"]
SOURCES = [
    "a UN Monitoring Team report",
    "US officials",
    "local officials",
    "the report",
    "security sources",
    "a regional diplomat",
]
DENIED = ["{a} denied that it supplies weapons to {b}", "{a} rejected claims that it funds {b}"]
PRESCRIPTIVE = ["{a} should stop funding {b}", "the council urged {a} to end its support for {b}"]
HYPOTHETICAL = [
    "{a} could send fighters to {b} if the talks fail",
    "{a} would arm {b} should the offensive resume",
]
FILLER = [
    "Fuel prices in the capital rose for the third month in a row.",
    "The ministry of health opened two new clinics in the province.",
    "Heavy rains flooded several roads and cut off villages in the valley.",
    "The central bank kept interest rates unchanged on Tuesday.",
    "Schools reopened after a two-week closure caused by the heat wave.",
    "Diplomats met in Geneva to discuss humanitarian access and prisoner exchanges.",
    "Analysts expect the harvest to be smaller than last year because of drought.",
    "The electoral commission published the final list of candidates.",
    "Aid agencies warned that funding for refugee camps would run out by the spring.",
    "Residents described long queues at bakeries and petrol stations.",
]


def registry_names() -> list[str]:
    """Names of armed groups and states from the bundled registry (may be empty)."""
    return list(_registry_names())


@lru_cache(maxsize=1)
def _registry_names() -> tuple[str, ...]:  # read once, not once per document
    names: list[str] = []
    for name in ("armed_groups.yaml", "states.yaml", "agencies.yaml"):
        path = REGISTRY / name
        if path.exists():
            names += [e["name"] for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
    return tuple(names)


def invented_names(rng: random.Random, n: int) -> list[str]:
    seen: set[str] = set()
    while len(seen) < n:
        seen.add(f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_THIRD)}")
    return sorted(seen)


def _sentence(rng: random.Random, actors: list[str], invented: set[str]) -> str:
    a, b, c = rng.sample(actors, 3)
    family = rng.random()

    def np(name: str) -> str:
        return f"the {name}" if name in invented else name

    fill = {
        "a": np(a),
        "b": np(b),
        "c": np(c),
        "bare_a": a,
        "bare_b": b,
        "did": rng.choice(DID),
        "grew": rng.choice(GREW),
    }
    if family < 0.55:
        return rng.choice(FILLER)
    if family < 0.70:
        body = rng.choice(ACTIVE[rng.choice(list(ACTIVE))]).format(**fill)
    elif family < 0.78:
        body = rng.choice(PASSIVE).format(**fill)
    elif family < 0.85:
        body = rng.choice(NOMINAL).format(**fill)
    elif family < 0.90:
        body = rng.choice(DENIED).format(**fill)
    elif family < 0.95:
        body = rng.choice(PRESCRIPTIVE).format(**fill)
    else:
        body = rng.choice(HYPOTHETICAL).format(**fill)
    if rng.random() < 0.3:
        body = rng.choice(REPORTED).format(src=rng.choice(SOURCES), s=body)
    return body[0].upper() + body[1:] + "."


def document(seed: int, words: int) -> str:
    """One document of about `words` words, in paragraphs of 3–6 sentences."""
    rng = random.Random(seed)
    invented = invented_names(rng, 60)
    actors = registry_names()[:300] + invented
    made_up = set(invented)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        para = " ".join(_sentence(rng, actors, made_up) for _ in range(rng.randint(3, 6)))
        count += len(para.split())
        paragraphs.append(para)
    return "\n\n".join(paragraphs) + "\n"


def corpus(seed: int, total_words: int, doc_words: int = 5000) -> Iterator[str]:
    """Documents of `doc_words` words until `total_words` are reached."""
    made = 0
    i = 0
    while made < total_words:
        text = document(seed * 100_003 + i, min(doc_words, total_words - made))
        made += len(text.split())
        i += 1
        yield text


def claims(
    seed: int, n_actors: int, n_claims: int, claims_per_source: int = 1000,
    first_batch: int = 0,
) -> Iterator[tuple[Source, list[Actor], list[Claim]]]:
    """Store-level batches: each a source with `claims_per_source` claims.

    Batches are numbered from `first_batch` (the number is in the source text), so
    a later call with a higher `first_batch` makes sources new to a store.

    Endpoints are drawn with power-law weights, so a few actors have very many
    claims, as in real reporting. Quotes are real spans of the source text. Claims
    are valid by construction, so they are built without re-validation (the
    generator must not be slower than the stores it feeds).
    """
    rng = random.Random(seed)
    actors = [
        Actor.model_construct(id=f"a{i:06d}", name=f"Actor {i}", aliases=(),
                              kind=ActorKind.ARMED_GROUP)
        for i in range(n_actors)
    ]
    cum_actor = list(accumulate(1.0 / (i + 1) ** 1.1 for i in range(n_actors)))
    relations = list(Relation)
    cum_rel = list(accumulate(3 if r is Relation.SUPPORT else 1 for r in relations))
    modalities = [Modality.ASSERTED] * 6 + [Modality.REPORTED] * 3 + [Modality.DENIED]
    start_day = date(2015, 1, 1)
    made = 0
    batch = first_batch
    while made < n_claims:
        size = min(claims_per_source, n_claims - made)
        subjects = rng.choices(range(n_actors), cum_weights=cum_actor, k=size)
        objects = rng.choices(range(n_actors), cum_weights=cum_actor, k=size)
        rels = rng.choices(relations, cum_weights=cum_rel, k=size)
        mods = rng.choices(modalities, k=size)
        sentences = [f"Sentence {j} of batch {batch} alleges a link." for j in range(size)]
        text = " ".join(sentences)
        source = Source.create(
            text,
            title=f"Generated report {batch}",
            published=start_day + timedelta(days=rng.randrange(3650)),
        )
        created = datetime.now(UTC)
        rows: list[Claim] = []
        used: dict[str, Actor] = {}
        pos = 0
        for j in range(size):
            quote = sentences[j]
            s, o = subjects[j], objects[j]
            if s == o:
                o = (o + 1) % n_actors
            sid, oid = actors[s].id, actors[o].id
            rel = rels[j]
            if is_symmetric(rel) and sid > oid:
                sid, oid = oid, sid
            end = pos + len(quote)
            rows.append(
                Claim.model_construct(
                    id=claim_id(source.id, sid, rel.value, oid, pos, end),
                    subject=sid, relation=rel, object=oid, source=source.id,
                    quote=quote, start=pos, end=end, modality=mods[j],
                    attributed_to=None, confidence=0.8, extractor="bench", page=None,
                    valid_from=None, valid_to=None, created=created,
                )
            )
            used[actors[s].id] = actors[s]
            used[actors[o].id] = actors[o]
            pos = end + 1
        yield source, list(used.values()), rows
        made += size
        batch += 1


def claim_sample(seed: int, n_actors: int, k: int) -> list[str]:
    """`k` actor ids to query: half drawn by the claims' power law (hubs), half uniformly."""
    rng = random.Random(seed)
    cum = list(accumulate(1.0 / (i + 1) ** 1.1 for i in range(n_actors)))
    hubs = rng.choices(range(n_actors), cum_weights=cum, k=k // 2)
    flat = [rng.randrange(n_actors) for _ in range(k - k // 2)]
    return [f"a{i:06d}" for i in hubs + flat]
