"""What a streamed turn yields, in order: the saved coach turn, reply chunks, the outcome."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.views import TurnView


@dataclass(frozen=True, slots=True)
class CoachSaved:
    """Stream event: the coach turn is committed."""

    turn: TurnView


@dataclass(frozen=True, slots=True)
class ReplyChunk:
    """Stream event: the next piece of the rep's reply."""

    text: str


@dataclass(frozen=True, slots=True)
class RepSaved:
    """Stream event: the rep's reply is complete and committed."""

    turn: TurnView


@dataclass(frozen=True, slots=True)
class ReplyFailed:
    """Stream event: the reply failed; the coach turn stays saved, awaiting a retry."""

    message: str


TurnEvent = CoachSaved | ReplyChunk | RepSaved | ReplyFailed
