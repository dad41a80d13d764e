"""References coref.py leaves open: "the latter"/"the former"; a nominal that a
demonym qualifies ("the Lebanese movement", "the Somali militants"), which points to
the most recent group of that country; and a description that names another actor
("the US-backed force", "the al-Qaeda affiliate"), which points back to a group and
says how the named actor stands to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from graph.model import Actor, ActorKind, fold
from graph.relations import Relation
from loaders.pipeline.coref import Reference, nominal_antecedent
from loaders.pipeline.leaders import leaders_groups
from loaders.pipeline.lexicon import load_yaml, words
from loaders.pipeline.mentions import DocActor, Mention
from loaders.pipeline.segment import Sentence
from loaders.registry import Registry

RULES = "mentions.yaml"
_ORDINAL = re.compile(r"(?<![\w-])the (?P<which>latter|former)(?![\w-])", re.IGNORECASE)
_GROUPS = {ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION}
_WINDOW = 2  # sentences back in which an antecedent is looked for


@dataclass
class Description(Reference):
    """A definite description naming another actor: "the Iran-backed militia" is a
    group (`actor`) that `qualifier` stands to by `relation` (Iran supports it)."""

    qualifier: str = ""
    relation: Relation = Relation.SUPPORT


@lru_cache(maxsize=1)
def _description_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str],
                                   dict[str, Relation], dict[str, set[ActorKind]]]:
    data = load_yaml(RULES).get("descriptions") or {}
    relation_of = {str(w).lower(): Relation(r) for r, ws in (data.get("suffixes") or {}).items()
                   for w in ws}
    relation_of.update({str(w).lower(): Relation(r)
                        for r, ws in (data.get("role_nouns") or {}).items() for w in ws})
    heads = {str(h).lower(): {ActorKind(k) for k in kinds}
             for h, kinds in (data.get("heads") or {}).items()}
    suffixes = "|".join(re.escape(w) for w in (data.get("suffixes") or {}).get("support", []) +
                        sum((list(v) for k, v in (data.get("suffixes") or {}).items()
                             if k != "support"), []))
    head_alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    roles = "|".join(re.escape(w) for w in sorted(
        (str(w) for ws in (data.get("role_nouns") or {}).values() for w in ws),
        key=len, reverse=True))
    # "the Kurdish-led, US-backed force": after the named actor, its suffix, up to two
    # more modifiers, then the head noun.
    after_suffix = re.compile(rf"[-‐](?P<suffix>{suffixes}),?(?: (?-i:[a-z][\w-]*),?){{0,2}} "
                              rf"(?P<head>{head_alt})(?![\w-])", re.IGNORECASE)
    # "the al-Qaeda affiliate", "the local Islamic State branch"
    after_role = re.compile(rf" (?P<suffix>{roles})(?![\w-])", re.IGNORECASE)
    before = re.compile(r"(?<![\w-])[Tt]he (?:(?-i:[a-z][\w-]*),? |[\w-]+-(?-i:[a-z]+),? ){0,2}$")
    return after_suffix, after_role, before, relation_of, heads


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
    leaders_groups(text, mentions, actors)
    out = list(mentions)
    out.extend(_descriptions(text, sentences, mentions, actors))
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
    return _with_their_units(text, _branches_of_references(text, out, actors, registry),
                             actors)


# "Its Sahel branch", "the group's Yemeni affiliate": after a possessive reference to a
# group, a place and a branch noun name the group's branch there.
_REFERENCE_BRANCH = re.compile(r"(?:['’]s?)?\s+(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+"
                               r"(?P<head>[Pp]rovince|branch|affiliate|wing)(?![\w-])")


def _branches_of_references(text: str, mentions: list[Mention], actors: dict[str, DocActor],
                            registry: Registry) -> list[Mention]:
    """`mentions` where a possessive reference to a group and a branch named by its place
    ("The Islamic State ... Its Sahel branch") is one mention of the branch the registry
    knows (none when it knows no such branch of that group)."""
    out: list[Mention] = []
    for m in mentions:
        group = actors.get(m.actor)
        hit = _REFERENCE_BRANCH.match(text, m.end) if (
            isinstance(m, Reference) and not isinstance(m, Description) and m.possessive
            and group is not None and group.kind is ActorKind.ARMED_GROUP) else None
        branch = _branch_of(registry, group, hit.group("place")) if hit and group else None
        if hit is None or branch is None or branch.id == m.actor:
            out.append(m)
            continue
        if branch.id not in actors:
            actors[branch.id] = DocActor(branch.id, branch.name, branch.kind,
                                         list(branch.aliases), branch.country, known=True)
        out.append(Mention(m.start, hit.end(), branch.id, "nominal", text[m.start:hit.end()],
                           bool(re.match(r"['’]s?(?!\w)", text[hit.end():hit.end() + 3]))))
    return out


def _branch_of(registry: Registry, group: DocActor, place: str) -> Actor | None:
    """The registry's branch of `group` in `place` (a name or a demonym), if any."""
    places = [place]
    for actor_id, dems in registry.demonyms.items():
        if any(fold(d) == fold(place) for d in dems):
            state = registry.get(actor_id)
            if state is not None:
                places.append(state.name)
    for name in (group.name, *group.aliases):
        for where in places:
            for cand in (f"{name} {where} Province", f"{name} in {where}", f"{name}-{where}",
                         f"{name} {where}"):
                known = registry.lookup(cand)
                if known is not None and known.id != group.id and \
                        known.kind is ActorKind.ARMED_GROUP:
                    return known
    return None



