"""The director: decides what the rep does next from the scenario's rules, for every engine.

The director is deterministic and keeps all of the rep's state (openness, what has been
disclosed, whether the manager has taken the work over, whether the rep has committed,
which authored lines have been used). Replaying the same tagged coach turns on a fresh
director gives the same decisions, which is how a saved session is resumed.

The rules, in the order they are tried on each coach turn:

1. Openness moves by the scenario's reaction to the turn's primary act; every telling
   turn after the first costs an extra `REPEAT_TELLING_STEP` (up to `REPEAT_TELLING_CAP`).
   Advice the rep asked for (the tagger marks it `permitted`) is not telling.
2. A takeover gets an eager handoff, and the rep stops owning the work.
3. Telling at very low openness gets pushback; otherwise polite, empty compliance.
4. After a handoff, an open question or a reflection makes the rep take the work back
   (once openness is above the pushback level again).
5. Once every must-discover fact is out, a question with a commit cue gets a commitment.
6. A question or reflection right after a hint turns the hint into a full disclosure.
7. A turn that names a hidden fact's topic (a cue) with one of its unlocking acts gets
   the fact: fully at or above its `min_openness`, as a hint just below it, guarded far
   below it.
8. Anything else gets the authored reaction to the act.

Every stuck state has an exit: open questions and reflections always raise openness
(past pushback and guardedness) and always win a handoff back.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from app.domain import Act, Decision, HiddenFact, RepMove, Scenario, TaggedTurn
from app.domain.acts import ASKING_ACTS, TELLING_ACTS
from app.domain.scenario import cue_pattern

# How far below a fact's min_openness the rep still hints at it instead of deflecting.
PARTIAL_BAND = 0.15
# Below this openness, telling gets pushback instead of compliance.
PUSHBACK_BELOW = 0.15
# Extra openness lost for each telling turn after the first, and the most it can add up to.
REPEAT_TELLING_STEP = 0.03
REPEAT_TELLING_CAP = 0.12

# The acts that count as genuinely listening or inviting the rep to think.
EXPLORING_ACTS = frozenset({Act.OPEN_QUESTION, Act.REFLECTION})

Disclosure = Literal["partial", "full"]


@lru_cache(maxsize=4096)
def _compiled(cue: str) -> re.Pattern[str]:
    return cue_pattern(cue)


def normalise(text: str) -> str:
    """Lower-case with typographic apostrophes and quotes made plain, for cue matching."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def matched_cues(cues: Iterable[str], text: str) -> list[str]:
    """The cues that occur in already-normalised text as whole words or phrases."""
    # The substring test is cheap and rules out nearly every cue before the regex runs.
    return [cue for cue in cues if cue in text and _compiled(cue).search(text)]


_ACT_WORDS = {Act.INFORMATION: "piece of information", Act.OTHER: "remark"}


def act_phrase(act: Act) -> str:
    """An act as words for a note: "open question"."""
    return _ACT_WORDS.get(act, act.value.replace("_", " "))


def with_article(phrase: str) -> str:
    """The phrase with its indefinite article: "an open question", "a reflection"."""
    return ("an " if phrase[:1] in "aeiou" else "a ") + phrase


@dataclass
class RepState:
    """Everything the director knows about the rep at a point in the conversation."""

    openness: float
    disclosed: dict[str, Disclosure] = field(default_factory=dict)
    hinted_last: str | None = None
    handed_off: bool = False
    committed: bool = False
    telling_turns: int = 0
    coach_turns: int = 0
    line_uses: dict[str, int] = field(default_factory=dict)

    @property
    def fully_disclosed(self) -> list[str]:
        """Ids of the facts the rep has said in full, in the order they came out."""
        return [fact_id for fact_id, how in self.disclosed.items() if how == "full"]


@dataclass(frozen=True, slots=True)
class _Turn:
    """The parts of a tagged coach turn the rules look at."""

    act: Act
    acts: frozenset[Act]
    text: str
    telling: bool
    cues: dict[str, list[str]]  # fact id -> the fact's cues found in the turn


