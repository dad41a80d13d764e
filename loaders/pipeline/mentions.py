"""Actor mentions: registry names, acronyms defined in the text, organisation names,
people with a title, coalitions, governments and armies, demonyms in agent use.

`find_mentions` returns the mentions (offsets into the text) and the actors they
stand for; actors the registry lacks get `slugify(name)` ids.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from graph.model import ActorKind, fold
from loaders.pipeline.lexicon import load_yaml, mapping, words
from loaders.pipeline.tokens import Entry, NameTrie, Token, is_acronym, tokenize
from loaders.registry import Registry, slugify

RULES = "mentions.yaml"
# Names are folded over and over (aliases compared on every mention): fold each once.
_fold = lru_cache(maxsize=1 << 16)(fold)


@dataclass
class DocActor:
    """An actor as this document knows it."""

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    known: bool = False  # from the registry

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and _fold(alias) != _fold(self.name) and \
                all(_fold(a) != _fold(alias) for a in self.aliases):
            self.aliases.append(alias)


@dataclass
class Mention:
    start: int
    end: int
    actor: str
    form: str  # name | demonym | force | capital | pronoun | nominal | plural
    text: str
    possessive: bool = False


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


@dataclass
class _Lex:
    org_heads: dict[str, ActorKind]
    lowercase_heads: frozenset[str]
    particles: frozenset[str]
    descriptive: frozenset[str]
    state_nouns: re.Pattern[str]
    force_phrase: re.Pattern[str]
    army_nouns: re.Pattern[str]
    agent_suffix: re.Pattern[str]
    person: re.Pattern[str]
    appositive_person: re.Pattern[str]
    led_body: re.Pattern[str]
    article_heads: frozenset[str]
    branch: re.Pattern[str]
    state_force: re.Pattern[str]
    army_heads: frozenset[str]
    demonym_group: re.Pattern[str]
    capital_recipient: re.Pattern[str]
    designated: re.Pattern[str]
    military_modified: re.Pattern[str]
    head_first: re.Pattern[str]
    head_first_company: re.Pattern[str]
    head_places: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    heads = {k.lower(): ActorKind(v) for k, v in mapping(RULES, "org_heads").items()}
    titles = words(RULES, "person_titles")
    pparts = words(RULES, "person_particles")
    name_tok = r"(?:[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*)"
    part = r"(?:(?:" + _alt(pparts) + r")(?:[-\s]))"
    person_name = rf"{name_tok}(?:\s+{part}?{name_tok}){{0,3}}"
    person = re.compile(
        rf"(?<![\w-])(?P<title>(?:(?:{_alt(titles)})\s+)+)(?P<name>{part}?{person_name})"
    )
    roles = words(RULES, "person_roles")
    appositive = re.compile(
        rf"(?<![\w-])(?P<name>{name_tok}(?:\s+{part}?{name_tok}){{1,3}})"
        rf"(?:\s+\((?P<short>[A-Z][\w'’-]+)\))?,\s+(?:a|an|the)\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?:{_alt(roles)})\b"
    )
    # Designation notices: "Farouk Issa Mwinyi (Mwinyi)": a full name, then the one
    # word of it the text will use from now on.
    designated = re.compile(
        rf"(?<![\w-])(?P<name>{name_tok}(?:\s+{part}?{name_tok}){{1,4}})\s+"
        rf"\((?P<short>[A-Z][\w'’-]+)\)"
    )
    prefixes = words(RULES, "branch_prefixes")
    branch = re.compile(rf"(?:{_alt(prefixes)})[-‐](?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
                        r"(?![\w-])")
    force_heads = words(RULES, "state_force_heads")
    state_force = re.compile(
        rf"(?<![\w'’.-])(?P<adj>[A-Z][\w.-]*[a-z.](?:['’]s)?) (?P<head>{_alt(force_heads)})"
        r"(?![\w-])")
    dem_group = re.compile(rf"(?<![\w'’.-])(?P<dem>[A-Z][a-z]+) "
                           rf"(?:{_alt(words(RULES, 'demonym_group_nouns'))})(?![\w-])")
    recipient = re.compile(
        rf"\b(?:(?:{_alt(words(RULES, 'capital_recipient_verbs'))})\s+(?:(?:again|instead|"
        r"increasingly|once more|directly)\s+)?|"
        rf"(?:{_alt(words(RULES, 'capital_buyer_verbs'))})\b[^.;:!?\n]{{1,60}}\s)to\s+$",
        re.IGNORECASE)
    led = re.compile(
        r"(?<![\w-])(?P<lead>(?:[A-Z]\.){2,}|[A-Z][\w]+)-led\s+"
        r"(?P<head>(?:(?:military|international|multinational|Arab|naval)\s+)?"
        r"(?:coalition|alliance|mission))\b(?:\s+forces)?"
    )
    return _Lex(
        org_heads=heads,
        lowercase_heads=frozenset(words(RULES, "lowercase_heads")),
        particles=frozenset(w.lower() for w in words(RULES, "name_particles")),
        descriptive=frozenset(words(RULES, "descriptive_words")),
        state_nouns=re.compile(
            rf"\s+(?:(?:{_alt(words(RULES, 'demonym_noun_modifiers'))})\s+)?"
            rf"(?:{_alt(words(RULES, 'demonym_state_nouns'))})\b"),
        force_phrase=re.compile(
            rf"\s+(?:{_alt(words(RULES, 'demonym_force_phrases'))})(?![\w-])"),
        army_nouns=re.compile(rf"\s+(?:{_alt(words(RULES, 'army_nouns'))})\b"),
        agent_suffix=re.compile(rf"[-‐](?:{_alt(words(RULES, 'agent_suffixes'))})\b"),
        person=person,
        appositive_person=appositive,
        led_body=led,
        article_heads=frozenset(words(RULES, "article_lowercase_heads")),
        branch=branch,
        state_force=state_force,
        army_heads=frozenset(words(RULES, "state_army_heads")),
        demonym_group=dem_group,
        capital_recipient=recipient,
        designated=designated,
        head_first=re.compile(
            rf"(?<![\w'’-])(?:{_alt(words(RULES, 'head_first_group_words'))})"
            r"(?:[ -](?:(?:al|el|ad|as|ash|at|an|ar|ul|wal|wa)-)?[A-Z][\w'’]+){1,3}"
            r"(?![\w-])"),
        military_modified=re.compile(
            rf"\s+(?:{_alt(words(RULES, 'military_modified_nouns'))})\b"),
        head_first_company=re.compile(
            rf"(?<![\w'’-])(?:{_alt(words(RULES, 'head_first_company_words'))})"
            rf"(?: (?!(?:{_alt(words(RULES, 'descriptive_words'))})\b)[A-Z][\w'’-]+){{1,3}}"
            r"(?![\w-])"),
        head_places=frozenset(words(RULES, "places_with_org_heads")),
    )


def _prefix_variants(registry: Registry, actor_id: str, name: str) -> list[str]:
    """`name` with its first word swapped for the others of its family ("ISIS-Sahel" ->
    "ISIL-Sahel", ...), save those naming another actor."""
    out: list[str] = []
    for family in load_yaml(RULES).get("name_prefix_variants") or []:
        for prefix in family:
            m = re.match(rf"{re.escape(str(prefix))}(?P<rest>[-‐ ]\S.*)$", name)
            if not m:
                continue
            for other in family:
                variant = f"{other}{m.group('rest')}"
                known = registry.lookup(variant)
                if other != prefix and (known is None or known.id == actor_id):
                    out.append(variant)
    return out


@lru_cache(maxsize=8)
def _registry_trie(registry: Registry) -> NameTrie:
    trie = NameTrie()
    for actor in registry.actors:
        for name in actor.names():
            trie.add(name, Entry(actor.id, "name", is_acronym(name), name))
            for variant in _prefix_variants(registry, actor.id, name):
                trie.add(variant, Entry(actor.id, "name", is_acronym(variant), variant))
        for dem in registry.demonyms_of(actor.id):
            trie.add(dem, Entry(actor.id, "demonym", False, dem))
            plural = dem + "s" if not dem.endswith(("s", "ese")) else ""
            if plural:
                trie.add(plural, Entry(actor.id, "demonym_plural", False, plural))
    for name in words(RULES, "lowercase_names"):
        known = registry.lookup(name)
        if known is not None:
            trie.add(name, Entry(known.id, "name", False, name, lower_ok=True))
    return trie


def _is_capital_alias(registry: Registry, actor_id: str, alias: str) -> bool:
    """A state's one-word alias that is not its name: a capital used as metonym."""
    actor = registry.get(actor_id)
    return (actor is not None and actor.kind is ActorKind.STATE and " " not in alias.strip()
            and fold(alias) != fold(actor.name) and not is_acronym(alias))


