"""The pattern engine: one sentence, its mentions masked as slots, the rules applied."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations

from graph.relations import Modality, Relation
from loaders.pipeline.clauses import OTHER_PEOPLE
from loaders.pipeline.clauses import read as read_clauses
from loaders.pipeline.coref import Reference
from loaders.pipeline.mentions import Mention
from loaders.pipeline.modality import attribution_of, modality_of
from loaders.pipeline.prefilter import candidates, may_match
from loaders.pipeline.references import Description
from loaders.pipeline.rules import Rule, load_rules, rule_patterns, weak_alliance_words
from loaders.pipeline.segment import Sentence

_SLOT = re.compile(r"⟪(\d+)⟫")
_QUOTES = str.maketrans({"“": None, "”": None, "„": None, "«": None, "»": None, '"': None,
                         "‘": "'", "’": "'", "\u00a0": " "})
# Nouns after "Y's" that still make Y the one a claim is about ("backed the SDF's battle").
_HEAD_AFTER_POSSESSIVE = re.compile(
    r"^'s? (?:[\w-]+ ){0,4}?(?:battle|fight|campaign|war|efforts?|forces?|fighters|troops|"
    r"operations|police|coast ?guard|navy|air force|brigades?|battalions?|commandos?|units?|"
    r"founders|founding members|commanders|cadres|operatives|militants|recruits|"
    r"regiments?|soldiers|servicemen|policemen|peacekeepers|positions|bases|outposts|"
    r"garrisons?|checkpoints?|patrols?|convoys?|ships|vessels|warships|affiliates|branches|"
    r"camps?|hideouts?|strongholds?|compounds?|safe ?houses?|depots?|airbases?|barracks|"
    r"network|networks|tunnels|arsenal|stockpiles?|supply lines?|"
    r"offensive|cause|government|regime|army|military|advance|struggle|insurgency|rule|"
    r"militia|members|leaders|leadership|bureau|politburo|offices?|headquarters|branch|affiliate|franchise|wing|arm|ally|allies|"
    r"partner|partners|offshoot|subsidiary|extension|proxy|proxies|client|clients|"
    r"(?:[\w-]+ ){0,2}(?:north|south|east|west|northeast|"
    r"northwest|southeast|southwest|region|regions|territory|territories|border|borders|"
    r"province|provinces|interior|soil|heartland|frontier))\b", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|on|to|with|by|for|from|about|against|at|into|"
                                 r"over|under|between|among|toward|towards|than)\s+"
                                 r"(?:(?-i:[a-z][\w-]*)\s+){0,2}$", re.IGNORECASE)
_FRONTED = re.compile(r"^(?:In|With|Through|Despite|For|By|Since|After|Given|Under|Amid|"
                      r"Following|During|As part of|Responding to|According to)\b[^,]*,\s*")
# A subject is not the agent of a passive ("accused by X of ...") nor inside a
# prepositional phrase ("militias in Iraq have attacked").
_AGENT_BEFORE = re.compile(r"\b(?:by|according to|in|of|from|at|near|across|within|inside|"
                           r"outside|to|into|for)\s+$", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r",? (?:which|who|that)\b")
_PENALTY_FORMS = {"pronoun", "nominal", "plural"}
# A span of time between an auxiliary (or a subject) and its verb: "has for decades
# provided", "has, since the early 1980s, armed", "⟪1⟫, over the years, funded".
_COUNT = r"(?:few|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|\d+)"
_TIME_SPAN = (r"(?:(?:at least |ever |even )?since (?:the )?(?:(?:early|mid|late|mid-)[ -]?)?"
              r"(?:\d{4}s?|then|(?-i:[A-Z])[a-z]+ \d{4}|its (?:founding|creation|inception))"
              r"|for (?:(?:well )?over |more than |nearly |almost |at least )?(?:decades|years|"
              rf"months|weeks|a decade|a long time|some time|(?:many|several|{_COUNT}) "
              r"(?:years|decades|months))"
              rf"|over the (?:past |last )?(?:{_COUNT} )?(?:years|decades|"
              rf"months)|in (?:recent|the past|the last) (?:{_COUNT} )?(?:years|"
              r"months|weeks|decades)|in the past|until recently|at times|on occasion|"
              r"in (?:\d{4}|(?-i:[A-Z])[a-z]+ \d{4}))")
_TIME_INSERT = re.compile(rf"(?:\b(has|have|had|is|are|was|were)(?:, {_TIME_SPAN},| {_TIME_SPAN})"
                          rf"|(⟪\d+⟫), {_TIME_SPAN},) (?=(?-i:[a-z]))", re.IGNORECASE)


def _without_time(m: re.Match[str]) -> str:
    """The auxiliary or the subject of `_TIME_INSERT`'s match, without its time span."""
    return f"{m.group(1) or m.group(2)} "


