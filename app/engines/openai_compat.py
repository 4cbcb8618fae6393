"""The OpenAI-compatible engine: an LLM voices the director's decision, checked as it streams.

Streaming and checking: the reply is released one finished sentence at a time, and each
sentence is checked (with everything before it) before it is shown. So nothing shown is
ever taken back:

- a violation before anything was shown: retry once with a corrective instruction, then
  fall back to the scripted line for the same decision (`meta.fell_back`);
- a violation after some sentences were shown: the reply ends at the last clean sentence
  and the rest is dropped (noted in `meta.notes`);
- a transport fault (timeout, 429, 5xx, refused, cut stream, malformed chunk) before
  anything was shown: retried with backoff within a time budget, the SDK's own retries
  being off so this policy is the only one; after something was shown, no retry (it
  would repeat text): an `EngineError` saying the reply was cut off.

The cost is latency: the first text appears when the model finishes its first sentence,
not at its first token (a sentence is released as soon as its closing punctuation
arrives; over loopback that is about 1 ms after the upstream sent it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from dataclasses import dataclass
from typing import Any, cast

import httpx
import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletionChunk, ChatCompletionMessageParam

from app.config import Settings
from app.domain import Decision
from app.engines.base import EngineError, RepEngine, ReplyMeta, ReplyRequest
from app.engines.faults import (
    OFFLINE_HINT,
    EngineConfigError,
    Fault,
    MalformedChunkError,
    Phase,
    RetryPolicy,
    StreamCutError,
    classify,
)
from app.engines.guardrails import ReplyGuard, Violation, corrective_instruction
from app.engines.prompting import build_messages
from app.engines.scripted import ScriptedEngine
from app.engines.sentences import SentenceGate, is_finished

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]
# Errors from the SDK, the transport or chunk parsing that a Fault can describe.
_UPSTREAM_ERRORS = (openai.APIError, httpx.HTTPError, ValueError, StreamCutError)

MISSING_KEY = (
    "The rep's model needs an API key: set COACHSIM_OPENAI_API_KEY (or OPENAI_API_KEY), "
    "or set COACHSIM_OPENAI_BASE_URL to a local OpenAI-compatible server that needs none. "
    + OFFLINE_HINT
)


class _RejectedError(Exception):
    """The reply broke a guardrail before any of it was shown."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(map(str, violations)))
        self.violations = violations


class _UpstreamError(Exception):
    def __init__(self, fault: Fault) -> None:
        super().__init__(str(fault))
        self.fault = fault


@dataclass(slots=True)
class _Draft:
    """The text of one try, and how much of it has been shown."""

    shown: str = ""
    finish_reason: str | None = None


