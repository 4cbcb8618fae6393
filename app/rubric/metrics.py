"""Transcript metrics, computed in code from the tagged transcript (DESIGN.md, "metrics").

Ratios whose denominator is zero stay finite so that every metric can be compared with a
threshold and written as JSON:

- `ask_tell_ratio` with no telling is the number of questions, as if one telling act had
  happened: it still grows with every question asked, and no telling plus no questions is 0.
- `reflection_to_question` with no questions is likewise the number of reflections.
- `open_question_share` with no questions is 0 (no open question was asked).
- `coach_talk_share` with no words at all is 0.
- `first_telling_turn` with no telling is one past the last coach turn.

Permitted advice (asked for, or given after permission) is counted apart and is not
telling. Floats are rounded to 4 places so the same transcript always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from app.domain.acts import ASKING_ACTS, QUESTION_ACTS, Act, Speaker
from app.domain.decision import Decision
from app.domain.scenario import Scenario
from app.domain.transcript import TaggedTurn, Unit
from app.rubric.discovery import disclosed_facts
from app.rubric.grow import GROW_STAGES, GrowStage, grow_stages
from app.rubric.ownership import next_step_sentence
from app.rubric.speedups import native

PLACES = 4
Source = Literal["director", "text"]


def is_telling(unit: Unit) -> bool:
    """Unsolicited advice, a leading question or a takeover: the coach told."""
    if unit.act is Act.ADVICE:
        return not unit.permitted
    return unit.act in (Act.LEADING_QUESTION, Act.TAKEOVER)


def word_count_in_python(text: str) -> int:
    """Words in a turn, as the talk-share metric counts them (whitespace-separated)."""
    return len(text.split())


# The same count, without building the words, where the speed-ups are built.
word_count: Callable[[str], int] = word_count_in_python if native is None else native.word_count


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RepOwnership(_Frozen):
    """Whether the rep named a concrete next step in their own words, and when."""

    stated: bool
    turn: int | None = None
    quote: str | None = None
    before_or_after_telling: Literal["before", "after"] | None = None
    told_turn: int | None = None
    source: Source = "text"


class GrowCoverage(_Frozen):
    """Which GROW stages the coach's questions covered, and the turns that covered them."""

    covered: list[GrowStage]
    missing: list[GrowStage]
    turns: dict[str, list[int]]


class FactDisclosure(_Frozen):
    """A hidden fact the rep disclosed."""

    id: str
    disclosure: Literal["partial", "full"]
    turn: int
    quote: str


class Discovery(_Frozen):
    """Which of the scenario's hidden facts came out, and which did not."""

    source: Source
    total: int
    found: list[FactDisclosure]
    missing: list[str]
    must_discover_missing: list[str]


class Metrics(_Frozen):
    """Every metric of DESIGN.md for one transcript, with the details behind them."""

    counts: dict[str, int]
    coach_turns: int
    rep_turns: int
    coach_words: int
    rep_words: int
    question_count: int
    ask_tell_ratio: float
    open_question_share: float
    reflection_to_question: float
    coach_talk_share: float
    question_stacking: int
    stacked_turns: list[int]
    first_telling_turn: int
    first_telling_index: int | None
    telling_count: int
    takeover_count: int
    unsolicited_advice_count: int
    permitted_advice_count: int
    affirmation_count: int
    rep_ownership: float
    rep_ownership_detail: RepOwnership
    grow_coverage: float
    grow: GrowCoverage
    discovery: float | None
    discovery_detail: Discovery | None

    def value(self, name: str) -> float | None:
        """The value of a metric named as in app.domain.metrics (None: not measurable)."""
        if name.startswith("count."):
            return float(self.counts[name.removeprefix("count.")])
        value = getattr(self, name)
        return None if value is None else float(value)


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / max(denominator, 1), PLACES)


# The metrics are built as JSON-ready data, in the models' field order: the same data is
# validated into Metrics once and goes into the scorecard as it is, with no dump between.
Data = dict[str, Any]


