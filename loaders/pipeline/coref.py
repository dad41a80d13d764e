"""Coreference: pronouns, "the group" and "these groups" resolved to recent actors.

Heuristics, in the spirit of Hobbs' algorithm kept shallow:
- a pronoun in a fronted phrase ("In its efforts to ..., Iran ...") points forward to
  the first actor after the comma;
- a pronoun repeats the antecedent of an earlier pronoun of the same number in its
  sentence;
- otherwise the nearest compatible actor before it in its sentence (not the agent of
  "by X"), else the first actor (the subject) of the previous sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from graph.model import ActorKind
from loaders.pipeline.leaders import leaders_groups
from loaders.pipeline.lexicon import load_yaml, words
from loaders.pipeline.mentions import DocActor, Mention
from loaders.pipeline.segment import Sentence

RULES = "mentions.yaml"
_GROUPISH = {ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION, ActorKind.STATE,
             ActorKind.STATE_AGENCY, ActorKind.IGO, ActorKind.OTHER}
_EXPLETIVE = re.compile(r"\s+(?:is|was|has been|had been|seems|seemed|appears|appeared|remains|"
                        r"remained|would be|will be|may be|could be|might be|is not|was not)"
                        r"\s+(?:[\w-]+\s+){0,2}?(?:that|to|whether|how|why|if)\b", re.IGNORECASE)
_PREP_BEFORE = re.compile(r"\b(?:of|in|on|to|with|by|for|from|about|against|at|into|over|"
                          r"under|between|among|across|through|within)\s+(?:the\s+)?(?:\S+\s+)?$",
                          re.IGNORECASE)
# "among them", "chief among them": a list
# of names follows, the pronoun points back to a plural noun, not to an actor.
_LIST_HEAD = re.compile(r"\b(?:among|amongst)\s+$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|they|he|she)\b", re.IGNORECASE)
_FRONTED = re.compile(r"^(?:In|With|Through|Despite|For|By|Since|After|Given|Under|Amid|"
                      r"Following|During|As part of)\b")


@dataclass
class Reference(Mention):
    """A pronoun or nominal reference; `group` holds several actors for plurals."""

    group: tuple[str, ...] = ()


def _nominal_kinds() -> dict[str, set[ActorKind]]:
    """Each nominal reference and the kinds of actor it may point back to; with the
    adjectives that keep it a reference ("the nascent front", "the banned movement")."""
    data = load_yaml(RULES)
    kinds = {str(k).lower(): {ActorKind(v) for v in ks}
             for k, ks in (data.get("nominal_references") or {}).items()}
    heads = {str(k).lower(): {ActorKind(v) for v in ks}
             for k, ks in (data.get("modified_reference_heads") or {}).items()}
    for adj in words(RULES, "reference_adjectives"):
        for head, ks in heads.items():
            kinds.setdefault(f"the {adj.lower()} {head}", ks)
    return kinds


_NOMINAL_KINDS = _nominal_kinds()


def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_yaml(RULES)
    classes: dict[str, str] = {}
    for number, items in (data.get("pronouns") or {}).items():
        for w in items:
            classes[str(w).lower()] = "pronoun-" + str(number)
    for phrase in (data.get("nominal_references") or {}):
        classes[str(phrase).lower()] = "nominal"
    for phrase in words(RULES, "plural_references"):
        classes[phrase.lower()] = "plural"
    alt = "|".join(re.escape(k) for k in sorted(classes, key=len, reverse=True))
    # "the nascent front": one alternative for every adjective and head (kept compact,
    # the regex is run over every sentence)
    adjs = "|".join(re.escape(w) for w in sorted(words(RULES, "reference_adjectives"),
                                                  key=len, reverse=True))
    heads = "|".join(re.escape(str(w)) for w in sorted(
        data.get("modified_reference_heads") or {}, key=len, reverse=True))
    for phrase in _NOMINAL_KINDS:
        classes[phrase] = "nominal"
    return re.compile(rf"(?<![\w-])(?:the (?:{adjs}) (?:{heads})|{alt})(?![\w-])",
                      re.IGNORECASE), classes


_PATTERN, _CLASSES = _pattern()


def _numbered() -> tuple[re.Pattern[str], dict[str, int], dict[str, set[ActorKind]]]:
    data = load_yaml(RULES).get("numbered_references") or {}
    numbers = {str(k).lower(): int(v) for k, v in (data.get("numbers") or {}).items()}
    heads = {str(k).lower(): {ActorKind(v) for v in kinds}
             for k, kinds in (data.get("heads") or {}).items()}
    alt = "|".join(re.escape(k) for k in sorted(numbers, key=len, reverse=True))
    head_alt = "|".join(re.escape(k) for k in sorted(heads, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:(?:the|all|all the|these|those)\s+)?(?P<n>{alt})\s+"
        rf"(?:(?-i:[a-z][\w-]*)\s+)?(?P<head>{head_alt})(?![\w-])(?!\s+(?:of|in)\s+[A-Z])",
        re.IGNORECASE), numbers, heads


_NUMBERED, _NUMBERS, _NUMBERED_HEADS = _numbered()
_GROUP_KINDS = frozenset((ActorKind.ARMED_GROUP, ActorKind.ORGANIZATION))
_WIDE_WINDOW = 6  # sentences back in which a description takes the one fitting actor
# "the insurgents", "the rebels": never a state's auxiliary or contractor.
_INSURGENT_WORDS = frozenset(w.lower() for w in words(RULES, "insurgent_descriptions"))
_STATE_ALIGNED = frozenset(words(RULES, "state_aligned_groups"))
# "the mercenaries": only the private military companies of `mercenary_groups`.
_MERCENARY_WORDS = frozenset(w.lower() for w in words(RULES, "mercenary_descriptions"))
_MERCENARY_GROUPS = frozenset(words(RULES, "mercenary_groups"))
# "the junta": only a state that `junta_states` says soldiers rule.
_JUNTA_WORDS = frozenset(w.lower() for w in words(RULES, "junta_descriptions"))
_JUNTA_STATES = frozenset(words(RULES, "junta_states"))
# "the de facto authorities" and the actors reporting so calls (mentions.yaml).
_DE_FACTO_ALT = "|".join(re.escape(w) for w in sorted(words(RULES, "de_facto_references"),
                                                       key=len, reverse=True))
_DE_FACTO = re.compile(rf"(?<![\w-])(?:{_DE_FACTO_ALT})(?![\w-])")
_DE_FACTO_RULERS = frozenset(words(RULES, "de_facto_rulers"))
# "the former partners fought each other": a plural description whose clause is
# reciprocal stands for the two actors named last together.
_RECIPROCAL_MODS = "|".join(re.escape(w) for w in words(RULES, "reciprocal_modifiers"))
_RECIPROCAL_HEADS = "|".join(re.escape(w) for w in words(RULES, "reciprocal_heads"))
_RECIPROCAL = re.compile(
    rf"(?<![\w-])(?P<np>(?:[Tt]he|[Bb]oth)\s+(?:(?:{_RECIPROCAL_MODS})\s+)?"
    rf"(?:{_RECIPROCAL_HEADS}))(?![\w-])"
    r"(?=\s+(?:(?!and\b|but\b)[a-z][\w-]*\s+){1,3}(?:each other|one another)\b)")
# "Iran-backed", "Kremlin-controlled": the actor qualifies a noun after it; a pronoun
# never takes it up ("The Iran-backed rebels said they ...").
_QUALIFIER = re.compile(r"[-‐](?:{})(?![\w-])".format(
    "|".join(re.escape(w) for w in words(RULES, "agent_suffixes"))), re.IGNORECASE)
# "both" or "the two" standing alone: as a clause's subject before a verb ("The two have
# since fallen out", "Both deny it") or as an object at a phrase's end ("Iran funds
# both, ..."); never "both Hamas and ...", "have both fought", "the two sides".
_BARE_PAIR = re.compile(
    r"(?:(?:(?<=^)|(?<=[.!?;]\s)|(?<=[.!?;][\"”’]\s))(?:[Tt]he two|Both)"
    r"(?=\s+(?:have|has|had|are|were|was|is|will|would|also|now|then|since|later|"
    r"(?-i:[a-z]+ed)|deny|denied|say|said|share|signed)\b)"
    r"|(?<=[a-z] )(?:both|the two)(?=\s*(?:[,.;:]|\s+(?:since|for|with|through|via|"
    r"according|in|over|until)\b)))", re.MULTILINE)
# A quotation and the words that name its speaker, before or after it.
_SPEAKER_WORDS = frozenset(w.lower() for w in words(RULES, "speaker_pronouns"))
_FIRST_PLURAL = re.compile(r"(?<![\w'’-])(?:{})(?![\w'’-])".format(
    "|".join(re.escape(w) for w in sorted(_SPEAKER_WORDS, key=len, reverse=True))),
    re.IGNORECASE)
_SPEECH = "|".join(re.escape(w) for w in words(RULES, "speech_verbs"))
_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{3,}?)[\"”]")
# after the quotation: ', Hamas said' / ', said Hamas' / ', the movement said'
_SAID_AFTER = re.compile(rf"\s*(?:,\s*)?(?:(?P<verb1>{_SPEECH})\s+)?(?P<who>[^,.;:\"“”]{{1,60}}?)"
                         rf"(?(verb1)(?=[\s,.;])|\s+(?:{_SPEECH})\b)")
# before it: 'Hamas said: "...', 'Hamas said in a statement, "...'
_SAID_BEFORE = re.compile(rf"(?P<who>[^,.;:\"“”]{{1,60}}?)\s+(?:{_SPEECH})\b[^\"“”.;]{{0,40}}?"
                          r"[:,]?\s*$")
_LIST_WINDOW = 4  # sentences back in which "the three juntas" looks for its list


def resolve(text: str, sentences: list[Sentence], mentions: list[Mention],
            actors: dict[str, DocActor]) -> list[Mention]:
    """`mentions` with the references of the text added, resolved; sorted by offset."""
    named = sorted(mentions, key=lambda m: m.start)
    leaders_groups(text, named, actors)  # "Baghdadi's organisation" is a group from here on
    starts = [m.start for m in named]

    def within(a: int, b: int) -> list[Mention]:
        return named[bisect_left(starts, a):bisect_left(starts, b)]

    out: list[Mention] = list(named)
    # References resolved so far (descriptions, and pronouns opening a clause): a later
    # sentence may take one as its antecedent ("The movement emerged ... It pledged
    # allegiance"), as may a later reference of the sentence.
    chained: list[Mention] = []
    named_so_far: Counter[str] = Counter()  # how often each actor is named before a sentence
    for si, sent in enumerate(sentences):
        here = within(sent.start, sent.end)
        window = sentences[max(0, si - 2)].start
        wide_start = sentences[max(0, si - _WIDE_WINDOW)].start
        prev_chained = [r for r in chained if window <= r.start < sent.start]
        wide = [m for m in within(wide_start, window)] + \
            [r for r in chained if wide_start <= r.start < window]
        chain: dict[str, str] = {}
        taken: list[tuple[int, int]] = []
        here_chained: list[Mention] = []  # for the later references of this sentence
        chained_later: list[Mention] = []  # for the next sentences
        for nm in _NUMBERED.finditer(text, sent.start, sent.end):
            if any(m.start < nm.end() and nm.start() < m.end for m in here):
                continue
            want_n = _NUMBERS[nm.group("n").lower()]
            kinds = _NUMBERED_HEADS[nm.group("head").lower()]
            prev = [m for m in within(sentences[max(0, si - _LIST_WINDOW)].start, nm.start())
                    if m.form == "name"]
            found = _listed(text, prev, actors, kinds, want_n)
            if found is None:
                continue
            group = found
            out.append(Reference(nm.start(), nm.end(), group[0], "plural", nm.group(), False,
                                 group))
            taken.append((nm.start(), nm.end()))
        for bm in _BARE_PAIR.finditer(text, sent.start, sent.end):
            # "Iran funds both", "The two have since ...": the last pair "A and B"
            if any(m.start < bm.end() and bm.start() < m.end for m in here):
                continue
            prev = [m for m in within(sentences[max(0, si - 1)].start, bm.start())
                    if m.form == "name"]
            pair = _listed(text, prev, actors, _GROUPISH - {ActorKind.PERSON}, 2)
            if pair is not None:
                out.append(Reference(bm.start(), bm.end(), pair[0], "plural", bm.group(),
                                     False, pair))
                taken.append((bm.start(), bm.end()))
        for qm in _QUOTE.finditer(text, sent.start, sent.end):
            # "'Iran stands with us,' Hamas said": we, us and our are the speaker's side
            speaker = _speaker(text, sent, qm, named, actors)
            if speaker is None:
                continue
            for wm in _FIRST_PLURAL.finditer(text, qm.start("q"), qm.end("q")):
                if any(m.start < wm.end() and wm.start() < m.end for m in here):
                    continue
                ref = Reference(wm.start(), wm.end(), speaker, "pronoun", wm.group(),
                                wm.group().lower() in {"our", "ours"})
                out.append(ref)
                taken.append((wm.start(), wm.end()))
        for rm in _RECIPROCAL.finditer(text, sent.start, sent.end):
            if any(m.start < rm.end("np") and rm.start() < m.end for m in here):
                continue
            pair = _last_two(text, within(window, rm.start()) + prev_chained +
                             [r for r in here_chained if r.start < rm.start()], actors)
            if pair is not None:
                out.append(Reference(rm.start(), rm.end("np"), pair[0], "plural",
                                     rm.group("np"), False, pair))
                taken.append((rm.start(), rm.end("np")))
        for dm in _DE_FACTO.finditer(text, sent.start, sent.end):
            ruler = _de_facto_ruler(within(0, dm.start()), within(window, dm.start()))
            if ruler is not None and not any(m.start < dm.end() and dm.start() < m.end
                                             for m in here):
                ref = Reference(dm.start(), dm.end(), ruler, "nominal", dm.group(),
                                _is_possessive(text, dm.end()))
                out.append(ref)
                taken.append((dm.start(), dm.end()))
                chained_later.append(ref)
        for pm in _PATTERN.finditer(text, sent.start, sent.end):
            if any(m.start < pm.end() and pm.start() < m.end for m in here) or \
                    any(a < pm.end() and pm.start() < b for a, b in taken):
                continue
            word = re.sub(r"\s+", " ", pm.group().lower())
            cls = _CLASSES[word]
            if cls in {"nominal", "plural"} and not pm.group().split()[-1].islower():
                continue  # "the State Department" is a name, not "the state"
            possessive = word in {"its", "their", "his", "her"}
            # not the qualifier of "the Iran-backed rebels", who are someone else
            before = [m for m in here if m.end <= pm.start() and not _QUALIFIER.match(text, m.end)]
            prev_named = within(window, sent.start) if si else []
            if cls == "plural":
                groups = [actors[m.actor] for m in prev_named + before
                          if actors[m.actor].kind is ActorKind.ARMED_GROUP]
                ids = tuple(dict.fromkeys(a.id for a in groups))
                if len(ids) >= 2:
                    out.append(Reference(pm.start(), pm.end(), ids[0], "plural", pm.group(),
                                         False, ids))
                continue
            prev = sorted(prev_named + prev_chained, key=lambda m: m.start)
            before = sorted(before + here_chained, key=lambda m: m.start)
            if cls == "nominal":
                kinds = _NOMINAL_KINDS.get(word, set())
                insurgents = word in _INSURGENT_WORDS or \
                    f"the {word.rsplit(' ', 1)[-1]}" in _INSURGENT_WORDS
                groupish = bool(kinds) and kinds <= _GROUP_KINDS
                exclude = _STATE_ALIGNED if insurgents else frozenset()
                mercenaries = word in _MERCENARY_WORDS
                if mercenaries:  # "the mercenaries": only a private military company
                    exclude = frozenset(a for a in actors if a not in _MERCENARY_GROUPS)
                if word in _JUNTA_WORDS:  # "the junta": not "Russia" of "Russia arms Mali"
                    exclude = frozenset(a for a in actors if a not in _JUNTA_STATES)
                target = nominal_antecedent(
                    text, sent, before, prev, actors, kinds, pm.start(),
                    wide if groupish else None, exclude, named_so_far,
                    topic_only=not (insurgents or mercenaries))
                if target is not None:
                    ref = Reference(pm.start(), pm.end(), target, "nominal", pm.group(),
                                    _is_possessive(text, pm.end()))
                    out.append(ref)
                    chained_later.append(ref)
                    if not text[sent.start:pm.start()].strip():
                        here_chained.append(ref)  # "The movement ... its fighters"
                continue
            if word == "it" and _EXPLETIVE.match(text, pm.end()):
                continue
            if word == "them" and _LIST_HEAD.search(text, max(0, pm.start() - 12),
                                                    pm.start()):
                continue  # "militias, among them A and B": the names follow
            want = {ActorKind.PERSON} if cls == "pronoun-person" else _GROUPISH
            antecedent = _antecedent(text, sent, pm.start(), cls, before, prev, here, actors,
                                     want, chain, possessive)
            if antecedent is not None:
                chain[cls] = antecedent
                ref = Reference(pm.start(), pm.end(), antecedent, "pronoun", pm.group(),
                                possessive)
                out.append(ref)
                if _is_subject_pronoun(text, sent, pm.start(), word):
                    chained_later.append(ref)
        chained.extend(chained_later)
        named_so_far.update(m.actor for m in here)
        named_so_far.update(m.actor for m in chained_later)
    out.sort(key=lambda m: m.start)
    return out



def _speaker(text: str, sent: Sentence, qm: re.Match[str], named: list[Mention],
             actors: dict[str, DocActor]) -> str | None:
    """The group or state that says the quotation `qm`: named right after it with a verb
    of saying (", Hamas said", ", said a Hamas spokesman"), or right before it ("Hamas
    said: '...'"); a person speaking for the group named just before ("Hamas leader X
    said"). None when no one, or a person alone, or several are named there."""
    after = _SAID_AFTER.match(text, qm.end(), sent.end)
    span: tuple[int, int] | None
    if after is not None:
        span = (after.start("who"), after.end("who"))
    else:
        before = _SAID_BEFORE.search(text, sent.start, qm.start())
        span = (before.start("who"), before.end("who")) if before else None
    if span is None or re.search(r"\b(?:and|or)\b|&", text[span[0]:span[1]]):
        return None  # "Syrian and Iranian officials said": whose side is unclear
    inside = [m for m in named if span[0] <= m.start and m.end <= span[1]]
    groups = {m.actor for m in inside if actors[m.actor].kind in _GROUPISH}
    if len(groups) == 1 and all(actors[m.actor].kind is ActorKind.PERSON or
                                m.actor in groups for m in inside):
        return next(iter(groups))
    return None


def _last_two(text: str, before: list[Mention],
              actors: dict[str, DocActor]) -> tuple[str, str] | None:
    """The two actors (not people) "the former partners ... each other" stands for: of
    the last four named, the most recent two that some sentence names together."""
    ordered = sorted(before, key=lambda x: x.start)
    recent: list[str] = []
    for m in reversed(ordered):
        if actors[m.actor].kind is not ActorKind.PERSON and m.actor not in recent:
            recent.append(m.actor)
    together = [{m.actor for m in g} for g in _by_sentence(text, ordered)]
    pairs = [(a, b) for i, a in enumerate(recent[:4]) for b in recent[i + 1:4]]
    for a, b in sorted(pairs, key=lambda p: recent.index(p[1])):
        if any(a in g and b in g for g in together):
            return b, a
    return None


def _de_facto_ruler(before: list[Mention], near: list[Mention]) -> str | None:
    """"the de facto authorities": the one actor of `de_facto_rulers` the text has named
    (of several, the one named in the last sentences alone), else none."""
    named = {m.actor for m in before if m.actor in _DE_FACTO_RULERS}
    if len(named) > 1:
        named = {m.actor for m in near if m.actor in _DE_FACTO_RULERS}
    return next(iter(named)) if len(named) == 1 else None


def _listed(text: str, prev: list[Mention], actors: dict[str, DocActor], kinds: set[ActorKind],
            n: int) -> tuple[str, ...] | None:
    """The last list of exactly `n` actors of `kinds` written "A, B and C" before: what "the
    three juntas" counts back to."""
    for end in range(len(prev), n - 1, -1):
        run = prev[end - n:end]
        if any(actors[m.actor].kind not in kinds for m in run):
            continue
        gaps = [text[a.end:b.start] for a, b in zip(run, run[1:], strict=False)]
        if not all(re.fullmatch(r",\s*|,?\s+(?:and|&)\s+", g) for g in gaps[:-1] or [", "]) \
                or not re.fullmatch(r",?\s+(?:and|&)\s+", gaps[-1]):
            continue
        if end < len(prev) and re.fullmatch(r",?\s*(?:and\s+)?", text[run[-1].end:prev[end].start]):
            continue  # a longer list
        if end - n > 0 and re.fullmatch(r",\s*", text[prev[end - n - 1].end:run[0].start]):
            continue
        ids = tuple(m.actor for m in run)
        if len(set(ids)) == n:
            return ids
    return None


def _by_sentence(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Consecutive mentions grouped by the sentence they stand in."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups and _same_sentence(text, groups[-1][0], m):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def nominal_antecedent(text: str, sent: Sentence, before: list[Mention], prev: list[Mention],
                        actors: dict[str, DocActor], kinds: set[ActorKind],
                        pos: int | None = None, wide: list[Mention] | None = None,
                        exclude: frozenset[str] = frozenset(),
                        salience: dict[str, int] | None = None,
                        topic_only: bool = False) -> str | None:
    """"the group": the nearest fitting actor in its sentence (none when a nearer
    possessor competes, and never the subject of the description's own clause), else
    the subject (first fitting actor that is not a possessive modifier) of the sentence
    before, else the one fitting actor of the `wide` window (not when `topic_only`), or
    the one there that `salience` counts six times or more and twice as often as any
    other fitting actor of the text so far (its topic).
    A possessor of another actor ("the Islamic State's al-Karrar office") and the actors
    in `exclude` are never taken. `pos` is where the description starts."""
    def fit(m: Mention, group: list[Mention]) -> bool:
        kind = actors[m.actor].kind
        return kind in kinds and m.actor not in exclude and \
            (kind is ActorKind.STATE or not _modifies_actor(text, m, group))

    # The subject of the description's clause is someone else, in this sentence and
    # the ones before ("Baghdadi's organisation provided the nascent front with money").
    exclude = exclude | {m.actor for m in before if _same_clause_subject(text, sent, m, pos)}
    here = [m for m in before if fit(m, before)]
    plain = [m for m in here if not _embedded(text, sent, m)]
    if plain or here:
        pick = (plain or here)[-1]
        if any(m.possessive and m.actor != pick.actor and m.start > pick.start for m in here):
            return None  # "X denounced Y's support for the junta": X or Y? neither is sure
        return None if _coordinated(text, here, pick) else pick.actor
    for g in reversed(_by_sentence(text, prev)):
        fits = [m for m in g if fit(m, g)]
        if fits:
            # its subject: not a possessor, nor inside a prepositional phrase ("Fighters
            # loyal to X later formed Y. ... the group" is Y)
            pick = ([m for m in fits if not m.possessive and not _after_preposition(text, m)]
                    or [m for m in fits if not m.possessive] or fits)[0]
            return None if _coordinated(text, fits, pick) else pick.actor
    found = {m.actor for m in wide or [] if fit(m, wide or [])}
    if len(found) == 1 and not topic_only:
        return next(iter(found))
    # Several: the one the text has named far more often so far (its topic), if any.
    count = salience or {}
    ranked = sorted(found, key=lambda a: count.get(a, 0), reverse=True)
    if ranked and count.get(ranked[0], 0) >= \
            2 * max(3, count.get(ranked[1], 0) if len(ranked) > 1 else 0,
                    max((n for a, n in count.items() if a != ranked[0]
                         and actors[a].kind in kinds), default=0)):
        return ranked[0]
    return None


def _modifies_actor(text: str, m: Mention, group: list[Mention]) -> bool:
    """Whether `m` is the possessor of the actor named right after it ("the Islamic
    State's al-Karrar office", "Hezbollah's Radwan Force"): a modifier, not a referent.
    (The caller keeps a state: "Somalia's al-Shabaab ... the country".)"""
    if not m.possessive:
        return False
    return any(x.start > m.start and re.fullmatch(r"['’]s?\s+", text[m.end:x.start])
               for x in group)


# Words that open a new clause between an actor and a later description.
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:said|says|say|told|tells|claimed|claims|"
                           r"stated|warned|added|that|which|who|whom|whose|when|while|after|"
                           r"before|because|and|but|as|if|where)\b", re.IGNORECASE)


