"""API tests: the real app on SQLite and, when configured, PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.config import Settings
from app.engines.base import EngineError, RepEngine, ReplyMeta, ReplyRequest
from app.engines.scripted import ScriptedEngine
from app.services.sessions import SessionService
from app.storage import Database
from app.storage import repository as repo
from app.web.app import create_app
from tests.support.databases import BACKENDS, database_url_for

SCENARIO = "stalled-procurement-champion-left"
MAX_TURN_CHARS = 300


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend."""
    yield from database_url_for(request.param, tmp_path)


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Settings for a test app: scripted engine, a small turn limit."""
    return Settings(
        database_url=database_url, engine="scripted", env="test", max_turn_chars=MAX_TURN_CHARS
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    """The app, its schema migrated."""
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """One manager's client (keeps the identity cookie)."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def other_client(app: FastAPI) -> Iterator[TestClient]:
    """A second manager on the same server."""
    with TestClient(app) as test_client:
        yield test_client


def use_engine(app: FastAPI, engine: RepEngine) -> None:
    """Voice the rep of sessions started from now on with this engine."""
    current: SessionService = app.state.sessions
    app.state.sessions = SessionService(
        current.db, current.library, engine, max_turn_chars=current.max_turn_chars
    )


def saved_turns(app: FastAPI, session_id: str) -> list[repo.TurnRecord]:
    """What the database holds for a session, read directly."""
    db: Database = app.state.db
    return db.call(repo.get_turns, session_id)


def start(client: TestClient, scenario: str = SCENARIO, mode: str = "drill") -> dict[str, Any]:
    """Start a session through the API; the session JSON."""
    response = client.post("/api/v1/sessions", json={"scenario_id": scenario, "mode": mode})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def say(client: TestClient, session_id: str, text: str) -> dict[str, Any]:
    """Take a turn that must succeed; the {coach, rep} JSON."""
    response = client.post(f"/api/v1/sessions/{session_id}/turns", json={"text": text})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def sse_events(body: str) -> list[tuple[str, Any]]:
    """Parse a text/event-stream body into (event, data) pairs."""
    events = []
    for block in body.strip().split("\n\n"):
        name, data = "message", ""
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line.removeprefix("event:").strip()
            elif line.startswith("data:"):
                data += line.removeprefix("data:").strip()
        events.append((name, json.loads(data) if data else None))
    return events


class FailingEngine(RepEngine):
    """The scripted engine, except that the next `failures` replies fail."""

    name = "scripted"

    def __init__(self, failures: int = 1) -> None:
        self.failures = failures
        self.inner = ScriptedEngine()

    async def reply(
        self, request: ReplyRequest, meta: ReplyMeta | None = None
    ) -> AsyncIterator[str]:
        if self.failures:
            self.failures -= 1
            yield "Well, I"
            raise EngineError("The rep's model timed out. Your message is saved: retry.")
        async for chunk in self.inner.reply(request, meta):
            yield chunk


class GatedEngine(RepEngine):
    """The scripted engine, holding each reply until the test opens the gate."""

    name = "scripted"

    def __init__(self) -> None:
        self.inner = ScriptedEngine()
        self.started = asyncio.Event()
        self.gate = asyncio.Event()

    async def reply(
        self, request: ReplyRequest, meta: ReplyMeta | None = None
    ) -> AsyncIterator[str]:
        self.started.set()
        await self.gate.wait()
        async for chunk in self.inner.reply(request, meta):
            yield chunk
