"""Which of a scenario's hidden facts the rep disclosed, from the director's log or the text.

The director logs every disclosure it decides, and that log is the truth when a transcript
carries it. Transcripts without it (an export of a real call, or a session voiced by a
model) are judged from the words: a rep turn discloses a fact when it contains most of the
content words of one of the fact's authored disclosures, or, for a partial disclosure,
of the authored hint (or enough of the fact, together with one of its topic cues).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.domain.decision import Decision
from app.domain.scenario import HiddenFact, Scenario, cue_pattern
from app.domain.transcript import TaggedTurn
from app.rubric.verbs import word_set

Disclosure = Literal["partial", "full"]

# Share of an authored line's content words a rep turn must contain to count as saying it.
FULL_MATCH = 0.5
PARTIAL_MATCH = 0.5
# With a topic cue in the same turn, this many of the fact's distinctive words make a hint.
CUED_PARTIAL_WORDS = 3

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_WORD_BYTES = re.compile(_WORD.pattern.encode())
# Bytes outside _WORD's alphabet become spaces and capitals small letters: an ASCII turn then
# splits into the runs of _WORD's alphabet that its lower-cased form has.
# An apostrophe at the start of a run, before a non-letter, or followed by letters and then a
# digit or another apostrophe: where a run holds other words than itself.
_ODD_APOSTROPHE = re.compile(rb"'(?:(?<![a-z0-9]')|(?![a-z])|[a-z]+[0-9'])")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789'"
_SPACES = bytes(ord(chr(c).lower()) if chr(c).lower() in _ALPHABET else 32 for c in range(256))
_STOP = word_set(
    "a about after again all also am an and any are as at be because been before "
    "being but by can could did do does doing don't for from get got had has have "
    "having he her here hers him his how i i'd i'll i'm i've if in into is isn't it "
    "it's its just kind know like me mean more most my no not now of off okay on once "
    "one only or other our out over own really right said say says she so some still "
    "such than that that's the their them then there these they they're this those "
    "through to too um up us very was we well were what when where which while who "
    "why will with would yeah yes you you're your {manager} {rep} {account} manager "
    "rep account honestly"
)


@dataclass(frozen=True, slots=True)
class FoundFact:
    """A hidden fact the rep disclosed: how fully, in which turn, and in what words."""

    id: str
    disclosure: Disclosure
    turn: int
    quote: str


def _content(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower().replace("\u2019", "'"))) - _STOP


def _containment(line: frozenset[str], turn: frozenset[str]) -> float:
    return len(line & turn) / len(line) if line else 0.0


@dataclass(frozen=True, slots=True)
class _FactWords:
    fact: HiddenFact
    full: tuple[frozenset[str], ...]
    partial: frozenset[str]
    distinctive: frozenset[str]
    cues: tuple[re.Pattern[str], ...]
    vocabulary: frozenset[str]
    needed: int  # fewer shared words than this cannot satisfy any rule

    def judge(self, lowered: str, words: frozenset[str]) -> Disclosure | None:
        """How fully a rep turn (lower-cased, and its content words) discloses this fact."""
        words = words & self.vocabulary
        if len(words) < self.needed:
            return None  # most rep turns stop here
        for line in self.full:
            if _containment(line, words) >= FULL_MATCH:
                return "full"
        if _containment(self.partial, words) >= PARTIAL_MATCH:
            return "partial"
        if len(self.distinctive & words) >= CUED_PARTIAL_WORDS and any(
            c.search(lowered) for c in self.cues
        ):
            return "partial"
        return None


# Scenarios are immutable, so their word sets are worked out once per scenario object.
# The entry keeps the scenario alive, so its id cannot be reused while cached.
@dataclass(frozen=True, slots=True)
class _Facts:
    """A scenario's facts, and for every word the facts whose wording has it."""

    facts: list[_FactWords]
    by_word: dict[bytes, tuple[int, ...]]  # for each word (encoded), the facts that have it
    vocabulary: frozenset[str]  # every fact's words together
    vocabulary_bytes: frozenset[bytes]  # the same, encoded
    needed: int  # a turn sharing fewer words with the facts than this discloses none


_CACHE: dict[int, tuple[Scenario, _Facts]] = {}
_CACHE_SIZE = 64


def _fact_words(scenario: Scenario) -> _Facts:
    """Each fact's word sets and the index over them, worked out once per scenario."""
    hit = _CACHE.get(id(scenario))
    if hit is not None and hit[0] is scenario:
        return hit[1]
    facts = _build_fact_words(scenario)
    index: dict[str, list[int]] = {}
    for i, fact in enumerate(facts):
        for word in fact.vocabulary:
            index.setdefault(word, []).append(i)
    built = _Facts(
        facts,
        {word.encode(): tuple(ids) for word, ids in index.items()},
        frozenset(index),
        frozenset(word.encode() for word in index),
        min((fact.needed for fact in facts), default=1),
    )
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(scenario)] = (scenario, built)
    return built