_LOCATIVE = re.compile(r"\b(?:in|on|at|near|around|into|from|across|outside|inside|to|toward|"
                       r"towards|over|via)\s+$", re.IGNORECASE)
_PLACE_NAME = re.compile(r"\b(?:Port|Fort|Lake|Mount|Cape)\s+\||^[^|]*\|\s+City\b")
# "loyal to Tehran", "close to Moscow", "support from Tehran": a capital after these is
# the government ("weapons from Tehran" may be a place).
_BOUND_TO = re.compile(r"\b(?:loyal|allied|close|linked|tied|beholden|answerable|subordinate|"
                       r"aligned|affiliated|connected|allegiance|ties|links|proxy|proxies)\s+"
                       r"(?:(?:very|closely|more|most)\s+)?to\s+$|"
                       r"\b(?:support|backing|funding|financing|aid|assistance|help|orders|"
                       r"instructions|guidance|direction|patronage|sponsorship|protection|"
                       r"encouragement|approval|blessing)\s+from\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['’]s?(?![\w])")
# "the junta in Naypyidaw", "the authorities in Kigali": a capital after a government noun
# is the government, not the place.
_GOV_IN = re.compile(r"(?<![\w-])(?:[Tt]he\s+)?(?:(?-i:[a-z][\w-]*)\s+)?(?:government|junta|"
                     r"regime|authorities|rulers|leadership|administration)\s+in\s+$")
_POSSESSIVE_BRANCH = re.compile(r"['’]s?\s+(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+"
                                r"(?P<head>Province|province|branch|affiliate|wing)(?![\w-])")
# "ISIS's branch in Mozambique", "al-Qaeda's affiliate in Yemen": only a branch the
# registry knows (the head is lower case, so never a name of its own).
_POSSESSIVE_BRANCH_IN = re.compile(r"['’]s?\s+(?P<head>branch|affiliate|province|wing|"
                                   r"franchise|offshoot)\s+in\s+(?:the\s+)?"
                                   r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w-])")
_GOV_AFTER = re.compile(r"^\s+(?:government|regime|authorities|administration|leadership)\b")
# A sentence boundary between two offsets.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z0-9])|\n")
# A state named as the object of a preposition, maybe last in a list ("in southern
# Lebanon", "the war against Ukraine", "in Mali, Niger and Chad").
_PREP_OBJECT = re.compile(
    r"\b(?:in|into|inside|on|onto|at|near|around|across|from|to|toward|towards|over|via|of|"
    r"for|against|between|among|through|throughout|within|outside|beyond|upon|with|"
    r"out\s+of)\s+(?:the\s+)?(?:(?-i:[a-z][\w-]*)\s+)?"
    r"(?:(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,\s*)*"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s+(?:and|or)\s+)?$",
    re.IGNORECASE)
# After a state, the rest of a list it opens or sits inside ("in Mali, Niger and Chad").
_LIST_GOES_ON = re.compile(r"[\w'’.-]*(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*,?\s+"
                           r"(?:and|or)\s+(?:the\s+)?[A-Z]")
# "Turkey has long trained the army", "..., helping the government": a subject acting on
# "the army" (attacks and help given) is not its owner; "Israel has deployed the army" may
# be.
_ACTS_ON_VERB = (
    r"(?:attack(?:s|ed|ing)?|struck|strik(?:e|es|ing)|target(?:s|ed|ing)?|shell(?:s|ed|ing)?|"
    r"bomb(?:s|ed|ing)?|ambush(?:es|ed|ing)?|fought|fight(?:s|ing)?|battl(?:e|es|ed|ing)|"
    r"clash(?:ed|es|ing)\s+with|kill(?:s|ed|ing)?|back(?:s|ed|ing)?|support(?:s|ed|ing)?|"
    r"sponsor(?:s|ed|ing)?|assist(?:s|ed|ing)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|"
    r"arm(?:s|ed|ing)?|train(?:s|ed|ing)?|equip(?:s|ped|ping)?|suppl(?:y|ies|ied|ying)|"
    r"advis(?:e|es|ed|ing)|help(?:s|ed|ing)?|aid(?:s|ed|ing)?|bankroll(?:s|ed|ing)?|"
    r"resuppl(?:y|ies|ied|ying)|accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|"
    r"condemn(?:s|ed|ing)?|sanction(?:s|ed|ing)?|bolster(?:s|ed|ing)?|prop(?:s|ped|ping)\s+up)")
