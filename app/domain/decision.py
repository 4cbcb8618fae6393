"""The director's decision for one rep turn: data, logged with the turn."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.acts import Act

RepMove = Literal[
    "open",  # the rep opens the conversation
    "respond",  # answers in line with the coach act's authored reaction
    "disclose",  # reveals (part of) a hidden fact
    "guarded",  # the topic is right but trust is too low
    "comply",  # polite, empty compliance with telling
    "handoff",  # eagerly hands the work to the manager
    "reclaim",  # takes the work back after a handoff
    "pushback",  # openness has fallen so far the rep resists
    "commit",  # commits to a plan they found themselves
]


class Decision(BaseModel):
    """What the rep does next, and why, decided before any words are chosen."""

    model_config = ConfigDict(frozen=True)

    move: RepMove
    coach_act: Act | None = Field(default=None, description="Primary act of the coach turn.")
    fact_id: str | None = None
    disclosure: Literal["partial", "full"] | None = None
    openness_before: float
    openness_after: float
    note: str = Field(description='Why, for the scorecard: "guarded: you told instead of asked".')
    variant: int = Field(default=0, ge=0, description="Which authored line to voice.")
