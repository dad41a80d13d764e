"""A shallow clause reader: subject, verb and object of a masked sentence.

The rules of `relations.yaml` match whole constructions; a modifier they did not
foresee ("X, which has long supplied Y with ...", "..., providing Y with ...", "Y was
trained by X") makes them miss. This reader works on tokens instead: it finds verbs
of the relation lexicon, reads their voice, takes the subject from the clause (its
own subject slot, a relative clause's antecedent, or the main clause's subject for a
participle or a coordinated verb) and the object by the verb's frame. Beyond verbs it
reads object relative clauses ("Y, a militia which X armed"), "Y depends on X for Z",
"with the backing of X", "sent N to support Y", "allowed Y to cross". It declines
whenever the subject is ambiguous; the engine uses it only as a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from graph.relations import Relation
from loaders.pipeline.lexicon import load_yaml
from loaders.pipeline.rules import MORE_RULES, RULES

_TOKEN = re.compile(r"⟪(\d+)⟫('s?)?|[\w$€£][\w'’.$-]*[\w$]|[\w$€£]|[^\s\w]")
_PARTICIPLE_IRREGULAR = {"fought", "struck", "given", "sent", "sold", "lent", "paid",
                         "overrun", "propped"}
_PAST_IRREGULAR = _PARTICIPLE_IRREGULAR | {
    "gave", "overran", "said", "told", "found", "made", "led", "took", "taken", "held", "met",
    "began", "begun", "won", "lost", "left", "kept", "brought", "built", "bought", "put",
    "got", "ran", "saw", "seen", "went", "gone", "came", "became", "drove", "shot", "hit",
    "known", "thought", "wrote", "written", "spoke", "spoken", "sought", "fled", "stood"}
_BE = {"is", "are", "was", "were", "be", "been", "being"}
_AUX = _BE | {"has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
              "should", "shall", "do", "does", "did", "not", "never", "also", "still", "long",
              "again", "then", "later", "once", "already", "now", "even", "soon", "first",
              "twice", "together", "jointly", "itself", "themselves", "no", "longer",
              "reportedly", "allegedly", "further", "since"}
_ADVERB_AUX = {"not", "never", "also", "still", "long", "again", "then", "later", "once",
               "already", "now", "even", "soon", "first", "twice", "together", "jointly",
               "itself", "themselves", "no", "longer", "reportedly", "allegedly", "further",
               "since"}
# Words after which "to" continues the verb group ("continued to provide").
_CATENATIVE = {"continue", "continues", "continued", "continuing", "began", "begun", "begin",
               "begins", "start", "started", "starts", "used", "agreed", "decided", "went",
               "go", "goes", "tried", "tries", "sought", "seeks", "seek", "plans", "planned",
               "threatened", "refused", "helped", "appears", "appeared", "seems", "seemed",
               "said", "alleged", "believed", "reported", "thought", "known", "suspected",
               "likely", "able", "set", "moved", "expected", "supposed", "pledged", "vowed",
               "promised", "offered", "on"}
_PREPOSITIONS = {"of", "in", "on", "to", "with", "by", "for", "from", "about", "against", "at",
                 "into", "over", "under", "between", "among", "amongst", "toward", "towards",
                 "than", "near", "across", "within", "inside", "outside", "through", "via",
                 "behind", "beyond", "around", "throughout", "like", "including", "after",
                 "before", "during", "since", "despite", "without", "alongside", "beside",
                 "besides", "upon", "per", "unlike", "amid", "along"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "these", "those",
                "some", "several", "many", "more", "other", "further", "additional", "new",
                "both", "all"}
# Nouns that stand for the actor before them ("X officers trained Y").
_GROUP_NOUNS = {"forces", "force", "troops", "soldiers", "officers", "instructors", "trainers",
                "advisers", "advisors", "militants", "fighters", "commanders", "operatives",
                "government", "army", "military", "navy", "officials", "units", "jets",
                "warplanes", "aircraft", "drones", "authorities", "agents", "militia",
                "militiamen", "gunmen", "regime", "leadership", "leaders", "members",
                "engineers", "personnel", "brigades", "battalions", "cadres", "intelligence",
                "recruits", "trainees", "volunteers"}
_CURRENCY = {"dollars", "euros", "pounds"}
_AMOUNT = _CURRENCY | {"million", "millions", "billion", "billions", "bn", "worth"}
_EQUIPMENT = {"jets", "warplanes", "aircraft", "drones"}
# Verbs of aspect before a gerund: "began arming", "kept funding" (not "stopped").
_ASPECT = {"began", "begun", "begin", "begins", "started", "start", "starts", "continued",
           "continue", "continues", "kept", "keep", "keeps", "resumed", "resume", "resumes"}
_RECEIVE = {"receive", "receives", "received", "receiving", "obtain", "obtains", "obtained",
            "obtaining", "accept", "accepts", "accepted", "accepting"}
_PARTITIVE = {"dozens", "hundreds", "thousands", "scores", "several", "many", "some", "most",
              "one", "two", "three", "four", "five", "members", "elements", "remnants"}
_DEPEND = {"depend", "depends", "depended", "depending", "dependent", "rely", "relies",
           "relied", "relying", "reliant"}
_COPULA = {"remain", "remains", "remained", "became", "become", "becomes", "grew", "grown",
           "seems", "seemed", "appears", "appeared"}
# After the verb of an object relative clause ("which X trained in 2019"): the clause
# has no object of its own.
_CLAUSE_END = {",", ".", ";", ":", ")", "—", "–", "and", "but", "or"}
_ADJUNCT = {"for", "since", "in", "during", "until", "from", "throughout", "across", "at",
            "over", "after", "before", "between", "as", "with"}
_ACCUSE = {"accuse", "accuses", "accused", "suspect", "suspects", "suspected", "blame",
           "blames", "blamed"}
_EXAMPLE_NOUNS = _GROUP_NOUNS | {"factions", "groups", "cells", "elements", "networks",
                                  "militias", "wings"}
# "X allowed Y (fighters) to cross the border": X facilitates Y's movement.
_ALLOW = {"allow", "allows", "allowed", "allowing", "permit", "permits", "permitted",
          "permitting", "let", "lets", "letting"}
_MOVE = {"enter", "move", "cross", "transit", "pass", "travel", "smuggle", "ship",
         "transport", "bring", "withdraw", "escape", "flee", "slip", "reach", "relocate"}
# Heads of an apposition that names a body of people ("X, a coalition of factions that
# ..."), not an event or a claim ("X, a move that Y backed").
_BODIES = _GROUP_NOUNS | {"group", "groups", "coalition", "movement", "faction", "factions",
                          "organisation", "organization", "network", "alliance", "militias",
                          "party", "outfit", "wing", "branch", "affiliate", "front", "rebels",
                          "insurgents", "state", "country", "company", "firm", "umbrella",
                          "platform", "proxy", "offshoot", "splinter", "cell", "cells",
                          "brigade", "battalion", "unit", "division", "guerrillas"}
_SUBORDINATE = {"which", "who", "whom", "whose", "that", "while", "whereas", "although",
                "though", "because", "but", "when", "where", "if", "unless", ";", ":"}
# Verbs that send people on a purpose ("deployed advisers to assist Y"), besides PROVIDE.
_DISPATCH = {"deploy", "deploys", "deployed", "deploying", "dispatch", "dispatches",
             "dispatched", "dispatching"}
# People sent: personnel nouns of the lexicon and these.
_SENT_PEOPLE = {"contractors", "operatives", "instructors", "trainers", "battalions", "brigades",
                "units", "pilots", "guards", "special forces", "paramilitaries", "militiamen"}
_SUCH = {"including", "notably", "namely", "particularly", "especially"}
_CLAUSE_WORDS = {"which", "who", "whom", "whose", "that", "while", "whereas", "although",
                 "though", "because", "but", "when", "where", "if", "unless", "after",
                 "before", "since", "as", "so", "until", "whether", "and", "or"}
_SAYING = re.compile(r"^(?:sa(?:y|ys|id)|told|tells?|claim(?:s|ed)?|accus(?:e|es|ed)|"
                     r"alleg(?:e|es|ed)|warn(?:s|ed)?|report(?:s|ed)?|den(?:y|ies|ied)|"
                     r"urg(?:e|es|ed)|ask(?:s|ed)?|call(?:s|ed)?|believ(?:e|es|ed)|"
                     r"insist(?:s|ed)?|argu(?:e|es|ed)|add(?:s|ed)?|not(?:e|es|ed))$")
# A past form used as an adjective before a noun: "armed groups", "trained fighters".
_ADJECTIVAL = re.compile(r"^(?:group|groups|men|forces|force|militias?|wing|conflict|"
                         r"struggle|opposition|fighters|units?|personnel|gangs?|factions?|"
                         r"rebels?|violence|robbery|clashes|attack|attacks|forces)$")


@dataclass(frozen=True)
class Token:
    text: str
    low: str
    start: int
    end: int
    slot: int | None = None
    possessive: bool = False

    @property
    def is_slot(self) -> bool:
        return self.slot is not None


@dataclass(frozen=True)
class Reading:
    """One relation the reader found: slots, the relation, where its verb stands."""

    subject: int
    relation: Relation
    object: int
    trigger: int
    frame: str


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, Relation]
    participles: dict[str, Relation]
    nouns: dict[str, Relation]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    tables: dict[str, dict[str, Relation]] = {"verbs": {}, "participles": {}, "nouns": {}}
    for name in (RULES, *MORE_RULES):
        lex = (load_yaml(name) or {}).get("lexicon") or {}
        for key, table in tables.items():
            for relation, words in (lex.get(key) or {}).items():
                for w in words or []:
                    table.setdefault(str(w).lower().replace("-", " "), Relation(relation))
    # Multi-word verbs ("prop up") are the rules' business; single words only here.
    verbs: dict[str, Relation] = {w: r for w, r in tables["verbs"].items()
                                  if " " not in w and r is not Relation.ALLIANCE}
    return _Lexicon(verbs, tables["participles"], tables["nouns"])


def tokenize(text: str) -> list[Token]:
    """Slots (with a possessive 's), words and punctuation marks of a masked sentence."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        if m.group(1) is not None:
            out.append(Token(m.group(), m.group(), m.start(), m.end(), int(m.group(1)),
                             bool(m.group(2))))
        else:
            t = m.group()
            out.append(Token(t, t.lower(), m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _provide_verbs() -> re.Pattern[str]:
    """The rules' PROVIDE macro (provide, supply, send, deliver, ...), as one word."""
    macros = (load_yaml("relations.yaml") or {}).get("macros") or {}
    return re.compile(str(macros.get("PROVIDE") or "(?!)"))


def _adjectives_as_words(toks: list[Token], demonyms: frozenset[int]) -> list[Token]:
    """A demonym before a noun other than a group noun qualifies a thing ("Qatari
    drones"), it names no party: it is read as a plain word."""
    out = list(toks)
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if t.slot not in demonyms or not nxt.text[:1].islower():
            continue
        # "Turkish drones struck Y" is Turkey's doing; "provided Qatari drones" is no
        # gift to Qatar
        if nxt.low in _GROUP_NOUNS - _EQUIPMENT or nxt.low in _EQUIPMENT and \
                _starts_clause(toks, i + 1):
            continue
        out[i] = Token(t.text, t.low, t.start, t.end)
    return out


def _is_provide(low: str) -> bool:
    return _provide_verbs().fullmatch(low) is not None


def _form(low: str) -> str:
    """past (also participle), ing, or base (base and -s forms)."""
    if low in _PAST_IRREGULAR or low.endswith("ed"):
        return "past"
    if low.endswith("ing"):
        return "ing"
    return "base"


def _relation_of(low: str) -> tuple[Relation | None, bool]:
    """The verb's own relation (None for a provide-verb whose object names it)."""
    lex = _lexicon()
    if low in lex.verbs:
        return lex.verbs[low], False
    if _is_provide(low):
        return None, True
    return None, False


def read(text: str, demonyms: frozenset[int] = frozenset(),
         relatives_only: bool = False) -> list[Reading]:
    """Every (subject slot, relation, object slot) the clause reader finds in `text`;
    `demonyms` are the slots written as adjectives ("Qatari"); `relatives_only` reads
    relative clauses only (object relatives, and a verb that continues a subject
    relative: "X, who control Y and are armed by Z")."""
    toks = _adjectives_as_words(tokenize(text), demonyms)
    if sum(1 for t in toks if t.is_slot) < 2:
        return []
    if relatives_only:
        return _object_relatives(toks) + [r for r in _read_verbs(toks)
                                          if "coordinated-relative" in r.frame]
    out: list[Reading] = _fronted_participles(toks)
    out.extend(_object_relatives(toks))
    out.extend(_with_backing(toks))
    out.extend(_in_support_of(toks))
    out.extend(_read_verbs(toks))
    return out


# Verbs after which "in support of Y" is no support by the subject ("condemned the
# rallies in support of Y").
_AGAINST_VERBS = {"condemned", "condemns", "condemn", "criticised", "criticized",
                  "criticises", "criticizes", "denounced", "denounces", "banned", "bans",
                  "opposed", "opposes", "rejected", "rejects", "arrested", "arrests",
                  "dispersed", "disperses", "prohibited", "prohibits", "outlawed", "outlaws",
                  "suppressed", "suppresses", "blocked", "blocks"}


def _in_support_of(toks: list[Token]) -> list[Reading]:
    """"X struck Z in support of Y", "X acts in support of Y": the clause's subject
    supports Y (within one clause, a few words after its verb)."""
    out: list[Reading] = []
    for w in range(len(toks) - 3):
        if (toks[w].low, toks[w + 1].low, toks[w + 2].low) != ("in", "support", "of"):
            continue
        j = _skip_modifiers(toks, w + 3, 0)
        if j >= len(toks) or not toks[j].is_slot or toks[j].possessive:
            continue
        supported = _slots(toks, _slot_list_forward(toks, j))
        subjects = _clause_subject_before(toks, w)
        if not subjects:
            continue
        # the subject's verb: not too far back, no comma between, not a verb against
        k = w - 1
        while k >= 0 and not (toks[k].is_slot and toks[k].slot in subjects):
            if toks[k].text == "," or toks[k].low in _AGAINST_VERBS or w - k > 10:
                break
            k -= 1
        if k < 0 or not toks[k].is_slot:
            continue
        out += [Reading(x, Relation.SUPPORT, y, toks[w].start, "in-support-of")
                for x in subjects for y in supported if x != y]
    return out


def _read_verbs(toks: list[Token]) -> list[Reading]:
    """What each verb of the lexicon (and each special verb) reads in its clause."""
    out: list[Reading] = []
    for v, tok in enumerate(toks):
        if tok.is_slot or not tok.text[:1].islower():
            continue
        special = next((reader for words, reader in _SPECIAL_VERBS if tok.low in words), None)
        if special is not None:
            out.extend(special(toks, v))
            continue
        relation, provide = _relation_of(tok.low)
        if relation is None and not provide:
            continue
        out.extend(_read_verb(toks, v, relation, provide))
    return out


def _group_start(toks: list[Token], v: int) -> tuple[int, bool, bool]:
    """Where the verb group ending at `v` starts, whether it is passive (its nearest
    auxiliary is a form of "be"), whether it holds an auxiliary or catenative."""
    i = v
    nearest: str | None = None
    has_aux = False
    while i > 0:
        p = toks[i - 1]
        if p.is_slot:
            break
        adverb = p.low.endswith("ly") and len(p.low) > 4 and p.low != "only"
        if p.low in _AUX or adverb:
            if nearest is None and p.low in _AUX and p.low not in _ADVERB_AUX:
                nearest = p.low
            has_aux = has_aux or p.low in _AUX
            i -= 1
            continue
        if p.low == "to" and i >= 2 and toks[i - 2].low in _CATENATIVE:
            nearest = nearest or "to"
            has_aux = True
            i -= 2
            continue
        if p.low in _ASPECT and i == v and toks[v].low.endswith("ing"):
            nearest = nearest or p.low  # "began arming Y"
            has_aux = True
            i -= 1
            continue
        break
    return i, nearest in _BE, has_aux


def _slot_list_back(toks: list[Token], end: int) -> tuple[list[int], int]:
    """The slots of a list "A, B and C" ending at token `end`, and where the list starts."""
    members = [end]
    i = end
    if i >= 5 and toks[i - 1].low in {"and", "or"} and toks[i - 2].text == "," and \
            toks[i - 3].is_slot and not toks[i - 3].possessive and toks[i - 4].text == "," \
            and toks[i - 5].is_slot:
        i -= 3  # "A, B, and C" (two members with a comma, "A, and B", are two clauses)
        members.append(i)
    # bare commas only once an "and" closed the list: "According to Z, X attacked"
    while i >= 2 and (toks[i - 1].low in {"and", "&", "or"} or toks[i - 1].text == "," and
                      len(members) > 1) and toks[i - 2].is_slot and not toks[i - 2].possessive:
        i -= 2
        members.append(i)
    return sorted(members), i


def _slot_list_forward(toks: list[Token], start: int) -> list[int]:
    """The slots of a list starting at token `start` (a slot). Bare commas join members
    only in a list that ends with "and"/"or" ("A, B and C"): "Y, Z said" is no list."""
    members = [start]
    bare = [False]  # whether each member was joined by a bare comma
    i = start
    # a possessive is no member: "funds A, B, and C's critics applaud" ends at B
    while i + 2 < len(toks) and toks[i + 1].low in {"and", ",", "&", "or"} and \
            toks[i + 2].is_slot and not toks[i + 2].possessive:
        i += 2
        members.append(i)
        bare.append(toks[i - 1].low == ",")
    # "A, B, and C"; not "A, and B": "X, which arms A, and Z, which bombs them"
    if len(members) > 1 and i + 3 < len(toks) and toks[i + 1].low == "," and \
            toks[i + 2].low in {"and", "or"} and toks[i + 3].is_slot and \
            not toks[i + 3].possessive:
        members.append(i + 3)
        bare.append(False)
    if len(members) > 1 and _starts_clause(toks, members[-1] + 1):
        # "X attacked Y and Z retaliated": Z begins a clause of its own, and what is
        # left must still be a list closed by "and" ("armed A, B and C responded": A)
        members.pop()
        bare.pop()
    while bare[-1]:
        members.pop()
        bare.pop()
    return members


def _starts_clause(toks: list[Token], i: int) -> bool:
    """Whether token `i` begins a verb group (after a slot, that slot is a subject)."""
    if i >= len(toks) or not toks[i].text[:1].islower():
        return False
    t = toks[i].low
    if t in _GROUP_NOUNS and i + 1 < len(toks):
        t = toks[i + 1].low
    return (t in _AUX and t not in {"together", "jointly", "itself", "themselves"}) or \
        _form(t) == "past" or t in _lexicon().verbs and t.endswith("s")


def _np_head_back(toks: list[Token], i: int) -> tuple[list[int], int] | None:
    """The actor slots of a noun phrase ending at token `i`: a slot (list), or a slot and a
    group noun ("X officers"); None when the phrase is no actor's."""
    t = toks[i]
    if t.is_slot:
        if t.possessive:
            return None
        return _slot_list_back(toks, i)
    if t.low in _GROUP_NOUNS and i > 0 and toks[i - 1].is_slot:
        return _slot_list_back(toks, i - 1)
    return None


def _free_subject(toks: list[Token], first: int) -> bool:
    """Whether a subject noun phrase starting at `first` stands free (not inside a
    prepositional phrase, not the object of another verb)."""
    if first == 0:
        return True
    p = toks[first - 1]
    return p.low not in _PREPOSITIONS and p.low not in {"'s", "s"}


def _complementizer(toks: list[Token], i: int) -> bool:
    """Whether the "that" at token `i` follows a verb ("found that X ..."), not a noun."""
    if i == 0:
        return False
    w = toks[i - 1].low
    return bool(_SAYING.match(w)) or _form(w) == "past" or w in {
        "found", "finds", "shows", "showed", "shown", "suggests", "means", "indicates",
        "concluded", "assesses", "assessed", "believes", "thinks", "knows", "evidence"}


def _main_subject(toks: list[Token], before: int) -> list[int] | None:
    """The subject a participle or a coordinated verb at token `before` continues: the
    nearest free slot (list) before it that heads a verb group, else the sentence's
    first slot; None when a clause word or another subject stands between."""
    found: list[int] | None = None
    for n in range(before - 2, -1, -1):
        t = toks[n]
        if not t.is_slot or t.possessive:
            continue
        j = n + 1
        if toks[j].low in _GROUP_NOUNS:
            j += 1
        nxt = toks[j].low if j < before else ""
        if (nxt in _AUX and nxt not in _ADVERB_AUX) or (
                toks[j].text[:1].islower() and _form(nxt) == "past"):
            members, first = _slot_list_back(toks, n)
            if first > 0 and (toks[first - 1].low in _PREPOSITIONS | {"which", "whom"} or
                              toks[first - 1].low == "that" and not _complementizer(toks,
                                                                                    first - 1)):
                return None  # "the militia that X backed fought on, killing ...": unclear
            found = members
            break
    if found is None:
        i = 0
        # a fronted phrase: "In 2019, ..." / "According to X, ..."
        if toks and (toks[0].low in _PREPOSITIONS or toks[0].low in {"according", "as"}):
            while i < before and toks[i].text != ",":
                i += 1
            i += 1
        i = _after_speaker(toks, i, before)
        if i < before and toks[i].low == "the":
            i += 1
        if i >= before or not toks[i].is_slot or toks[i].possessive:
            return None
        found = _slot_list_forward(toks, i)
    j = found[-1] + 1
    if j < len(toks) and toks[j].low in _GROUP_NOUNS:
        j += 1
    if j >= before or toks[j].is_slot or not toks[j].text[:1].islower():
        return None
    k = j
    while k < before and (toks[k].low in _AUX or toks[k].low.endswith("ly")):
        if toks[k].low in _BE and k + 1 < before and _form(toks[k + 1].low) == "past":
            return None  # a passive main clause: "X was attacked by Y, killing ..."
        k += 1
    if k < before and _SAYING.match(toks[k].low):
        return None  # "X said ..., arming Y": whose arming is unclear
    for t in toks[j:before]:
        if t.low in {";", ":", "which", "who", "whom", "whose", "while", "whereas",
                     "although", "though", "because", "but", "if", "unless", "when",
                     "after", "before", "since", "that", "—", "–", "(", ")"}:
            return None
    # another slot followed directly by a verb group starts a clause of its own
    for n in range(j, before - 1):
        if toks[n].is_slot and not toks[n].possessive:
            nxt_tok = toks[n + 1]
            if nxt_tok.low in _AUX and nxt_tok.low not in _ADVERB_AUX:
                return None
            if nxt_tok.text[:1].islower() and _form(nxt_tok.low) == "past" and \
                    (n == 0 or toks[n - 1].low not in _PREPOSITIONS):
                return None
    return [s for m in found if (s := toks[m].slot) is not None]


_REPORTING = {"said", "says", "say", "added", "adds", "noted", "notes", "stated", "states",
              "reported", "reports", "claimed", "claims", "alleged", "alleges", "believe",
              "believes", "believed", "insisted", "insists", "argued", "argues", "confirmed",
              "confirms", "found", "concluded", "assessed", "assesses"}


def _after_speaker(toks: list[Token], i: int, before: int) -> int:
    """Where the reported clause starts after a short opening speaker ("Officials said
    (that) ...", "X says ..."); `i` itself when the sentence opens otherwise."""
    m = i
    while m < before and m - i < 5 and toks[m].low not in _REPORTING:
        if toks[m].text in {",", ";", ":", "(", ")"} or toks[m].low in _CLAUSE_WORDS or \
                toks[m].low in _lexicon().verbs:
            return i
        m += 1
    if m == i or m >= before or toks[m].low not in _REPORTING:
        return i
    m += 1
    return m + 1 if m < before and toks[m].low == "that" else m


def _subjects(toks: list[Token], v: int, g: int, has_aux: bool,
              depth: int = 0) -> tuple[list[int], str] | None:
    """The subject slots of the verb at `v` whose group starts at `g`, and how found."""
    if g == 0:
        return None
    p = toks[g - 1]
    form = _form(toks[v].low)
    np = _np_head_back(toks, g - 1)
    if np is not None:
        members, first = np
        if not _free_subject(toks, first):
            return None
        if first > 0 and _verb_before(toks[first - 1]):
            members = members[-1:]  # "X armed A and B attacked C": only B is a subject
        if form == "ing" and not has_aux:
            return None  # "X fighting Y" is a noun phrase, not a clause
        if form == "base" and not has_aux and toks[v].low.endswith("s") is False and \
                len(members) == 1:
            return None  # "X support for Y": a noun after an actor's name
        return [s for m in members if (s := toks[m].slot) is not None], "subject"
    if p.low in {"and", "or", ","} and g >= 2 and not toks[g - 2].is_slot and \
            toks[g - 2].low in _lexicon().verbs and _form(toks[g - 2].low) == form and \
            depth < 3 and (p.low != "," or _verb_list_closed(toks, v)):
        # "X, which armed and funded Y": the first verb's subject
        g2, _, aux2 = _group_start(toks, g - 2)
        return _subjects(toks, g - 2, g2, aux2, depth + 1)
    if p.low == "by" and form == "ing" and not has_aux:
        accused = _accused_before(toks, g - 1)
        if accused:  # "accused X of prolonging the war by arming Y": X arms
            return accused, "accused"
    if p.low == "of" and form == "ing" and g >= 3 and (
            toks[g - 3].low in _ACCUSE or
            g >= 4 and toks[g - 3].low == "the" and toks[g - 4].low in _ACCUSE):
        np = _np_head_back(toks, g - 2)
        if np is not None:  # "accused X of arming Y": X arms
            return [s for m in np[0] if (s := toks[m].slot) is not None], "accused"
        return None
    if p.low in {"which", "who", "that"}:
        k = g - 2
        if k >= 0 and toks[k].text == ",":
            k -= 1
        if k < 0:
            return None
        np = _np_head_back(toks, k)
        if np is None:
            return None
        members, first = np
        # "shipped by X, which has supplied ...": an agent is an antecedent too
        if not _free_subject(toks, first) and toks[first - 1].low != "by":
            return None
        return [s for m in members if (s := toks[m].slot) is not None], "relative"
    if p.text == "," and (form == "past" or has_aux and form != "ing"):
        aside = _before_aside(toks, g - 1)
        if aside:
            return aside, "aside"
        named = _named_members(toks, g - 1)
        if named:
            return named, "members"
    if p.text == "," and form in {"ing", "past"} and not has_aux:
        if form == "past":
            return None  # ", backed by X": a description; the rules read those
        main = _main_subject(toks, g - 1)
        return (main, "participle") if main else None
    if p.low == "and" and (form == "past" or has_aux or _finite_present(toks, v)):
        main = _main_subject(toks, g - 1)
        if main:
            return main, "coordinated"
        head = _relative_head(toks, g - 1)
        return (head, "coordinated-relative") if head else None
    return None


def _finite_present(toks: list[Token], v: int) -> bool:
    """Whether the verb at `v`, without an auxiliary, can only be a finite verb
    ("and receives weapons"), not a noun ("and arms", "and support")."""
    low = toks[v].low
    return low in _RECEIVE and not low.endswith("ing") or \
        low.endswith("s") and low in _lexicon().verbs and low not in _lexicon().nouns


def _relative_head(toks: list[Token], before: int) -> list[int] | None:
    """The antecedent of a subject relative clause whose verb phrase the "and" at token
    `before` continues: "X, who control Y and are armed by Z" (X); None unless the
    clause is plain (no comma, no other clause word, the relative word its subject)."""
    k = before - 1
    while k >= 0 and toks[k].low not in {"who", "which", "that"}:
        t = toks[k]
        if t.text in {",", ";", ":", "(", ")", "—", "–"} or \
                t.low in _CLAUSE_WORDS - {"and", "or"} or _SAYING.match(t.low):
            return None
        k -= 1
    if k < 2 or toks[k + 1].is_slot or not toks[k + 1].text[:1].islower() or \
            toks[k - 1].text != ",":
        return None  # "the militia that X backed and ...": X is the first verb's subject
    np = _np_head_back(toks, k - 2)
    if np is None:
        return None
    members, first = np
    if not _free_subject(toks, first) and toks[first - 1].low != "by":
        return None
    return [s for m in members if (s := toks[m].slot) is not None]


_ACCUSE = {"accuse", "accuses", "accused", "accusing", "suspect", "suspects", "suspected",
           "suspecting", "blame", "blames", "blamed", "blaming", "charged", "charge",
           "charges", "charging", "convicted", "indicted"}


def _accused_before(toks: list[Token], by: int) -> list[int] | None:
    """The one accused in "ACCUSE X of V-ing ... by" before the "by" at token `by`,
    within one clause (no comma, clause word or other slot between)."""
    k = by - 1
    while k >= 2 and by - k < 12:
        t = toks[k]
        if t.is_slot or t.text in {",", ";", ":", "(", ")"} or \
                t.low in _CLAUSE_WORDS - {"and", "or"}:
            return None
        if t.low == "of" and toks[k + 1].low.endswith("ing"):
            np = _np_head_back(toks, k - 1)
            if np is None:
                return None
            verb = np[1] - 1
            if verb >= 1 and toks[verb].low == "the":
                verb -= 1
            if verb < 0 or toks[verb].low not in _ACCUSE:
                return None
            return [s for m in np[0] if (s := toks[m].slot) is not None]
        k -= 1
    return None


def _verb_before(t: Token) -> bool:
    """Whether the word `t`, before a list of actors, is a verb whose objects they are."""
    if t.is_slot or not t.text[:1].islower() or t.low in _AUX or t.low in _DETERMINERS:
        return False
    return _relation_of(t.low) != (None, False) or _form(t.low) == "past"


def _verb_list_closed(toks: list[Token], v: int) -> bool:
    """Whether the verb at `v` is in a comma list of verbs that an "and"/"or" closes
    ("trained, armed and financed"), not before a comma that ends a clause."""
    verbs = _lexicon().verbs
    while v + 2 < len(toks) and toks[v + 1].text == "," and toks[v + 2].low in verbs:
        v += 2
    return v + 2 < len(toks) and toks[v + 1].low in {"and", "or"} and toks[v + 2].low in verbs


# An aside that makes the verb after it a matter of words or law, not force: "in a
# speech", "in a new round of sanctions".
_WORDS_NOT_DEEDS = {"speech", "speeches", "statement", "statements", "interview",
                    "interviews", "address", "remarks", "op-ed", "article", "tweet", "post",
                    "letter", "debate", "sanctions", "resolution", "ruling", "verdict",
                    "lawsuit", "court", "hearing", "testimony", "briefing", "communique"}


def _before_aside(toks: list[Token], close: int) -> list[int] | None:
    """The subject before an aside that ends with the comma at `close`: "X, backed by
    Y, attacked Z", "X, along with Y, has attacked Z". The subject must open the
    sentence (after a fronted phrase) or follow "that"."""
    k = close - 1
    while k > 0 and close - k < 16 and toks[k].text not in {",", ";", ":", "—", "–", "("}:
        k -= 1
    if k <= 0 or toks[k].text != "," or close - k < 2:
        return None
    if any(t.low in _WORDS_NOT_DEEDS for t in toks[k + 1:close]):
        return None  # "X, in a speech at the UN, attacked Y": words, not a deed
    np = _np_head_back(toks, k - 1)
    if np is None:
        return None
    members, first = np
    before = toks[first - 1].low if first > 0 else ""
    if first > 0 and before != "that" and not (before == "," and first >= 2 and (
            toks[0].low in _PREPOSITIONS or toks[0].low in {"according", "as"} or
            toks[0].text[:1].isdigit())):
        return None
    if before == "that" and not _complementizer(toks, first - 1):
        return None
    return [s for m in members if (s := toks[m].slot) is not None]


_PLURAL_BODIES = {"groups", "militias", "factions", "movements", "organisations",
                  "organizations", "forces", "rebels", "insurgents", "jihadists", "proxies",
                  "networks", "outfits", "paramilitaries", "states", "countries",
                  "governments", "allies", "affiliates", "brigades", "units"}


def _named_members(toks: list[Token], close: int) -> list[int] | None:
    """The actors an opening plural subject names between commas, when the comma at
    `close` ends them: "Iraqi militias, including X and Y, have attacked Z" (X and Y
    attack). The plural must open the sentence (after "the" or a few modifiers)."""
    if close < 5 or not toks[close - 1].is_slot or toks[close - 1].possessive:
        return None
    members, first = _slot_list_back(toks, close - 1)
    k = first - 1
    if toks[k].low in {"including", "notably", "especially", "particularly", "namely"}:
        k -= 1
    elif (toks[k - 1].low, toks[k].low) in {("among", "them"), ("such", "as")}:
        k -= 2
    else:
        return None
    if k < 1 or toks[k].text != ",":
        return None
    h = k - 1
    if h >= 2 and toks[h - 1].low in {"in", "across", "from"} and (
            toks[h].is_slot or toks[h].text[:1].isupper()):
        h -= 2  # "Militias in Iraq, including X, ..."
    if toks[h].low not in _PLURAL_BODIES:
        return None
    head = toks[:h]
    if len(head) > 5:
        return None
    for n, t in enumerate(head):
        if t.is_slot:
            continue
        nxt = toks[n + 1]
        if t.text in {",", ";", ":", "(", ")"} or t.low in _CLAUSE_WORDS or \
                t.low in _PREPOSITIONS and not (t.low in {"in", "across", "from"} and (
                    nxt.is_slot or nxt.text[:1].isupper())) or \
                t.text[:1].islower() and _form(t.low) == "past" and \
                not (nxt.low in _PLURAL_BODIES or _ADJECTIVAL.match(nxt.low)):
            return None  # "Militias that X armed, including Y, ...": not an opening plural
    return [s for m in members if (s := toks[m].slot) is not None]


def _skip_modifiers(toks: list[Token], i: int, limit: int = 3) -> int:
    """Past determiners and at most `limit` plain lower-case words ("the rebel ...")."""
    n = 0
    while i < len(toks) and not toks[i].is_slot:
        t = toks[i]
        if t.low in _DETERMINERS:
            i += 1
            continue
        if n < limit and t.text[:1].islower() and t.low not in _PREPOSITIONS and \
                t.low not in _CLAUSE_WORDS and t.low not in _AUX and \
                (_relation_of(t.low) == (None, False) or _form(t.low) == "past") and \
                t.low not in _lexicon().nouns:
            n += 1
            i += 1
            continue
        break
    return i


# Nouns after an actor that name other people: its opponents, rivals, victims.
OTHER_PEOPLE = {"opponents", "rivals", "enemies", "foes", "adversaries", "critics",
                 "detractors", "victims", "captives", "hostages", "defectors", "deserters"}
# Words that describe the group named after them ("the paramilitary RSF").
_GROUP_EPITHETS = {"paramilitary", "rebel", "militant", "jihadist", "insurgent", "islamist",
                   "separatist", "extremist", "terrorist", "outlawed", "banned", "proscribed",
                   "powerful", "notorious", "shadowy", "secessionist"}


def _objects_at(toks: list[Token], i: int) -> list[int]:
    """The object slots of a noun phrase starting at token `i` (a list, or a noun named
    by example: "groups, including A and B")."""
    if i + 1 < len(toks) and toks[i].low in _PARTITIVE and toks[i + 1].low == "of":
        i += 2  # "killed dozens of X soldiers"
    j = _skip_modifiers(toks, i, 1)
    if j < len(toks) and toks[j].is_slot:
        if toks[j].possessive:
            return []
        if j > i and toks[j - 1].low not in _DETERMINERS | _GROUP_EPITHETS:
            return []  # "attacked government X": too loose to trust
        members = _slot_list_forward(toks, j)
        k = members[-1] + 1
        if k < len(toks) and toks[k].low in OTHER_PEOPLE:
            return []  # "armed Houthi opponents": the opponents
        out = [s for m in members if (s := toks[m].slot) is not None]
        # "X groups, including A and B": the examples too
        if k + 2 < len(toks) and toks[k].text[:1].islower() and toks[k + 1].text == "," \
                and toks[k + 2].low in _SUCH:
            out += _examples(toks, k + 3)
        return out
    # "groups, including A and B" / "groups such as A"
    j = _skip_modifiers(toks, i, 3)
    if j + 1 < len(toks) and toks[j].text == ",":
        j += 1
    if j < len(toks) and toks[j].low in _SUCH:
        j += 1
    elif j + 1 < len(toks) and toks[j].low == "such" and toks[j + 1].low == "as":
        j += 2
    else:
        return []
    return _examples(toks, j)


def _examples(toks: list[Token], i: int) -> list[int]:
    """The slots named as examples after "including" / "such as": "A and B", also with a
    group noun after a member ("including A factions and B")."""
    out: list[int] = []
    j = i
    while j < len(toks):
        while j < len(toks) and toks[j].low in {"the", "a", "an"}:
            j += 1
        if j >= len(toks) or not toks[j].is_slot or toks[j].possessive:
            break
        slot = toks[j].slot
        if slot is not None:
            out.append(slot)
        j += 1
        if j < len(toks) and toks[j].low in _EXAMPLE_NOUNS:
            j += 1
        if j + 1 < len(toks) and toks[j].low in {",", "and", "or"}:
            j += 1
            continue
        break
    if len(out) > 1 and j < len(toks) and _starts_clause(toks, j):
        out.pop()  # "including A, and B attacked": B begins a clause of its own
    return out


def _after_list(toks: list[Token], i: int) -> int:
    """The token after the object phrase starting at `i` (past a list and an example
    aside), for a frame's "with ..." that follows it."""
    j = i
    while j < len(toks) and j - i < 30 and toks[j].low not in {"with", ";", ":"} and \
            toks[j].low not in {"which", "who", "but", "while"}:
        j += 1
    return j


def _theme(toks: list[Token], i: int, stop: set[str]) -> tuple[list[Relation], int]:
    """The relations named by the nouns of a theme phrase starting at token `i` ("troops,
    heavy weapons and logistical support"), and the token after it."""
    nouns = _lexicon().nouns
    rels: list[Relation] = []
    money = False
    j = i
    while j < len(toks) and j - i < 20:
        t = toks[j]
        if t.is_slot or t.low in stop or t.low in {";", ":", ".", "which", "who", "but",
                                                   "while", "that", "(", ")"}:
            break
        if t.low in _CURRENCY or t.low[:1] in "$€£":
            money = True
        elif t.low in _PREPOSITIONS and t.low != "of" and not (
                t.low == "in" and j > i and _amount(toks[j - 1].low)) and not (
                t.low == "than" and j > i and toks[j - 1].low in {"more", "less", "fewer"}):
            break  # "more than $5 million in military aid" goes on
        two = f"{t.low} {toks[j + 1].low}" if j + 1 < len(toks) else ""
        rel = nouns.get(two) or nouns.get(t.low)
        if rel is None and t.low not in _AMOUNT:
            rel = nouns.get(f"{two}s") or nouns.get(f"{t.low}s")  # "every advanced weapon"
        if rel is not None and rel not in rels:
            rels.append(rel)
        j += 1
    if money and not rels:
        rels.append(Relation.FUNDING)
    return rels, j


def _amount(low: str) -> bool:
    return low in _AMOUNT or low[:1] in "$€£" or low[:1].isdigit()


def _read_verb(toks: list[Token], v: int, relation: Relation | None,
               provide: bool) -> list[Reading]:
    verb = toks[v]
    form = _form(verb.low)
    if v + 1 < len(toks) and _ADJECTIVAL.match(toks[v + 1].low) and form == "past":
        return []
    g, passive, has_aux = _group_start(toks, v)
    passive = passive and form == "past"
    if provide and relation is None and _reduced_passive(toks, v, g, has_aux):
        # "weapons supplied by X to Y were found ...": a participle after its theme
        return _passive_provide(toks, v, g, [])
    subj = _subjects(toks, v, g, has_aux)
    if passive and provide and relation is None:
        return _passive_provide(toks, v, g, subj[0] if subj else [])
    if subj is None:
        return []
    subjects, how = subj
    pairs: list[tuple[int, int, Relation, str]] = []
    if passive:
        agents = _agent(toks, v + 1)
        for rel in ([relation] if relation is not None else []):
            pairs += [(a, s, rel, f"passive-{how}") for a in agents for s in subjects]
    elif provide and relation is None:
        pairs += _provide(toks, v, subjects, how)
        pairs += _purpose(toks, v, subjects, how)
    elif relation is not None:
        i = v + 1
        while i < len(toks) and (toks[i].low.endswith("ly") and len(toks[i].low) > 4
                                 or toks[i].low in {"also", "again", "back"}):
            i += 1
        if relation is Relation.HOSTILITY and i < len(toks) and toks[i].low == "against":
            i += 1
        objects = _objects_at(toks, i)
        hops = 0
        while not objects and hops < 3 and i + 1 < len(toks) and \
                toks[i].low in {"and", "or", ","} and toks[i + 1].low in _lexicon().verbs \
                and _form(toks[i + 1].low) == form and (
                    toks[i].low != "," or _verb_list_closed(toks, i + 1)):
            # "armed and funded Y": the last verb's object is the first one's too
            i += 2
            hops += 1
            objects = _objects_at(toks, i)
        pairs += [(s, o, relation, how) for s in subjects for o in objects]
    return [Reading(s, r, o, verb.start, f"{frame}:{verb.low}") for s, o, r, frame in pairs
            if s != o]


# The people of an actor named as a passive's agent: "attacked by fighters of X".
_AGENT_PARTS = {"factions", "units", "fighters", "members", "elements", "forces", "troops",
                "militants", "militiamen", "soldiers", "operatives", "commanders", "cells",
                "gunmen", "instructors", "officers", "advisers", "advisors", "agents"}


def _reduced_passive(toks: list[Token], v: int, g: int, has_aux: bool) -> bool:
    """Whether the past form at `v` is a participle right after a noun of the lexicon
    that it describes, with its agent or recipient next ("drones delivered to Y by X")."""
    return not has_aux and g == v and v > 0 and _form(toks[v].low) == "past" and \
        not toks[v - 1].is_slot and toks[v - 1].low in _lexicon().nouns and \
        v + 1 < len(toks) and toks[v + 1].low in {"by", "to"}


def _agent(toks: list[Token], i: int) -> list[int]:
    """The slots of a passive's "by X (instructors)" agent right after the verb."""
    j = i
    while j < len(toks) and j - i < 4 and toks[j].low != "by":
        t = toks[j]
        if t.is_slot or t.text in {",", ";", ":"} or t.low in _CLAUSE_WORDS:
            return []
        j += 1
    if j >= len(toks) or toks[j].low != "by":
        return []
    if j > i and toks[j - 1].low == "not":
        # "not by X but by Y": only Y is the agent
        k = j + 1
        while k < len(toks) and k - j < 8 and toks[k].low not in {"but", ",", ";", "."}:
            k += 1
        if k < len(toks) and toks[k].low == "but":
            return _agent(toks, k + 1)
        return []
    j = _skip_modifiers(toks, j + 1, 0)
    if j + 2 < len(toks) and toks[j].low in _AGENT_PARTS and toks[j + 1].low == "of":
        j = _skip_modifiers(toks, j + 2, 0)  # "by factions of X": X's own people
    if j < len(toks) and toks[j].is_slot and not toks[j].possessive:
        return [s for m in _slot_list_forward(toks, j) if (s := toks[m].slot) is not None]
    if j + 1 < len(toks) and toks[j].is_slot and toks[j].possessive and \
            toks[j + 1].low in _GROUP_NOUNS:
        agent = toks[j].slot
        return [agent] if agent is not None else []
    return []


# Verbs that, with a group as their only object, mean supplying it with weapons.
_SUPPLY = {"supply", "supplies", "supplied", "supplying", "resupply", "resupplies",
           "resupplied", "resupplying"}


def _bare_object_end(toks: list[Token], k: int) -> bool:
    """Whether nothing that could name a thing given follows the object ending before
    token `k`: the sentence or clause ends, or a preposition or clause word follows."""
    if k >= len(toks):
        return True
    t = toks[k]
    return t.text in {".", ",", ";", ":", "(", ")", "—", "–", "!", "?"} or \
        t.low in (_PREPOSITIONS - {"with"}) | _CLAUSE_WORDS - {"and", "or"}


def _provide(toks: list[Token], v: int, subjects: list[int],
             how: str) -> list[tuple[int, int, Relation, str]]:
    """A provide-verb's frames: "Y with Z", "Y Z" (two objects), "Z to/for Y"."""
    out: list[tuple[int, int, Relation, str]] = []
    i = v + 1
    while i < len(toks) and toks[i].low.endswith("ly") and len(toks[i].low) > 4:
        i += 1
    recipients = _objects_at(toks, i)
    if recipients:
        j = _after_list(toks, i)
        if j < len(toks) and toks[j].low == "with":
            rels, _ = _theme(toks, j + 1, set())
            frame = "provide-with"
        else:
            # "gave Y weapons": the theme right after the recipient
            k = i
            while k < len(toks) and not toks[k].is_slot:
                k += 1
            k = max(_slot_list_forward(toks, k)) + 1 if k < len(toks) else k
            rels, _ = _theme(toks, k, set())
            frame = "provide-two"
            if not rels and toks[v].low in _SUPPLY and _bare_object_end(toks, k):
                # "accused Iran of supplying the Houthis": in the field, weapons
                rels, frame = [Relation.ARMS], "supply"
        for s in subjects:
            out += [(s, o, r, f"{frame}-{how}") for o in recipients for r in rels]
        return out
    rels, j = _theme(toks, i, {"to", "for"})
    if not rels or j >= len(toks) or toks[j].low not in {"to", "for"}:
        return out
    recipients = _objects_at(toks, j + 1)
    for s in subjects:
        out += [(s, o, r, f"provide-to-{how}") for o in recipients for r in rels]
    return out


def _passive_provide(toks: list[Token], v: int, g: int, patients: list[int]) -> list[Reading]:
    """A provide-verb in the passive: "weapons were delivered by X to Y", "weapons were
    delivered to Y by X", "Y was supplied with weapons by X"."""
    agents: list[int] = []
    recipients: list[int] = []
    rels: list[Relation] = []
    i = v + 1
    for _ in range(2):
        if i < len(toks) and toks[i].low == "by" and not agents:
            agents = _agent(toks, i)
            i = _after_slots(toks, i + 1)
        elif i < len(toks) and toks[i].low == "to" and not recipients and not patients:
            recipients = _objects_at(toks, i + 1)
            i = _after_slots(toks, i + 1)
        elif i < len(toks) and toks[i].low == "with" and patients:
            rels, i = _theme(toks, i + 1, {"by"})
    if not agents:
        return []
    if patients:
        recipients = patients
    else:
        # the theme is the passive's subject: nouns just before the verb group
        k = g - 1
        while k >= 0 and g - k <= 8 and not toks[k].is_slot and \
                toks[k].low not in _CLAUSE_WORDS | {";", ":", ","}:
            k -= 1
        rels, _ = _theme(toks, k + 1, set())
        if not rels and k >= 0 and toks[k].text == "," and k + 1 == g:
            rels = _opening_theme(toks, k)
    return [Reading(a, r, o, toks[v].start, f"provide-passive:{toks[v].low}")
            for a in agents for o in recipients for r in rels if a != o]


def _after_slots(toks: list[Token], i: int) -> int:
    """The token after the slot list (with a group noun) that starts near token `i`."""
    j = _skip_modifiers(toks, i, 0)
    if j < len(toks) and toks[j].is_slot:
        j = _slot_list_forward(toks, j)[-1] + 1
        if j < len(toks) and toks[j].low in _GROUP_NOUNS:
            j += 1
    return j


def _fronted_participles(toks: list[Token]) -> list[Reading]:
    """A sentence opening with passive participles and their agent: "Armed and trained by
    X, Y grew ..." (the agent gives, the main clause's subject receives)."""
    participles = _lexicon().participles
    verbs: list[int] = []
    i = 0
    while i < len(toks) and toks[i].low in participles and not toks[i].is_slot:
        verbs.append(i)
        if i + 2 < len(toks) and toks[i + 1].low in {"and", ","} and \
                toks[i + 2].low in participles:
            i += 2
            continue
        i += 1
        break
    if not verbs or i >= len(toks) or toks[i].low != "by":
        return []
    agents = _agent(toks, i)
    j = _after_slots(toks, i + 1)
    if not agents or j + 1 >= len(toks) or toks[j].text != "," or not toks[j + 1].is_slot:
        return []
    members = _slot_list_forward(toks, j + 1)
    k = members[-1] + 1
    if k < len(toks) and toks[k].low in _GROUP_NOUNS:
        k += 1
    if toks[j + 1].possessive or k >= len(toks) or not toks[k].text[:1].islower():
        return []  # "Backed by X, Y's allies ...": whose the backing is, is unclear
    recipients = [s for m in members if (s := toks[m].slot) is not None]
    return [Reading(a, participles[toks[v].low], o, toks[v].start,
                    f"fronted-passive:{toks[v].low}")
            for v in verbs for a in agents for o in recipients if a != o]


def _read_receive(toks: list[Token], v: int) -> list[Reading]:
    """"Y (has) received Z from X": the giver after "from", the subject receives."""
    g, passive, has_aux = _group_start(toks, v)
    if passive:
        return []
    subj = _subjects(toks, v, g, has_aux)
    if subj is None:
        return []
    recipients, how = subj
    rels, j = _theme(toks, v + 1, {"from"})
    if not rels or j >= len(toks) or toks[j].low != "from":
        return []
    givers = _objects_at(toks, j + 1)
    return [Reading(x, r, y, toks[v].start, f"receive-{how}:{toks[v].low}")
            for x in givers for y in recipients for r in rels if x != y]


def _slots(toks: list[Token], members: list[int]) -> list[int]:
    return [s for m in members if (s := toks[m].slot) is not None]


def _antecedent(toks: list[Token], p: int) -> list[int]:
    """The actor slots a relative pronoun at token `p` stands for: "X, which", "X
    fighters, whom", "X, a militia which/that" (an apposition of plain words). A bare
    "that" is left alone ("told X that ..."), as is an actor inside a prepositional
    phrase ("the offensive against X, which ...")."""
    k = p - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    if k < 0:
        return []
    np = None
    if toks[p].low != "that" and (toks[k].is_slot or toks[k].low in _GROUP_NOUNS):
        np = _np_head_back(toks, k)
    if np is None:
        # "X, a coalition of factions that/which": back over the apposition
        d = k
        while d > 0 and k - d < 7 and not toks[d].is_slot and toks[d].text[:1].islower() \
                and toks[d].low not in {"a", "an", "the"} and toks[d].low not in _AUX and \
                (toks[d].low == "of" or toks[d].low not in _CLAUSE_WORDS | _PREPOSITIONS):
            d -= 1
        words = [t.low for t in toks[d + 1:k + 1]]
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1] if words else ""
        if d >= 2 and toks[d].low in {"a", "an", "the"} and toks[d - 1].text == "," and \
                toks[d - 2].is_slot and head in _BODIES:
            np = _np_head_back(toks, d - 2)
    if np is None:
        return []
    members, first = np
    # "the threat posed by X, which": an agent is an antecedent; "the offensive by X" is not
    if not _free_subject(toks, first) and not (
            toks[first - 1].low == "by" and first >= 2 and _form(toks[first - 2].low) == "past"):
        return []
    return _slots(toks, members)


def _object_relatives(toks: list[Token]) -> list[Reading]:
    """An object relative clause: "Y, which X (has long) trained", "Y, a militia that X
    funds, trains and arms", "Y, which X supplied with rockets": the antecedent is the
    object, the relative clause's own subject the agent. The clause must end after its
    verbs (or go on with an adjunct): "Y, which X said armed Z" is no such clause."""
    out: list[Reading] = []
    verbs_lex = _lexicon().verbs
    for p, t in enumerate(toks):
        if t.low not in {"which", "whom", "who", "that"} or p + 1 >= len(toks) or \
                not toks[p + 1].is_slot or toks[p + 1].possessive:
            continue
        objects = _antecedent(toks, p)
        if not objects:
            continue
        members = [p + 1]  # "which X and Z have financed": the list before the verb
        while members[-1] + 2 < len(toks) and toks[members[-1] + 1].low in {"and", ","} and \
                toks[members[-1] + 2].is_slot and not toks[members[-1] + 2].possessive:
            members.append(members[-1] + 2)
        k = members[-1] + 1
        if k < len(toks) and toks[k].low in _GROUP_NOUNS:
            k += 1
        has_aux = len(members) > 1
        while k < len(toks) and not toks[k].is_slot and (
                toks[k].low in _AUX or toks[k].low.endswith("ly") and len(toks[k].low) > 4):
            if toks[k].low in _BE:
                break  # a passive or a copula: "which X was armed by"
            has_aux = has_aux or toks[k].low in _AUX
            k += 1
        if k + 3 < len(toks) and toks[k].low in _ACCUSE and toks[k + 1].is_slot and \
                not toks[k + 1].possessive:
            # "Y, which X accuses Z of arming": Z the agent, X the accuser
            accused = _slot_list_forward(toks, k + 1)
            members, k = accused, accused[-1] + 1
            if k + 1 >= len(toks) or toks[k].low != "of":
                continue
            k, has_aux = k + 1, True
        verbs: list[int] = []
        while k < len(toks) and not toks[k].is_slot and toks[k].text[:1].islower() and \
                (toks[k].low in verbs_lex or _is_provide(toks[k].low)):
            form = _form(toks[k].low)
            if (form == "ing") != (toks[k - 1].low == "of" or bool(verbs) and
                                   toks[verbs[0] - 1].low == "of") or \
                    form == "base" and not has_aux and not toks[k].low.endswith("s"):
                break
            verbs.append(k)
            if k + 2 < len(toks) and toks[k + 1].low in {",", "and", "or"} and \
                    (toks[k + 2].low in verbs_lex or _is_provide(toks[k + 2].low)) and \
                    (toks[k + 1].low != "," or _verb_list_closed(toks, k)):
                k += 2
                continue
            k += 1
            break
        if not verbs:
            continue
        while k < len(toks) and toks[k].low.endswith("ly") and len(toks[k].low) > 4:
            k += 1
        themed: list[Relation] = []
        if k < len(toks) and toks[k].low == "with":
            themed, _ = _theme(toks, k + 1, {"by"})
        ends = k >= len(toks) or toks[k].low in _CLAUSE_END or (
            toks[k].low in _ADJUNCT and k + 1 < len(toks) and
            toks[k + 1].text not in _CLAUSE_END)
        if not ends:
            continue
        subjects = _slots(toks, members)
        for v in verbs:
            rel = verbs_lex.get(toks[v].low)
            rels = [rel] if rel is not None else themed
            out += [Reading(s, r, o, toks[v].start, f"object-relative:{toks[v].low}")
                    for s in subjects for o in objects for r in rels if s != o]
    return out


def _read_depend(toks: list[Token], v: int) -> list[Reading]:
    """"Y depends / relies on X (and Z) for training and weapons", "Y is reliant on X
    for ammunition": X gives what the nouns after "for" name, the subject receives."""
    if v + 2 >= len(toks) or toks[v + 1].low not in {"on", "upon"}:
        return []
    givers = _objects_at(toks, v + 2)
    if not givers:
        return []
    j = _after_slots(toks, v + 2)
    if j >= len(toks) or toks[j].low != "for":
        return []
    rels, _ = _theme(toks, j + 1, set())
    if not rels:
        return []
    g, _, has_aux = _group_start(toks, v)
    while g > 0 and toks[g - 1].low in _COPULA:  # "remains heavily reliant on"
        g, _, aux = _group_start(toks, g - 1)
        has_aux = True
    subj = _subjects(toks, v, g, has_aux or _form(toks[v].low) == "base")
    if subj is None:
        return []
    recipients, how = subj
    return [Reading(x, r, y, toks[v].start, f"depend-{how}:{toks[v].low}")
            for x in givers for y in recipients for r in rels if x != y]


def _with_backing(toks: list[Token]) -> list[Reading]:
    """"Y took the town, with the backing of X", "Y has operated there with the tolerance
    and at times the protection of X's forces", "With the support of X, Y attacked":
    X backs the subject of the clause the phrase belongs to. Arms and personnel nouns
    are left out ("fought with the forces of X" is fighting alongside)."""
    nouns = _lexicon().nouns
    out: list[Reading] = []
    rels: list[Relation]
    for w, t in enumerate(toks):
        if t.low != "with" or w + 1 >= len(toks):
            continue
        possessor = _possessor_backing(toks, w + 1)
        if possessor is not None:
            backers, rels, after = possessor
            out += _backed_by(toks, w, backers, rels, after)
            continue
        rels = []
        j = w + 1
        while j < len(toks) and j - w < 12 and toks[j].low != "of":
            x = toks[j]
            if x.is_slot or not x.text[:1].islower() or x.low in _CLAUSE_WORDS - {"and"}:
                break
            two = f"{x.low} {toks[j + 1].low}" if j + 1 < len(toks) else ""
            rel = nouns.get(two) or nouns.get(x.low)
            if rel is not None and rel not in {Relation.ARMS, Relation.PERSONNEL} and \
                    rel not in rels:
                rels.append(rel)
            j += 1
        if not rels or j + 1 >= len(toks) or toks[j].low != "of" or \
                nouns.get(toks[j - 1].low) is None:
            continue
        backers, after = _backers(toks, j + 1)
        if backers:
            out += _backed_by(toks, w, backers, rels, after)
    return out


def _possessor_backing(toks: list[Token], i: int) -> tuple[list[int], list[Relation], int] | None:
    """"X's (tacit) support" at token `i`: the possessor, the relations its noun names
    (not arms, not personnel), the token after the noun."""
    slot = toks[i].slot if i < len(toks) and toks[i].possessive else None
    if slot is None:
        return None
    nouns = _lexicon().nouns
    j = i + 1
    while j < len(toks) and j - i <= 3 and toks[j].text[:1].islower():
        two = f"{toks[j].low} {toks[j + 1].low}" if j + 1 < len(toks) else ""
        rel = nouns.get(two) or nouns.get(toks[j].low)
        if rel is not None:
            if rel in {Relation.ARMS, Relation.PERSONNEL}:
                return None
            return [slot], [rel], j + (2 if nouns.get(two) else 1)
        if toks[j].low in _PREPOSITIONS or toks[j].low in _CLAUSE_WORDS:
            return None
        j += 1
    return None


def _backed_by(toks: list[Token], w: int, backers: list[int], rels: list[Relation],
               after: int) -> list[Reading]:
    """The readings of a "with <backing> of X" phrase at token `w` ending before `after`."""
    if w == 0:
        if after + 1 >= len(toks) or toks[after].text != "," or not toks[after + 1].is_slot \
                or toks[after + 1].possessive:
            return []
        members = _slot_list_forward(toks, after + 1)
        if not _starts_clause(toks, members[-1] + 1):
            return []
        backed = _slots(toks, members)
    else:
        prev = toks[w - 1]
        if not (prev.text == "," or prev.is_slot and not prev.possessive or
                prev.text[:1].isdigit() or prev.text[:1].islower() and
                _form(prev.low) == "base" and prev.low not in _lexicon().verbs):
            return []  # "a base built with the help of X": the help built the base
        if prev.text == "," and after + 1 < len(toks) and toks[after].text == "," and \
                _starts_clause(toks, after + 1):
            # an aside before the verb: "Y fighters, with X's help, had crossed"
            np = _np_head_back(toks, w - 2) if w >= 2 else None
            if np is None or not _free_subject(toks, np[1]):
                return []
            backed = _slots(toks, np[0])
        else:
            backed = _clause_subject_before(toks, w)
    return [Reading(x, r, y, toks[w].start, "with-backing")
            for x in backers for y in backed for r in rels if x != y]


def _backers(toks: list[Token], i: int) -> tuple[list[int], int]:
    """The slots of "X", "X and Z" or "X's (security) forces" after "of", and the token
    after them."""
    j = _skip_modifiers(toks, i, 0)
    if j >= len(toks) or not toks[j].is_slot:
        return [], j
    if toks[j].possessive:
        k = j + 1
        while k < len(toks) and k - j <= 3 and toks[k].low not in _GROUP_NOUNS and \
                toks[k].text[:1].islower() and toks[k].low not in _PREPOSITIONS:
            k += 1
        if k < len(toks) and k - j <= 3 and toks[k].low in _GROUP_NOUNS:
            return _slots(toks, [j]), k + 1
        return [], j
    members = _slot_list_forward(toks, j)
    k = members[-1] + 1
    if k < len(toks) and toks[k].low in _GROUP_NOUNS:
        k += 1
    return _slots(toks, members), k


def _clause_subject_before(toks: list[Token], w: int) -> list[int]:
    """The subject of the clause that holds token `w`: the nearest slot (list) before it
    that heads a verb group, with no clause word between ("Y attacked Z, which acts
    with ..." names no subject)."""
    for n in range(w - 1, -1, -1):
        t = toks[n]
        if t.low in {";", ":", "which", "who", "whom", "whose", "that", "while", "whereas",
                     "although", "though", "because", "but", "if", "unless", "when", "—",
                     "–", "(", ")"}:
            return []
        if not t.is_slot or t.possessive:
            continue
        j = n + 1
        if j < w and toks[j].low in _GROUP_NOUNS:
            j += 1
        if j < w and (_starts_clause(toks, j) or toks[j].low in _PRESENT_ACTS):
            members, first = _slot_list_back(toks, n)
            if not _free_subject(toks, first):
                return []
            return _slots(toks, members)
    return []


# Present-tense verbs of an actor's activity that "with the support of X" may follow
# ("Y operates from Z with the support of X"); other -s words may be plural nouns.
_PRESENT_ACTS = {"operates", "operate", "acts", "act", "functions", "function", "survives",
                 "survive", "thrives", "thrive", "remains", "remain", "persists", "persist",
                 "continues", "continue", "lives", "live", "moves", "move", "works", "work",
                 "exists", "exist", "expands", "expand", "grows", "grow", "fights", "fight",
                 "holds", "hold", "controls", "control", "runs", "run", "rules", "rule",
                 "maintains", "maintain", "recruits", "recruit", "raises", "raise"}


def _purpose(toks: list[Token], v: int, subjects: list[int],
             how: str) -> list[tuple[int, int, Relation, str]]:
    """An infinitive of purpose after what is sent: "sent 200 contractors to support Y"
    (support; personnel too when people are sent to support or train), "sent troops to
    fight Y" (hostility, nothing more). What is sent is no actor ("sent X to support Y":
    an envoy's errand)."""
    nouns = _lexicon().nouns
    j = v + 1
    people = False
    while j < len(toks) and j - v <= 10 and toks[j].low != "to":
        t = toks[j]
        if t.is_slot or t.text in {",", ";", ":", "(", ")"} or \
                t.low in _CLAUSE_WORDS - {"and", "or"}:
            return []
        people = people or t.low in _SENT_PEOPLE or nouns.get(t.low) is Relation.PERSONNEL
        j += 1
    if j == v + 1 or j + 2 >= len(toks) or toks[j].low != "to":
        return []
    verb = toks[j + 1].low
    rel = _lexicon().verbs.get(verb)
    if rel is None or _form(verb) != "base" or verb.endswith("s") and verb[:-1] in \
            _lexicon().verbs:
        return []
    objects = _objects_at(toks, j + 2)
    rels = [rel]
    if people and rel in {Relation.SUPPORT, Relation.TRAINING}:
        rels.append(Relation.PERSONNEL)
    return [(s, o, r, f"purpose-{how}") for s in subjects for o in objects for r in rels]


def _read_dispatch(toks: list[Token], v: int) -> list[Reading]:
    """"X deployed advisers to assist Y": a verb of sending people, read for its purpose."""
    form = _form(toks[v].low)
    g, passive, has_aux = _group_start(toks, v)
    if passive and form == "past":
        return []
    subj = _subjects(toks, v, g, has_aux)
    if subj is None:
        return []
    subjects, how = subj
    return [Reading(s, r, o, toks[v].start, f"{frame}:{toks[v].low}")
            for s, o, r, frame in _purpose(toks, v, subjects, how) if s != o]


def _opening_theme(toks: list[Token], close: int) -> list[Relation]:
    """The relations named by the noun phrase that opens the sentence and is the subject
    of a passive verb group after the comma at `close`, past asides with no actor in them:
    "A rifle, recovered after a clash in 2024, had been delivered by X to Y"."""
    first = next((i for i, t in enumerate(toks) if t.text == ","), close)
    if first == 0 or first > 8 or any(t.is_slot or t.low in _SUBORDINATE for t in toks[:close]):
        return []
    rels, _ = _theme(toks[:first], 0, set())
    return rels


def _read_allow(toks: list[Token], v: int) -> list[Reading]:
    """"X allowed / let Y (fighters) (to) cross, enter, move ...": X facilitates Y."""
    low = toks[v].low
    form = "past" if low == "let" else _form(low)
    g, passive, has_aux = _group_start(toks, v)
    if passive and form == "past":
        return []  # "Y was allowed to cross": no one named lets it
    movers = _objects_at(toks, v + 1)
    if not movers:
        return []
    j = _after_slots(toks, v + 1)
    if j < len(toks) and toks[j].low == "to" and low not in {"let", "lets", "letting"}:
        j += 1
    elif low not in {"let", "lets", "letting"}:
        return []
    if j >= len(toks) or toks[j].low not in _MOVE:
        return []
    subj = _subjects(toks, v, g, has_aux or form == "past")
    if subj is None:
        return []
    subjects, how = subj
    return [Reading(s, Relation.FACILITATION, o, toks[v].start, f"allow-{how}:{low}")
            for s in subjects for o in movers if s != o]


# Verbs with a frame of their own, each read by its function.
_SPECIAL_VERBS: tuple[tuple[set[str], Callable[[list[Token], int], list[Reading]]], ...] = (
    (_RECEIVE, _read_receive), (_DEPEND, _read_depend), (_ALLOW, _read_allow),
    (_DISPATCH, _read_dispatch))