class OpenAIEngine(RepEngine):
    """Voices decisions with any OpenAI-compatible chat model, streamed and checked."""

    name = "openai"

    def __init__(
        self,
        client: AsyncOpenAI,
        *,
        model: str,
        temperature: float = 0.7,
        max_tokens: int = 300,
        timeout: float = 30.0,
        policy: RetryPolicy | None = None,
        fallback: RepEngine | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self._client = client
        self.model = model
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.timeout = timeout
        self.policy = policy or RetryPolicy(budget_seconds=2 * timeout)
        self._fallback = fallback or ScriptedEngine()
        self._sleep = sleep
        self._clock = clock

    @property
    def where(self) -> str:
        """The endpoint in use, for messages."""
        return str(self._client.base_url).rstrip("/")

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self._client.close()

    async def reply(
        self, request: ReplyRequest, meta: ReplyMeta | None = None
    ) -> AsyncIterator[str]:
        """Stream the rep's reply a checked sentence at a time (see the module docstring)."""
        meta = meta if meta is not None else ReplyMeta()
        guard = ReplyGuard(request)
        deadline = self._clock() + self.policy.budget_seconds
        correction: str | None = None
        for attempt in (1, 2):
            draft = _Draft()
            messages = build_messages(request, correction)
            try:
                async with aclosing(self._checked(messages, guard, meta, deadline, draft)) as out:
                    async for sentence in out:
                        yield sentence
                return
            except _RejectedError as rejected:
                meta.notes.append(f"guardrail: {rejected}")
                log.warning("rep reply rejected (%s): %s", _label(request.decision), rejected)
                if attempt == 1:
                    meta.retries += 1
                    correction = corrective_instruction(rejected.violations, guard.rep)
            except EngineError as error:
                # The first try's faults are final; a failed corrective retry still has
                # the scripted line to fall back on, unless it had already shown text.
                if attempt == 1 or draft.shown or isinstance(error, EngineConfigError):
                    raise
                meta.notes.append(f"corrective retry failed: {error}")
        meta.fell_back = True
        meta.notes.append(f"fell back to the scripted line for {_label(request.decision)}")
        async for chunk in self._fallback.reply(request):
            yield chunk

    async def _checked(
        self,
        messages: list[ChatCompletionMessageParam],
        guard: ReplyGuard,
        meta: ReplyMeta,
        deadline: float,
        draft: _Draft,
    ) -> AsyncGenerator[str, None]:
        """One guarded try: stream with fault retries, release only checked sentences."""
        tries = 0
        while True:
            tries += 1
            gate = SentenceGate()
            draft.finish_reason = None
            try:
                async with aclosing(self._deltas(messages, deadline, draft)) as deltas:
                    async for delta in deltas:
                        for sentence in gate.feed(delta):
                            if not self._vet(guard, draft, sentence, meta):
                                return
                            yield sentence
                break
            except _UpstreamError as upstream:
                fault = upstream.fault
                wait = self._retry_wait(fault, tries, deadline, bool(draft.shown))
                if wait is None:
                    raise fault.error(tries) from upstream.__cause__
                meta.retries += 1
                meta.notes.append(f"retry {tries}: {fault}; waited {wait:g} s")
                log.warning("rep model fault, retrying in %.1f s: %s", wait, fault)
                await self._sleep(wait)
        tail = gate.flush()
        if draft.finish_reason == "length" and draft.shown and not is_finished(tail):
            meta.notes.append("dropped an unfinished last sentence (max tokens reached)")
            return
        if draft.finish_reason == "content_filter":
            self._refuse(draft, meta, [Violation("blocked by the model's content filter", "", 0)])
            return
        violations = guard.check_final(draft.shown + tail, len(draft.shown))
        if violations:
            self._refuse(draft, meta, violations)
            return
        if tail:
            draft.shown += tail
            yield tail

    def _vet(self, guard: ReplyGuard, draft: _Draft, sentence: str, meta: ReplyMeta) -> bool:
        """Whether a finished sentence may be shown; records it as shown if so."""
        violations = guard.check(draft.shown + sentence, len(draft.shown))
        if violations:
            self._refuse(draft, meta, violations)
            return False
        draft.shown += sentence
        return True

    @staticmethod
    def _refuse(draft: _Draft, meta: ReplyMeta, violations: list[Violation]) -> None:
        if not draft.shown:
            raise _RejectedError(violations)
        problems = "; ".join(map(str, violations))
        meta.notes.append(f"guardrail: ended the reply at the last clean sentence ({problems})")
        log.warning("rep reply trimmed: %s", problems)

    def _retry_wait(self, fault: Fault, tries: int, deadline: float, shown: bool) -> float | None:
        """Seconds to wait before trying again, or None when it is time to give up."""
        policy = self.policy
        if shown or not fault.retryable or tries >= policy.attempts:
            return None
        wait = policy.backoff(tries) if fault.wait is None else fault.wait
        if wait > policy.max_retry_after or self._clock() + wait >= deadline:
            return None
        return wait

    async def _deltas(
        self, messages: list[ChatCompletionMessageParam], deadline: float, draft: _Draft
    ) -> AsyncGenerator[str, None]:
        """One request's text deltas; every upstream failure becomes an _UpstreamError."""
        phase: Phase = "connect"
        timeout = min(self.timeout, max(1.0, deadline - self._clock()))
        try:
            stream = await self._client.chat.completions.create(
                model=self.model,
                messages=messages,
                temperature=self.temperature,
                max_tokens=self.max_tokens,
                stream=True,
                timeout=timeout,
            )
            phase = "stream"
            async with stream:
                async for chunk in stream:
                    text, finish_reason = _read_chunk(chunk)
                    if finish_reason:
                        draft.finish_reason = finish_reason
                    if text:
                        yield text
            if draft.finish_reason is None:
                raise StreamCutError("the stream ended without a finish reason")
        except _UPSTREAM_ERRORS as error:
            fault = classify(error, phase=phase, timeout=self.timeout, where=self.where)
            raise _UpstreamError(fault) from error


def _label(decision: Decision) -> str:
    """A decision in a few words for notes and logs: "disclose champion-left (full)"."""
    if decision.fact_id and decision.disclosure:
        return f"{decision.move} {decision.fact_id} ({decision.disclosure})"
    return decision.move


def _read_chunk(chunk: ChatCompletionChunk) -> tuple[str, str | None]:
    """The text and finish reason of a streamed chunk; chunks without choices carry none."""
    choices = getattr(chunk, "choices", None)
    if not isinstance(choices, list):
        raise MalformedChunkError(f"chunk without a choices list: {chunk!r:.200}")
    if not choices:
        return "", None  # e.g. usage or content-filter annotations
    choice = choices[0]
    delta = getattr(choice, "delta", None)
    content = getattr(delta, "content", None) if delta is not None else None
    finish_reason = getattr(choice, "finish_reason", None)
    if content is not None and not isinstance(content, str):
        raise MalformedChunkError(f"chunk content is not text: {content!r:.200}")
    if finish_reason is not None and not isinstance(finish_reason, str):
        raise MalformedChunkError(f"finish reason is not text: {finish_reason!r:.200}")
    return content or "", finish_reason


def build_openai_engine(
    settings: Settings, *, http_client: httpx.AsyncClient | None = None
) -> OpenAIEngine:
    """An OpenAIEngine with a client made from settings (a base URL alone is enough)."""
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    base_url = settings.openai_base_url or None
    if not key and not base_url:
        raise EngineConfigError(MISSING_KEY)
    client = AsyncOpenAI(
        # Local servers ignore the key, but the SDK insists on one.
        api_key=key or "not-needed",
        base_url=base_url,
        timeout=settings.timeout_seconds,
        max_retries=0,
        # An explicit httpx client: newer SDKs default to another HTTP library, while
        # httpx is the one this project depends on and mocks with respx in tests. (The
        # cast: the SDK's annotations name only its default library's client class.)
        http_client=cast(Any, http_client or httpx.AsyncClient(timeout=settings.timeout_seconds)),
    )
    return OpenAIEngine(
        client,
        model=settings.model,
        temperature=settings.temperature,
        max_tokens=settings.max_tokens,
        timeout=settings.timeout_seconds,
    )
