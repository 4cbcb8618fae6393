"""Faults between engine and model: retried where safe, then a message a manager can act on."""

from __future__ import annotations

import json

import httpx
import pytest
import respx

from app.engines.base import EngineError, ReplyMeta
from app.engines.faults import EngineConfigError, RetryPolicy
from tests.integration.engines.conftest import MakeEngine
from tests.support.rep_fixtures import (
    FakeClock,
    chunk,
    cut_response,
    rep_request,
    sse,
    sse_response,
)

ROUTE = "/chat/completions"


def error(
    status: int, message: str = "boom", code: str | None = None, **headers: str
) -> httpx.Response:
    body = {"error": {"message": message, "type": "server_error", "param": None, "code": code}}
    return httpx.Response(status, json=body, headers=headers)


async def collect(engine: object, meta: ReplyMeta | None = None) -> list[str]:
    return [p async for p in engine.reply(rep_request(), meta)]  # type: ignore[attr-defined]


async def test_a_timeout_is_retried_with_backoff_and_the_reply_still_arrives(
    router: respx.MockRouter, make_engine: MakeEngine, clock: FakeClock
) -> None:
    route = router.post(ROUTE).mock(
        side_effect=[httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow"), sse_response("Sure.")]
    )
    meta = ReplyMeta()

    assert await collect(make_engine(), meta) == ["Sure."]

    assert route.call_count == 3
    assert clock.sleeps == [0.5, 1.0]
    assert meta.retries == 2
    assert "timed out after 30 s" in meta.notes[0]


async def test_timeouts_that_never_end_give_the_manager_a_clear_message(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(side_effect=httpx.ReadTimeout("slow"))

    with pytest.raises(EngineError) as raised:
        await collect(make_engine())

    assert str(raised.value) == (
        "The rep's model didn't answer (timed out after 30 s, tried 3 times). "
        "Your message is saved — press Retry."
    )
    assert route.call_count == 3


async def test_a_429_waits_as_long_as_retry_after_says(
    router: respx.MockRouter, make_engine: MakeEngine, clock: FakeClock
) -> None:
    router.post(ROUTE).mock(
        side_effect=[error(429, "slow down", **{"retry-after": "7"}), sse_response("Okay.")]
    )
    meta = ReplyMeta()

    assert await collect(make_engine(), meta) == ["Okay."]

    assert clock.sleeps == [7.0]
    assert meta.notes == [
        "retry 1: The rep's model is busy (rate limited, HTTP 429; asked to wait 7 s); waited 7 s"
    ]


async def test_retry_after_ms_is_understood_too(
    router: respx.MockRouter, make_engine: MakeEngine, clock: FakeClock
) -> None:
    router.post(ROUTE).mock(
        side_effect=[error(429, **{"retry-after-ms": "250"}), sse_response("Okay.")]
    )

    assert await collect(make_engine()) == ["Okay."]
    assert clock.sleeps == [0.25]


async def test_a_429_asking_for_too_long_a_wait_fails_at_once_saying_so(
    router: respx.MockRouter, make_engine: MakeEngine, clock: FakeClock
) -> None:
    route = router.post(ROUTE).mock(return_value=error(429, **{"retry-after": "120"}))

    with pytest.raises(EngineError, match=r"busy \(rate limited, HTTP 429; asked to wait 120 s\)"):
        await collect(make_engine())

    assert route.call_count == 1
    assert clock.sleeps == []


async def test_an_exhausted_quota_is_not_retried_and_points_offline(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(return_value=error(429, code="insufficient_quota"))

    with pytest.raises(EngineConfigError) as raised:
        await collect(make_engine())

    assert "no quota left" in str(raised.value)
    assert "COACHSIM_ENGINE=scripted" in str(raised.value)
    assert route.call_count == 1


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_server_errors_are_retried(
    router: respx.MockRouter, make_engine: MakeEngine, status: int
) -> None:
    route = router.post(ROUTE).mock(side_effect=[error(status), sse_response("Fine.")])

    assert await collect(make_engine()) == ["Fine."]
    assert route.call_count == 2


async def test_server_errors_to_the_end_name_the_status(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(return_value=error(503))

    with pytest.raises(EngineError) as raised:
        await collect(make_engine())

    assert str(raised.value) == (
        "The rep's model had a server error (HTTP 503, tried 3 times). "
        "Your message is saved — press Retry."
    )


async def test_the_retry_policy_is_ours_alone(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    # One attempt means one request: the SDK adds no hidden retries of its own.
    route = router.post(ROUTE).mock(return_value=error(500))

    with pytest.raises(EngineError):
        await collect(make_engine(policy=RetryPolicy(attempts=1)))

    assert route.call_count == 1


async def test_connection_refused_says_where_it_tried(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(side_effect=httpx.ConnectError("[Errno 111] Connection refused"))

    with pytest.raises(EngineError) as raised:
        await collect(make_engine())

    assert str(raised.value) == (
        "Coachsim couldn't reach the rep's model at http://llm.test/v1 "
        "(connection refused, tried 3 times). Your message is saved — press Retry."
    )


async def test_the_time_budget_bounds_all_the_retries(
    router: respx.MockRouter, make_engine: MakeEngine, clock: FakeClock
) -> None:
    route = router.post(ROUTE).mock(return_value=error(429, **{"retry-after": "15"}))
    policy = RetryPolicy(attempts=10, budget_seconds=40.0)

    with pytest.raises(EngineError, match="tried 3 times"):
        await collect(make_engine(policy=policy))

    # 15 s + 15 s fit in 40 s; a third wait would not, so it gives up instead of sleeping.
    assert clock.sleeps == [15.0, 15.0]
    assert route.call_count == 3


async def test_a_stream_cut_before_anything_was_shown_is_retried_cleanly(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(side_effect=[cut_response("Honestly, it's"), sse_response("Fine.")])
    meta = ReplyMeta()

    assert await collect(make_engine(), meta) == ["Fine."]
    assert meta.retries == 1
    assert "the connection closed mid-reply" in meta.notes[0]


async def test_a_stream_cut_after_text_was_shown_is_not_repeated_but_reported(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(
        side_effect=[cut_response("Honestly? ", "It's the usual"), sse_response("Again.")]
    )
    shown: list[str] = []

    async def consume() -> None:
        async for piece in make_engine().reply(rep_request()):
            shown.append(piece)

    with pytest.raises(EngineError) as raised:
        await consume()

    assert shown == ["Honestly? "]
    assert route.call_count == 1
    assert str(raised.value) == (
        "The rep's reply was cut off (the connection closed mid-reply). "
        "Your message is saved — press Retry."
    )


async def test_a_stream_that_stops_without_finishing_counts_as_cut(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    unfinished = httpx.Response(
        200,
        content=sse("It's fine", finish=None, done=False),
        headers={"content-type": "text/event-stream"},
    )
    route = router.post(ROUTE).mock(side_effect=[unfinished, sse_response("It's fine.")])

    assert await collect(make_engine()) == ["It's fine."]
    assert route.call_count == 2


async def test_a_malformed_chunk_is_retried_then_reported(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    broken = (f"data: {json.dumps(chunk('Hi'))}\n\n" + 'data: {"choices": [{"delta\n\n').encode()
    router.post(ROUTE).mock(
        return_value=httpx.Response(
            200, content=broken, headers={"content-type": "text/event-stream"}
        )
    )

    with pytest.raises(EngineError) as raised:
        await collect(make_engine())

    assert "couldn't read (malformed stream data, tried 3 times)" in str(raised.value)


async def test_a_chunk_of_the_wrong_shape_is_malformed_too(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    odd = f"data: {json.dumps({'choices': 'nope'})}\n\n".encode()
    router.post(ROUTE).mock(
        side_effect=[
            httpx.Response(200, content=odd, headers={"content-type": "text/event-stream"}),
            sse_response("Right."),
        ]
    )

    assert await collect(make_engine()) == ["Right."]


async def test_an_error_event_inside_the_stream_is_a_server_error(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    body = b'data: {"error": {"message": "model overloaded", "type": "server_error"}}\n\n'
    router.post(ROUTE).mock(
        side_effect=[
            httpx.Response(200, content=body, headers={"content-type": "text/event-stream"}),
            sse_response("Right."),
        ]
    )
    meta = ReplyMeta()

    assert await collect(make_engine(), meta) == ["Right."]
    assert "server error (model overloaded)" in meta.notes[0]


async def test_a_rejected_key_names_the_variable_and_the_offline_engine(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(return_value=error(401, "Incorrect API key provided"))

    with pytest.raises(EngineConfigError) as raised:
        await collect(make_engine())

    message = str(raised.value)
    assert "rejected the API key" in message
    assert "COACHSIM_OPENAI_API_KEY" in message
    assert "COACHSIM_ENGINE=scripted" in message
    assert route.call_count == 1


async def test_an_unknown_model_says_which_setting_to_change(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(return_value=error(404, "The model `nope` does not exist"))

    with pytest.raises(EngineConfigError, match="set COACHSIM_MODEL to a model the server has"):
        await collect(make_engine())