# "fighters loyal to X", "militias affiliated with X": the men of X, who act for it.
_UNITS_OF = re.compile(
    r"(?<![\w-])(?:fighters|forces|troops|militants|gunmen|militiamen|units|militias|"
    r"soldiers|combatants|elements|cells|operatives)\s+(?:(?:loyal|allied|subordinate)\s+to|"
    r"(?:affiliated|allied|aligned)\s+(?:with|to)|linked\s+to|belonging\s+to)\s+"
    r"(?:the\s+)?$", re.IGNORECASE)


# A state's own men: "troops loyal to the government", not "militias aligned with Iran".
_STATE_UNITS = re.compile(r"^(?:forces|troops|soldiers|units)\s+(?:loyal|subordinate|"
                          r"belonging)\s+to\b", re.IGNORECASE)


def _with_their_units(text: str, mentions: list[Mention],
                      actors: dict[str, DocActor]) -> list[Mention]:
    """`mentions` where "fighters loyal to X" is one mention of X (so "fighters loyal to
    X shelled Y" reads as X shelling Y)."""
    out: list[Mention] = []
    for m in mentions:
        window = text[max(0, m.start - 70):m.start]
        hit = _UNITS_OF.search(window)
        if hit and actors[m.actor].kind in {ActorKind.STATE, ActorKind.STATE_AGENCY} and \
                not _STATE_UNITS.match(hit.group()):
            hit = None
        start = m.start - (len(window) - hit.start()) if hit else m.start
        if hit and not m.possessive and (not out or out[-1].end <= start):
            m = Mention(start, m.end, m.actor, m.form, text[start:m.end], m.possessive)
        out.append(m)
    return out


_PAST_TIES = re.compile(r"(?<![\w-])(?:former|erstwhile|one-time|onetime|ex|previous|"
                        r"then|once)(?![\w])", re.IGNORECASE)


def _descriptions(text: str, sentences: list[Sentence], mentions: list[Mention],
                  actors: dict[str, DocActor]) -> list[Description]:
    """"the US-backed force", "the al-Qaeda affiliate": the group a definite description
    points back to (the nearest fitting one, as for "the group"), and its qualifier.

    Not when a name follows ("the al-Qaeda affiliate al-Shabaab": the name is the
    referent, read by the rules) nor when nothing fitting comes before."""
    after_suffix, after_role, before_re, relation_of, heads = _description_words()
    starts = [m.start for m in mentions]
    found: list[Description] = []
    si = 0
    for i, m in enumerate(mentions):
        if m.form not in {"name", "demonym"} or isinstance(m, Reference):
            continue
        while si + 1 < len(sentences) and sentences[si].end <= m.start:
            si += 1
        sent = sentences[si]
        lead = before_re.search(text, max(sent.start, m.start - 40), m.start)
        if lead is None:
            continue
        hit = after_suffix.match(text, m.end, sent.end)
        role = hit is None
        if hit is None:
            hit = after_role.match(text, m.end, sent.end)
        if hit is None:
            continue
        head = hit.group("head").lower() if not role else ""
        kinds = heads.get(head, {ActorKind.ARMED_GROUP}) if head else {ActorKind.ARMED_GROUP}
        rest = text[hit.end():hit.end() + 40]
        if re.match(r"\s*,?\s*(?:the\s+)?(?-i:[A-Z])", rest) or \
                (i + 1 < len(mentions) and mentions[i + 1].start - hit.end() <= 2):
            continue  # a name follows: an appositive, not a reference
        if any(x is not m and x.start < hit.end() and lead.start() < x.end
               and x.actor != m.actor for x in mentions[max(0, i - 2):i + 3]):
            continue  # another actor inside the phrase: not a simple description
        window = sentences[max(0, si - _WINDOW)].start
        earlier = [x for x in mentions[bisect_left(starts, window):i] if x.actor != m.actor]
        here = [x for x in earlier if x.start >= sent.start]
        prev = [x for x in earlier if x.start < sent.start]
        target = nominal_antecedent(text, sent, here, prev, actors, kinds)
        if target is None or target == m.actor:
            continue
        relation = relation_of[hit.group("suffix").lower()]
        # "the former al-Qaeda affiliate": the group, but no longer the qualifier's
        past = _PAST_TIES.search(text, lead.start(), hit.end()) is not None
        found.append(Description(lead.start(), hit.end(), target, "nominal",
                                 text[lead.start():hit.end()],
                                 bool(re.match(r"['’]s?(?!\w)", text[hit.end():hit.end() + 3])),
                                 qualifier="" if past else m.actor, relation=relation))
    return found


def split_affiliations(text: str, mentions: list[Mention], actors: dict[str, DocActor],
                       registry: Registry) -> list[Mention]:
    """"Hezbollah leader Hassan Nasrallah": the organisation before a person's title is
    a mention of its own (so "the group" can point back to it), the person the rest."""
    titles = "|".join(re.escape(t) for t in sorted(words(RULES, "person_titles"),
                                                    key=len, reverse=True))
    lead = re.compile(rf"(?P<org>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,3}}) (?:{titles}) (?=[A-Z])")
    out: list[Mention] = []
    for m in mentions:
        hit = lead.match(m.text) if actors[m.actor].kind is ActorKind.PERSON else None
        known = registry.lookup(hit.group("org")) if hit else None
        if hit is None or known is None or known.kind is ActorKind.PERSON:
            out.append(m)
            continue
        if known.id not in actors:
            actors[known.id] = DocActor(known.id, known.name, known.kind, list(known.aliases),
                                        known.country, known=True)
        org_end = m.start + hit.end("org")
        out.append(Mention(m.start, org_end, known.id, "name", text[m.start:org_end]))
        out.append(Mention(m.start + hit.end(), m.end, m.actor, m.form,
                           text[m.start + hit.end():m.end], m.possessive))
    return out
