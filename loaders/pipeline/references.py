"""References coref.py leaves open: "the latter"/"the former", and a nominal that a
demonym qualifies ("the Lebanese movement", "the Somali militants"), which points to
the most recent group of that country.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from graph.model import ActorKind, fold
from loaders.pipeline.coref import Reference
from loaders.pipeline.lexicon import words
from loaders.pipeline.mentions import DocActor, Mention
from loaders.pipeline.segment import Sentence
from loaders.registry import Registry

RULES = "mentions.yaml"
_ORDINAL = re.compile(r"(?<![\w-])the (?P<which>latter|former)(?![\w-])", re.IGNORECASE)
_GROUPS = {ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION}
_WINDOW = 2  # sentences back in which an antecedent is looked for


@lru_cache(maxsize=1)
def _demonym_nominal() -> re.Pattern[str]:
    heads = "|".join(re.escape(w) for w in sorted(words(RULES, "demonym_group_heads"),
                                                  key=len, reverse=True))
    return re.compile(rf"(?<![\w-])the (?P<dem>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?) "
                      rf"(?:(?-i:[a-z]+) )?(?P<head>{heads})(?![\w-])")


def _country_of_demonym(registry: Registry, demonym: str) -> str | None:
    key = fold(demonym)
    for actor_id, dems in registry.demonyms.items():
        if any(fold(d) == key for d in dems):
            state = registry.get(actor_id)
            return state.country if state is not None else None
    return None


def _ordinal_target(text: str, before: list[Mention], actors: dict[str, DocActor],
                    which: str) -> str | None:
    """The last pair joined by "and" ("A and B": former A, latter B); without one, "the
    latter" is the more recent of the last two actors and "the former" is not guessed."""
    cands = [x for x in before if actors[x.actor].kind is not ActorKind.PERSON]
    for a, b in reversed(list(zip(cands, cands[1:], strict=False))):
        if a.actor != b.actor and re.fullmatch(r",? (?:and|or) (?:the )?", text[a.end:b.start]):
            return a.actor if which == "former" else b.actor
    distinct = list(dict.fromkeys(x.actor for x in reversed(cands)))
    if which == "latter" and len(distinct) >= 2:
        return distinct[0]
    return None


def _appositive_descriptions(text: str, mentions: list[Mention],
                             actors: dict[str, DocActor]) -> None:
    """"the FDLR, a Hutu militia that ...": a group the registry does not know, named
    by a description right after another actor, is that actor."""
    for prev, m in zip(mentions, mentions[1:], strict=False):
        actor = actors.get(m.actor)
        if actor is None or actor.known or actor.kind not in _GROUPS or m.form != "name":
            continue
        if re.fullmatch(r",\s+(?:a|an)\s+", text[prev.end:m.start]) and \
                actors[prev.actor].kind in _GROUPS and \
                not re.match(r"\s*(?:,\s*)?(?:and|or)\b", text[m.end:m.end + 8]):
            m.actor = prev.actor


def more_references(text: str, sentences: list[Sentence], mentions: list[Mention],
                    actors: dict[str, DocActor], registry: Registry) -> list[Mention]:
    """`mentions` (sorted) with "the latter"/"the former" and "the <demonym> group" added."""
    _appositive_descriptions(text, mentions, actors)
    out = list(mentions)
    starts = [m.start for m in mentions]

    def free(a: int, b: int) -> bool:
        i = bisect_left(starts, a)
        near = mentions[max(0, i - 1):i + 1]
        return all(m.end <= a or m.start >= b for m in near)

    for si, sent in enumerate(sentences):
        window_start = sentences[max(0, si - _WINDOW)].start
        for m in _ORDINAL.finditer(text, sent.start, sent.end):
            if not free(m.start(), m.end()):
                continue
            target = _ordinal_target(text, mentions[bisect_left(starts, window_start):
                                                    bisect_left(starts, m.start())],
                                     actors, m.group("which").lower())
            if target is None:
                continue
            out.append(Reference(m.start(), m.end(), target, "nominal", m.group(),
                                 bool(re.match(r"['’]s?(?!\w)", text[m.end():m.end() + 3]))))
        for m in _demonym_nominal().finditer(text, sent.start, sent.end):
            if not free(m.start(), m.end()):
                continue
            country = _country_of_demonym(registry, m.group("dem"))
            if country is None:
                continue
            cands = [x for x in mentions[bisect_left(starts, window_start):
                                         bisect_left(starts, m.start())]
                     if actors[x.actor].kind in _GROUPS and actors[x.actor].country == country]
            if len({x.actor for x in cands}) != 1:
                continue  # none, or several groups of that country: no guess
            out.append(Reference(m.start(), m.end(), cands[-1].actor, "nominal", m.group(),
                                 bool(re.match(r"['’]s?(?!\w)", text[m.end():m.end() + 3]))))
    out.sort(key=lambda x: x.start)
    return out
