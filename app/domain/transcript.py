"""Turns, transcripts and the tagged form the rubric engine produces."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from app.domain.acts import Act, Speaker
from app.domain.decision import Decision


class Turn(BaseModel):
    """One message of a conversation."""

    model_config = ConfigDict(frozen=True)

    speaker: Speaker
    text: str
    name: str | None = Field(default=None, description="Display name, when the source had one.")
    decision: Decision | None = Field(
        default=None, description="The director's decision behind a rep turn, when logged."
    )


class Transcript(BaseModel):
    """A conversation between a coach and a rep, in order."""

    model_config = ConfigDict(frozen=True)

    turns: list[Turn]
    coach_name: str | None = None
    rep_name: str | None = None
    scenario_id: str | None = None

    @property
    def coach_turns(self) -> list[Turn]:
        """Only the coach's turns."""
        return [t for t in self.turns if t.speaker is Speaker.COACH]


class Unit(BaseModel):
    """One sentence or clause of a coach turn with its act and the reason for it."""

    model_config = ConfigDict(frozen=True)

    text: str
    act: Act
    reason: str = Field(description="The rule or features that decided the act.")
    permitted: bool = Field(
        default=False,
        description="Advice the rep asked for, or given after permission: not penalised.",
    )


class TaggedTurn(BaseModel):
    """A turn with its position, and for coach turns the tagged units and primary act."""

    model_config = ConfigDict(frozen=True)

    index: int = Field(description="1-based position in the whole transcript.")
    speaker: Speaker
    text: str
    units: list[Unit] = Field(default_factory=list)
    act: Act | None = Field(default=None, description="Primary act of a coach turn.")
