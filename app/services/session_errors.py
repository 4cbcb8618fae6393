"""Why the sessions service refuses a request: each error maps to one HTTP status."""

from __future__ import annotations

from typing import Literal

from app.services.views import TurnView


class SessionError(Exception):
    """A request the sessions service refuses; the message is fit to show the manager."""


class NotFoundError(SessionError):
    """No such session (or scenario) for this manager."""


class ConflictError(SessionError):
    """The session is not in a state to do this (finished, replying, awaiting a retry)."""


class TurnRejectedError(SessionError):
    """The coach's message is empty or too long; nothing was saved."""

    def __init__(self, message: str, *, kind: Literal["empty", "too_long"], limit: int) -> None:
        super().__init__(message)
        self.kind = kind
        self.limit = limit


class InvalidTranscriptError(SessionError):
    """A transcript sent for scoring that cannot be read or scored; names the field."""

    def __init__(self, message: str, field: str = "turns") -> None:
        super().__init__(message)
        self.field = field


class ReplyFailedError(SessionError):
    """The rep's reply could not be produced; the coach turn is saved and can be retried."""

    def __init__(self, message: str, session_id: str, coach: TurnView) -> None:
        super().__init__(message)
        self.session_id = session_id
        self.coach = coach


def check_turn_text(text: str, limit: int) -> str:
    """The coach's message, stripped; TurnRejectedError when empty or over `limit` chars."""
    stripped = text.strip()
    if not stripped:
        raise TurnRejectedError(
            "Say something to the rep first: the message is empty.", kind="empty", limit=limit
        )
    if len(stripped) > limit:
        raise TurnRejectedError(
            f"That message is {len(stripped)} characters; keep it to {limit} "
            "(coaching works in short turns).",
            kind="too_long",
            limit=limit,
        )
    return stripped
