"""Request bodies and scenario shapes of the JSON API (session shapes live in services)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.content import Loaded
from app.domain import Persona, Rubric, Scenario, Turn
from app.domain.scenario import Situation
from app.services.identity import MAX_NAME_CHARS, Manager

# The highest limit settings allow; the configured one (COACHSIM_MAX_TURN_CHARS) is
# enforced by the sessions service with the same 422 shape.
HARD_TURN_LIMIT = 20000


class NewSession(BaseModel):
    """Start practising a scenario."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"scenario_id": "stalled-procurement-champion-left", "mode": "drill"}]
        },
    )

    scenario_id: str = Field(min_length=1, max_length=120)
    mode: Literal["drill", "certification"] = "drill"


class NewTurn(BaseModel):
    """The coach's next message."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"text": "What has changed since?"}]}
    )

    text: str = Field(
        min_length=1,
        max_length=HARD_TURN_LIMIT,
        description="1 to COACHSIM_MAX_TURN_CHARS characters (2000 by default) after "
        "trimming; longer or blank messages are refused with 422 and nothing is saved.",
    )


class ScoreRequest(BaseModel):
    """A conversation that did not happen in Coachsim, to be scored.

    Send either `turns` (speaker and text, as Coachsim's JSON transcripts have them) or
    `content`: a whole transcript as text, in Coachsim JSON, `Name: text` lines, or
    WebVTT from Zoom or Teams (`format` is detected when not given).
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "turns": [
                        {"speaker": "rep", "text": "The deal is stuck in procurement."},
                        {"speaker": "coach", "text": "What do you think is holding it?"},
                    ],
                    "rubric_id": "ask-vs-tell",
                },
                {
                    "content": "Dana: What's holding it up?\nSam: Procurement, I think.",
                    "format": "text",
                    "coach": "Dana",
                },
            ]
        },
    )

    turns: list[Turn] | None = Field(default=None, min_length=1, max_length=2000)
    content: str | None = Field(default=None, min_length=1, max_length=1_000_000)
    format: Literal["json", "text", "vtt"] | None = Field(
        default=None, description="The format of `content`; detected when not given."
    )
    coach: str | None = Field(
        default=None, description="Who the coach is in `content` (else: who asks more)."
    )
    scenario_id: str | None = Field(
        default=None, description="Scores discovery against this scenario's hidden facts."
    )
    rubric_id: str | None = Field(
        default=None, description="Defaults to the scenario's rubric, else the first installed."
    )

    @model_validator(mode="after")
    def _one_transcript(self) -> ScoreRequest:
        if (self.turns is None) == (self.content is None):
            raise ValueError("send the transcript as either `turns` or `content`, not both")
        return self


class DisplayName(BaseModel):
    """What to call the manager on screen."""

    model_config = ConfigDict(extra="forbid")

    display_name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)


class ManagerOut(BaseModel):
    """The manager the request's cookie names."""

    id: str
    display_name: str | None

    @classmethod
    def of(cls, manager: Manager) -> ManagerOut:
        """The API view of a manager."""
        return cls(id=manager.id, display_name=manager.display_name)


class ScenarioSummary(BaseModel):
    """A scenario as the catalog lists it."""

    id: str
    title: str
    summary: str
    difficulty: Literal["easy", "medium", "hard"]
    tags: list[str]
    time_box_minutes: int
    rep_name: str
    rep_role: str
    rubric_id: str

    @classmethod
    def of(cls, scenario: Scenario) -> ScenarioSummary:
        """The catalog entry of a scenario."""
        return cls(
            id=scenario.id,
            title=scenario.title,
            summary=scenario.summary,
            difficulty=scenario.difficulty,
            tags=list(scenario.tags),
            time_box_minutes=scenario.time_box_minutes,
            rep_name=scenario.rep.name,
            rep_role=scenario.rep.role,
            rubric_id=scenario.rubric,
        )


class CriterionBrief(BaseModel):
    """What one criterion rewards, for the briefing."""

    id: str
    title: str
    good_looks_like: str


class RubricBrief(BaseModel):
    """The rubric that will score a scenario."""

    id: str
    version: str
    title: str
    criteria: list[CriterionBrief]

    @classmethod
    def of(cls, rubric: Rubric) -> RubricBrief:
        """The briefing view of a rubric."""
        return cls(
            id=rubric.id,
            version=rubric.version,
            title=rubric.title,
            criteria=[
                CriterionBrief(id=c.id, title=c.title, good_looks_like=c.good_looks_like)
                for c in rubric.criteria
            ],
        )


class ScenarioDetail(ScenarioSummary):
    """A scenario's briefing: what the manager knows going in. Never the rep's secrets."""

    briefing: str
    rep: Persona
    situation: Situation
    content_hash: str
    rubric: RubricBrief | None

    @classmethod
    def of_loaded(cls, scenario: Loaded[Scenario], rubric: Loaded[Rubric] | None) -> ScenarioDetail:
        """The briefing of a loaded scenario and its rubric."""
        model = scenario.model
        return cls(
            **ScenarioSummary.of(model).model_dump(),
            briefing=model.briefing,
            rep=model.rep,
            situation=model.situation,
            content_hash=scenario.hash,
            rubric=RubricBrief.of(rubric.model) if rubric is not None else None,
        )


class ErrorOut(BaseModel):
    """An error: what went wrong, in words fit to show."""

    detail: str
