"""What the session services hand back: the shapes of the JSON API and the pages' data."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain import UNITS, Act, Decision, Scorecard, Speaker, Unit
from app.storage import SessionRecord, TurnRecord

Mode = Literal["drill", "certification"]
Status = Literal["active", "finished"]


class TurnView(BaseModel):
    """One saved turn. Coach turns carry their acts; rep turns the director's decision."""

    model_config = ConfigDict(frozen=True)

    index: int = Field(description="1-based position in the session; the rep's opening is 1.")
    speaker: Speaker
    text: str
    created_at: dt.datetime
    act: Act | None = Field(default=None, description="Primary act of a coach turn.")
    acts: list[Act] = Field(default_factory=list, description="Act of each unit, in order.")
    units: list[Unit] = Field(default_factory=list, description="A coach turn's tagged units.")
    decision: Decision | None = Field(
        default=None, description="Why the rep said what it said (rep turns)."
    )
    fell_back: bool = Field(
        default=False, description="The engine fell back to the scripted line for this reply."
    )

    @classmethod
    def from_record(cls, record: TurnRecord) -> TurnView:
        """The view of a stored turn."""
        units = UNITS.validate_python(record.units or [])
        return cls(
            index=record.seq,
            speaker=Speaker(record.speaker),
            text=record.text,
            created_at=record.created_at,
            act=Act(record.act) if record.act else None,
            acts=[u.act for u in units],
            units=units,
            decision=Decision.model_validate(record.decision) if record.decision else None,
            fell_back=bool((record.engine_meta or {}).get("fell_back", False)),
        )


class TurnPair(BaseModel):
    """A coach turn and the rep's reply to it, both saved."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "coach": {
                        "index": 2,
                        "speaker": "coach",
                        "text": "What has changed since the demo?",
                        "created_at": "2025-01-01T09:00:00Z",
                        "act": "open_question",
                        "acts": ["open_question"],
                        "units": [
                            {
                                "text": "What has changed since the demo?",
                                "act": "open_question",
                                "reason": "starts with 'what' and invites an explanation",
                                "permitted": False,
                            }
                        ],
                    },
                    "rep": {
                        "index": 3,
                        "speaker": "rep",
                        "text": "Honestly? Our champion left two weeks ago.",
                        "created_at": "2025-01-01T09:00:00Z",
                        "decision": {
                            "move": "disclose",
                            "coach_act": "open_question",
                            "fact_id": "champion-left",
                            "disclosure": "full",
                            "openness_before": 0.5,
                            "openness_after": 0.6,
                            "note": "disclosed champion-left: open question about 'changed'",
                            "variant": 0,
                        },
                    },
                }
            ]
        }
    )

    coach: TurnView
    rep: TurnView


class Speakers(BaseModel):
    """Who was coach and who was rep, and how that was decided."""

    coach: str | None
    rep: str | None
    note: str


class ScoreResult(Scorecard):
    """A scorecard as `coachsim score --format json` writes it: plus the speaker mapping."""

    speakers: Speakers | None = None

    @classmethod
    def of(cls, scorecard: Scorecard, speakers: Speakers) -> ScoreResult:
        """The result for a scorecard and its speakers."""
        return cls.model_validate(
            {**scorecard.model_dump(mode="json"), "speakers": speakers.model_dump()}
        )


class SessionView(BaseModel):
    """A session with every turn so far and, once finished, its scorecard."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "5f0c2d9a6b1e4f7a8c3d2e1f0a9b8c7d",
                    "scenario_id": "stalled-procurement-champion-left",
                    "scenario_title": "Stalled at procurement: the champion who isn't there",
                    "scenario_hash": "3f1a...e9",
                    "rubric_id": "ask-vs-tell",
                    "rubric_hash": "a7c2...41",
                    "mode": "drill",
                    "status": "active",
                    "engine": "scripted",
                    "started_at": "2025-01-01T09:00:00Z",
                    "finished_at": None,
                    "reply_pending": False,
                    "turns": [
                        {
                            "index": 1,
                            "speaker": "rep",
                            "text": "Got a minute? The Northwind deal is stuck again.",
                            "created_at": "2025-01-01T09:00:00Z",
                            "decision": {
                                "move": "open",
                                "openness_before": 0.45,
                                "openness_after": 0.45,
                                "note": "opening: the rep raises the topic",
                                "variant": 0,
                            },
                        }
                    ],
                    "scorecard": None,
                }
            ]
        }
    )

    id: str
    scenario_id: str
    scenario_title: str | None = None
    scenario_hash: str = Field(description="sha256 of the scenario file the session used.")
    rubric_id: str
    rubric_hash: str = Field(description="sha256 of the rubric file that scores it.")
    mode: Mode
    status: Status
    engine: str = Field(description="What voices the rep: scripted or openai.")
    started_at: dt.datetime
    finished_at: dt.datetime | None
    reply_pending: bool = Field(
        description="The last coach turn is saved but has no reply yet: retry it."
    )
    turns: list[TurnView]
    scorecard: ScoreResult | None

    @classmethod
    def build(
        cls, record: SessionRecord, turns: list[TurnRecord], title: str | None
    ) -> SessionView:
        """The view of a stored session and its turns."""
        return cls(
            id=record.id,
            scenario_id=record.scenario_id,
            scenario_title=title,
            scenario_hash=record.scenario_hash,
            rubric_id=record.rubric_id,
            rubric_hash=record.rubric_hash,
            mode=record.mode,
            status=record.status,
            engine=record.engine,
            started_at=record.started_at,
            finished_at=record.finished_at,
            reply_pending=bool(turns) and turns[-1].speaker == Speaker.COACH.value,
            turns=[TurnView.from_record(t) for t in turns],
            scorecard=ScoreResult.model_validate(record.scorecard) if record.scorecard else None,
        )


class SessionListItem(BaseModel):
    """A past or current session in a manager's history."""

    id: str
    scenario_id: str
    scenario_title: str | None
    mode: Mode
    status: Status
    engine: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    turn_count: int
    overall: float | None = Field(description="Overall score 0-100 once finished.")
    passed: bool | None
    levels: dict[str, int] = Field(
        default_factory=dict, description="Criterion id to level, once finished."
    )


def list_item(record: SessionRecord, turn_count: int, title: str | None) -> SessionListItem:
    """A history entry from a stored session."""
    card: dict[str, Any] = record.scorecard or {}
    return SessionListItem(
        id=record.id,
        scenario_id=record.scenario_id,
        scenario_title=title,
        mode=record.mode,
        status=record.status,
        engine=record.engine,
        started_at=record.started_at,
        finished_at=record.finished_at,
        turn_count=turn_count,
        overall=card.get("overall"),
        passed=card.get("passed"),
        levels={c["id"]: c["level"] for c in card.get("criteria", ())},
    )
