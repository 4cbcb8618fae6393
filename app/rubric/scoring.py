"""Score a tagged transcript against a rubric: levels with evidence, overall, pass/fail.

Everything here is a pure function of its inputs, and every float that reaches the
scorecard is rounded, so the same transcript and rubric always give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Protocol

from app.domain.acts import Speaker
from app.domain.decision import Decision
from app.domain.metrics import METRICS
from app.domain.rubric import Criterion, Rubric
from app.domain.scenario import Scenario
from app.domain.scorecard import Scorecard
from app.domain.transcript import TaggedTurn
from app.rubric.evidence import Transcript, cite
from app.rubric.feedback import build_feedback
from app.rubric.metrics import Metrics, read


class RubricSource(Protocol):
    """A rubric with the hash of the file it came from (app.content's `Loaded[Rubric]`)."""

    @property
    def model(self) -> Rubric: ...

    @property
    def hash(self) -> str: ...


def model_hash(rubric: Rubric) -> str:
    """A stable hash of a rubric built in code: sha256 of its canonical JSON."""
    return hashlib.sha256(rubric.model_dump_json().encode("utf-8")).hexdigest()


def level_for(criterion: Criterion, value: float) -> int:
    """The level (1-4) a metric value reaches on a criterion's thresholds."""
    levels = criterion.levels
    thresholds = ((4, levels.level_4), (3, levels.level_3), (2, levels.level_2))
    higher = criterion.direction == "higher"
    for level, threshold in thresholds:
        if (value >= threshold) if higher else (value <= threshold):
            return level
    return 1


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _format(metric: str, value: float) -> str:
    if metric == "grow_coverage":
        return f"{round(value * 4)} of 4 stages"
    unit = METRICS[metric].unit
    if unit == "share":
        return f"{value:.0%}"
    if unit == "count":
        return str(round(value))
    return _number(value)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe(metric: str, m: Metrics) -> str:
    """The metric's value in words, with the counts behind it."""
    c = m.counts
    questions = c["open_question"] + c["closed_question"] + c["leading_question"]
    if metric == "ask_tell_ratio":
        return (
            f"ask/tell ratio {_number(m.ask_tell_ratio)} "
            f"({_plural(m.question_count, 'question')}, {m.telling_count} telling)"
        )
    if metric == "open_question_share":
        return (
            f"{m.open_question_share:.0%} of questions open ({c['open_question']} of {questions})"
        )
    if metric == "reflection_to_question":
        return (
            f"reflection:question {_number(m.reflection_to_question)} "
            f"({_plural(c['reflection'], 'reflection')}, {_plural(questions, 'question')})"
        )
    if metric == "coach_talk_share":
        total = m.coach_words + m.rep_words
        return f"manager spoke {m.coach_talk_share:.0%} of the words ({m.coach_words} of {total})"
    if metric == "telling_count":
        return (
            f"{m.telling_count} telling ({m.unsolicited_advice_count} unsolicited advice, "
            f"{c['leading_question']} leading, {m.takeover_count} takeover)"
        )
    if metric == "question_stacking":
        turns = ", ".join(str(t) for t in m.stacked_turns) or "none"
        return f"{_plural(m.question_stacking, 'stacked turn')} (turns: {turns})"
    if metric == "first_telling_turn":
        if m.first_telling_index is None:
            return "no telling at all"
        return f"first telling in coach turn {m.first_telling_turn} (turn {m.first_telling_index})"
    if metric == "rep_ownership":
        own = m.rep_ownership_detail
        if not own.stated:
            return "the rep named no concrete next step of their own"
        when = (
            "before any telling"
            if own.before_or_after_telling == "before"
            else (f"only after being told (turn {own.told_turn})")
        )
        return f"the rep named a next step in turn {own.turn}, {when}"
    if metric == "grow_coverage":
        covered = ", ".join(s.capitalize() for s in m.grow.covered) or "no stage"
        return f"GROW coverage {len(m.grow.covered)}/4 ({covered})"
    if metric == "discovery" and m.discovery_detail is not None:
        d = m.discovery_detail
        found = ", ".join(f"{f.id} ({f.disclosure})" for f in d.found) or "none"
        return f"{len(d.found)} of {d.total} hidden facts disclosed: {found}"
    value = m.value(metric)
    return f"{metric.replace('_', ' ')} {_format(metric, value or 0.0)}"


def explain(criterion: Criterion, m: Metrics, level: int) -> str:
    """One line: the value, the level, and what the next level needs."""
    return describe(criterion.metric, m) + _level_notes(criterion)[level - 1]


# Criteria are immutable, so what each level says about the next is worked out once per
# criterion object. The entry keeps the criterion alive, so its id cannot be reused.
_NOTES: dict[int, tuple[Criterion, tuple[str, ...]]] = {}
_NOTES_SIZE = 256


def _level_notes(criterion: Criterion) -> tuple[str, ...]:
    """For levels 1 to 4, the end of a criterion's explanation: the level and the next one."""
    hit = _NOTES.get(id(criterion))
    if hit is not None and hit[0] is criterion:
        return hit[1]
    bound = "at least" if criterion.direction == "higher" else "at most"
    levels = criterion.levels
    thresholds = (levels.level_2, levels.level_3, levels.level_4)
    notes = (
        *(
            f" → level {level} of 4; level {level + 1} needs {bound} "
            f"{_format(criterion.metric, threshold)}."
            for level, threshold in zip((1, 2, 3), thresholds, strict=True)
        ),
        " → level 4 of 4.",
    )
    if len(_NOTES) >= _NOTES_SIZE:
        _NOTES.pop(next(iter(_NOTES)))
    _NOTES[id(criterion)] = (criterion, notes)
    return notes


def _clean(text: str) -> str:
    return " ".join(text.split())


def score(
    tagged: Sequence[TaggedTurn],
    rubric: RubricSource | Rubric,
    scenario: Scenario | None = None,
    *,
    decisions: Mapping[int, Decision] | None = None,
    rubric_hash: str | None = None,
) -> Scorecard:
    """Score a tagged transcript: a level per criterion with evidence, overall and pass/fail.

    `rubric` is a loaded rubric (its file hash is recorded) or a Rubric model, whose hash
    is `rubric_hash` when given, else the hash of its canonical JSON.
    """
    if isinstance(rubric, Rubric):
        model, digest = rubric, rubric_hash or model_hash(rubric)
    else:
        model, digest = rubric.model, rubric.hash
    if not any(t.speaker is Speaker.COACH for t in tagged):
        raise ValueError("the transcript has no coach turns to score")
    reading = read(tagged, scenario, decisions)
    view = Transcript(reading)
    metrics = view.metrics

    # The scorecard is built as plain data and validated once at the end: one pass of
    # pydantic over the whole tree costs far less than a model per piece of evidence.
    criteria: list[dict[str, object]] = []
    levels: dict[str, int] = {}
    weighted = weights = 0.0
    points = model.scoring.level_points
    reasons_failed: list[str] = []
    skipped: list[str] = []
    for criterion in model.criteria:
        value = metrics.value(criterion.metric)
        if value is None:
            skipped.append(f"{criterion.id} not scored: {criterion.metric} needs a scenario")
            continue
        level = level_for(criterion, value)
        criteria.append(
            {
                "id": criterion.id,
                "title": criterion.title,
                "metric": criterion.metric,
                "value": round(value, 4),
                "level": level,
                "weight": criterion.weight,
                "explanation": explain(criterion, metrics, level),
                "evidence": cite(criterion.evidence, level, view),
            }
        )
        levels[criterion.metric] = min(level, levels.get(criterion.metric, level))
        weighted += criterion.weight * points[level]
        weights += criterion.weight
        floor = max(model.pass_rule.min_level, criterion.min_level or 1)
        if level < floor:
            reasons_failed.append(f"{criterion.id} is at level {level}, below its floor {floor}")

    if not criteria:
        raise ValueError(
            f"rubric {model.id!r} has no criterion that can be scored here: " + "; ".join(skipped)
        )
    overall = round(weighted / weights, 1)
    mark = model.pass_rule.min_overall
    if overall < mark:
        reasons_failed.insert(0, f"overall {overall:g} is below the pass mark {mark:g}")
    for hard in model.pass_rule.hard_fails:
        value = metrics.value(hard.metric)
        if value is not None and value > hard.max:
            reasons_failed.append(
                f"hard fail: {_clean(hard.reason)} ({hard.metric} = {_number(value)}, "
                f"at most {_number(hard.max)} allowed)"
            )
    passed = not reasons_failed
    reasons = (
        reasons_failed
        if not passed
        else [
            f"overall {overall:g} meets the pass mark {mark:g}",
            "every criterion is at or above its floor",
            "no hard fail" if model.pass_rule.hard_fails else "the rubric has no hard fails",
        ]
    )
    feedback, strength = build_feedback(view, levels)
    return Scorecard.model_validate(
        {
            "overall": overall,
            "passed": passed,
            "reasons": reasons + skipped,
            "criteria": criteria,
            "metrics": reading.data,
            "feedback": feedback,
            "strength": strength,
            "rubric": {"id": model.id, "version": model.version, "hash": digest},
            "scenario_id": scenario.id if scenario is not None else None,
            "transcript": list(tagged),
        }
    )