def _ownership(
    rep: Sequence[TaggedTurn], decisions: Mapping[int, Decision], first_told: int | None
) -> tuple[float, Data]:
    """The rep's first concrete next step, and whether telling (at `first_told`) came first."""
    source: Source = "director" if decisions else "text"
    for turn in rep:
        if decisions:
            decision = decisions.get(turn.index)
            quote = turn.text if decision is not None and decision.move == "commit" else None
        else:
            quote = next_step_sentence(turn.text)
        if quote is None:
            continue
        told = first_told is not None and first_told < turn.index
        detail = {
            "stated": True,
            "turn": turn.index,
            "quote": quote,
            "before_or_after_telling": "after" if told else "before",
            "told_turn": first_told if told else None,
            "source": source,
        }
        return (0.5 if told else 1.0), detail
    return 0.0, {
        "stated": False,
        "turn": None,
        "quote": None,
        "before_or_after_telling": None,
        "told_turn": first_told,
        "source": source,
    }


def _discovery(
    turns: Sequence[TaggedTurn],
    rep: Sequence[TaggedTurn],
    scenario: Scenario,
    decisions: Mapping[int, Decision],
) -> tuple[float, Data]:
    found, source = disclosed_facts(turns, rep, scenario, dict(decisions))
    ids = {f.id for f in found}
    # A hint is worth half a fact: the rep named the topic but not the truth.
    points = sum(1.0 if f.disclosure == "full" else 0.5 for f in found)
    total = len(scenario.hidden_facts)
    full_ids = {f.id for f in found if f.disclosure == "full"}
    detail = {
        "source": source,
        "total": total,
        "found": [
            {"id": f.id, "disclosure": f.disclosure, "turn": f.turn, "quote": f.quote}
            for f in found
        ],
        "missing": [f.id for f in scenario.hidden_facts if f.id not in ids],
        "must_discover_missing": [i for i in scenario.objective.must_discover if i not in full_ids],
    }
    return round(points / total, PLACES), detail


_REP, _LEADING, _ADVICE, _TAKEOVER = Speaker.REP, Act.LEADING_QUESTION, Act.ADVICE, Act.TAKEOVER
_coach_unit = tuple.__new__  # a CoachUnit per unit, without NamedTuple's argument handling


class CoachUnit(NamedTuple):
    """A coach unit where it was said, with what the metrics read from it."""

    turn: int  # the 1-based index of its turn
    unit: Unit
    telling: bool
    stages: tuple[GrowStage, ...]  # GROW stages, read only from questions that ask


class Reading(NamedTuple):
    """A tagged transcript read once: its metrics and the per-unit facts behind them.

    Evidence and feedback draw on the same reading instead of scanning the turns again.
    """

    turns: Sequence[TaggedTurn]
    metrics: Metrics
    data: Data  # the metrics as JSON-ready data: what `metrics.model_dump(mode="json")` gives
    coach_units: list[CoachUnit]
    # The coach units of each act, and those that told, in transcript order.
    by_act: dict[Act, list[CoachUnit]]
    told: list[CoachUnit]
    # For each speaker, (-words, position) of each of their turns: sorted, longest first.
    sizes: dict[Speaker, list[tuple[int, int]]]
    # Turn indexes run 1, 2, 3... in order and rep turns have no units: positions and
    # indexes are interchangeable, and the coach units are every unit there is.
    regular: bool


def compute_metrics(
    tagged: Sequence[TaggedTurn],
    scenario: Scenario | None = None,
    decisions: Mapping[int, Decision] | None = None,
) -> Metrics:
    """Measure a tagged transcript; `decisions` maps rep turn indexes to the director's log."""
    return read(tagged, scenario, decisions).metrics


