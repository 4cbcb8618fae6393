"""The session lifecycle through the JSON API: start, turns, finish, history."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.services.identity import COOKIE_NAME
from tests.integration.api.conftest import (
    MAX_TURN_CHARS,
    SCENARIO,
    saved_turns,
    say,
    sse_events,
    start,
)

ASKING = [
    "What's going on with the deal?",
    "So since the champion left, nobody owns it on their side.",
    "Who else cares about this project over there?",
    "What would you like to do next, and by when?",
]


def test_starting_a_session_saves_it_with_the_reps_opening_turn(
    app: FastAPI, client: TestClient
) -> None:
    session = start(client, mode="certification")
    assert session["scenario_id"] == SCENARIO
    assert (session["mode"], session["status"], session["scorecard"]) == (
        "certification",
        "active",
        None,
    )
    assert [(t["index"], t["speaker"]) for t in session["turns"]] == [(1, "rep")]
    assert session["turns"][0]["decision"]["move"] == "open"
    library = app.state.library
    assert session["scenario_hash"] == library.scenarios[SCENARIO].hash
    assert COOKIE_NAME in client.cookies
    assert [t.text for t in saved_turns(app, session["id"])] == [session["turns"][0]["text"]]


def test_a_turn_saves_the_coach_turn_with_its_acts_and_the_reps_reply(
    app: FastAPI, client: TestClient
) -> None:
    session = start(client)
    pair = say(client, session["id"], "What's going on with the deal?")
    coach, rep = pair["coach"], pair["rep"]
    assert (coach["index"], coach["speaker"], coach["text"]) == (
        2,
        "coach",
        "What's going on with the deal?",
    )
    assert coach["act"] == "open_question"
    assert coach["acts"] == [u["act"] for u in coach["units"]] == ["open_question"]
    assert coach["units"][0]["reason"]
    assert (rep["index"], rep["speaker"]) == (3, "rep")
    assert rep["text"]
    assert rep["decision"]["coach_act"] == "open_question"
    saved = saved_turns(app, session["id"])
    assert [(t.seq, t.speaker, t.text) for t in saved[1:]] == [
        (2, "coach", coach["text"]),
        (3, "rep", rep["text"]),
    ]


def test_getting_a_session_returns_every_turn_in_order(client: TestClient) -> None:
    session = start(client)
    replies = [say(client, session["id"], text)["rep"]["text"] for text in ASKING]
    response = client.get(f"/api/v1/sessions/{session['id']}")
    assert response.status_code == 200
    body = response.json()
    assert {"id", "scenario_id", "mode", "status", "turns", "scorecard"} <= set(body)
    turns = body["turns"]
    assert [t["index"] for t in turns] == list(range(1, 2 + 2 * len(ASKING)))
    assert [t["text"] for t in turns if t["speaker"] == "coach"] == ASKING
    assert [t["text"] for t in turns[2::2]] == replies
    assert body["reply_pending"] is False


@pytest.mark.parametrize(
    ("body", "field"),
    [({"text": ""}, "text"), ({"text": " \n\t "}, "text"), ({}, "text"), ({"txt": "hi"}, "text")],
)
def test_an_empty_or_missing_message_is_422_and_nothing_is_saved(
    app: FastAPI, client: TestClient, body: dict[str, str], field: str
) -> None:
    session = start(client)
    response = client.post(f"/api/v1/sessions/{session['id']}/turns", json=body)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert any(e["loc"][-1] == field for e in errors)
    assert len(saved_turns(app, session["id"])) == 1


def test_a_message_over_the_limit_is_422_and_nothing_is_saved(
    app: FastAPI, client: TestClient
) -> None:
    session = start(client)
    response = client.post(
        f"/api/v1/sessions/{session['id']}/turns", json={"text": "Why? " * MAX_TURN_CHARS}
    )
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "text"]
    assert error["ctx"]["max_length"] == MAX_TURN_CHARS
    assert str(MAX_TURN_CHARS) in error["msg"]
    assert len(saved_turns(app, session["id"])) == 1
    # Right at the limit is fine.
    say(client, session["id"], "?" * MAX_TURN_CHARS)


def test_a_request_body_over_the_size_limit_is_413(client: TestClient) -> None:
    session = start(client)
    response = client.post(
        f"/api/v1/sessions/{session['id']}/turns",
        content=b'{"text": "' + b"a" * (3 * 1024 * 1024) + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_a_streamed_request_body_over_the_size_limit_is_413(client: TestClient) -> None:
    session = start(client)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):
            yield b"a" * 65536
        yield b'"}'

    response = client.post(
        f"/api/v1/sessions/{session['id']}/turns",
        content=chunks(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413


def test_starting_needs_a_known_scenario_and_a_valid_mode(client: TestClient) -> None:
    missing = client.post("/api/v1/sessions", json={"mode": "drill"})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "scenario_id"]
    bad_mode = client.post("/api/v1/sessions", json={"scenario_id": SCENARIO, "mode": "race"})
    assert bad_mode.status_code == 422
    assert bad_mode.json()["detail"][0]["loc"] == ["body", "mode"]
    unknown = client.post("/api/v1/sessions", json={"scenario_id": "nope", "mode": "drill"})
    assert unknown.status_code == 404


def test_unknown_sessions_are_404(client: TestClient) -> None:
    start(client)
    assert client.get("/api/v1/sessions/nope").status_code == 404
    assert client.post("/api/v1/sessions/nope/turns", json={"text": "Hi?"}).status_code == 404
    assert client.post("/api/v1/sessions/nope/finish").status_code == 404
    assert client.post("/api/v1/sessions/nope/retry").status_code == 404


def test_another_managers_session_is_404_and_left_untouched(
    app: FastAPI, client: TestClient, other_client: TestClient
) -> None:
    session = start(client)
    say(client, session["id"], "What's going on with the deal?")
    other_client.post("/api/v1/sessions", json={"scenario_id": SCENARIO})
    sid = session["id"]
    assert other_client.get(f"/api/v1/sessions/{sid}").status_code == 404
    assert (
        other_client.post(f"/api/v1/sessions/{sid}/turns", json={"text": "Hi?"}).status_code == 404
    )
    assert other_client.post(f"/api/v1/sessions/{sid}/finish").status_code == 404
    assert other_client.get("/api/v1/sessions").json()[0]["id"] != sid
    assert len(saved_turns(app, sid)) == 3
    assert client.get(f"/api/v1/sessions/{sid}").json()["status"] == "active"


def test_a_forged_identity_cookie_is_nobody(app: FastAPI, client: TestClient) -> None:
    session = start(client)
    genuine = client.cookies[COOKIE_NAME]
    client.cookies.clear()
    client.cookies.set(COOKIE_NAME, genuine[:-3] + "abc")
    assert client.get(f"/api/v1/sessions/{session['id']}").status_code == 404
    client.cookies.clear()
    client.cookies.set(COOKIE_NAME, genuine)
    assert client.get(f"/api/v1/sessions/{session['id']}").status_code == 200


def test_finishing_scores_the_session_and_later_turns_are_409(
    app: FastAPI, client: TestClient
) -> None:
    session = start(client)
    for text in ASKING:
        say(client, session["id"], text)
    response = client.post(f"/api/v1/sessions/{session['id']}/finish")
    assert response.status_code == 200
    card = response.json()
    assert 0 <= card["overall"] <= 100
    assert isinstance(card["passed"], bool)
    assert card["rubric"]["hash"] == session["rubric_hash"]
    assert card["criteria"]
    assert all({"id", "level", "evidence"} <= set(c) for c in card["criteria"])
    assert "discovery" in card["metrics"]
    assert card["scenario_id"] == SCENARIO
    assert card["speakers"]["rep"] == app.state.library.scenarios[SCENARIO].model.rep.name

    late = client.post(f"/api/v1/sessions/{session['id']}/turns", json={"text": "One more?"})
    assert late.status_code == 409
    assert len(saved_turns(app, session["id"])) == 1 + 2 * len(ASKING)

    again = client.post(f"/api/v1/sessions/{session['id']}/finish")
    assert again.status_code == 200
    assert again.json() == card
    stored = client.get(f"/api/v1/sessions/{session['id']}").json()
    assert stored["status"] == "finished"
    assert stored["finished_at"] is not None
    assert stored["scorecard"] == card


def test_finishing_before_saying_anything_is_409(client: TestClient) -> None:
    session = start(client)
    response = client.post(f"/api/v1/sessions/{session['id']}/finish")
    assert response.status_code == 409
    assert client.get(f"/api/v1/sessions/{session['id']}").json()["status"] == "active"


def test_asking_scores_higher_than_telling(client: TestClient) -> None:
    telling = [
        "You need to get to the CFO this week.",
        "Send them a mutual action plan today.",
        "I'll call their VP myself and sort it out.",
        "Just push procurement harder.",
    ]
    scores = {}
    for style, lines in (("asking", ASKING), ("telling", telling)):
        session = start(client)
        for text in lines:
            say(client, session["id"], text)
        scores[style] = client.post(f"/api/v1/sessions/{session['id']}/finish").json()["overall"]
    assert scores["asking"] > scores["telling"]


def test_history_lists_the_managers_sessions_with_scores(
    client: TestClient, other_client: TestClient
) -> None:
    first = start(client)
    say(client, first["id"], ASKING[0])
    client.post(f"/api/v1/sessions/{first['id']}/finish")
    second = start(client)
    start(other_client)
    history = client.get("/api/v1/sessions").json()
    assert [h["id"] for h in history] == [second["id"], first["id"]]
    done = history[1]
    assert (done["status"], done["turn_count"]) == ("finished", 3)
    assert done["overall"] is not None
    assert set(done["levels"]) == {
        c["id"]
        for c in client.get(f"/api/v1/sessions/{first['id']}").json()["scorecard"]["criteria"]
    }
    assert history[0]["overall"] is None


def test_history_without_an_identity_is_empty(app: FastAPI) -> None:
    with TestClient(app) as anonymous:
        assert anonymous.get("/api/v1/sessions").json() == []
        assert anonymous.get("/api/v1/me").status_code == 404


def test_a_display_name_is_kept_in_the_signed_cookie(client: TestClient) -> None:
    session = start(client)
    response = client.put("/api/v1/me", json={"display_name": "  Priya   Shah "})
    assert response.status_code == 200
    assert response.json()["display_name"] == "Priya Shah"
    me = client.get("/api/v1/me").json()
    assert me == response.json()
    # Same manager as before the rename: the session is still theirs.
    assert client.get(f"/api/v1/sessions/{session['id']}").status_code == 200
    blank = client.put("/api/v1/me", json={"display_name": "   "})
    assert blank.status_code == 422
    assert blank.json()["detail"][0]["loc"] == ["body", "display_name"]


def test_a_streamed_turn_sends_the_coach_turn_then_tokens_then_the_saved_reply(
    app: FastAPI, client: TestClient
) -> None:
    session = start(client)
    response = client.post(
        f"/api/v1/sessions/{session['id']}/turns?stream=true",
        json={"text": "What's going on with the deal?"},
    )
    assert response.status_code == 201
    assert response.headers["content-type"].startswith("text/event-stream")
    events = sse_events(response.text)
    names = [name for name, _ in events]
    assert names[0] == "coach"
    assert names[-1] == "rep"
    assert set(names[1:-1]) == {"token"}
    assert len(names) > 3
    streamed = "".join(data["text"] for name, data in events if name == "token")
    rep = events[-1][1]
    assert streamed.strip() == rep["text"]
    assert [t.text for t in saved_turns(app, session["id"])][1:] == [
        "What's going on with the deal?",
        rep["text"],
    ]