def line_pool(scenario: Scenario, decision: Decision) -> tuple[str, list[str]]:
    """The key and the authored lines a decision is voiced from."""
    move, act = decision.move, decision.coach_act or Act.OTHER
    if move == "open":
        return "open", [scenario.opening_line]
    if move == "disclose" and decision.fact_id is not None:
        fact = scenario.fact(decision.fact_id)
        if decision.disclosure == "partial":
            return f"fact:{fact.id}:partial", [fact.partial]
        return f"fact:{fact.id}:full", list(fact.full)
    if move in ("guarded", "pushback", "reclaim", "commit"):
        lines: list[str] = getattr(scenario.moves, move)
        return f"move:{move}", list(lines)
    if move == "handoff":
        act = Act.TAKEOVER
    return f"act:{act.value}", list(scenario.reaction(act).lines)


class Director:
    """Decides the rep's move for each coach turn of one conversation."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.state = RepState(openness=scenario.rep.coachability)

    def opening(self) -> Decision:
        """The decision behind the rep's opening line."""
        openness = self.state.openness
        return self._decide("open", None, openness, "opening: the rep raises the topic")

    def direct(self, turn: TaggedTurn) -> Decision:
        """Update the rep's state for one tagged coach turn and decide the reply."""
        current = _read(turn, self.scenario)
        state = self.state
        before = state.openness
        state.coach_turns += 1
        hinted, state.hinted_last = state.hinted_last, None

        delta = self.scenario.reaction(current.act).openness
        if current.telling:
            delta -= min(REPEAT_TELLING_STEP * state.telling_turns, REPEAT_TELLING_CAP)
            state.telling_turns += 1
        elif current.act is Act.ADVICE:
            # Advice the rep asked for lands like information, not like a lecture.
            delta = max(delta, self.scenario.reaction(Act.INFORMATION).openness)
        state.openness = round(min(1.0, max(0.0, before + delta)), 4)
        return self._choose(current, before, hinted)

    def _choose(self, turn: _Turn, before: float, hinted: str | None) -> Decision:
        state, rep = self.state, self.scenario.rep.name.split()[0]
        act = turn.act
        if act is Act.TAKEOVER:
            state.handed_off = True
            return self._decide(
                "handoff", act, before, f"handoff: you offered to do it, so {rep} let you"
            )
        if turn.telling:
            if state.openness < PUSHBACK_BELOW:
                told = "repeated telling" if state.telling_turns > 1 else "telling"
                note = f"pushback: openness {state.openness:.2f} after {told}"
                return self._decide("pushback", act, before, note)
            note = f"comply: you told instead of asked, so {rep} agreed without owning it"
            return self._decide("comply", act, before, note)
        if state.handed_off and turn.acts & EXPLORING_ACTS and state.openness >= PUSHBACK_BELOW:
            # A rep who has shut down needs more than one good question to take it back.
            state.handed_off = False
            note = f"reclaim: your {act_phrase(act)} handed the work back to {rep}"
            return self._decide("reclaim", act, before, note)

        commit_cues = matched_cues(self.scenario.moves.commit_cues, turn.text)
        missing = [f for f in self.scenario.objective.must_discover if not self._full(f)]
        if commit_cues and turn.acts & ASKING_ACTS:
            if state.handed_off:
                note = f"no commitment: {rep} thinks you are doing it (win the work back first)"
                return self._decide("respond", act, before, note)
            if not missing:
                state.committed = True
                note = f"commit: the key facts were out and you asked '{commit_cues[0]}'"
                return self._decide("commit", act, before, note)

        if hinted is not None and not self._full(hinted) and turn.acts & EXPLORING_ACTS:
            fact = self.scenario.fact(hinted)
            cued = self._cued_facts(turn)
            # Following up means staying on the hint, not asking about something else.
            on_topic = not cued or cued[0] == fact
            if on_topic and state.openness >= fact.min_openness - PARTIAL_BAND:
                note = f"disclosed {fact.id}: your {act_phrase(act)} followed up the hint"
                return self._disclose(fact, "full", act, before, note)

        for fact in self._cued_facts(turn):
            cue = turn.cues[fact.id][0]
            if not turn.acts & set(fact.unlocked_by):
                continue
            return self._reveal(fact, cue, act, before)

        if commit_cues and missing and turn.acts & ASKING_ACTS:
            note = f"no commitment yet: {', '.join(missing)} still hidden"
            return self._decide("respond", act, before, note)
        return self._decide("respond", act, before, self._respond_note(turn))

    def _reveal(self, fact: HiddenFact, cue: str, act: Act, before: float) -> Decision:
        openness = self.state.openness
        if openness >= fact.min_openness:
            note = f"disclosed {fact.id}: {act_phrase(act)} about '{cue}'"
            return self._disclose(fact, "full", act, before, note)
        if openness >= fact.min_openness - PARTIAL_BAND:
            if self.state.disclosed.get(fact.id) == "partial":
                # Coming back to a hint is persistence, not pressure; repeating it would
                # also be the rep saying the same words twice.
                how = with_article(act_phrase(act))
                note = f"disclosed {fact.id}: you came back to the hint with {how}"
                return self._disclose(fact, "full", act, before, note)
            note = (
                f"hinted at {fact.id}: {act_phrase(act)} about '{cue}', "
                f"but openness {openness:.2f} is below {fact.min_openness:.2f}"
            )
            return self._disclose(fact, "partial", act, before, note)
        cause = " after telling" if self.state.telling_turns else ""
        note = (
            f"guarded on {fact.id}: openness {openness:.2f}{cause}, "
            f"needs {fact.min_openness:.2f} to say it"
        )
        return self._decide("guarded", act, before, note, fact_id=fact.id)

    def _disclose(
        self, fact: HiddenFact, how: Disclosure, act: Act, before: float, note: str
    ) -> Decision:
        if how == "full" or fact.id not in self.state.disclosed:
            self.state.disclosed[fact.id] = how
        if how == "partial":
            self.state.hinted_last = fact.id
        return self._decide("disclose", act, before, note, fact_id=fact.id, disclosure=how)

    def _cued_facts(self, turn: _Turn) -> list[HiddenFact]:
        """Facts not yet fully out whose topic the turn names, best match first.

        More cues win; then longer ones, since "who else" says more about the topic than
        a name mentioned in passing; then the order the scenario lists the facts in.
        """
        ranked: list[tuple[int, int, int, HiddenFact]] = []
        for order, fact in enumerate(self.scenario.hidden_facts):
            cues = turn.cues[fact.id] if not self._full(fact.id) else []
            if cues:
                ranked.append((-len(cues), -sum(map(len, cues)), order, fact))
        return [fact for *_, fact in sorted(ranked, key=lambda r: r[:3])]

    def _full(self, fact_id: str) -> bool:
        return self.state.disclosed.get(fact_id) == "full"

    def _respond_note(self, turn: _Turn) -> str:
        touched = [f for f in self._cued_facts(turn) if not set(f.unlocked_by) & turn.acts]
        if touched:
            fact = touched[0]
            wanted = " or ".join(act_phrase(a) for a in fact.unlocked_by)
            return (
                f"respond: {with_article(act_phrase(turn.act))} touched {fact.id}; "
                f"it takes {with_article(wanted)} to draw it out"
            )
        if turn.act is Act.ADVICE:
            return "respond: advice the rep asked for, not held against you"
        return f"respond: {act_phrase(turn.act)}, no hidden topic in play"

    def _decide(
        self,
        move: RepMove,
        act: Act | None,
        before: float,
        note: str,
        *,
        fact_id: str | None = None,
        disclosure: Disclosure | None = None,
    ) -> Decision:
        draft = Decision(
            move=move,
            coach_act=act,
            fact_id=fact_id,
            disclosure=disclosure,
            openness_before=before,
            openness_after=self.state.openness,
            note=note,
        )
        return draft.model_copy(update={"variant": self._next_variant(draft)})

    def _next_variant(self, decision: Decision) -> int:
        """Rotate through a pool from a per-scenario offset, so no line repeats early."""
        key, lines = line_pool(self.scenario, decision)
        uses = self.state.line_uses.get(key, 0)
        self.state.line_uses[key] = uses + 1
        offset = zlib.crc32(f"{self.scenario.id}:{key}".encode())
        return (offset + uses) % len(lines)


def _read(turn: TaggedTurn, scenario: Scenario) -> _Turn:
    acts = frozenset(u.act for u in turn.units)
    act = turn.act or Act.OTHER
    telling_units = [u for u in turn.units if u.act in TELLING_ACTS and not u.permitted]
    telling = act in TELLING_ACTS and (bool(telling_units) or not turn.units)
    text = normalise(turn.text)
    cues = {fact.id: matched_cues(fact.cues, text) for fact in scenario.hidden_facts}
    return _Turn(act, acts or frozenset({act}), text, telling, cues)
