"""Turns, transcripts and the tagged form the rubric engine produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

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


# A unit and a tagged turn are plain slotted dataclasses, not pydantic models: the tagger
# makes two or three of them per coach utterance and scoring reads their attributes
# thousands of times per transcript, and a dataclass is built and read several times
# faster. They are values all the same: nothing changes one once made (`dataclasses.replace`
# makes a changed copy); they are not frozen because a frozen dataclass sets each field
# through `object.__setattr__`, which made tagging 4% slower. Pydantic still validates them
# from plain data and serialises them wherever they sit inside a model (a scorecard, an
# API response); `UNITS` does it for a bare list.


@dataclass(slots=True)
class Unit:
    """One sentence or clause of a coach turn with its act and the reason for it."""

    text: str
    act: Act
    reason: Annotated[str, Field(description="The rule or features that decided the act.")]
    permitted: Annotated[
        bool,
        Field(description="Advice the rep asked for, or given after permission: not penalised."),
    ] = False

    def as_record(self) -> dict[str, Any]:
        """The unit as JSON-ready data."""
        return {
            "text": self.text,
            "act": self.act.value,
            "reason": self.reason,
            "permitted": self.permitted,
        }


@dataclass(slots=True)
class TaggedTurn:
    """A turn with its position, and for coach turns the tagged units and primary act."""

    index: Annotated[int, Field(description="1-based position in the whole transcript.")]
    speaker: Speaker
    text: str
    units: list[Unit] = field(default_factory=list)
    act: Annotated[Act | None, Field(description="Primary act of a coach turn.")] = None


UNITS: TypeAdapter[list[Unit]] = TypeAdapter(list[Unit])