# "in Puntland, Somalia," inside a subject: the commas set off a place, not a clause.
_PLACE_APPOSITIVE = re.compile(r"\s(?:in|of|from|near)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},"
                               r"\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s")


def _same_clause_subject(text: str, sent: Sentence, m: Mention, pos: int | None) -> bool:
    """Whether `m` is the subject of the clause of the description at `pos`, as in
    "Russia has since armed the junta": a description there is not its own subject
    (English would say "itself"), so it names someone else; nor does it name an actor
    inside that subject ("Funds from X have reached the group")."""
    if pos is None or m.possessive:
        return False
    gap = _PLACE_APPOSITIVE.sub(" in ", text[m.end:pos])
    return bool(gap.strip()) and not _CLAUSE_BREAK.search(gap)


_COORDINATION = re.compile(r"\s*(?:,\s*|\s(?:and|or|as well as)\s+|,\s+(?:and|or)\s+)"
                           r"(?:the\s+)?", re.IGNORECASE)


def _coordinated(text: str, fits: list[Mention], pick: Mention) -> bool:
    """Whether `pick` is coordinated with another fitting actor ("Al-Shabaab and the
    Houthis"): then "the group" may be either, and is left unresolved."""
    for a, b in zip(fits, fits[1:], strict=False):
        if a.actor != b.actor and pick in (a, b) and \
                _COORDINATION.fullmatch(text[a.end:b.start]):
            return True
    return False


