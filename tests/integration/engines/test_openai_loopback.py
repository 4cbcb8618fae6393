"""A real HTTP round trip through the SDK to an OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import aclosing

import httpx
import pytest
from openai import AsyncOpenAI

from app.config import Settings
from app.engines.base import EngineError, ReplyMeta
from app.engines.faults import RetryPolicy
from app.engines.openai_compat import OpenAIEngine, build_openai_engine
from tests.support.fake_openai_server import CutStream, FakeOpenAIServer, Hang, Reply, Status
from tests.support.rep_fixtures import FakeClock, rep_request


@pytest.fixture
def server() -> AsyncIterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as running:
        yield running  # type: ignore[misc]


def engine_for(base_url: str, clock: FakeClock | None = None, **options: object) -> OpenAIEngine:
    """An engine on the SDK's real HTTP stack, with instant retries."""
    clock = clock or FakeClock()
    client = AsyncOpenAI(
        api_key="sk-local", base_url=base_url, max_retries=0, http_client=httpx.AsyncClient()
    )
    return OpenAIEngine(client, model="fake-rep", sleep=clock.sleep, clock=clock, **options)  # type: ignore[arg-type]


async def test_the_reply_streams_from_a_local_server_through_the_factory(
    server: FakeOpenAIServer,
) -> None:
    server.push(Reply("Honestly, it's the usual. Pilot went great, you know?", pause_after=5))
    engine = build_openai_engine(
        Settings(_env_file=None, openai_base_url=server.base_url, model="fake-rep")
    )
    meta = ReplyMeta()
    try:
        async with aclosing(engine.reply(rep_request(), meta)) as stream:
            first = await anext(stream)
            # The server is holding the rest of the reply back: the first sentence got
            # here while the response was still open, so it really streamed.
            assert first == "Honestly, it's the usual."
            assert server.completed == 0
            server.resume()
            rest = [piece async for piece in stream]
    finally:
        await engine.aclose()

    assert rest == [" Pilot went great, you know?"]
    assert meta.notes == []
    [request] = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer not-needed"
    assert request.body["model"] == "fake-rep"
    assert request.body["stream"] is True
    assert request.system_prompt.startswith("You are Dana Whitlock")


async def test_a_cut_connection_before_the_first_sentence_is_retried(
    server: FakeOpenAIServer,
) -> None:
    server.push(CutStream("Honestly, it's"), Reply("It's fine."))
    engine = engine_for(server.base_url)

    try:
        pieces = [p async for p in engine.reply(rep_request())]
    finally:
        await engine.aclose()

    assert pieces == ["It's fine."]
    assert len(server.requests) == 2


async def test_a_cut_connection_after_a_sentence_is_reported_not_repeated(
    server: FakeOpenAIServer,
) -> None:
    server.push(CutStream("Honestly? It's the"), Reply("Should never be asked for."))
    engine = engine_for(server.base_url)
    shown: list[str] = []

    async def consume() -> None:
        async for piece in engine.reply(rep_request()):
            shown.append(piece)

    try:
        with pytest.raises(EngineError, match="cut off"):
            await consume()
    finally:
        await engine.aclose()

    assert shown == ["Honestly?"]
    assert len(server.requests) == 1


async def test_a_real_429_with_retry_after_is_honoured(server: FakeOpenAIServer) -> None:
    server.push(Status(429, "slow down", {"Retry-After": "4"}), Reply("Okay."))
    clock = FakeClock()
    engine = engine_for(server.base_url, clock)

    try:
        pieces = [p async for p in engine.reply(rep_request())]
    finally:
        await engine.aclose()

    assert pieces == ["Okay."]
    assert clock.sleeps == [4.0]


async def test_a_server_that_never_answers_times_out_with_a_clear_message(
    server: FakeOpenAIServer,
) -> None:
    server.push(Hang(10))
    engine = engine_for(server.base_url, timeout=0.3, policy=RetryPolicy(attempts=1))

    try:
        with pytest.raises(EngineError) as raised:
            [_ async for _ in engine.reply(rep_request())]
    finally:
        await engine.aclose()

    assert str(raised.value) == (
        "The rep's model didn't answer (timed out after 0.3 s). "
        "Your message is saved — press Retry."
    )


async def test_nothing_listening_is_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The port was free a moment ago and nothing listens on it now.
    engine = engine_for(f"http://127.0.0.1:{port}/v1")

    try:
        with pytest.raises(EngineError) as raised:
            [_ async for _ in engine.reply(rep_request())]
    finally:
        await engine.aclose()

    assert f"couldn't reach the rep's model at http://127.0.0.1:{port}/v1" in str(raised.value)
    assert "connection refused, tried 3 times" in str(raised.value)


async def test_a_reader_that_stops_early_releases_the_connection(
    server: FakeOpenAIServer,
) -> None:
    # A browser that goes away mid-reply: the web layer stops reading and closes the
    # stream; the upstream request is dropped and the engine serves the next turn.
    server.push(Reply("Honestly, it's the usual. Pilot went great.", pause_after=5), "Okay.")
    engine = engine_for(server.base_url)
    try:
        async with aclosing(engine.reply(rep_request())) as stream:
            assert await anext(stream) == "Honestly, it's the usual."
        server.resume()
        again = [p async for p in engine.reply(rep_request())]
    finally:
        await engine.aclose()

    assert again == ["Okay."]
    assert len(server.requests) == 2
