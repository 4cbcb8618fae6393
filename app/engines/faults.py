"""What went wrong talking to the model, whether to try again, and what to tell the manager."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

import httpx
import openai

from app.engines.base import EngineError

Phase = Literal["connect", "stream"]
RETRY_HINT = "Your message is saved — press Retry."
OFFLINE_HINT = "To practise offline, set COACHSIM_ENGINE=scripted."


class EngineConfigError(EngineError):
    """The engine is set up wrongly (no key, a rejected key, no such model): retries won't help."""


class MalformedChunkError(ValueError):
    """A streamed chunk did not have the shape of a chat completion chunk."""


class StreamCutError(Exception):
    """The stream ended before the model said it had finished."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try before telling the manager: attempts, backoff and a time budget."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 20.0
    budget_seconds: float = 60.0

    def backoff(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (1-based) when the server gave no hint."""
        return float(min(self.max_delay, self.base_delay * 2 ** (retry - 1)))


@dataclass(frozen=True, slots=True)
class Fault:
    """One failure, classified: whether a retry may help and how to say it to a manager."""

    headline: str
    detail: str
    retryable: bool
    wait: float | None = None
    config: bool = False

    def error(self, tries: int) -> EngineError:
        """The exception to raise once no more retries will happen."""
        if self.config:
            return EngineConfigError(f"{self.headline} ({self.detail}). {OFFLINE_HINT}")
        tried = f", tried {tries} times" if tries > 1 else ""
        return EngineError(f"{self.headline} ({self.detail}{tried}). {RETRY_HINT}")

    def __str__(self) -> str:
        return f"{self.headline} ({self.detail})"


def classify(error: BaseException, *, phase: Phase, timeout: float, where: str) -> Fault:
    """Turn an SDK, transport or parsing error into a Fault."""
    if isinstance(error, openai.APITimeoutError | httpx.TimeoutException):
        return Fault("The rep's model didn't answer", f"timed out after {timeout:g} s", True)
    if isinstance(error, StreamCutError) or (
        phase == "stream" and isinstance(error, openai.APIConnectionError | httpx.TransportError)
    ):
        return Fault("The rep's reply was cut off", "the connection closed mid-reply", True)
    if isinstance(error, openai.APIConnectionError | httpx.TransportError):
        detail = "connection refused" if _refused(error) else "connection failed"
        return Fault(f"Coachsim couldn't reach the rep's model at {where}", detail, True)
    if isinstance(error, openai.APIStatusError):
        return _status_fault(error, where)
    if isinstance(error, openai.APIError):
        # An error event inside the stream: the server gave up part-way.
        return Fault("The rep's model had a server error", _short(error.message), True)
    # Unparseable JSON, a chunk of the wrong shape, an undecodable body.
    return Fault(
        "The rep's model sent a reply Coachsim couldn't read", "malformed stream data", True
    )


def _status_fault(error: openai.APIStatusError, where: str) -> Fault:
    status = error.status_code
    if status in (401, 403):
        return Fault(
            f"The rep's model at {where} rejected the API key",
            f"HTTP {status}; set COACHSIM_OPENAI_API_KEY to a valid key",
            False,
            config=True,
        )
    if status == 404:
        return Fault(
            f"The rep's model wasn't found at {where}",
            f"HTTP 404; set COACHSIM_MODEL to a model the server has: {_short(error.message)}",
            False,
            config=True,
        )
    if status == 429:
        if error.code == "insufficient_quota":
            return Fault(
                "The rep's model refused the request",
                "HTTP 429: the API account has no quota left",
                False,
                config=True,
            )
        wait = retry_after(error.response.headers)
        detail = "rate limited, HTTP 429"
        if wait is not None:
            detail += f"; asked to wait {wait:g} s"
        return Fault("The rep's model is busy", detail, True, wait=wait)
    if status >= 500 or status in (408, 409):
        return Fault("The rep's model had a server error", f"HTTP {status}", True)
    return Fault(
        "The rep's model refused the request",
        f"HTTP {status}: {_short(error.message)}",
        False,
        config=True,
    )


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds the server asked us to wait (Retry-After-Ms, Retry-After seconds or date)."""
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) / scale
        except ValueError:
            continue
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _refused(error: BaseException) -> bool:
    """Whether a connection error was, somewhere down its chain, a refused connection."""
    seen: BaseException | None = error
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ConnectionRefusedError) or "refused" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _short(message: str, limit: int = 160) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
