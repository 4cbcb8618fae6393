"""The one seam every rep engine implements: voice the director's decision."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

from app.domain import Decision, Scenario, Turn


@dataclass(frozen=True, slots=True)
class ReplyRequest:
    """Everything an actor needs to voice one rep turn."""

    scenario: Scenario
    turns: Sequence[Turn]
    decision: Decision
    # Ids of the hidden facts the rep has already said in full (hints don't count).
    disclosed: Sequence[str] = field(default_factory=tuple)
    manager_name: str | None = None


@dataclass(slots=True)
class ReplyMeta:
    """What happened while voicing a reply (filled in by the engine as it streams)."""

    fell_back: bool = False
    retries: int = 0
    notes: list[str] = field(default_factory=list)


class EngineError(Exception):
    """The engine could not produce a reply; the message is fit to show a manager."""


class RepEngine(ABC):
    """Produces the rep's reply, streamed, for a transcript and a director decision."""

    name: str

    @abstractmethod
    def reply(self, request: ReplyRequest, meta: ReplyMeta | None = None) -> AsyncIterator[str]:
        """Stream the rep's reply as text chunks."""
