"""Page route tests: the real app on a temporary SQLite file, templates strict about context."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from jinja2 import StrictUndefined, Undefined
from markupsafe import escape

from app.config import Settings
from app.engines.base import EngineError, RepEngine, ReplyMeta, ReplyRequest
from app.engines.scripted import ScriptedEngine
from app.services.sessions import SessionService
from app.web.app import create_app
from app.web.templating import templates

SCENARIO = "stalled-procurement-champion-left"
STREAM = {"Accept": "text/event-stream"}


@pytest.fixture(autouse=True)
def strict_templates() -> Iterator[None]:
    """A variable missing from a template's context fails the test instead of rendering ''."""
    templates.env.undefined = StrictUndefined
    yield
    templates.env.undefined = Undefined


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    """The app on the scripted engine with its own database."""
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'coachsim.db'}", engine="scripted", env="test"
    )
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A browser-like client: keeps cookies, does not follow redirects."""
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


def start(client: TestClient, mode: str = "drill", name: str | None = "Alex") -> str:
    """Start a session from the briefing form; the session id."""
    form = {"scenario_id": SCENARIO, "mode": mode}
    if name is not None:
        form["display_name"] = name
    response = client.post("/sessions", data=form)
    assert response.status_code == 303, response.text
    location: str = response.headers["location"]
    return location.rsplit("/", 1)[-1]


def escaped(text: str) -> str:
    """Text as the templates write it into HTML."""
    return str(escape(text))


@dataclass
class Event:
    """One server-sent event of a turn stream."""

    name: str
    data: dict[str, Any]


def events(body: str) -> list[Event]:
    """Parse a text/event-stream body."""
    parsed = []
    for block in body.strip().split("\n\n"):
        name, data = "message", ""
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line.removeprefix("event:").strip()
            elif line.startswith("data:"):
                data += line.removeprefix("data:").strip()
        parsed.append(Event(name, json.loads(data) if data else {}))
    return parsed


class FlakyEngine(RepEngine):
    """The scripted engine, except that the next `failures` replies fail part-way through."""

    name = "scripted"

    def __init__(self, failures: int = 1) -> None:
        self.failures = failures
        self._inner = ScriptedEngine()

    async def reply(
        self, request: ReplyRequest, meta: ReplyMeta | None = None
    ) -> AsyncIterator[str]:
        if self.failures:
            self.failures -= 1
            raise EngineError(
                "The rep's model didn't answer (timed out after 30 s). "
                "Your message is saved — press Retry."
            )
        async for chunk in self._inner.reply(request, meta):
            yield chunk


@pytest.fixture
def flaky(app: FastAPI) -> FlakyEngine:
    """Swap the app's rep engine for one whose next reply fails."""
    engine = FlakyEngine()
    current: SessionService = app.state.sessions
    app.state.sessions = SessionService(
        current.db, current.library, engine, max_turn_chars=current.max_turn_chars
    )
    return engine