# A capitalised possessor that is no actor, right before one ("armed Haftar's ⟪LNA⟫",
# "Monday's ⟪X⟫ attack"): it cannot be a party, and the actor after it is the one meant.
_NAMED_POSSESSOR = re.compile(r"(?<![\w'-])(?-i:[A-Z])[\w-]*[a-z]'s? (?=⟪\d+⟫)")


@dataclass(frozen=True)
class Found:
    """One relation a rule found in a sentence (actor ids; modality; attribution)."""

    subject: str
    relation: Relation
    object: str
    modality: Modality
    attributed_to: str | None
    confidence: float
    rule: str


class Masked:
    """A sentence with its mentions replaced by ⟪n⟫ slots."""

    def __init__(self, sentence: Sentence, mentions: list[Mention]) -> None:
        self.slots: list[Mention] = []
        self.actor_of: list[str] = []
        parts: list[str] = []
        pos = sentence.start
        text = sentence.text
        for m in mentions:
            if m.start < pos or m.end > sentence.end:
                continue
            parts.append(text[pos - sentence.start:m.start - sentence.start])
            if isinstance(m, Reference) and m.group:
                rendered = [self._slot(m, a) for a in m.group]
                parts.append(", ".join(rendered[:-1]) + " and " + rendered[-1])
            else:
                slot = self._slot(m, m.actor)
                parts.append(slot + ("'s" if m.form == "pronoun" and m.possessive else ""))
            pos = m.end
        parts.append(text[pos - sentence.start:])
        masked = "".join(parts).translate(_QUOTES).replace("''", "")
        masked = re.sub(r"'re\b", " are", re.sub(r"'ve\b", " have", masked))
        masked = _NAMED_POSSESSOR.sub("", masked)
        masked = _TIME_INSERT.sub(_without_time, masked)
        self.text = re.sub(r"\s+", " ", masked).strip()
        self.original = self.text  # before the rules' rewrites: for attribution
        self._words_of = ""
        self.states: frozenset[str] = frozenset()
        self._words: set[str] = set()

    def words(self) -> set[str]:
        """The lower-cased words of the current masked text (cached per text)."""
        if self._words_of != self.text:
            self._words = set(re.findall(r"[a-z]+", self.text.lower()))
            self._words_of = self.text
        return self._words

    def _slot(self, mention: Mention, actor: str) -> str:
        self.slots.append(mention)
        self.actor_of.append(actor)
        return f"⟪{len(self.slots) - 1}⟫"

    def actors_in(self, span: str) -> list[int]:
        return [int(i) for i in _SLOT.findall(span)]

    def clause_subject(self, before: int) -> int | None:
        """The first slot of the clause that is not inside a prepositional phrase."""
        head = self.text[:before]
        fronted = _FRONTED.match(head)
        offset = fronted.end() if fronted else 0
        for m in _SLOT.finditer(head, offset):
            if _PREPOSITION_BEFORE.search(head[max(0, m.start() - 40):m.start()]):
                continue
            if self.text[m.end():m.end() + 2].startswith("'s"):
                continue
            return int(m.group(1))
        return None


