"""Starting, chatting (streamed and plain form posts), refusals, failures and retry, finishing."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.integration.web.conftest import STREAM, FlakyEngine, escaped, events, start

ADVICE = "You need to push Greg harder, send him a mutual close plan today."
QUESTION = "What is procurement actually waiting on right now?"


def _turn_count(client: TestClient, session_id: str) -> int:
    response = client.get(f"/api/v1/sessions/{session_id}")
    assert response.status_code == 200
    return len(response.json()["turns"])


def test_starting_opens_the_chat_with_the_reps_opening_line(client: TestClient) -> None:
    session_id = start(client)
    page = client.get(f"/sessions/{session_id}")
    assert page.status_code == 200
    assert page.template.name == "practice.html"
    view = page.context["session"]
    assert [t.speaker.value for t in view.turns] == ["rep"]
    assert escaped(view.turns[0].text) in page.text
    assert page.context["engine_label"] == "the scripted engine (offline)"
    assert "Voiced by the scripted engine" in page.text
    minutes = page.context["time_box_minutes"]
    assert f'data-limit="{minutes * 60}"' in page.text
    assert 'id="message"' in page.text
    assert "End session" in page.text


def test_a_streamed_turn_sends_the_coach_turn_then_tokens_then_the_saved_reply(
    client: TestClient,
) -> None:
    session_id = start(client)
    response = client.post(f"/sessions/{session_id}/turns", data={"text": QUESTION}, headers=STREAM)
    assert response.status_code == 201
    assert response.headers["content-type"].startswith("text/event-stream")
    stream = events(response.text)
    names = [e.name for e in stream]
    assert names[0] == "coach"
    assert names[-1] == "rep"
    assert names.count("token") >= 3
    assert QUESTION in stream[0].data["html"]
    tokens = "".join(e.data["text"] for e in stream if e.name == "token")
    saved = client.get(f"/api/v1/sessions/{session_id}").json()["turns"]
    assert [t["speaker"] for t in saved] == ["rep", "coach", "rep"]
    assert tokens.strip() == saved[2]["text"]
    assert f'id="turn-{saved[2]["index"]}"' in stream[-1].data["html"]


def test_messages_are_escaped_in_the_chat(client: TestClient) -> None:
    session_id = start(client)
    text = "What if <script>alert(1)</script> happens?"
    response = client.post(f"/sessions/{session_id}/turns", data={"text": text}, headers=STREAM)
    html = events(response.text)[0].data["html"]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_drill_mode_nudges_after_advice_and_not_after_a_question(client: TestClient) -> None:
    session_id = start(client)
    asked = client.post(
        f"/sessions/{session_id}/turns", data={"text": QUESTION, "nudges": "on"}, headers=STREAM
    )
    assert "Nudge" not in events(asked.text)[0].data["html"]
    told = client.post(
        f"/sessions/{session_id}/turns", data={"text": ADVICE, "nudges": "on"}, headers=STREAM
    )
    coach_html = events(told.text)[0].data["html"]
    assert "Nudge" in coach_html
    assert "That was advice. What question could get Dana there?" in coach_html

    page = client.get(f"/sessions/{session_id}")
    assert list(page.context["nudges"].values()) == [
        "That was advice. What question could get Dana there?"
    ]


def test_nudges_switched_off_or_in_certification_stay_silent(client: TestClient) -> None:
    drill = start(client)
    off = client.post(f"/sessions/{drill}/turns", data={"text": ADVICE}, headers=STREAM)
    assert "Nudge" not in events(off.text)[0].data["html"]

    certification = start(client, mode="certification")
    told = client.post(
        f"/sessions/{certification}/turns", data={"text": ADVICE, "nudges": "on"}, headers=STREAM
    )
    assert "Nudge" not in events(told.text)[0].data["html"]
    page = client.get(f"/sessions/{certification}")
    assert page.context["nudges"] == {}
    assert "Live nudges" not in page.text


def test_empty_and_oversized_messages_are_refused_and_nothing_is_saved(
    app: FastAPI, client: TestClient
) -> None:
    session_id = start(client)
    limit = app.state.settings.max_turn_chars
    for text in ("   \n ", "x" * (limit + 1)):
        streamed = client.post(f"/sessions/{session_id}/turns", data={"text": text}, headers=STREAM)
        assert streamed.status_code == 422
        assert streamed.template.name == "_partials/notice.html"
        assert "notice-error" in streamed.text
    assert (
        "message is empty"
        in client.post(f"/sessions/{session_id}/turns", data={"text": ""}, headers=STREAM).text
    )
    plain = client.post(f"/sessions/{session_id}/turns", data={"text": "x" * (limit + 1)})
    assert plain.status_code == 422
    assert plain.template.name == "practice.html"
    assert f"keep it to {limit}" in plain.context["error"]
    assert plain.context["draft"] == "x" * (limit + 1)
    assert _turn_count(client, session_id) == 1


def test_a_plain_form_post_takes_the_turn_and_returns_to_the_chat(client: TestClient) -> None:
    session_id = start(client)
    response = client.post(f"/sessions/{session_id}/turns", data={"text": QUESTION})
    assert response.status_code == 303
    assert response.headers["location"] == f"/sessions/{session_id}#composer"
    page = client.get(f"/sessions/{session_id}")
    assert [t.speaker.value for t in page.context["session"].turns] == ["rep", "coach", "rep"]
    assert escaped(QUESTION) in page.text


def test_a_failed_reply_shows_the_message_and_retry_gets_the_reply(
    client: TestClient, flaky: FlakyEngine
) -> None:
    session_id = start(client)
    failed = client.post(f"/sessions/{session_id}/turns", data={"text": QUESTION}, headers=STREAM)
    stream = events(failed.text)
    assert [e.name for e in stream] == ["coach", "failed"]
    assert escaped("The rep's model didn't answer") in stream[1].data["html"]
    assert f'action="/sessions/{session_id}/retry"' in stream[1].data["html"]
    assert ">Retry<" in stream[1].data["html"]
    assert _turn_count(client, session_id) == 2  # the coach turn is saved

    reloaded = client.get(f"/sessions/{session_id}")
    assert reloaded.context["pending_message"]
    assert f'action="/sessions/{session_id}/retry"' in reloaded.text

    blocked = client.post(f"/sessions/{session_id}/turns", data={"text": "And?"}, headers=STREAM)
    assert blocked.status_code == 409
    assert "retry" in blocked.text.lower()

    retried = client.post(f"/sessions/{session_id}/retry", headers=STREAM)
    assert retried.status_code == 201
    assert [e.name for e in events(retried.text)][-1] == "rep"
    assert _turn_count(client, session_id) == 3
    assert client.get(f"/sessions/{session_id}").context["pending_message"] is None


def test_retry_without_a_waiting_message_is_refused(client: TestClient) -> None:
    session_id = start(client)
    response = client.post(f"/sessions/{session_id}/retry", headers=STREAM)
    assert response.status_code == 409
    assert "no message waiting" in response.text


def test_ending_scores_the_session_and_the_chat_then_goes_to_the_scorecard(
    client: TestClient,
) -> None:
    session_id = start(client)
    client.post(f"/sessions/{session_id}/turns", data={"text": QUESTION}, headers=STREAM)
    finished = client.post(f"/sessions/{session_id}/finish")
    assert finished.status_code == 303
    assert finished.headers["location"] == f"/sessions/{session_id}/scorecard"
    back = client.get(f"/sessions/{session_id}")
    assert back.status_code == 303
    assert back.headers["location"] == f"/sessions/{session_id}/scorecard"
    late = client.post(f"/sessions/{session_id}/turns", data={"text": "One more?"})
    assert late.status_code == 303  # finished: straight to the scorecard, nothing saved
    assert _turn_count(client, session_id) == 3


def test_ending_before_saying_anything_explains_why_not(client: TestClient) -> None:
    session_id = start(client)
    response = client.post(f"/sessions/{session_id}/finish")
    assert response.status_code == 409
    assert response.template.name == "practice.html"
    assert "nothing to score" in response.context["error"]


def test_unknown_and_other_peoples_sessions_are_404_pages(app: FastAPI, client: TestClient) -> None:
    session_id = start(client)
    assert client.get("/sessions/not-a-session").status_code == 404
    # No `with`: the app's lifespan belongs to the first client.
    stranger = TestClient(app, follow_redirects=False)
    for response in (
        stranger.get(f"/sessions/{session_id}"),
        stranger.get(f"/sessions/{session_id}/scorecard"),
        stranger.post(f"/sessions/{session_id}/turns", data={"text": QUESTION}),
    ):
        assert response.status_code == 404
        assert response.template.name == "error.html"
    assert _turn_count(client, session_id) == 1


def test_a_first_time_visitor_can_start_without_a_name(app: FastAPI) -> None:
    with TestClient(app, follow_redirects=False) as visitor:
        response = visitor.post(
            "/sessions", data={"scenario_id": "stalled-procurement-champion-left"}
        )
        assert response.status_code == 303
        page = visitor.get(response.headers["location"])
        assert page.template.name == "practice.html"
        assert page.context["manager"].display_name is None


def test_a_name_given_at_start_is_used_by_the_rep(client: TestClient) -> None:
    start(client, name="Morgan")
    assert client.get("/").context["manager"].display_name == "Morgan"
