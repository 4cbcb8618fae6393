"""The transcript metrics a rubric criterion can be computed from.

The registry lives in the domain so that content validation can reject a rubric that
names an unknown metric without importing the rubric engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.domain.acts import ACT_NAMES, TELLING_ACTS

Better = Literal["higher", "lower"]


@dataclass(frozen=True, slots=True)
class MetricSpec:
    """What a metric measures and which direction is better coaching."""

    name: str
    description: str
    better: Better
    unit: Literal["ratio", "share", "count", "turn", "score"]


_SPECS: tuple[MetricSpec, ...] = (
    MetricSpec("question_count", "Genuine questions asked (open + closed).", "higher", "count"),
    MetricSpec(
        "ask_tell_ratio",
        "Questions (open + closed) per telling act (unsolicited advice, leading, takeover).",
        "higher",
        "ratio",
    ),
    MetricSpec(
        "open_question_share",
        "Open questions as a share of all questions (leading counted as questions).",
        "higher",
        "share",
    ),
    MetricSpec(
        "reflection_to_question",
        "Reflections per question (MITI: 1.0 fair, 2.0 good).",
        "higher",
        "ratio",
    ),
    MetricSpec("coach_talk_share", "Coach words as a share of all words spoken.", "lower", "share"),
    MetricSpec(
        "question_stacking",
        "Coach turns that ask more than one question at once.",
        "lower",
        "count",
    ),
    MetricSpec(
        "first_telling_turn",
        "Coach turn of the first advice, leading question or takeover (none = past the end).",
        "higher",
        "turn",
    ),
    MetricSpec(
        "telling_count", "Unsolicited advice, leading questions and takeovers.", "lower", "count"
    ),
    MetricSpec("takeover_count", "Units where the coach does the rep's work.", "lower", "count"),
    MetricSpec(
        "unsolicited_advice_count",
        "Advice not asked for and not given with permission.",
        "lower",
        "count",
    ),
    MetricSpec(
        "rep_ownership",
        "1 = the rep named a concrete next step in their own words before being told one; "
        "0.5 = only after being told; 0 = none.",
        "higher",
        "score",
    ),
    MetricSpec(
        "grow_coverage",
        "Share of Goal, Reality, Options, Will that the coach's questions covered.",
        "higher",
        "share",
    ),
    MetricSpec(
        "discovery", "Share of the scenario's hidden facts the rep disclosed.", "higher", "share"
    ),
    MetricSpec(
        "affirmation_count",
        "Specific affirmations of the rep's effort or strengths.",
        "higher",
        "count",
    ),
)

_TELLING_NAMES = frozenset(a.value for a in TELLING_ACTS)

METRICS: dict[str, MetricSpec] = {spec.name: spec for spec in _SPECS}
# Per-act counts are metrics too: "count.open_question", "count.advice", ...
METRICS.update(
    {
        f"count.{act}": MetricSpec(
            f"count.{act}",
            f"Coach units tagged {act}.",
            "lower" if act in _TELLING_NAMES else "higher",
            "count",
        )
        for act in ACT_NAMES
    }
)
METRIC_NAMES: tuple[str, ...] = tuple(METRICS)