def _build_fact_words(scenario: Scenario) -> list[_FactWords]:
    wording = {
        f.id: frozenset().union(*(_content(t) for t in (*f.full, f.fact)))
        for f in scenario.hidden_facts
    }
    # Words the manager already knows from the briefing, and words that run through
    # several facts, say nothing about which fact a turn reveals: the cued rule looks
    # only at words peculiar to one fact.
    situation = scenario.situation
    public = [scenario.briefing, situation.account, *situation.history]
    public += [f"{s.name} {s.role} {s.note}" for s in situation.stakeholders]
    shared = frozenset().union(*(_content(t) for t in public)) | frozenset(
        w
        for fid, ws in wording.items()
        for w in ws
        if any(w in other for oid, other in wording.items() if oid != fid)
    )
    facts = []
    for f in scenario.hidden_facts:
        full = (*(_content(line) for line in f.full), _content(f.fact))
        partial = _content(f.partial)
        needed = min(
            *(math.ceil(FULL_MATCH * len(line)) for line in full if line),
            math.ceil(PARTIAL_MATCH * len(partial)) if partial else CUED_PARTIAL_WORDS,
            CUED_PARTIAL_WORDS,
        )
        facts.append(
            _FactWords(
                fact=f,
                full=full,
                partial=partial,
                distinctive=wording[f.id] - shared,
                cues=tuple(cue_pattern(c) for c in f.cues),
                vocabulary=frozenset().union(*full, partial),
                needed=max(needed, 1),
            )
        )
    return facts


def _shared_words(text: str, index: _Facts) -> frozenset[bytes]:
    """The words (as _WORD reads them) of a lower-cased turn that some fact's wording has.

    Only those words matter, and they are never stop words, so the turn's own word set is
    never built. An ASCII turn is split with bytes.translate, far cheaper than the regex;
    the split runs are _WORD's words unless an apostrophe sits where _WORD would cut the
    run ("'cause", "rep's'", "o'neil's"), and then _WORD reads it.
    """
    if not text.isascii():
        found = index.vocabulary.intersection(_WORD.findall(text))
        return frozenset(word.encode() for word in found)
    spaced = text.encode().translate(_SPACES)
    if b"'" in spaced and _ODD_APOSTROPHE.search(spaced):
        return index.vocabulary_bytes.intersection(_WORD_BYTES.findall(spaced))
    return index.vocabulary_bytes.intersection(spaced.split())


def _from_text(rep: Sequence[TaggedTurn], scenario: Scenario) -> dict[str, FoundFact]:
    index = _fact_words(scenario)
    facts, by_word, needed = index.facts, index.by_word, index.needed
    vocabulary, spaces = index.vocabulary_bytes, _SPACES
    found: dict[str, FoundFact] = {}
    for turn in rep:
        text = turn.text
        if text.isascii():
            # The common case of _shared_words, inline, with lower-casing folded into the
            # byte translation: most rep turns end at the length test below.
            spaced = text.encode().translate(spaces)
            shared = vocabulary.intersection(spaced.split())
            apostrophes = spaced.count(b"'")
            # A run _WORD would cut is never a fact word itself, and yields at most one
            # word more than it has apostrophes: when even that many more could not
            # reach `needed`, the turn is passed over without the apostrophe search.
            if (
                apostrophes
                and len(shared) + 2 * apostrophes >= needed
                and _ODD_APOSTROPHE.search(spaced)
            ):
                shared = vocabulary.intersection(_WORD_BYTES.findall(spaced))
        else:
            shared = _shared_words(text.lower().replace("\u2019", "'"), index)
        if len(shared) < needed:
            continue
        # Count each fact's words in the turn once; only facts with enough get judged.
        hits = [0] * len(facts)
        for word in shared:
            for i in by_word[word]:
                hits[i] += 1
        lowered = text.lower()
        for i, fact in enumerate(facts):
            if hits[i] < fact.needed:
                continue
            level = fact.judge(lowered, frozenset(w.decode() for w in shared))
            if level is not None:
                _keep_fullest(found, FoundFact(fact.fact.id, level, turn.index, text))
    return found


def _from_decisions(
    turns: Sequence[TaggedTurn], decisions: dict[int, Decision], scenario: Scenario
) -> dict[str, FoundFact]:
    known = {f.id for f in scenario.hidden_facts}
    text_of = {t.index: t.text for t in turns}
    found: dict[str, FoundFact] = {}
    for index in sorted(decisions):
        decision = decisions[index]
        if decision.move != "disclose" or decision.fact_id not in known:
            continue
        level: Disclosure = decision.disclosure or "full"
        _keep_fullest(found, FoundFact(decision.fact_id, level, index, text_of.get(index, "")))
    return found


def _keep_fullest(found: dict[str, FoundFact], candidate: FoundFact) -> None:
    # The first full disclosure wins; a partial one only until the full one arrives.
    current = found.get(candidate.id)
    if current is None or (current.disclosure == "partial" and candidate.disclosure == "full"):
        found[candidate.id] = candidate


def disclosed_facts(
    turns: Sequence[TaggedTurn],
    rep: Sequence[TaggedTurn],
    scenario: Scenario,
    decisions: dict[int, Decision] | None,
) -> tuple[list[FoundFact], Literal["director", "text"]]:
    """The facts the rep disclosed, in scenario order, and whether the log or the text said so.

    `rep` is the rep's turns of the transcript `turns`, in order.
    """
    if decisions:
        found = _from_decisions(turns, decisions, scenario)
        source: Literal["director", "text"] = "director"
    else:
        found = _from_text(rep, scenario)
        source = "text"
    ordered = [found[f.id] for f in scenario.hidden_facts if f.id in found]
    return ordered, source
