"""A rubric: criteria computed from transcript metrics, levels, weights and a pass rule."""

from __future__ import annotations

import difflib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.domain.metrics import METRIC_NAMES, METRICS, Better

_ID = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Levels(Strict):
    """Thresholds to reach levels 2, 3 and 4 (level 1 is the floor).

    With `better: higher` a level is reached when the metric is at least its threshold;
    with `better: lower` when it is at most its threshold.
    """

    level_2: float
    level_3: float
    level_4: float


class Criterion(Strict):
    """One scored criterion of a rubric."""

    id: str = Field(pattern=_ID)
    title: str
    metric: str = Field(
        description="The transcript metric this criterion is computed from.",
        json_schema_extra={"enum": list(METRIC_NAMES)},
    )
    better: Better | None = Field(
        default=None, description="Overrides the metric's own direction when given."
    )
    levels: Levels
    weight: float = Field(gt=0)
    min_level: int | None = Field(default=None, ge=1, le=4)
    evidence: Literal[
        "questions",
        "open_questions",
        "reflections",
        "telling",
        "takeovers",
        "advice",
        "affirmations",
        "stacked_questions",
        "rep_next_step",
        "grow",
        "discovery",
        "talk",
    ] = Field(description="Which turns the scorecard quotes as evidence for this criterion.")
    good_looks_like: str = Field(min_length=1)
    rationale: str = Field(min_length=1, description="Why these thresholds (research anchor).")

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, metric: str) -> str:
        if metric not in METRICS:
            close = difflib.get_close_matches(metric, METRIC_NAMES, n=1)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else "known metrics: " + ", ".join(sorted(METRICS))
            )
            raise ValueError(f"unknown metric {metric!r}; {hint}")
        return metric

    @property
    def direction(self) -> Better:
        """Whether higher or lower metric values are better coaching."""
        return self.better or METRICS[self.metric].better

    @model_validator(mode="after")
    def _monotonic(self) -> Criterion:
        l2, l3, l4 = self.levels.level_2, self.levels.level_3, self.levels.level_4
        ok = (l2 <= l3 <= l4) if self.direction == "higher" else (l2 >= l3 >= l4)
        if not ok:
            order = "rise" if self.direction == "higher" else "fall"
            raise ValueError(
                f"levels must {order} from level_2 to level_4 for a "
                f"'{self.direction} is better' metric (got {l2}, {l3}, {l4})"
            )
        return self


class HardFail(Strict):
    """A condition that fails the session whatever the overall score."""

    metric: str = Field(json_schema_extra={"enum": list(METRIC_NAMES)})
    max: float = Field(description="The session fails when the metric exceeds this.")
    reason: str

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, metric: str) -> str:
        return Criterion._known_metric(metric)


class PassRule(Strict):
    """When a scored session passes."""

    min_overall: float = Field(ge=0, le=100)
    min_level: int = Field(default=1, ge=1, le=4, description="Floor for every criterion.")
    hard_fails: list[HardFail] = Field(default_factory=list)


class Scoring(Strict):
    """Inputs of the overall score: a weighted mean of criterion levels mapped to 0-100."""

    method: Literal["weighted_levels"] = "weighted_levels"
    level_points: dict[int, float] = Field(
        default_factory=lambda: {1: 0.0, 2: 40.0, 3: 75.0, 4: 100.0},
        description="Points each level is worth before weighting.",
    )

    @field_validator("level_points")
    @classmethod
    def _all_levels(cls, points: dict[int, float]) -> dict[int, float]:
        if sorted(points) != [1, 2, 3, 4]:
            raise ValueError("level_points needs exactly the keys 1, 2, 3 and 4")
        return points


class Rubric(Strict):
    """A scoring rubric, authored as YAML in rubrics/."""

    id: str = Field(pattern=_ID)
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$")
    title: str
    description: str
    criteria: list[Criterion] = Field(min_length=1)
    scoring: Scoring = Field(default_factory=Scoring)
    pass_rule: PassRule

    @model_validator(mode="after")
    def _unique_criteria(self) -> Rubric:
        ids = [c.id for c in self.criteria]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"criterion ids repeat: {', '.join(dupes)}")
        return self
