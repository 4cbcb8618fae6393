"""The result of scoring a transcript against a rubric."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.domain.acts import Act, Speaker
from app.domain.transcript import TaggedTurn


class Evidence(BaseModel):
    """A turn the scorecard cites, with the words that matter."""

    model_config = ConfigDict(frozen=True)

    turn: int = Field(description="1-based index of the turn in the transcript.")
    quote: str
    act: Act | None = None
    note: str = ""
    speaker: Speaker = Field(
        default=Speaker.COACH, description="Whose turn this is; rep turns are never graded."
    )


class CriterionResult(BaseModel):
    """The level one criterion reached and the evidence that set it."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    metric: str
    value: float | None
    level: int = Field(ge=1, le=4)
    weight: float
    explanation: str
    evidence: list[Evidence]


class FeedbackItem(BaseModel):
    """One behaviour to change, grounded in a real turn, with a rewrite."""

    model_config = ConfigDict(frozen=True)

    behaviour: str
    turn: int
    quote: str
    rewrite: str
    why: str


class Strength(BaseModel):
    """One specific thing the coach did well."""

    model_config = ConfigDict(frozen=True)

    text: str
    turn: int | None = None
    quote: str | None = None


class RubricRef(BaseModel):
    """Which exact rubric scored this: id, version and content hash."""

    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    hash: str


class Scorecard(BaseModel):
    """Metrics, levels with evidence, overall score, pass/fail and feedback."""

    model_config = ConfigDict(frozen=True)

    overall: float = Field(ge=0, le=100)
    passed: bool
    reasons: list[str] = Field(description="Why it passed or failed, one line each.")
    criteria: list[CriterionResult]
    metrics: dict[str, Any]
    feedback: list[FeedbackItem] = Field(max_length=2)
    strength: Strength | None
    rubric: RubricRef
    scenario_id: str | None = None
    transcript: list[TaggedTurn]
