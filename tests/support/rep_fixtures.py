"""Builders shared by the OpenAI engine tests: requests, SSE bodies, a clock that never waits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.config import ROOT
from app.content import load_scenario
from app.domain import Act, Decision, RepMove, Scenario, Speaker, Turn
from app.engines.base import ReplyRequest

SCENARIO_ID = "stalled-procurement-champion-left"
BASE_URL = "http://llm.test/v1"


def shipped_scenario(scenario_id: str = SCENARIO_ID) -> Scenario:
    """A scenario from the shipped library."""
    return load_scenario(ROOT / "scenarios" / f"{scenario_id}.yaml").model


def decision(
    move: RepMove = "respond",
    act: Act | None = Act.OPEN_QUESTION,
    *,
    fact_id: str | None = None,
    disclosure: str | None = None,
    openness: float = 0.5,
    variant: int = 0,
) -> Decision:
    """A director decision with sensible defaults."""
    return Decision.model_validate(
        {
            "move": move,
            "coach_act": act,
            "fact_id": fact_id,
            "disclosure": disclosure,
            "openness_before": openness,
            "openness_after": openness,
            "note": f"{move}: test",
            "variant": variant,
        }
    )


def rep_request(
    chosen: Decision | None = None,
    *,
    coach: Sequence[str] = ("What's going on with Halvorsen?",),
    disclosed: Sequence[str] = (),
    manager_name: str | None = None,
    scenario: Scenario | None = None,
) -> ReplyRequest:
    """A request after the rep's opening line and the given coach turns (rep replies 'Mm.')."""
    scenario = scenario or shipped_scenario()
    turns = [Turn(speaker=Speaker.REP, text=scenario.opening_line)]
    for i, text in enumerate(coach):
        if i:
            turns.append(Turn(speaker=Speaker.REP, text="Mm."))
        turns.append(Turn(speaker=Speaker.COACH, text=text))
    return ReplyRequest(
        scenario=scenario,
        turns=turns,
        decision=chosen or decision(),
        disclosed=tuple(disclosed),
        manager_name=manager_name,
    )


def chunk(content: str | None = None, finish: str | None = None) -> dict[str, Any]:
    """One chat.completion.chunk payload."""
    delta = {} if content is None else {"content": content}
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def sse(*pieces: str, finish: str | None = "stop", done: bool = True) -> bytes:
    """A streamed chat completion: one event per piece, then the finish and [DONE]."""
    events = [chunk("")] + [chunk(p) for p in pieces]
    if finish is not None:
        events.append(chunk(finish=finish))
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events)
    return (body + ("data: [DONE]\n\n" if done else "")).encode()


def sse_response(*pieces: str, finish: str | None = "stop", done: bool = True) -> httpx.Response:
    """An HTTP 200 event-stream response."""
    return httpx.Response(
        200,
        content=sse(*pieces, finish=finish, done=done),
        headers={"content-type": "text/event-stream"},
    )


class CutStream(httpx.AsyncByteStream):
    """Sends the given bytes, then fails as a dropped connection does."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def cut_response(*pieces: str) -> httpx.Response:
    """A stream that delivers some text and then drops."""
    body = sse(*pieces, finish=None, done=False)
    return httpx.Response(
        200, stream=CutStream(body), headers={"content-type": "text/event-stream"}
    )


@dataclass
class FakeClock:
    """A monotonic clock and a sleep that advances it instead of waiting."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def sent_body(request: httpx.Request) -> dict[str, Any]:
    """The JSON body of a recorded request."""
    body: dict[str, Any] = json.loads(request.content)
    return body


def system_prompt(request: httpx.Request) -> str:
    """The system message of a recorded chat request."""
    return str(sent_body(request)["messages"][0]["content"])
