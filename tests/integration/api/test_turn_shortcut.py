"""The turn shortcut answers exactly as the turn route does, and passes on what it can't."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from app.config import Settings
from app.services.identity import COOKIE_NAME
from app.web.app import create_app
from app.web.shortcut import TurnShortcut
from tests.integration.api.conftest import MAX_TURN_CHARS, say, sse_events, start

JSON = {"content-type": "application/json"}

# (headers, query, body): what a client may send to POST .../turns. The shortcut answers
# SHORTCUT_CASES (valid JSON bodies, refused or not by the service); the rest go on to
# the route, their body replayed.
REQUESTS: dict[str, tuple[dict[str, str], str, bytes]] = {
    "a turn": (JSON, "", b'{"text": "What has changed since the demo?"}'),
    "only spaces": (JSON, "", b'{"text": "   "}'),
    "over the limit": (JSON, "", b'{"text": "' + b"x" * (MAX_TURN_CHARS + 1) + b'"}'),
    "streamed": (JSON, "?stream=true", b'{"text": "Who else is involved?"}'),
    "not streamed, said so": (JSON, "?stream=false", b'{"text": "Who else is involved?"}'),
    "charset given": (
        {"content-type": "application/json; charset=utf-8"},
        "",
        b'{"text": "Who else is involved?"}',
    ),
    "plain text": ({"content-type": "text/plain"}, "", b'{"text": "Who else?"}'),
    "no content type": ({}, "", b'{"text": "Who else?"}'),
    "not JSON": (JSON, "", b'{"text": '),
    "a number": (JSON, "", b'{"text": 5}'),
    "empty": (JSON, "", b'{"text": ""}'),
    "an extra field": (JSON, "", b'{"text": "Hi", "speaker": "rep"}'),
    "no body": (JSON, "", b""),
    "UTF-8 BOM": (JSON, "", b'\xef\xbb\xbf{"text": "Who else is involved?"}'),
}
SHORTCUT_CASES = ("a turn", "only spaces", "over the limit")


def _without_shortcut(settings: Settings) -> FastAPI:
    app = create_app(settings)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not TurnShortcut]
    return app


@pytest.fixture
def route_client(settings: Settings, client: TestClient) -> Iterator[TestClient]:
    """The same database and manager, on an app whose turns all go through the route."""
    with TestClient(_without_shortcut(settings)) as other:
        start(client)  # the manager's cookie, shared with the second client
        other.cookies.set(COOKIE_NAME, client.cookies[COOKIE_NAME])
        yield other


def _comparable(response: httpx.Response) -> tuple[int, str, Any]:
    # Saved times differ between two sessions; everything else must be the same.
    kind = response.headers.get("content-type", "")
    body: Any = response.text
    if kind == "application/json":
        body = _without_times(response.json())
    elif kind.startswith("text/event-stream"):
        body = _without_times(sse_events(body))
    return response.status_code, kind, body


def _without_times(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k != "created_at"}
    if isinstance(value, list | tuple):
        return [_without_times(v) for v in value]
    return value


def _post(client: TestClient, session_id: str, case: str) -> tuple[int, str, Any]:
    headers, query, body = REQUESTS[case]
    url = f"/api/v1/sessions/{session_id}/turns{query}"
    return _comparable(client.post(url, content=body, headers=headers))


@pytest.mark.parametrize("case", list(REQUESTS))
def test_each_request_gets_the_routes_answer(
    case: str, client: TestClient, route_client: TestClient
) -> None:
    ours, theirs = start(client)["id"], start(route_client)["id"]
    assert _post(client, ours, case) == _post(route_client, theirs, case)


def test_refusals_are_the_routes_refusals(client: TestClient, route_client: TestClient) -> None:
    session = start(client)["id"]
    assert _post(client, "no-such-session", "a turn") == _post(
        route_client, "no-such-session", "a turn"
    )
    # No cookie: a stranger to the session. (No `with`: the app's lifespan is the fixture's.)
    stranger, route_stranger = TestClient(client.app), TestClient(route_client.app)
    assert _post(stranger, session, "a turn") == _post(route_stranger, session, "a turn")
    say(client, session, "What's going on?")
    assert client.post(f"/api/v1/sessions/{session}/finish").status_code == 200
    assert _post(client, session, "a turn") == _post(route_client, session, "a turn")


def test_a_conversation_goes_the_same_way_through_either(
    client: TestClient, route_client: TestClient
) -> None:
    ours, theirs = start(client)["id"], start(route_client)["id"]
    for text in ("What's going on?", "You need to call the CFO.", "What will you do next?"):
        body = {"text": text}
        assert _comparable(client.post(f"/api/v1/sessions/{ours}/turns", json=body)) == (
            _comparable(route_client.post(f"/api/v1/sessions/{theirs}/turns", json=body))
        )


class _Route:
    """Stands in for the app behind the shortcut: echoes the body it was given."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        self.bodies.append(body)
        await Response(body, status_code=299)(scope, receive, send)


async def _through_shortcut(
    app: FastAPI, cookie: str, session_id: str, case: str
) -> tuple[httpx.Response, _Route]:
    route = _Route()
    shortcut = TurnShortcut(route)

    async def served(scope: Scope, receive: Receive, send: Send) -> None:
        scope["app"] = app  # as Starlette sets it before its middleware
        await shortcut(scope, receive, send)

    headers, query, body = REQUESTS[case]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=served),
        base_url="http://testserver",
        cookies={COOKIE_NAME: cookie},
    ) as api:
        response = await api.post(
            f"/api/v1/sessions/{session_id}/turns{query}", content=body, headers=headers
        )
    return response, route


async def test_a_plain_turn_is_answered_by_the_shortcut_alone(
    app: FastAPI, client: TestClient
) -> None:
    session = start(client)["id"]
    response, route = await _through_shortcut(app, client.cookies[COOKIE_NAME], session, "a turn")
    assert response.status_code == 201
    assert response.json()["coach"]["text"] == "What has changed since the demo?"
    assert route.bodies == []


@pytest.mark.parametrize("case", [c for c in REQUESTS if c not in SHORTCUT_CASES])
async def test_anything_else_reaches_the_route_with_its_body(
    case: str, app: FastAPI, client: TestClient
) -> None:
    session = start(client)["id"]
    response, route = await _through_shortcut(app, client.cookies[COOKIE_NAME], session, case)
    assert response.status_code == 299
    assert route.bodies == [REQUESTS[case][2]]