def _is_possessive(text: str, end: int) -> bool:
    return bool(re.match(r"['’]s?(?!\w)", text[end:end + 3]))


def _antecedent(text: str, sent: Sentence, pos: int, cls: str, before: list[Mention],
                prev: list[Mention], here: list[Mention], actors: dict[str, DocActor],
                want: set[ActorKind], chain: dict[str, str], possessive: bool) -> str | None:
    def ok(m: Mention) -> bool:
        if actors[m.actor].kind not in want or m.form == "capital":
            return False
        return not re.search(r"\bby\s+(?:the\s+)?$", text[max(0, m.start - 8):m.start])

    if cls in chain and not (possessive and _possessor_of_object(text, pos)):
        return chain[cls]
    # "the TTP continues its raids with their support": a pronoun of the other number
    # already points at the TTP, so "their" means someone else.
    taken = {a for c, a in chain.items() if c != cls and c != "pronoun-person"}
    if taken:
        before = [m for m in before if m.actor not in taken]
        prev = [m for m in prev if m.actor not in taken]
    head = text[sent.start:pos]
    if _FRONTED.match(head) and "," not in head and not [m for m in before if ok(m)]:
        comma = text.find(",", pos, sent.end)
        after = [m for m in here if comma >= 0 and m.start > comma and ok(m)]
        # "Despite its name, it has ...": the clause's subject is a pronoun too, so both
        # point back, not forward.
        if after and not _PRONOUN_SUBJECT.match(text, comma + 1):
            return after[0].actor
    near = [m for m in before if ok(m)]
    relative = None
    reflexive = _REFLEXIVE.match(text, pos) is not None  # "absolved itself": its subject
    as_object = _possessor_of_object(text, pos) if possessive else \
        _is_object_pronoun(text, pos)
    if not possessive or as_object:
        # "Israel and the US, which arms it", "X (X), which armed its recruits": not the
        # relative clause's own antecedent
        relative = _relative_antecedent(text, sent, pos, before)
        near = [m for m in near if m.actor != relative]
    if near:
        plain = [m for m in near if not _embedded(text, sent, m)]
        subject = plain[0] if plain and plain[0].start < pos else None
        if possessive and as_object and subject is not None and \
                _PRONOUN_WORD.search(text, sent.start, subject.start):
            return None  # "It accuses Y of sheltering its leaders": whose is unclear
        if possessive:
            target = _reason_target(text, sent, pos, near)
            if target is not None:
                return target  # "X sanctioned Y over its support": Y's support
        if cls in {"pronoun-singular", "pronoun-plural"} and possessive and subject and \
                not as_object:
            return subject.actor  # "X ... their commitments": the subject's
        if relative is None and not reflexive and as_object:
            # the pronoun's own clause subject ("..., and Eritrea has funded them"), else
            # the sentence's
            own = next((m for m in reversed(near) if _VERB_GAP.fullmatch(text, m.end, pos)
                        or _GERUND_DOER.fullmatch(text, m.end, pos)),
                       subject)  # "accused Y of attacking its soldiers": Y attacks
            if own is not None:
                subject = own
        if relative is None and not reflexive and as_object and subject is not None:
            attacked = possessive and _ATTACKS_ON.search(text, max(0, pos - 24), pos)
            others = [m for m in near if m.actor != subject.actor
                      and (attacked or not _SPEAKER_AFTER.match(text, m.end))]
            # "Kenya says X arms them" (not Kenya); "Kenya says X attacked its soldiers"
            plain_others = [m for m in others if not _embedded(text, sent, m)]
            pick = plain_others or others
            if pick:
                return pick[-1].actor
            # "Iran arms them": never the clause's own subject; an earlier sentence's
            return _previous_subject(text, prev, ok, subject.actor)
        return (plain or near)[-1].actor
    return _previous_subject(text, prev, ok, None)