_ACTS_ON_ARMY = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:\s+(?-i:[a-z][\w'’-]*)){0,3}?\s+"
    rf"{_ACTS_ON_VERB}\s+(?:\w+\s+)??")
_ACTS_ON_BEFORE = re.compile(rf"\b{_ACTS_ON_VERB}\s+$")
# A verb of fighting right before "the army" ("which has been at war with the army").
_FIGHTS_BEFORE = re.compile(
    r"\b(?:(?:at\s+)?war\s+(?:with|against)|fight(?:s|ing)?|fought|battl(?:e|es|ed|ing)|"
    r"clash(?:ed|es|ing)?\s+with|attack(?:s|ed|ing)?|ambush(?:es|ed|ing)?|struck|"
    r"strik(?:e|es|ing)|target(?:s|ed|ing)?|overr[au]n|besieg(?:e|es|ed|ing)|"
    r"(?:insurgency|rebellion|offensive|attacks?|war|fight|struggle)\s+(?:against|on))\s+$",
    re.IGNORECASE)
# A state's forces named without the state: "Security forces killed ...", "government
# troops" (the state is read from the text before).
_STATE_FORCES = re.compile(r"(?<![\w'’-])(?:(?:[Tt]he|[Ss]tate)\s+)?(?:[Ss]ecurity\s+forces|"
                           r"[Gg]overnment\s+(?:forces|troops|soldiers))(?![\w-])")
# What may come right before them: a sentence or clause opening, or a lower-case word
# that is no possessive ("its", "rebel", "their own").
_STATE_FORCES_AFTER = re.compile(
    r"(?:^|[.!?;:,(\"“”]\s*|\b(?!(?:its|their|his|her|our|own|rebel|opposition|militia|"
    r"de|facto|parallel|rival|former)\b)(?-i:[a-z][\w-]*)\s+)$")
_ARMY_STATE = re.compile(r"^(?:['’]s?)?\s+(?:military\s+(?:government|junta|rulers)|army|military"
                         r"(?!\s+(?:intelligence|courts?|tribunals?|prosecutors?)\b)"
                         r"|armed\s+forces)\b")


# Heads of company names, in which "Trading" or "Shipping" is part of the name.
_COMPANY_HEADS = frozenset(("ltd", "llc", "inc", "plc", "gmbh", "corporation", "company",
                            "establishment"))
_STATE_KINDS = frozenset((ActorKind.STATE, ActorKind.STATE_AGENCY))
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
_CALENDAR = frozenset((
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"))


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A place in capitals opening a line, as news datelines do ("NAIROBI: ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[start:end].isupper() and not text[line_start:start].strip(" (") and \
        bool(re.match(r"\s*(?:[:–—-]|\(|,)", text[end:end + 3]))


class _Finder:
    def __init__(self, text: str, registry: Registry) -> None:
        self.text = text
        self.registry = registry
        self.lex = _lex()
        self.tokens = tokenize(text)
        self.actors: dict[str, DocActor] = {}
        self.mentions: list[Mention] = []
        # The mentions sorted by start, for overlap queries; `_longest` bounds their
        # length (mentions may grow in place, never shrink or move their start).
        self._starts: list[int] = []
        self._sorted: list[Mention] = []
        self._longest = 0
        self.defined: dict[str, str] = {}  # abbreviations the text defines -> actor id
        # (offset, state id, weight): 2 for "X's government", 1 for a name, 0 a demonym
        self.states_seen: list[tuple[int, str, int]] = []
        self.headlines: dict[int, bool] = {}  # line start -> whether it is a headline
        self.shared_demonyms = self._shared_demonyms()

    # -- actors ---------------------------------------------------------------
    def actor_from_registry(self, actor_id: str) -> DocActor:
        if actor_id not in self.actors:
            a = self.registry.get(actor_id)
            assert a is not None
            self.actors[actor_id] = DocActor(a.id, a.name, a.kind, list(a.aliases), a.country,
                                             known=True)
        return self.actors[actor_id]

    def new_actor(self, name: str, kind: ActorKind, country: str | None = None) -> DocActor:
        known = self.registry.lookup(name)
        if known is not None:
            return self.actor_from_registry(known.id)
        key = _fold(name)
        for other in self.actors.values():  # a name this text already gave an actor
            if not other.known and any(_fold(a) == key for a in other.aliases):
                return other
        aid = slugify(name)
        if aid in self.registry.demonyms or self.registry.get(aid) is not None:
            aid = aid + "-" + kind.value.replace("_", "-")
        if aid not in self.actors:
            self.actors[aid] = DocActor(aid, name, kind, [], country)
        return self.actors[aid]

    # -- mentions -------------------------------------------------------------
    def set_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self._sorted = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._sorted]

    def grown(self, m: Mention) -> None:
        """Call after `m.end` moved right."""
        self._longest = max(self._longest, m.end - m.start)

    def near(self, start: int, end: int) -> list[Mention]:
        """The mentions that may overlap [start, end): every one that does, and some more."""
        lo = bisect_right(self._starts, start - self._longest)
        hi = bisect_left(self._starts, max(end, start + 1))
        return self._sorted[lo:hi]

    def free(self, start: int, end: int) -> bool:
        return all(m.end <= start or m.start >= end for m in self.near(start, end))

    def add(self, start: int, end: int, actor: DocActor, form: str = "name",
            replace: bool = False) -> Mention | None:
        if replace:
            if not self.free(start, end):
                self.set_mentions([m for m in self.mentions
                                   if m.end <= start or m.start >= end])
        elif not self.free(start, end):
            return None
        surface = self.text[start:end]
        if form == "name":
            actor.add_alias(re.sub(r"\s*[(\[].*$", "", surface))
        m = Mention(start, end, actor.id, form, surface,
                    possessive=bool(_POSSESSIVE.match(self.text[end:end + 3])))
        self.mentions.append(m)
        at = bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._sorted.insert(at, m)
        self._longest = max(self._longest, end - start)
        return m

    def registry_names(self) -> None:
        for i, j, entries in _registry_trie(self.registry).scan(self.text, self.tokens):
            start, end = self.tokens[i].start, self.tokens[j - 1].end
            entry = entries[0]
            after = self.text[end:end + 40]
            if entry.form == "name" and j - i == 2 and self.tokens[j - 1].key == "military" \
                    and self.lex.military_modified.match(self.text, end):
                state = self._dem_state(self.tokens[i].key)
                if state is not None:  # "a Malian military drone": Mali's, not its army's
                    self.states_seen.append((start, state, 0))
                    self.add(start, self.tokens[i].end, self.actor_from_registry(state),
                             "demonym")
                    continue
            if entry.form == "name":
                actor = self.actor_from_registry(entry.actor)
                if actor.kind is ActorKind.STATE_AGENCY and actor.country:
                    state = _state_of_country(self.registry).get(actor.country)
                    if state is not None:  # "the Sudanese Armed Forces ... the army"
                        self.states_seen.append((start, state, 1))
                if actor.kind is ActorKind.STATE:
                    self.states_seen.append((start, actor.id, 1))
                    army = _ARMY_STATE.match(after)
                    if army:
                        if " " in self.text[start:end]:  # that pass reads one-word names
                            self.add(start, end + army.end(), self._army_actor(actor.id))
                        continue  # "Sudan's army": the armies pass handles it
                window = self.text[max(0, start - 60):start]
                gov_in = _GOV_IN.search(window) if actor.kind is ActorKind.STATE else None
                if gov_in is not None and re.search(r"['’]s?\s+$", window[:gov_in.start()]):
                    gov_in = None  # "Hamas's political leadership in Damascus": Hamas's
                if gov_in is not None:  # "the junta in Naypyidaw/Niger": the government there
                    self.add(start - len(gov_in.group()), end, actor, "name", replace=True)
                    continue
                if _is_capital_alias(self.registry, entry.actor, entry.alias) and (
                        (_LOCATIVE.search(self.text[max(0, start - 12):start])
                         and not _BOUND_TO.search(self.text[max(0, start - 40):start])
                         and not self.lex.capital_recipient.search(
                             self.text[max(0, start - 80):start]))
                        or _is_dateline(self.text, start, end)):
                    continue  # "attacks on Khartoum", "NAIROBI:": a place, not the government
                if actor.kind is ActorKind.STATE and _PLACE_NAME.search(
                        self.text[max(0, start - 8):start] + "|" + after[:6]):
                    continue  # "Port Sudan", "Kuwait City": a place named after the state
                self.add(start, end, actor)
                continue
            dem_state = self._dem_state(fold(entry.alias)) if entry.form == "demonym" \
                else entry.actor
            if dem_state is None:
                continue  # "Congolese" in a text naming both Congos
            self.states_seen.append((start, dem_state, 0))
            if entry.form == "demonym_plural":
                if not re.match(r"^\s+[A-Z]", after):
                    self.add(start, end, self.actor_from_registry(entry.actor), "demonym")
            elif self._agent_demonym(after):
                force = self.lex.force_phrase.match(after)
                if force is not None:  # "Chadian special forces": the state acting, one slot
                    self.add(start, end + force.end(), self.actor_from_registry(dem_state),
                             "force")
                else:
                    self.add(start, end, self.actor_from_registry(dem_state), "demonym")
            else:
                # "American and Saudi money", "Mozambican and Rwandan security forces":
                # a demonym coordinated with one in agent use is one too.
                co = re.match(r"^(?:,\s+[A-Z][\w-]+)*,?\s+(?:and|or)\s+(?P<dem>[A-Z][\w-]+)",
                              after)
                if co and fold(co.group("dem")) in _demonym_keys(self.registry) and \
                        self._agent_demonym(after[co.end():]):
                    self.add(start, end, self.actor_from_registry(entry.actor), "demonym")

    def _dem_state(self, key: str) -> str | None:
        """The state a folded demonym stands for in this text: a demonym two states share
        ("Congolese") is the one the text names, neither when it names both."""
        if key in self.shared_demonyms:
            return self.shared_demonyms[key] or None
        return _demonym_keys(self.registry).get(key)

    def _shared_demonyms(self) -> dict[str, str]:
        return {fold(str(dem)): state for dem, states in
                mapping(RULES, "shared_demonyms").items()
                if (state := self._named_one_of([str(s) for s in states])) is not None}

    def _named_one_of(self, states: list[str]) -> str | None:
        """Which of `states` the text names: its id when only one, "" when several, None
        when none. A name inside another's longer name ("Republic of Congo" inside
        "Democratic Republic of Congo") does not count."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for sid in states:
            st = self.registry.get(sid)
            if st is None:
                continue
            spans[sid] = [m.span() for n in st.names() for m in
                          re.finditer(rf"(?<![\w-]){re.escape(n)}(?![\w-])", self.text)]
        every = [sp for found in spans.values() for sp in found]
        named = [sid for sid, found in spans.items() if any(
            not any(o[0] <= a and b <= o[1] and o != (a, b) for o in every)
            for a, b in found)]
        if not named:
            return None
        return named[0] if len(named) == 1 else ""

    def _agent_demonym(self, after: str) -> bool:
        """Whether what follows a demonym makes it its state ("Iranian-backed", "Iranian
        officials"; not "the Iranian army", which is the army's)."""
        if self.lex.agent_suffix.match(after):
            return True
        noun = self.lex.state_nouns.match(after)
        army = self.lex.army_nouns.match(after)
        if army is not None and army.group().strip() == "military" and \
                self.lex.military_modified.match(after, army.end()):
            return True
        return noun is not None and (army is None or noun.end() > army.end())

    def branches(self) -> None:
        """"ISIL-Chad": a branch prefix the registry matched alone, a hyphen and a
        capitalised place make a group of its own (the registry's branches matched whole)."""
        for m in list(self.mentions):
            if m.form != "name":
                continue
            hit = self.lex.branch.match(self.text, m.start, m.start + 60)
            if hit is None or hit.end() <= m.end or self._in_headline(m.start) or \
                    self.lex.agent_suffix.match(self.text, m.end):
                continue
            if fold(hit.group("place")) in _demonym_keys(self.registry):
                continue  # "ISIS-Iranian": not a place
            actor = self.new_actor(hit.group(), ActorKind.ARMED_GROUP)
            self.add(m.start, hit.end(), actor, replace=True)

    def possessive_branches(self) -> None:
        """"the Islamic State's Somalia Province", "al-Qaeda's Yemen branch", "ISIS's
        branch in Mozambique": a group's branch named by its place. The registry's branch
        if one of the group's names and the place name it; else, for a capitalised
        "Province", a group of its own."""
        for m in list(self.mentions):
            actor = self.actors.get(m.actor)
            if actor is None or actor.kind is not ActorKind.ARMED_GROUP or not m.possessive:
                continue
            hit = _POSSESSIVE_BRANCH.match(self.text, m.end) or \
                _POSSESSIVE_BRANCH_IN.match(self.text, m.end)
            if hit is None or self._in_headline(m.start):
                continue
            place = hit.group("place")
            state = self._dem_state(fold(place))
            if state is not None:  # "al-Qaeda's Yemeni branch"
                known_state = self.registry.get(state)
                place = known_state.name if known_state is not None else place
            found = None
            for name in (actor.name, *actor.aliases):
                for cand in (f"{name} {place} Province", f"{name} in {place}",
                             f"{name}-{place}", f"{name} {place}"):
                    known = self.registry.lookup(cand)
                    if known is not None and known.id != actor.id:
                        found = known
                        break
                if found is not None:
                    break
            if found is not None:
                branch = self.actor_from_registry(found.id)
            elif hit.group("head") == "Province":
                branch = self.new_actor(f"{actor.name} {place} Province", ActorKind.ARMED_GROUP)
            else:
                continue
            self.add(m.start, hit.end(), branch, replace=True)

    def state_forces(self) -> None:
        """"Colombian National Police", "Venezuela's National Guard", "Nigerien Armed
        Forces": a state's force named by its demonym or name."""
        for m in self.lex.state_force.finditer(self.text):
            if not self.free(m.start(), m.end()) or self._in_headline(m.start()):
                continue
            before = re.search(r"(?<![\w'’-])([A-Z][\w'’-]*)[ -]$",
                               self.text[max(0, m.start() - 30):m.start()])
            if before and before.group(1) not in self.lex.descriptive:
                continue  # inside a longer name ("Free Syrian Army")
            adj = re.sub(r"['’]s$", "", m.group("adj"))
            state = self._dem_state(fold(adj))
            if state is None:
                found = self.registry.lookup(adj)
                state = found.id if found is not None and found.kind is ActorKind.STATE else None
            if state is None:
                continue
            known = self.registry.lookup(m.group())
            if known is not None:
                actor = self.actor_from_registry(known.id)
            elif m.group("head") in self.lex.army_heads:
                actor = self._army_actor(state)
            else:
                country = self.registry.get(state)
                actor = self.new_actor(m.group(), ActorKind.STATE_AGENCY,
                                       country.country if country is not None else None)
            self.add(m.start(), m.end(), actor)

    def companies(self) -> None:
        """"Kwetu Bay Shipping Ltd. (Kwetu Bay)", "Galeria Norte S.A.": a company named with
        its legal form; the name without it (two words or more) and a short name the
        text defines in brackets are how the text goes on to call it."""
        for m in _company_name().finditer(self.text):
            stem = m.group("stem").strip()
            start, end = m.start("stem"), m.end()
            if stem.split()[0] in self.lex.descriptive or self._in_headline(start):
                continue
            if any(x.start < start < x.end or x.start < end < x.end
                   for x in self.near(start, end)):
                continue
            actor = self.new_actor(f"{stem} {m.group('form')}", ActorKind.ORGANIZATION)
            if " " in stem:
                actor.add_alias(stem)
            short = re.match(r"\s*\((?P<short>[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){0,3})\)",
                             self.text[end:end + 60])
            if short and stem.split()[:len(short.group("short").split())] == \
                    short.group("short").split():
                actor.add_alias(short.group("short"))
                self.defined[short.group("short")] = actor.id
                end += short.end()
            self.add(start, end, actor, replace=True)

    def head_first_groups(self) -> None:
        """"Katiba Hanifa", "Liwa al-Quds": an Arabic head word, then the name."""
        for m in self.lex.head_first.finditer(self.text):
            name = m.group().rstrip("'’")
            if re.search(r"['’]s?$", m.group()) or not self.free(m.start(),
                                                                  m.start() + len(name)):
                continue
            if self._in_headline(m.start()):
                continue
            actor = self.new_actor(name, ActorKind.ARMED_GROUP)
            self.add(m.start(), m.start() + len(name), actor)

    def head_first_companies(self) -> None:
        """"Bank Melli Iran", "Bank Saderat": a company's head word, then its name (a
        state named in it is part of the name)."""
        for m in self.lex.head_first_company.finditer(self.text):
            start, end = m.span()
            if self._in_headline(start) or any(
                    x.start < start < x.end or x.start < end < x.end
                    for x in self.near(start, end)):
                continue
            self.add(start, end, self.new_actor(m.group(), ActorKind.ORGANIZATION), replace=True)

    def led_bodies(self) -> None:
        for m in self.lex.led_body.finditer(self.text):
            name = f"{m.group('lead')}-led {m.group('head')}"
            actor = self.new_actor(name, ActorKind.OTHER)
            self.add(m.start(), m.end(), actor, replace=True)

    def people(self) -> None:
        for m in self.lex.person.finditer(self.text):
            name = re.sub(r"['’]s?$", "", m.group("name").strip())
            start = m.start("name")
            end = start + len(name)
            if not self.free(start, end) or self.registry.lookup(name) is not None:
                continue
            actor = self.new_actor(name, ActorKind.PERSON)
            # The title and what qualifies it belong to the mention: "Syrian President
            # Bashar Assad", "US Secretary of State John Kerry", "al-Shabab chairman X".
            first = m.start()
            pre = re.search(r"((?:(?:[A-Z][\w.'’-]*|al|el)[\s-]+){1,3})$",
                            self.text[max(0, first - 40):first])
            if pre and not re.search(r"[.!?]\s*$", self.text[max(0, first - 42):first - len(
                    pre.group(1))]) and pre.group(1).split()[0] not in self.lex.descriptive:
                first -= len(pre.group(1))
            actor.add_alias(self.text[first:end])
            self._person_aliases(actor, end)
            self.add(first, end, actor, replace=True)
        for m in self.lex.designated.finditer(self.text):
            name, short = m.group("name"), m.group("short")
            parts = re.split(r"[\s-]+", name)
            if short not in parts or parts[0] in self.lex.descriptive or \
                    any(p.lower() in self.lex.org_heads for p in parts) or \
                    not self.free(m.start(), m.end("name")) or \
                    self.registry.lookup(name) is not None or self._in_headline(m.start()):
                continue
            actor = self.new_actor(name, ActorKind.PERSON)
            actor.add_alias(short)
            self._person_aliases(actor, m.end("name"))
            self.add(m.start("name"), m.end(), actor)
        for m in _role_then_name().finditer(self.text):
            self._plain_person(m.start("name"), m.end("name"))
        for m in _designated_name().finditer(self.text):
            group = "subj" if m.group("subj") else "obj"
            self._designated_person(m.start(group), m.end(group))
        for m in _initialled_name().finditer(self.text):
            if m.group("last") in self.lex.descriptive or \
                    _demonym_keys(self.registry).get(fold(m.group("first"))) is not None:
                continue
            self._plain_person(m.start(), m.end())
        for m in self.lex.appositive_person.finditer(self.text):
            name = m.group("name")
            if name.split()[0] in self.lex.descriptive or \
                    not self.free(m.start(), m.end("name")):
                continue
            if self.registry.lookup(name) is not None:
                continue
            actor = self.new_actor(name, ActorKind.PERSON)
            self._person_aliases(actor, m.end("name"))
            self.add(m.start("name"), m.end("name"), actor)

    def _designated_person(self, start: int, end: int) -> None:
        """A full name a designation notice writes as the one designated ("X Y Z was
        designated", "designated X Y Z"): a person, unless a word of it is no name part
        (a weekday, "Foreign Terrorist Organization") or a state's name or demonym."""
        parts = self.text[start:end].split(" ")
        stop = _designation_stop_words()
        while parts and parts[0] in stop:  # "On Monday Amina Hersi was designated"
            start += len(parts.pop(0)) + 1
        if not 2 <= len(parts) <= 4 or any(p in stop for p in parts):
            return
        for p in parts:
            known = self.registry.lookup(p)
            if (known is not None and known.kind is ActorKind.STATE) or \
                    _demonym_keys(self.registry).get(fold(p)) is not None:
                return
        self._plain_person(start, end)

    def _plain_person(self, start: int, end: int) -> None:
        """A person named without a title, whose name the caller has judged by context."""
        name = self.text[start:end]
        if name.split()[0] in self.lex.descriptive or not self.free(start, end) or \
                self.registry.lookup(name) is not None or self._in_headline(start) or \
                any(p.lower() in self.lex.org_heads for p in name.split()):
            return
        actor = self.new_actor(name, ActorKind.PERSON)
        self._person_aliases(actor, end)
        self.add(start, end, actor)

    def particle_names(self) -> None:
        """Names built with a particle ("Ayman al-Zawahri", "Abu Bakr al-Baghdadi")."""
        for m in re.finditer(r"(?<![\w-])([A-Z][a-z]+(?: [A-Z][a-z]+)? (?:al|el|bin|ibn|Abu)[- ]"
                             r"[A-Z][\w'’-]+)", self.text):
            start, end = m.span(1)
            if not self.free(start, end) or self.registry.lookup(m.group(1)) is not None:
                continue
            if m.group(1).split()[0] in self.lex.descriptive:
                continue
            actor = self.new_actor(m.group(1), ActorKind.PERSON)
            self._person_aliases(actor, end)
            self.add(start, end, actor)

    def _person_aliases(self, actor: DocActor, end: int) -> None:
        parts = actor.name.split()
        if len(parts) >= 2:
            last = parts[-1]
            if (last[:1].isupper() or "-" in last) and last.lower() not in self.lex.particles:
                actor.add_alias(last)
            if "-" in last:  # "al-Zawahri" is also written "Zawahri"
                actor.add_alias(last.split("-", 1)[1])
        aka = re.match(r",?\s+(?:also known as|known as|alias|a\.k\.a\.?)\s+"
                       r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})", self.text[end:end + 80])
        if aka:
            actor.add_alias(aka.group(1))

    def organisations(self) -> None:
        toks = self.tokens
        for idx, tok in enumerate(toks):
            head = tok.raw.lower()
            kind = self.lex.org_heads.get(head)
            if kind is None:
                continue
            lowercase_head = tok.raw[:1].islower()
            if lowercase_head and head not in self.lex.lowercase_heads and \
                    head not in self.lex.article_heads:
                continue
            if not lowercase_head and not tok.raw[:1].isupper():
                continue
            first = idx
            k = idx - 1
            while k >= 0 and self._joins(toks[k], toks[k + 1]):
                raw = toks[k].raw
                if raw in self.lex.descriptive:
                    break
                if _ORDINAL.fullmatch(raw) and head not in _COMPANY_HEADS:
                    # "the 33rd Front": an ordinal numbers a unit, first; a state's unit
                    # ("the army's 5th Division", "Ukraine's 47th Brigade") stays the state's.
                    owner = re.search(r"([\w-]+)(?:['’]s?)?\s+$", self.text[max(0, toks[k].start
                                                                           - 30):toks[k].start])
                    if owner is None or not (
                            fold(owner.group(1)) in _demonym_keys(self.registry)
                            or owner.group(1).lower() in {"army", "military", "forces"}
                            or any(m.end <= toks[k].start and m.end >= toks[k].start - 3
                                   and self.actors[m.actor].kind in _STATE_KINDS
                                   for m in self.near(toks[k].start - 40, toks[k].start))):
                        first = k
                    break
                if raw[:1].isupper() and (not raw.endswith("ing") or head in _COMPANY_HEADS):
                    first = k
                elif raw.lower() in self.lex.particles and k > 0 and \
                        toks[k - 1].raw[:1].isupper():
                    pass
                else:
                    break
                k -= 1
            if first > 0 and toks[first - 1].key == "al" and toks[first - 1].raw.islower() \
                    and self.text[toks[first - 1].end:toks[first].start] == "-":
                first -= 1  # "the al-Siddiq office" keeps its article
            if first == idx or self._in_headline(tok.start):
                continue
            if lowercase_head and head not in self.lex.lowercase_heads:
                # "the Al-Karrar office", "the ISIS Al-Karrar office": only a name with an
                # article; a group named before it stays a mention of its own.
                art = next((t for t in range(first, idx) if toks[t].key == "al"
                            and self.text[toks[t].end:toks[t].end + 1] == "-"), None)
                if art is None or any(not self._is_named(toks[t]) for t in range(first, art)):
                    continue
                first = art
            # Particles may not start a name.
            while first < idx and toks[first].raw.lower() in self.lex.particles and not (
                    (toks[first].raw[:1].isupper() or head in self.lex.article_heads)
                    and self.text[toks[first].end:toks[first + 1].start] == "-"):
                first += 1  # ("Al-Khaleej Trading" keeps its "Al-")
            if first == idx:
                continue
            start, end = toks[first].start, tok.end
            if head in _COMPANY_HEADS and re.match(r"\.(?:\s*[,;:(]|\s+[a-z])",
                                                   self.text[end:end + 4]):
                end += 1  # "Ltd., which": the period is the abbreviation's
            proper = toks[first:idx]
            if len(proper) == 1 and is_acronym(proper[0].raw) and (lowercase_head or
                                                                   head in {"forces", "army"}):
                # "the Kurdish YPG militia": the acronym is the name, the head describes.
                acr = proper[0]
                known = self.registry.lookup(acr.raw)
                actor = (self.actor_from_registry(known.id) if known
                         else self.new_actor(acr.raw, kind))
                self.add(acr.start, acr.end, actor)
                continue
            if lowercase_head and len(proper) == 1 and self._is_demonym(proper[0]):
                continue
            if all(self._is_demonym(t) for t in proper):
                continue  # "Russian Army" is the state's army, handled as an army
            lead = [m for m in self.near(start, end) if m.start == start and m.possessive
                    and m.end < end]
            if lead:  # "the Houthis' Operations Command": the group and its body
                after_pos = re.match(r"['’]s?\s*", self.text[lead[0].end:end])
                start = lead[0].end + (after_pos.end() if after_pos else 0)
                if not re.search(r"\s", self.text[start:end]):
                    continue
            name = self.text[start:end]
            if name in self.lex.head_places:
                continue
            near = self.near(start, end)
            covered = [m for m in near if m.start >= start and m.end <= end]
            if any(m.start < start < m.end or m.start < end < m.end for m in near):
                continue
            if covered and len(covered) == 1 and covered[0].start == start and \
                    covered[0].end == end:
                continue
            if len(covered) >= 2 and _only_conjunctions(self.text, start, end, covered):
                continue  # "FAMa and Africa Corps convoys": two names, not one
            actor = self.new_actor(name, kind)
            self.add(start, end, actor, replace=True)

    def people_groups(self) -> None:
        """"Tuareg rebels", "Baloch separatists": a capitalised people the registry does
        not know as a state's demonym, and a plural noun for armed men, name a group."""
        nouns = "|".join(re.escape(w) for w in words(RULES, "people_group_nouns"))
        for m in re.finditer(rf"(?<![\w'’.-])(?P<people>[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?) "
                             rf"(?P<noun>{nouns})\b", self.text):
            people = m.group("people")
            if people in _CALENDAR or people in self.lex.descriptive or \
                    fold(people) in _demonym_keys(self.registry):
                continue
            if not self.free(m.start(), m.end()) or self._in_headline(m.start()):
                continue
            if self.registry.lookup(people) is not None:
                continue  # "Houthi fighters": the registry's name already marks them
            of = re.match(r"\s+(?:of|from|belonging to)\s+(?:the\s+)?", self.text[m.end():])
            if of is not None and any(x.start == m.end() + of.end() for x in
                                      self.near(m.end() + of.end(), m.end() + of.end() + 1)):
                continue  # "Tuareg separatists of the CSP-DPA": that group's own men
            actor = self.new_actor(m.group(), ActorKind.ARMED_GROUP)
            self.add(m.start(), m.end(), actor)
        # "the Afghan mujahideen": a demonym and a noun that names fighters as a body.
        for hit in self.lex.demonym_group.finditer(self.text):
            if fold(hit.group("dem")) not in _demonym_keys(self.registry):
                continue
            near = [x for x in self.near(hit.start(), hit.end())
                    if x.start < hit.end() and hit.start() < x.end]
            if any(x.start != hit.start() or x.end != hit.end("dem") for x in near):
                continue
            actor = self.new_actor(hit.group(), ActorKind.ARMED_GROUP)
            self.add(hit.start(), hit.end(), actor, replace=True)

    def _in_headline(self, offset: int) -> bool:
        """Whether `offset` sits in a Title Case line, where capitals name nothing."""
        start = self.text.rfind("\n", 0, offset) + 1
        if start in self.headlines:  # a line is judged once (long lines are slow to read)
            return self.headlines[start]
        end = self.text.find("\n", offset)
        line = self.text[start:end if end >= 0 else len(self.text)]
        ws = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)
              if w.lower() not in self.lex.particles and w.lower() not in {"a", "an", "to", "in",
                                                                             "on", "by", "with"}]
        self.headlines[start] = len(ws) >= 4 and sum(w[0].isupper() for w in ws) >= 0.8 * len(ws)
        return self.headlines[start]

    def _is_named(self, tok: Token) -> bool:
        """Whether `tok` lies inside a mention found so far."""
        return any(m.start <= tok.start and tok.end <= m.end for m in self.near(tok.start,
                                                                                tok.end))

    def _is_demonym(self, tok: Token) -> bool:
        return tok.key in _demonym_keys(self.registry)

    def _joins(self, a: Token, b: Token) -> bool:
        gap = self.text[a.end:b.start]
        return gap in {" ", "-", "'", "’", "' ", "’ "}

    def acronym_definitions(self) -> None:
        """"Long Name (ABC)": ABC names the same actor; an unknown long name becomes one."""
        for m in re.finditer(r"\s*[(\[]([A-Z][A-Za-z0-9&.\-]{1,9})[)\]]", self.text):
            abbr = m.group(1)
            if sum(c.isupper() for c in abbr) < 2:
                continue
            inside = [x for x in self.mentions if x.start >= m.start() and x.end <= m.end()]
            before = [x for x in self.mentions if x.end == m.start() and x.form == "name"]
            same = bool(inside) and before and all(x.actor == before[0].actor for x in inside)
            if before and (same or _abbr_fits(before[0].text, abbr)):
                owner = before[0]
                self.actors[owner.actor].add_alias(abbr)
                self.defined[abbr] = owner.actor
                self.set_mentions([x for x in self.mentions if x not in inside])
                owner.end = m.end()
                self.grown(owner)
                owner.text = self.text[owner.start:owner.end]
                continue
            window = self.text[max(0, m.start() - 120):m.start()]
            long = re.search(r"((?:[A-Z][\w'’]*(?:-[\w'’]+)*\s+(?:(?:of|for|the|and|al|el)\s+)?)"
                             r"{1,7})$", window + " ")
            name = long.group(1).strip() if long else ""
            while name and name.split()[0] in self.lex.descriptive and " " in name:
                name = name.split(None, 1)[1]
            if not name or not _abbr_fits(name, abbr) or len(re.split(r"[\s-]+", name)) < 2:
                # "Alliance des patriotes pour un Congo libre (APCL)": a name in a
                # language that writes its inner words in lower case.
                name = _foreign_name(window, abbr)
                if not name:
                    continue
            start = m.start() - len(name)
            if any(x.start < start < x.end for x in self.mentions):
                continue
            known = self.registry.lookup(name)  # the text defines the abbreviation itself
            if known is None and name.split()[-1] in _not_actor_heads():
                continue  # "Executive Order (E.O.)": an instrument, not an actor
            if known is not None:
                actor = self.actor_from_registry(known.id)
            else:
                head = name.split()[-1].lower()
                kind = self.lex.org_heads.get(head) or self.lex.org_heads.get(
                    name.split()[0].lower(), ActorKind.ORGANIZATION)  # "Front pour ..."
                actor = self.new_actor(name, kind)
            actor.add_alias(abbr)
            self.defined[abbr] = actor.id
            self.add(start, m.end(), actor, replace=True)

    def governments_and_armies(self) -> None:
        text = self.text
        # "Mali's government", "the Russian Federation government": the state itself.
        for mn in list(self.mentions):
            actor = self.actors.get(mn.actor)
            if actor is None or mn.form not in {"name", "demonym"}:
                continue
            after = text[mn.end:mn.end + 40]
            # not "X's coalition government": a party joining it is no ally of X
            g = re.match(r"^(?:['’]s?)?(?:\s+(?:(?!coalition\s)[a-z]+\s+)?)"
                         r"(?:government|regime|authorities|junta)\b", after)
            if g and actor.kind in {ActorKind.STATE, ActorKind.ARMED_GROUP}:
                mn.end += g.end()
                self.grown(mn)
                mn.text = text[mn.start:mn.end]
                mn.form = "name"
                mn.possessive = bool(_POSSESSIVE.match(text[mn.end:mn.end + 3]))
                if "military" in g.group():
                    self._army_of(mn.actor, mn)
                elif actor.kind is ActorKind.STATE:
                    self.states_seen.append((mn.start, actor.id, 2))
                    self._government_alias(actor.id)
        # "the Sudanese army", "Sudan's military government", "the army".
        for tok_re in (r"(?<![\w'’.-])(?P<state>[A-Z][\w.-]*)(?:['’]s?)?\s+(?:military\s+"
                       r"(?:government|junta|rulers)|army|military(?!\s+(?:intelligence|courts?|"
                       r"tribunals?|prosecutors?)\b)|armed\s+forces)\b",):
            for m in re.finditer(tok_re, text):
                if not self.free(m.start(), m.end()):
                    continue
                key = fold(re.sub(r"[^\w-]", "", m.group("state")))
                state = self._dem_state(key)
                if state is None:
                    found = self.registry.lookup(m.group("state").rstrip("'’s"))
                    state = found.id if found and found.kind is ActorKind.STATE else None
                if state is None:
                    continue
                army = self._army_actor(state)
                self.add(m.start(), m.end(), army)
        for m in re.finditer(r"\bthe\s+(?P<head>army|military|(?:[\w-]+\s+){0,2}government)\b",
                             text, re.IGNORECASE):
            if text[m.end():m.end() + 1] == "s" or (
                    not m.group("head").lower().endswith("government")
                    and not self.free(m.start(), m.end())):
                continue
            head = m.group("head").lower()
            if re.match(r"^\s*(?:of|in)\b", text[m.end():m.end() + 5]):
                continue  # "the government of X" is handled by X
            state = self._recent_state(m.start())
            if state is None:
                continue
            if head.endswith("government"):
                if re.search(r"\b(?:military|transitional|interim|rebel|opposition|parallel|"
                             r"unity)\b", head):
                    continue
                start = m.end() - len("government")
                if self.free(start, m.end()):
                    self.add(start, m.end(), self.actor_from_registry(state), "nominal")
                    self._government_alias(state)
            else:
                self.add(m.start(), m.end(), self._army_actor(state))
        # "Security forces killed ...", "government troops": the state's, when the text
        # has just named one state as an agent (not "Hamas security forces", "its forces").
        for m in _STATE_FORCES.finditer(text):
            if not self.free(m.start(), m.end()):
                continue
            if not _STATE_FORCES_AFTER.search(text[max(0, m.start() - 30):m.start()]):
                continue
            state = self._recent_state(m.start())
            if state is not None:
                self.add(m.start(), m.end(), self.actor_from_registry(state), "nominal")

    def _army_of(self, state: str, m: Mention) -> None:
        m.actor = self._army_actor(state).id

    def _army_actor(self, state_id: str) -> DocActor:
        state = self.registry.get(state_id)
        assert state is not None
        dems = self.registry.demonyms_of(state_id)
        dem = dems[0] if dems else state.name
        for candidate in (f"{dem} Armed Forces", f"{dem} Army", f"{state.name} Armed Forces"):
            known = self.registry.lookup(candidate)
            if known is not None:
                return self.actor_from_registry(known.id)
        aid = f"{state_id}-armed-forces"
        if aid not in self.actors:
            self.actors[aid] = DocActor(aid, f"{dem} Armed Forces", ActorKind.STATE_AGENCY,
                                        [f"{dem} army", f"{dem} military"], state.country)
        return self.actors[aid]

    def _recent_state(self, offset: int) -> str | None:
        """The state a bare "the government" or "the army" most likely belongs to: in the
        nearest sentence that names one as an agent (not a place or the object of a
        preposition: "struck targets in Lebanon"; not the subject acting on it: "Turkey
        trained the army"), the strongest reference (a government, then a name, then a
        demonym); two states there and no government among them: no guess ("Russia
        invaded Ukraine. The army ..."), unless the armed group the sentence names is at
        home in one of them."""
        text = self.text
        recent = [(pos, s, w) for pos, s, w in self.states_seen if offset - 600 < pos < offset]
        fought = self._fought_by(offset, {s for _, s, _ in recent})
        if fought is not None:
            return fought
        by_distance: dict[int, list[tuple[int, str, int]]] = {}
        for pos, s, w in recent:
            if self._state_as_place(pos) or self._acts_on(pos, offset):
                continue
            breaks = [m for m in _SENTENCE_BREAK.finditer(text, pos, offset + 2)
                      if m.end() <= offset]
            by_distance.setdefault(len(breaks), []).append((pos, s, w))
        for d in sorted(by_distance):
            found = by_distance[d]
            top = max(w for _, _, w in found)
            states = {s for _, s, w in found if w == top}
            others = {s for _, s, _ in found} - states
            # one state above the rest: a government, or a name among demonyms ("The
            # Sudanese Armed Forces ..., and Egyptian pilots flew for the army")
            if len(states) == 1 and (not others or top == 2 or (top == 1 and all(
                    w == 0 for _, s, w in found if s in others))):
                return next(iter(states))
            break
        if recent:
            # no single agent: the country of the armed group the sentence names, if the
            # text has just named it ("the RSF ..., at war with the army")
            return self._home_state(offset, {s for _, s, _ in recent})
        earlier = [s for pos, s, _ in self.states_seen
                   if pos < offset and not self._state_as_place(pos)]
        return earlier[-1] if earlier else None

    def _sentence_start(self, offset: int, reach: int = 300) -> int:
        """Where the sentence holding `offset` starts (looking `reach` characters back)."""
        lo = max(0, offset - reach)
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(self.text, lo, offset + 2)
                if m.end() <= offset]
        return ends[-1] if ends else lo

    def _sentence_end(self, offset: int) -> int:
        stop = _SENTENCE_BREAK.search(self.text, offset)
        return stop.start() if stop else len(self.text)

    def _fought_by(self, offset: int, near: set[str]) -> str | None:
        """"the RSF, which has been at war with the army": the army an armed group fights
        (named last before it in the sentence) is its home state's, if the text has just
        named that state (even as a place)."""
        if not _FIGHTS_BEFORE.search(self.text, max(0, offset - 40), offset):
            return None
        start = self._sentence_start(offset, 200)
        before = sorted((m for m in self.mentions if start <= m.start and m.end <= offset
                         and m.actor in self.actors), key=lambda m: m.start)
        # the last group before, past places only ("the RSF in Sudan, which ...")
        while before and self.actors[before[-1].actor].kind is ActorKind.STATE and \
                self._state_as_place(before[-1].start):
            before.pop()
        if not before:
            return None
        group = self.actors[before[-1].actor]
        if group.kind is not ActorKind.ARMED_GROUP or group.country is None:
            return None
        homes = {s for s in near if (st := self.registry.get(s)) is not None
                 and st.country == group.country}
        return next(iter(homes)) if len(homes) == 1 else None

    def _home_state(self, offset: int, near: set[str]) -> str | None:
        """The one state of `near` home to the armed groups named in the sentence of
        `offset` (before or after it), if they have one country."""
        start, end = self._sentence_start(offset), self._sentence_end(offset)
        countries = {self.actors[m.actor].country for m in self.mentions
                     if start <= m.start < end and m.actor in self.actors
                     and self.actors[m.actor].kind is ActorKind.ARMED_GROUP}
        homes = {s for s in near if (st := self.registry.get(s)) is not None
                 and st.country in countries}
        return next(iter(homes)) if len(countries) == 1 and len(homes) == 1 else None

    def _state_as_place(self, pos: int) -> bool:
        """Whether the state named at `pos` is a place or a preposition's object ("in
        southern Lebanon", "the war against Ukraine", "in Mali, Niger and Chad"), not an
        agent (the agent of a passive, "by Israel", is one)."""
        head = self.text[self._sentence_start(pos, 80):pos]
        if _PREP_OBJECT.search(head):
            return True
        # an earlier item of a list after a preposition: "in Mali, Niger and Chad"
        item = re.search(r"(?:^|\s)(?P<first>[A-Z][\w'’.-]*)(?:,\s*[A-Z][\w'’.-]*(?:\s+"
                         r"[A-Z][\w'’.-]*)*)*,\s*$", head)
        return item is not None and bool(_PREP_OBJECT.search(head[:item.start("first")])) \
            and bool(_LIST_GOES_ON.match(self.text, pos))

    def _acts_on(self, pos: int, offset: int) -> bool:
        """"Turkey has trained the army", "Turkey supplied drones to Ethiopia, helping
        the government": the subject whose verb takes the reference at `offset` as its
        object does not own it."""
        if self._sentence_start(offset) > pos:
            return False
        if _ACTS_ON_ARMY.fullmatch(self.text, pos, offset):
            return True
        opening = re.sub(r"^(?:The|A|An)\s+", "",
                         self.text[self._sentence_start(pos):pos].strip())
        return not opening and bool(_ACTS_ON_BEFORE.search(self.text, max(0, offset - 30), offset))

    def _government_alias(self, state_id: str) -> None:
        state = self.actors.get(state_id)
        dems = self.registry.demonyms_of(state_id)
        if state is not None and dems:
            state.add_alias(f"{dems[0]} government")

    def doc_aliases(self) -> None:
        """Second pass: acronyms, last names and other names learnt from this text."""
        trie = NameTrie()
        for actor in self.actors.values():
            if actor.known:
                continue
            for alias in (actor.name, *actor.aliases):
                if len(alias) < 3 and not is_acronym(alias):
                    continue
                trie.add(alias, Entry(actor.id, "name", is_acronym(alias), alias))
        for actor in self.actors.values():
            if actor.known:
                for alias in actor.aliases:
                    if is_acronym(alias) and self.registry.lookup(alias) is None:
                        trie.add(alias, Entry(actor.id, "name", True, alias))
        for i, j, entries in trie.scan(self.text, self.tokens):
            start, end = self.tokens[i].start, self.tokens[j - 1].end
            if self.free(start, end):
                self.add(start, end, self.actors[entries[0].actor])
        for m in self.mentions:  # "(FSB)" defined here wins over the registry's FSB
            if m.text in self.defined and m.form == "name":
                m.actor = self.defined[m.text]

    def run(self) -> None:
        self.registry_names()
        self.branches()
        self.possessive_branches()
        self.state_forces()
        self.companies()
        self.led_bodies()
        self.head_first_groups()
        self.head_first_companies()
        self.people()
        self.particle_names()
        self.acronym_definitions()
        self.organisations()
        self.people_groups()
        self.acronym_definitions()
        self.governments_and_armies()
        self.doc_aliases()
        self.mentions.sort(key=lambda m: m.start)


@lru_cache(maxsize=1)
def _role_then_name() -> re.Pattern[str]:
    """"businessman Khalil Omar Haddad": a lower-case role word, then two to four names."""
    roles = "|".join(re.escape(w) for w in sorted(words(RULES, "person_role_words"),
                                                   key=len, reverse=True))
    name_tok = r"[A-Z][a-z][\w'’]*(?:-[A-Z][\w'’]+)?"
    return re.compile(rf"(?<![\w-])(?:{roles}) (?P<name>{name_tok}(?: {name_tok}){{1,3}})"
                      r"(?![\w'’-])")


@lru_cache(maxsize=1)
def _designation_stop_words() -> frozenset[str]:
    return frozenset(words(RULES, "designation_non_name_words"))


@lru_cache(maxsize=1)
def _designated_name() -> re.Pattern[str]:
    """A designation notice's person with no role word: two to four names (a leading
    word such as "On" or a weekday is trimmed later) as the subject of "is being / was /
    has been designated" or the object of active "designated" / "sanctioned" (not a
    passive's complement: "X was designated Specially Designated Global Terrorist")."""
    tok = r"[A-Z][a-z][\w'’]*(?:-[A-Z][\w'’]+)?"
    return re.compile(
        rf"(?<![\w'’.-])(?P<subj>{tok}(?: {tok}){{1,4}})"
        r"(?= (?:is being|was|has been|had been|have been|were) designated\b)"
        r"|(?<!\bwas )(?<!\bis )(?<!\bbeen )(?<!\bbeing )(?<!\bwere )(?<!\bare )"
        rf"\b(?:designated|sanctioned|designating|sanctioning) (?P<obj>{tok}(?: {tok}){{1,3}})"
        r"(?![\w'’-])")


@lru_cache(maxsize=1)
def _initialled_name() -> re.Pattern[str]:
    """"Amina K. Dauda": a first name, a middle initial, a last name."""
    return re.compile(r"(?<![\w.'’-])(?P<first>[A-Z][a-z]{2,}) [A-Z]\. "
                      r"(?P<last>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w'’-])")


def _only_conjunctions(text: str, start: int, end: int, covered: list[Mention]) -> bool:
    """Whether [start, end) holds nothing but the `covered` names joined by "and" or commas
    (the last name may be followed by its head noun, as in "X and Y forces")."""
    rest = []
    pos = start
    for m in sorted(covered, key=lambda x: x.start):
        rest.append(text[pos:m.start])
        pos = m.end
    tail = text[pos:end]
    gaps = "".join(rest)
    return bool(re.fullmatch(r"(?:\s*(?:,|and|&|or)\s*)*", gaps)) and \
        bool(re.fullmatch(r"(?:\s+[\w-]+)?", tail))


@lru_cache(maxsize=1)
def _company_name() -> re.Pattern[str]:
    forms = sorted(words(RULES, "company_suffixes"), key=len, reverse=True)
    form_alt = "|".join(re.escape(f) for f in forms)
    return re.compile(
        r"(?<![\w'’.-])(?P<stem>(?:[A-Z][\w'’&]*(?:-[A-Z&][\w'’&]*)*\s+){1,4})"
        rf"(?P<form>{form_alt})(?![\w])(?!\.[A-Z])")


_FOREIGN_PARTICLES = frozenset((
    "des", "de", "du", "la", "le", "les", "pour", "et", "del", "y", "para", "do", "da", "dos",
    "das", "e", "per", "di", "und", "für", "el", "los", "las", "en", "au", "aux", "pela"))


def _foreign_name(window: str, abbr: str) -> str:
    """The shortest run of words closing `window` that `abbr` abbreviates by the initials
    of all its words, in a language that writes inner words in lower case: it opens with
    a capitalised word, holds a second one and at least one foreign particle."""
    ws = re.findall(r"[\w'’-]+", window)
    tail = window.rstrip()
    if not ws or not tail.endswith(ws[-1]):
        return ""
    for n in range(2, min(len(ws), len(abbr) + 6) + 1):
        cand = ws[-n:]
        first = cand[0]
        if not first[:1].isupper() or first[0].upper() != abbr[0].upper():
            continue
        if sum(w[:1].isupper() for w in cand) < 2 or \
                not any(w in _FOREIGN_PARTICLES for w in cand):
            return ""
        initials = "".join(w[0] for w in cand).upper()
        pos = 0
        for c in (c for c in abbr.upper() if c.isalpha()):
            pos = initials.find(c, pos) + 1
            if pos == 0:
                break
        else:
            text = " ".join(cand)
            return text if tail.endswith(text) else ""
    return ""


def _abbr_fits(name: str, abbr: str) -> bool:
    """Whether `abbr` can abbreviate `name`: same first letter, letters in word order, or
    the initials in another order ("AMIA" for a name translated from Spanish)."""
    initials = "".join(w[0] for w in re.split(r"[\s\-]+", name) if w).upper()
    letters = [c for c in abbr.upper() if c.isalpha()]
    if not initials or not letters or initials[0] != letters[0]:
        return False
    capitals = [w[0].upper() for w in re.split(r"[\s\-]+", name) if w[:1].isupper()]
    if len(letters) >= 3 and sorted(letters) == sorted(capitals):
        return True
    pos = 0
    for c in letters:
        pos = initials.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


@lru_cache(maxsize=1)
def _not_actor_heads() -> frozenset[str]:
    return frozenset(words(RULES, "not_actor_heads"))


@lru_cache(maxsize=8)
def _state_of_country(registry: Registry) -> dict[str, str]:
    return {a.country: a.id for a in registry.actors
            if a.kind is ActorKind.STATE and a.country}


@lru_cache(maxsize=8)
def _demonym_keys(registry: Registry) -> dict[str, str]:
    out: dict[str, str] = {}
    for actor_id, dems in registry.demonyms.items():
        for d in dems:
            out.setdefault(fold(d), actor_id)
    return out


def find_mentions(text: str, registry: Registry) -> tuple[list[Mention], dict[str, DocActor]]:
    """Named mentions in `text` (sorted by offset) and the actors they stand for."""
    finder = _Finder(text, registry)
    finder.run()
    return finder.mentions, finder.actors
