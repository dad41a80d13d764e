"""A leader's possessive standing for the group the text says the leader heads:
"Baghdadi's organisation", "Kamara's fighters"."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.model import ActorKind
from loaders.pipeline.lexicon import words
from loaders.pipeline.mentions import DocActor, Mention

RULES = "mentions.yaml"
_GROUPS = {ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION}


# "G, which P founded": the group first, the person heads it.
_WHICH = re.compile(r",\s+(?:which|that)\s+")
_LED_AFTER = re.compile(r"\s+(?:had\s+|has\s+)?(?:founded|co-founded|created|leads|led|heads|"
                        r"headed|commands|commanded)\b")


@lru_cache(maxsize=1)
def _leader_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    roles = "|".join(re.escape(w) for w in sorted(words(RULES, "leader_roles"),
                                                   key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in sorted(words(RULES, "leader_group_nouns"),
                                                   key=len, reverse=True))
    # "P, (then) the leader of G", "P, the founder and leader of G"
    person_first = re.compile(rf",\s+(?:(?:then|the|a|its|former|longtime|late|self-styled)\s+)*"
                              rf"(?:(?-i:[a-z][\w-]*)\s+)?(?:{roles})(?:\s+and\s+(?:{roles}))?"
                              r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
    # "G leader P", "G's leader, P"
    group_first = re.compile(rf"(?:['’]s?)?\s+(?:{roles}),?\s+", re.IGNORECASE)
    # "P, who leads G"
    who_leads = re.compile(r",\s+who\s+(?:now\s+|then\s+)?(?:leads|led|heads|headed|founded|"
                           r"commands|commanded)\s+(?:the\s+)?")
    after = re.compile(rf"['’]s?\s+(?:(?-i:[a-z][\w-]*)\s+)?(?P<noun>{nouns})(?![\w-])")
    return person_first, group_first, who_leads, after


def leaders_groups(text: str, mentions: list[Mention], actors: dict[str, DocActor]) -> None:
    """"Baghdadi's organisation", "Kamara's fighters": a leader's possessive and a noun
    for a body of people stand for the group the text says the leader heads ("X, the
    leader of G", "G leader X", "X, who leads G"), when it names exactly one."""
    person_first, group_first, who_leads, after = _leader_words()

    def kind(m: Mention) -> ActorKind | None:
        a = actors.get(m.actor)
        return a.kind if a is not None else None

    heads: dict[str, set[str]] = {}
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = text[a.end:b.start]
        if kind(a) is ActorKind.PERSON and kind(b) in _GROUPS and (
                person_first.fullmatch(gap) or who_leads.fullmatch(gap)):
            heads.setdefault(a.actor, set()).add(b.actor)
        elif kind(a) in _GROUPS and kind(b) is ActorKind.PERSON and (
                group_first.fullmatch(gap) or
                (_WHICH.fullmatch(gap) and _LED_AFTER.match(text, b.end))):
            heads.setdefault(b.actor, set()).add(a.actor)
    for m in mentions:
        groups = heads.get(m.actor, set())
        if kind(m) is not ActorKind.PERSON or len(groups) != 1:
            continue
        hit = after.match(text, m.end)
        if hit is None:
            continue
        m.actor = next(iter(groups))
        m.end = hit.end()
        m.text = text[m.start:m.end]
        m.form = "nominal"
        m.possessive = bool(re.match(r"['’]s?(?!\w)", text[m.end:m.end + 3]))