def apply_rules(sentence: Sentence, mentions: list[Mention],
                states: frozenset[str] = frozenset(),
                unallied: frozenset[str] = frozenset()) -> list[Found]:
    """Every relation the rules find in one sentence; `states` are the ids of state
    actors (between two states, weak words such as "ties" make no alliance), `unallied`
    those of bodies no one is allied with by joining them (the UN, the AU, ...)."""
    masked = Masked(sentence, mentions)
    masked.states = states
    described = [(m.qualifier, m.relation, m.actor) for m in masked.slots
                 if isinstance(m, Description) and m.qualifier and m.qualifier != m.actor]
    if len(set(masked.actor_of)) < 2 and not described:
        return []
    rules, tables = load_rules()
    text = masked.text
    found: dict[tuple[str, Relation, str], Found] = {}
    for qualifier, relation, actor in described:
        # "the US-backed force": the writer's description, asserted whatever the clause says
        found[(qualifier, relation, actor)] = Found(qualifier, relation, actor,
                                                    Modality.ASSERTED, None, 0.6, "description")
    dropped: list[str] = []  # the text before each rewrite that dropped an actor
    # Only the rules whose patterns may match the text (the prefilter, asked once per
    # text): every other rule has no match in it.
    regexes = rule_patterns()
    todo = candidates(regexes, text)
    k = 0
    while k < len(todo):
        i = todo[k]
        k += 1
        rule = rules[i]
        if rule.rewrite is not None:
            if not may_match(rule.regex, text):
                continue  # nothing to rewrite
            changed = rule.regex.sub(rule.rewrite, text)
            if len(_SLOT.findall(changed)) < len(_SLOT.findall(text)):
                dropped.append(text)
            if rule.again and changed != text:
                masked.text = changed
                for j in candidates(regexes, changed):
                    if j >= i:
                        break
                    if rules[j].rewrite is None:
                        _apply(rules[j], masked, tables, found)
            if changed != text:
                todo = candidates(regexes, changed)
                k = bisect_right(todo, i)
            text = masked.text = changed
            continue
        _apply(rule, masked, tables, found)
    _add_clause_readings(masked, found)
    final = masked.text
    for before in dropped:  # "X, a coalition that Y funds, ...": read before it went
        masked.text = before
        _add_clause_readings(masked, found, relatives_only=True)
    masked.text = final
    measures_only = _SANCTIONS.search(masked.original) is not None and \
        _FORCE.search(masked.original) is None
    return [f for f in found.values() if (f.relation is not Relation.ALLIANCE
            or not {f.subject, f.object} & unallied)
            and not (measures_only and f.relation is Relation.HOSTILITY)]


# A sentence about sanctions and no force: "targeted Hezbollah financiers with new
# sanctions" is a measure, not hostility (the gold sets count it as a trap).
_SANCTIONS = re.compile(r"\b(?:sanction(?:s|ed|ing)?|designat(?:ed|es|ing|ion)|"
                        r"blacklist(?:s|ed|ing)?|asset freezes?|froze (?:the )?assets)\b",
                        re.IGNORECASE)
_FORCE = re.compile(r"\b(?:strikes?|struck|attack(?:s|ed|ing)?|raid(?:s|ed)?|bomb\w*|shell\w*|"
                    r"kill\w*|fir(?:e|ed|ing)|drones?|missiles?|rockets?|clash\w*|fight\w*|"
                    r"fought|war|offensive|ambush\w*|assault\w*|troops|soldiers|forces|"
                    r"militar\w*|armed|shot|invad\w*|besieg\w*|seiz\w*|captur\w*)\b",
                    re.IGNORECASE)

CLAUSE_CONFIDENCE = 0.5