def _previous_subject(text: str, prev: list[Mention], ok: Callable[[Mention], bool],
                      other_than: str | None) -> str | None:
    """The subject of the nearest previous sentence that has an actor (not `other_than`)."""
    for g in reversed(_by_sentence(text, prev)):
        fits = [m for m in g if ok(m) and m.actor != other_than]
        if not fits:
            continue
        # not a place or a preposition's object ("Russia's war in Ukraine has dragged
        # on. Iran has supplied it ...": not Ukraine); a possessor before that
        firsts = [m for m in fits if not m.possessive and not _after_preposition(text, m)] \
            or [m for m in fits if m.possessive]
        return firsts[0].actor if firsts else None
    return None


# "X sanctioned / accused Y ... over/for its": an act against Y, and the reason is Y's.
_PUNITIVE = re.compile(r"\b(?:sanction(?:s|ed|ing)?|punish(?:es|ed|ing)?|penali[sz](?:e|es|ed|ing)|"
                       r"critici[sz](?:e|es|ed|ing)|accus(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|"
                       r"blacklist(?:s|ed|ing)?|rebuk(?:e|es|ed|ing)|censur(?:e|es|ed|ing)|"
                       r"blam(?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|fin(?:e|es|ed|ing)|"
                       r"indict(?:s|ed|ing)?)\b", re.IGNORECASE)
