"""A rep reply that fails: the coach turn stays saved, retry asks again, nothing doubles."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from app.engines.base import RepEngine, ReplyMeta, ReplyRequest
from app.engines.scripted import ScriptedEngine
from app.services.identity import COOKIE_NAME
from app.storage.tables import turns
from tests.integration.api.conftest import (
    FailingEngine,
    GatedEngine,
    saved_turns,
    say,
    sse_events,
    start,
    use_engine,
)

QUESTION = "What's going on with the deal?"


def test_a_failed_reply_is_502_with_the_saved_coach_turn_and_where_to_retry(
    app: FastAPI, client: TestClient
) -> None:
    use_engine(app, FailingEngine(failures=1))
    session = start(client)
    response = client.post(f"/api/v1/sessions/{session['id']}/turns", json={"text": QUESTION})
    assert response.status_code == 502
    body = response.json()
    assert "timed out" in body["detail"]
    assert body["coach"]["text"] == QUESTION
    assert body["coach"]["index"] == 2
    assert body["retry"] == f"/api/v1/sessions/{session['id']}/retry"
    saved = saved_turns(app, session["id"])
    assert [(t.seq, t.speaker, t.text) for t in saved] == [
        (1, "rep", session["turns"][0]["text"]),
        (2, "coach", QUESTION),
    ]
    view = client.get(f"/api/v1/sessions/{session['id']}").json()
    assert view["reply_pending"] is True


def test_retry_gets_the_reply_for_the_saved_coach_turn_without_duplicating_it(
    app: FastAPI, client: TestClient
) -> None:
    use_engine(app, FailingEngine(failures=2))
    session = start(client)
    sid = session["id"]
    assert client.post(f"/api/v1/sessions/{sid}/turns", json={"text": QUESTION}).status_code == 502
    assert client.post(f"/api/v1/sessions/{sid}/retry").status_code == 502
    response = client.post(f"/api/v1/sessions/{sid}/retry")
    assert response.status_code == 201
    pair = response.json()
    assert (pair["coach"]["index"], pair["coach"]["text"]) == (2, QUESTION)
    assert pair["rep"]["index"] == 3
    assert pair["rep"]["decision"]["coach_act"] == "open_question"
    saved = saved_turns(app, sid)
    assert [(t.seq, t.speaker) for t in saved] == [(1, "rep"), (2, "coach"), (3, "rep")]
    # The conversation carries on as normal, and there is nothing left to retry.
    assert say(client, sid, "Who else is involved?")["coach"]["index"] == 4
    assert client.post(f"/api/v1/sessions/{sid}/retry").status_code == 409


def test_the_reply_after_a_retry_is_the_one_an_unbroken_session_gets(
    app: FastAPI, client: TestClient
) -> None:
    unbroken = start(client)
    expected = say(client, unbroken["id"], QUESTION)["rep"]
    use_engine(app, FailingEngine(failures=1))
    broken = start(client)
    client.post(f"/api/v1/sessions/{broken['id']}/turns", json={"text": QUESTION})
    retried = client.post(f"/api/v1/sessions/{broken['id']}/retry").json()["rep"]
    assert (retried["text"], retried["decision"]) == (expected["text"], expected["decision"])


def test_a_new_message_while_a_reply_is_missing_is_409_and_not_saved(
    app: FastAPI, client: TestClient
) -> None:
    use_engine(app, FailingEngine(failures=1))
    session = start(client)
    client.post(f"/api/v1/sessions/{session['id']}/turns", json={"text": QUESTION})
    response = client.post(
        f"/api/v1/sessions/{session['id']}/turns", json={"text": "Hello? Anyone?"}
    )
    assert response.status_code == 409
    assert "retry" in response.json()["detail"]
    assert len(saved_turns(app, session["id"])) == 2


def test_a_streamed_failure_ends_with_an_error_event_after_the_saved_coach_turn(
    app: FastAPI, client: TestClient
) -> None:
    use_engine(app, FailingEngine(failures=1))
    session = start(client)
    response = client.post(
        f"/api/v1/sessions/{session['id']}/turns?stream=true", json={"text": QUESTION}
    )
    assert response.status_code == 201
    events = sse_events(response.text)
    assert events[0][0] == "coach"
    assert events[0][1]["text"] == QUESTION
    assert events[-1][0] == "error"
    assert events[-1][1]["retry"] == f"/api/v1/sessions/{session['id']}/retry"
    streamed_retry = client.post(f"/api/v1/sessions/{session['id']}/retry?stream=true")
    retry_events = sse_events(streamed_retry.text)
    assert [retry_events[0][0], retry_events[-1][0]] == ["coach", "rep"]
    assert retry_events[0][1]["index"] == 2
    assert [t.seq for t in saved_turns(app, session["id"])] == [1, 2, 3]


async def test_a_second_message_while_the_rep_is_replying_is_409(
    app: FastAPI, client: TestClient
) -> None:
    engine = GatedEngine()
    use_engine(app, engine)
    session = start(client)
    sid = session["id"]
    cookies = {COOKIE_NAME: client.cookies[COOKIE_NAME]}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver", cookies=cookies
    ) as api:
        first = asyncio.create_task(
            api.post(f"/api/v1/sessions/{sid}/turns", json={"text": QUESTION})
        )
        await asyncio.wait_for(engine.started.wait(), timeout=5)
        second = await api.post(f"/api/v1/sessions/{sid}/turns", json={"text": "And?"})
        finish = await api.post(f"/api/v1/sessions/{sid}/finish")
        engine.gate.set()
        done = await asyncio.wait_for(first, timeout=5)
    assert second.status_code == 409
    assert finish.status_code == 409
    assert done.status_code == 201
    assert [(t.seq, t.text) for t in saved_turns(app, sid)][1:] == [
        (2, QUESTION),
        (3, done.json()["rep"]["text"]),
    ]


class ProbeEngine(RepEngine):
    """The scripted engine, noting what the database holds when a reply is requested."""

    name = "scripted"

    def __init__(self, database_url: str) -> None:
        self.inner = ScriptedEngine()
        self.database_url = database_url
        self.saved_at_request: list[list[str]] = []

    async def reply(
        self, request: ReplyRequest, meta: ReplyMeta | None = None
    ) -> AsyncIterator[str]:
        # A separate connection sees only what has been committed.
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                texts = connection.execute(select(turns.c.text).order_by(turns.c.id)).scalars()
                self.saved_at_request.append(list(texts))
        finally:
            engine.dispose()
        async for chunk in self.inner.reply(request, meta):
            yield chunk


def test_the_coach_turn_is_committed_before_the_reply_is_requested(
    app: FastAPI, client: TestClient, database_url: str
) -> None:
    probe = ProbeEngine(database_url)
    use_engine(app, probe)
    session = start(client)
    say(client, session["id"], QUESTION)
    say(client, session["id"], "Who else is involved?")
    assert [texts[-1] for texts in probe.saved_at_request] == [QUESTION, "Who else is involved?"]
