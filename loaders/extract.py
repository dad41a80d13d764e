"""The rule-based extractor: a document in, its actors and cited claims out."""

from __future__ import annotations

import re
from functools import cache

from graph.model import Actor, ActorKind, Claim
from graph.relations import Relation
from graph.settings import get_settings
from loaders.document import Document, Extraction
from loaders.pipeline.coref import resolve
from loaders.pipeline.engine import apply_rules
from loaders.pipeline.lexicon import words
from loaders.pipeline.mentions import DocActor, Mention, find_mentions
from loaders.pipeline.references import more_references, split_affiliations
from loaders.pipeline.segment import split_sentences
from loaders.registry import Registry, load_registry

EXTRACTOR = "rules/1"


def extract(document: Document, registry: Registry | None = None) -> Extraction:
    """The actors `document` names and the relationships it alleges between them.

    Each claim quotes its sentence, with offsets into `document.text`. Without a
    `registry`, the bundled one (extended by the ALLEGIANCE_REGISTRY file) is used.
    """
    if registry is None:
        registry = load_registry(get_settings().registry)
    source = document.to_source()
    text = source.text
    sentences = split_sentences(text)
    named, actors = find_mentions(text, registry)
    named = split_affiliations(text, named, actors, registry)
    mentions = more_references(text, sentences, resolve(text, sentences, named, actors),
                               actors, registry)
    states = frozenset(aid for aid, a in actors.items() if a.kind is ActorKind.STATE)
    unallied = frozenset(aid for aid, a in actors.items()
                         if a.kind is ActorKind.IGO and aid not in _allied_bodies())
    claims: list[Claim] = []
    seen: set[tuple[str, str, str, int]] = set()
    used: set[str] = set()
    idx = 0
    for sent in sentences:
        inside: list[Mention] = []
        while idx < len(mentions) and mentions[idx].start < sent.start:
            idx += 1
        j = idx
        while j < len(mentions) and mentions[j].start < sent.end:
            if mentions[j].end <= sent.end:
                inside.append(mentions[j])
            j += 1
        for f in apply_rules(sent, inside, states, unallied):
            key = (f.subject, f.relation.value, f.object, sent.start)
            if key in seen or f.relation is not Relation.HOSTILITY and \
                    _own_forces(actors.get(f.subject), actors.get(f.object)):
                continue
            if f.subject in _relief_bodies() and f.relation not in _NOT_HELP:
                continue  # humanitarian relief is no support for a party
            seen.add(key)
            claims.append(Claim(
                subject=f.subject, relation=f.relation, object=f.object, source=source.id,
                quote=sent.text, start=sent.start, end=sent.end, modality=f.modality,
                attributed_to=f.attributed_to, confidence=f.confidence, extractor=EXTRACTOR,
                page=document.page_of(sent.start),
            ))
            used.update((f.subject, f.object))
    named_ids = {m.actor for m in named}
    return Extraction(source=source, actors=[_actor(a) for aid, a in actors.items()
                                             if aid in named_ids or aid in used],
                      claims=claims)


# A state's regular forces (not a body it funds, such as Iraq's Popular Mobilization
# Forces, nor its ministries).
_REGULAR_FORCES = re.compile(r"\b(?:Armed Forces|Army|Defen[cs]e Forces?|Military)\b")


def _own_forces(a: DocActor | None, b: DocActor | None) -> bool:
    """Whether one of the pair is a state and the other that state's own regular forces:
    no support or alliance holds between them (a wrong reference made one of them);
    hostility may (a coup, a mutiny)."""
    if a is None or b is None or a.country is None or a.country != b.country:
        return False
    if a.kind is ActorKind.STATE_AGENCY:
        a, b = b, a
    return a.kind is ActorKind.STATE and b.kind is ActorKind.STATE_AGENCY and \
        _REGULAR_FORCES.search(b.name) is not None


_NOT_HELP = (Relation.ALLIANCE, Relation.HOSTILITY)


@cache
def _relief_bodies() -> frozenset[str]:
    """Humanitarian bodies whose deliveries are relief (givers.yaml `relief_bodies`)."""
    return frozenset(words("givers.yaml", "relief_bodies"))


@cache
def _allied_bodies() -> frozenset[str]:
    """Ids of the international bodies that make allies of those who join them (NATO,
    the CSTO, joint forces): coalitions.yaml `allied_bodies`."""
    return frozenset(words("coalitions.yaml", "allied_bodies"))


def _actor(a: DocActor) -> Actor:
    return Actor(id=a.id, name=a.name, aliases=tuple(a.aliases), kind=a.kind, country=a.country)