_REASON_TAIL = re.compile(r"\b(?:over|for)\s+$", re.IGNORECASE)
_REASON_BREAK = re.compile(r"[;:]|\b(?:which|who|that|because|while|after|but|and|said|says)\b",
                           re.IGNORECASE)


def _reason_target(text: str, sent: Sentence, pos: int, near: list[Mention]) -> str | None:
    """"The US sanctioned Iran over its support for ...": the possessive of a "for/over
    its" reason given for a punitive act points to the act's target, the first actor
    named after the verb (not its agent: "was criticised by X for its" stays open)."""
    head = text[sent.start:pos]
    if not _REASON_TAIL.search(head):
        return None
    verbs = list(_PUNITIVE.finditer(text, sent.start, pos))
    if not verbs:
        return None
    verb = verbs[-1]
    targets = [m for m in near if m.start >= verb.end() and not m.possessive]
    if not targets or _REASON_BREAK.search(text, verb.end(), pos):
        return None
    return targets[0].actor


_RELATIVE = re.compile(r",\s*(?:which|who|whom|that)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
_NOT_OBJECT_BEFORE = re.compile(r"\b(?:that|if|when|whether|because|as|and|but|since|while|"
                                r"where|said|says|say|claims|claimed|believes|believed|thinks|"
                                r"argues|argued|insists|insisted|hopes|hoped|fears|feared)\s+$",
                                re.IGNORECASE)


def _relative_antecedent(text: str, sent: Sentence, pos: int,
                         near: list[Mention]) -> str | None:
    """The antecedent of the relative clause a pronoun object stands in ("the US, which
    arms it"): the actor named right before ", which"; a clause's object is not its own
    antecedent (English would say "itself")."""
    head = text[sent.start:pos]
    rel = _RELATIVE.search(head)
    if rel is None or _NOT_OBJECT_BEFORE.search(head):
        return None
    comma = sent.start + rel.start()
    last = [m for m in near if m.end <= comma and not text[m.end:comma].strip(" )]")]
    return last[-1].actor if last else None


_CLAUSE_START = re.compile(r"(?:^|[,;:]|\b(?:and|but|that|which|when|while|because|although|"
                           r"as|if|since|so|yet|though)\s*)\s*$", re.IGNORECASE)


def _is_subject_pronoun(text: str, sent: Sentence, pos: int, word: str) -> bool:
    """A pronoun opening its clause ("..., it has", "It pledged"), or a possessive one
    opening its sentence ("Its leader said"): one that later references may take up.
    An object ("among them", "accused it") may be wrong and is not passed on."""
    head = text[sent.start:pos]
    if word in {"its", "their"}:
        return not head.strip()
    return word in {"it", "they"} and bool(_CLAUSE_START.search(head))


def _after_preposition(text: str, m: Mention) -> bool:
    line = text.rfind("\n", 0, m.start) + 1
    return bool(_PREP_BEFORE.search(text[max(line, m.start - 30):m.start]))


def _embedded(text: str, sent: Sentence, m: Mention) -> bool:
    """A mention inside a prepositional phrase or used as a possessive modifier."""
    head = text[max(sent.start, m.start - 30):m.start]
    return m.possessive or bool(_PREP_BEFORE.search(head))


def _is_object_pronoun(text: str, pos: int) -> bool:
    """"accusing it of", "Iran arms them": a pronoun right after a verb or preposition
    is an object."""
    head = text[max(0, pos - 20):pos]
    return bool(_OBJECT_SLOT.search(head))


def _possessor_of_object(text: str, pos: int) -> bool:
    """"Nigerian jets struck its camps", "Turkey trained their soldiers": a possessive
    right after a verb of attack or help owns what the subject acts on, so it is not the
    subject (but "Iran arms its proxies", "X backed its own fighters" are the subject's)."""
    return bool(_ACTS_ON.search(text, max(0, pos - 24), pos)) and \
        not _OWN_SIDE.match(text, pos)


# Verbs whose object's possessor is another party: attacks and help given.
_ATTACK_VERBS = (
    r"attack(?:s|ed|ing)?|struck|strik(?:e|es|ing)|target(?:s|ed|ing)?|shell(?:s|ed|ing)?|"
    r"bomb(?:s|ed|ing)?|ambush(?:es|ed|ing)?|raid(?:s|ed|ing)?|hit(?:s|ting)?|overr[au]n|"
    r"overrunning|besieg(?:e|es|ed|ing)|kill(?:s|ed|ing)?|assassinat(?:e|es|ed|ing)|"
    r"destroy(?:s|ed|ing)?")
_ATTACKS_ON = re.compile(rf"\b(?:{_ATTACK_VERBS})\s+$", re.IGNORECASE)
_ACTS_ON = re.compile(
    rf"\b(?:{_ATTACK_VERBS}|host(?:s|ed|ing)?|protect(?:s|ed|ing)?|back(?:s|ed|ing)?|"
    r"support(?:s|ed|ing)?|sponsor(?:s|ed|ing)?|assist(?:s|ed|ing)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|arm(?:s|ed|ing)?|"
    r"train(?:s|ed|ing)?|equip(?:s|ped|ping)?|suppl(?:y|ies|ied|ying)|shelter(?:s|ed|ing)?|"
    r"harbou?r(?:s|ed|ing)?|bankroll(?:s|ed|ing)?|resuppl(?:y|ies|ied|ying))\s+$",
    re.IGNORECASE)
_OWN_SIDE = re.compile(r"(?:its|their|his|her)\s+(?:own|proxy|proxies|ally|allies|partners?|"
                       r"affiliates?|clients?|militias?|surrogates?|network|networks|"
                       r"operatives|agents|fighters|forces|troops|men)\b", re.IGNORECASE)
_GERUND_DOER = re.compile(r"\s+of\s+(?:(?-i:[a-z]+ly)\s+)?(?-i:[a-z]+ing)\s+")
_PRONOUN_WORD = re.compile(r"\b(?:it|they|he|she)\b", re.IGNORECASE)
_REFLEXIVE = re.compile(r"(?:itself|themselves|himself|herself)\b", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(r"\s+(?:(?-i:[a-z]+ly)\s+)?(?:says|said|say|claims|claimed|claim|"
                            r"alleges|alleged|allege|believes|believed|told|tells|accuses|"
                            r"accused|reports|reported|insists|insisted|argues|argued|"
                            r"maintains|maintained|charges|charged|contends|contended)\b")
# Between a clause's subject and its object pronoun: its verb, with auxiliaries and
# adverbs ("has long funded"), no preposition ("accused Iran of arming them").
_VERB_GAP = re.compile(r"(?:\s+(?!(?:of|to|for|with|by|from|in|on|at|against|and|or|but|"
                       r"which|who|that)\b)(?-i:[a-z])[\w'’-]*){1,4}\s+")
# Before an object pronoun: a preposition, an -ing or -ed form, an irregular past, or a
# verb in -s ("arms it", "supplies them"; not "as", "is", "has", "this", ...).
_OBJECT_SLOT = re.compile(
    r"\b(?:\w+ing|\w+ed|of|to|with|against|for|on|by|gave|give|sent|send|sold|sell|"
    r"built|hid|paid|pay|lent|let|made|kept|keep|brought|bought|taught|fought|met|told|"
    r"help|arm|fund|train|back|support|shelter|host|supply|finance|protect|"
    r"(?!(?:as|is|was|has|does|its|this|thus|whereas|unless|always|perhaps|besides|"
    r"towards|afterwards|years|months|weeks|days|times|others|officials|analysts|"
    r"experts|sources|reports|says)\b)[a-z]\w*[^\Ws]s)\s+$")


def _same_sentence(text: str, a: Mention, b: Mention) -> bool:
    between = text[a.end:b.start]
    return not re.search(r"[.!?][\"'”’]*\s|\n", between)
