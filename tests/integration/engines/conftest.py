"""Fixtures for the OpenAI engine tests: a respx router, an instant clock, an engine."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
import respx
from openai import AsyncOpenAI

from app.engines.faults import RetryPolicy
from app.engines.openai_compat import OpenAIEngine
from tests.support.rep_fixtures import BASE_URL, FakeClock

MakeEngine = Callable[..., OpenAIEngine]


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    """HTTP to BASE_URL answered by respx; nothing else is allowed."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def clock() -> FakeClock:
    """A clock whose sleeps return at once and are recorded."""
    return FakeClock()


@pytest.fixture
async def make_engine(clock: FakeClock) -> AsyncIterator[MakeEngine]:
    """Build OpenAIEngines on an httpx client that respx intercepts; closed afterwards."""
    clients: list[AsyncOpenAI] = []

    def build(*, policy: RetryPolicy | None = None, **options: object) -> OpenAIEngine:
        client = AsyncOpenAI(
            api_key="sk-test", base_url=BASE_URL, max_retries=0, http_client=httpx.AsyncClient()
        )
        clients.append(client)
        return OpenAIEngine(
            client,
            model="test-model",
            policy=policy,
            sleep=clock.sleep,
            clock=clock,
            **options,  # type: ignore[arg-type]
        )

    yield build
    for client in clients:
        await client.close()