def read(
    tagged: Sequence[TaggedTurn],
    scenario: Scenario | None = None,
    decisions: Mapping[int, Decision] | None = None,
) -> Reading:
    """Measure a tagged transcript in one pass, keeping what evidence and feedback reuse."""
    decisions = decisions or {}
    coach_turns = coach_words = rep_words = 0
    stacked: list[int] = []
    first_telling_turn: int | None = None
    first_telling_index: int | None = None
    grow_turns: dict[str, list[int]] = {stage: [] for stage in GROW_STAGES}
    coach_units: list[CoachUnit] = []
    by_act: dict[Act, list[CoachUnit]] = {act: [] for act in Act}
    told_units: list[CoachUnit] = []
    rep: list[TaggedTurn] = []
    rep_sizes: list[tuple[int, int]] = []
    coach_sizes: list[tuple[int, int]] = []
    regular = True
    for position, turn in enumerate(tagged, start=1):
        index = turn.index
        regular = regular and index == position
        count = word_count(turn.text)
        if turn.speaker is _REP:
            rep.append(turn)
            rep_words += count
            rep_sizes.append((-count, position))
            if turn.units:  # a rep turn has no units, unless a caller made some
                regular = False
                for unit in turn.units:
                    if unit.act in ASKING_ACTS:
                        _mark_stages(grow_turns, grow_stages(unit.text), index)
            continue
        coach_turns += 1
        coach_words += count
        coach_sizes.append((-count, position))
        questions_here = 0
        for unit in turn.units:
            act = unit.act
            stages: tuple[GrowStage, ...] = ()
            if act in QUESTION_ACTS:
                questions_here += 1
                told = act is _LEADING
                if not told:
                    stages = grow_stages(unit.text)
                    if stages:
                        _mark_stages(grow_turns, stages, index)
            elif act is _ADVICE:
                told = not unit.permitted
            else:
                told = act is _TAKEOVER
            item = _coach_unit(CoachUnit, (index, unit, told, stages))
            coach_units.append(item)
            by_act[act].append(item)
            if told:
                told_units.append(item)
                if first_telling_turn is None:
                    first_telling_turn, first_telling_index = coach_turns, index
        if questions_here > 1:
            stacked.append(index)

    # Acts are str enums: a member and its value are the same dict key.
    counts = {act.value: len(units) for act, units in by_act.items()}
    telling = len(told_units)
    takeovers = counts[Act.TAKEOVER]
    unsolicited = telling - takeovers - counts[Act.LEADING_QUESTION]
    asking = counts[Act.OPEN_QUESTION] + counts[Act.CLOSED_QUESTION]
    questions = asking + counts[Act.LEADING_QUESTION]
    total_words = coach_words + rep_words
    ownership, ownership_detail = _ownership(rep, decisions, first_telling_index)
    covered = [s for s in GROW_STAGES if grow_turns[s]]
    discovery: float | None = None
    discovery_detail: Data | None = None
    if scenario is not None:
        discovery, discovery_detail = _discovery(tagged, rep, scenario, decisions)
    data: Data = {
        "counts": counts,
        "coach_turns": coach_turns,
        "rep_turns": len(rep),
        "coach_words": coach_words,
        "rep_words": rep_words,
        "question_count": asking,
        "ask_tell_ratio": _ratio(asking, telling),
        "open_question_share": (_ratio(counts[Act.OPEN_QUESTION], questions) if questions else 0.0),
        "reflection_to_question": _ratio(counts[Act.REFLECTION], questions),
        "coach_talk_share": _ratio(coach_words, total_words) if total_words else 0.0,
        "question_stacking": len(stacked),
        "stacked_turns": stacked,
        "first_telling_turn": (
            first_telling_turn if first_telling_turn is not None else coach_turns + 1
        ),
        "first_telling_index": first_telling_index,
        "telling_count": telling,
        "takeover_count": takeovers,
        "unsolicited_advice_count": unsolicited,
        "permitted_advice_count": counts[Act.ADVICE] - unsolicited,
        "affirmation_count": counts[Act.AFFIRMATION],
        "rep_ownership": ownership,
        "rep_ownership_detail": ownership_detail,
        "grow_coverage": round(len(covered) / len(GROW_STAGES), PLACES),
        "grow": {
            "covered": covered,
            "missing": [s for s in GROW_STAGES if not grow_turns[s]],
            "turns": grow_turns,
        },
        "discovery": discovery,
        "discovery_detail": discovery_detail,
    }
    return Reading(
        tagged,
        Metrics.model_validate(data),
        data,
        coach_units,
        by_act,
        told_units,
        {_REP: rep_sizes, Speaker.COACH: coach_sizes},
        regular,
    )


def _mark_stages(found: dict[str, list[int]], stages: tuple[GrowStage, ...], index: int) -> None:
    for stage in stages:
        turns = found[stage]
        if not turns or turns[-1] != index:
            turns.append(index)