def _add_clause_readings(masked: Masked, found: dict[tuple[str, Relation, str], Found],
                         relatives_only: bool = False) -> None:
    """The clause reader's claims, as a fallback: only for a pair of actors no rule
    related in this sentence, in either direction (`relatives_only`: object relative
    clauses only, for a text as it was before a rewrite dropped them)."""
    paired = {(f.subject, f.object) for f in found.values()}
    paired |= {(o, s) for s, o in paired}
    text = masked.text
    added: set[tuple[str, str]] = set()
    demonyms = frozenset(i for i, m in enumerate(masked.slots) if m.form == "demonym")
    for r in read_clauses(text, demonyms, relatives_only):
        a, b = masked.actor_of[r.subject], masked.actor_of[r.object]
        if a == b or (a, b) in paired or (b, a) in added:
            continue
        if r.relation is Relation.PERSONNEL and b in masked.states:
            continue  # "sent troops to X": a destination as often as a recipient
        if r.frame.startswith("supply") and masked.slots[r.object].form in _PENALTY_FORMS:
            continue  # "fired missiles ... Iran supplied them": the things, not the group
        modality = modality_of(text, r.trigger, r.trigger, False)
        attributed = _attribution(masked, modality)
        confidence = CLAUSE_CONFIDENCE
        if masked.slots[r.subject].form in _PENALTY_FORMS or \
                masked.slots[r.object].form in _PENALTY_FORMS:
            if "participle" in r.frame or "coordinated" in r.frame or \
                    r.frame.startswith("in-support-of"):
                continue  # a subject carried over and a resolved reference: too far a guess
            confidence -= 0.1
        key = (a, r.relation, b)
        if key not in found:
            found[key] = Found(a, r.relation, b, modality, attributed, confidence,
                               f"clause:{r.frame}")
            added.add((a, b))


def _attribution(masked: Masked, modality: Modality) -> str | None:
    """Who the sentence says the claim is from (its slots written out), unless asserted."""
    if modality is Modality.ASSERTED:
        return None
    attributed = attribution_of(masked.original)
    if attributed:
        attributed = _SLOT.sub(lambda s: masked.slots[int(s.group(1))].text, attributed)
    return attributed


def _apply(rule: Rule, masked: Masked, tables: dict[str, dict[str, Relation]],
           found: dict[tuple[str, Relation, str], Found]) -> None:
    if rule.needs and rule.needs.isdisjoint(masked.words()):
        return  # no trigger word: the pattern cannot match
    if not may_match(rule.regex, masked.text):
        return  # a literal every match holds is missing
    for m in rule.regex.finditer(masked.text):
        for f in _claims(rule, m, masked, tables.get(rule.name, {})):
            if rule.subject == "clause" and any(
                    g.object == f.object and g.relation == f.relation for g in found.values()):
                continue  # a fallback: the explicit subject found by another rule wins
            key = (f.subject, f.relation, f.object)
            if key not in found or found[key].confidence < f.confidence:
                found[key] = f


def _only_weak_words(span: str) -> bool:
    """Whether the alliance words of a match are all weak ("ties", "cooperation")."""
    words = set(re.findall(r"[a-z]+", span.lower()))
    strong = {"alliance", "alliances", "allied", "allies", "ally", "partnership", "partner",
              "partners", "pact", "axis", "nexus", "coalition", "allegiance", "merger",
              "merged", "joined", "union", "aligned", "affiliated", "affiliate", "member",
              "branch", "wing", "extension", "offshoot", "franchise", "agreement", "treaty",
              "accord", "protocol"}
    return bool(words & weak_alliance_words()) and not words & strong


def _relations(rule: Rule, m: re.Match[str], table: dict[str, Relation]) -> list[Relation]:
    if rule.relation is not None:
        return [rule.relation]
    if rule.triggers is None or "r" not in m.groupdict() or m.group("r") is None:
        return []
    rels: list[Relation] = []
    for t in rule.triggers.finditer(m.group("r")):
        word = t.group().lower()
        rel = table.get(word) or table.get(word.replace("-", " ")) or \
            table.get(word.replace(" ", "-"))
        if rel is not None and rel not in rels:
            rels.append(rel)
    return rels


# Nouns after an actor's name that name other people, its opponents or victims.
_OTHERS_AFTER = re.compile(rf" (?:{'|'.join(sorted(OTHER_PEOPLE))})\b")
_PLACE_TAIL = re.compile(r" (?:in|based in) (?-i:[A-Z])")


def _slots(masked: Masked, m: re.Match[str], group: str, text: str) -> list[int]:
    span = m.group(group) if group in m.groupdict() else None
    if span is None:
        return []
    out = []
    placed = False  # a member located "in" a place not an actor: later states are places
    for s in _SLOT.finditer(span):
        idx = int(s.group(1))
        end = m.start(group) + s.end()
        # "Sudan's warring parties": a possessor is not the party unless the noun is
        # the group itself ("the SDF's battle").
        if group == "y" and text[end:end + 2] == "'s" and \
                not _HEAD_AFTER_POSSESSIVE.match(text[end:end + 40]):
            continue
        if _OTHERS_AFTER.match(text, end):
            continue  # "armed Houthi opponents": the opponents, not the Houthis
        if placed and masked.actor_of[idx] in masked.states:
            continue  # "funded Hamas in Gaza, Turkey and Lebanon"
        placed = placed or bool(_PLACE_TAIL.match(span, s.end()))
        out.append(idx)
    return out


def _claims(rule: Rule, m: re.Match[str], masked: Masked,
            table: dict[str, Relation]) -> list[Found]:
    text = masked.text
    relations = _relations(rule, m, table)
    if not relations:
        return []
    groups = m.groupdict()
    if groups.get("r"):
        trigger = m.start("r")
    else:  # the relation words lie before the second slot group: "X is not a member of Y"
        starts = sorted(m.start(g) for g in ("x", "y", "m") if groups.get(g))
        if len(starts) > 1:
            trigger = starts[1]
        elif groups.get("m") and m.end() > m.end("m"):
            trigger = m.end()  # "X and Y could become allies": the words follow the members
        else:
            trigger = starts[0] if starts else m.start()
    if groups.get("x") and m.start("x") == m.start() and _AGENT_BEFORE.search(
            text[max(0, m.start() - 20):m.start()]) and not _RELATIVE_AFTER.match(
            text, m.end("x")) and not text.startswith("'s", m.end("x")):
        return []  # "accused by the UN of harbouring X": the agent is not the subject
    pairs: list[tuple[int, int]] = []
    if rule.symmetric and "m" in m.groupdict() and m.group("m"):
        members = _slots(masked, m, "m", text)
        pairs = list(combinations(members, 2))
    else:
        if rule.subject == "clause":
            subj = masked.clause_subject(m.start())
            subjects = [subj] if subj is not None else []
        else:
            subjects = _slots(masked, m, rule.subject, text)
        objects = _slots(masked, m, rule.object, text)
        pairs = [(s, o) for s in subjects for o in objects]
    if not pairs:
        return []
    modality = modality_of(text, m.start(), trigger, rule.presupposed)
    attributed = _attribution(masked, modality)
    weak = relations == [Relation.ALLIANCE] and _only_weak_words(text[m.start():m.end()])
    out: list[Found] = []
    for s, o in pairs:
        a, b = masked.actor_of[s], masked.actor_of[o]
        if a == b or (weak and a in masked.states and b in masked.states):
            continue
        if rule.groups_only and (a in masked.states or b in masked.states):
            continue
        confidence = rule.confidence
        if masked.slots[s].form in _PENALTY_FORMS or masked.slots[o].form in _PENALTY_FORMS:
            if rule.named:
                continue
            confidence -= 0.1
        if modality is Modality.REPORTED:
            confidence -= 0.05
        for rel in relations:
            out.append(Found(a, rel, b, modality, attributed, round(max(0.05, confidence), 2),
                             rule.name))
    return out
