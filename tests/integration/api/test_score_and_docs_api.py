"""Scoring an outside transcript, the OpenAPI document, and errors outside the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.integration.api.conftest import SCENARIO

TRANSCRIPT = [
    {"speaker": "rep", "text": "The deal is stuck in procurement."},
    {"speaker": "coach", "text": "What do you think is holding it up?"},
    {"speaker": "rep", "text": "Honestly, our champion left last month."},
    {"speaker": "coach", "text": "So nobody is carrying it for us on their side now."},
]


def test_an_outside_transcript_is_scored_with_the_rubric_asked_for(client: TestClient) -> None:
    response = client.post(
        "/api/v1/score", json={"turns": TRANSCRIPT, "rubric_id": "grow-structure"}
    )
    assert response.status_code == 200
    card = response.json()
    assert card["rubric"]["id"] == "grow-structure"
    assert 0 <= card["overall"] <= 100
    coach_turns = [t for t in card["transcript"] if t["speaker"] == "coach"]
    assert [t["act"] for t in coach_turns] == ["open_question", "reflection"]


def test_scoring_against_a_scenario_uses_its_rubric_and_hidden_facts(client: TestClient) -> None:
    response = client.post("/api/v1/score", json={"turns": TRANSCRIPT, "scenario_id": SCENARIO})
    assert response.status_code == 200
    card = response.json()
    scenario = client.app.state.library.scenarios[SCENARIO].model  # type: ignore[attr-defined]
    assert card["rubric"]["id"] == scenario.rubric
    assert card["scenario_id"] == SCENARIO
    assert "discovery" in card["metrics"]


def test_a_transcript_sent_as_text_is_read_and_its_speakers_reported(
    client: TestClient,
) -> None:
    content = (
        "Dana: How is the Acme renewal going?\n"
        "Sam: Slowly. Procurement went quiet after our champion left.\n"
        "Dana: What do you think changed for them?\n"
    )
    response = client.post("/api/v1/score", json={"content": content, "coach": "Dana"})
    assert response.status_code == 200
    card = response.json()
    assert (card["speakers"]["coach"], card["speakers"]["rep"]) == ("Dana", "Sam")
    assert card["speakers"]["note"]
    coach_turns = [t for t in card["transcript"] if t["speaker"] == "coach"]
    assert len(coach_turns) == 2


def test_a_webvtt_recording_can_be_scored(client: TestClient) -> None:
    content = (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:04.000\n<v Dana>What is getting in the way?</v>\n\n"
        "00:00:05.000 --> 00:00:09.000\n<v Sam>Legal has had the contract for weeks.</v>\n\n"
        "00:00:10.000 --> 00:00:12.000\n<v Dana>So it is stuck with legal.</v>\n"
    )
    response = client.post("/api/v1/score", json={"content": content, "coach": "Dana"})
    assert response.status_code == 200
    assert response.json()["speakers"]["coach"] == "Dana"


def test_bad_transcripts_are_refused_with_the_field_named(client: TestClient) -> None:
    empty = client.post("/api/v1/score", json={"turns": []})
    assert empty.status_code == 422
    assert empty.json()["detail"][0]["loc"][:2] == ["body", "turns"]
    no_coach = client.post("/api/v1/score", json={"turns": TRANSCRIPT[:1]})
    assert no_coach.status_code == 422
    assert no_coach.json()["detail"][0]["loc"] == ["body", "turns"]
    bad_speaker = client.post("/api/v1/score", json={"turns": [{"speaker": "boss", "text": "x"}]})
    assert bad_speaker.status_code == 422
    unknown_rubric = client.post("/api/v1/score", json={"turns": TRANSCRIPT, "rubric_id": "nope"})
    assert unknown_rubric.status_code == 404
    both = client.post("/api/v1/score", json={"turns": TRANSCRIPT, "content": "Dana: Hi?"})
    assert both.status_code == 422
    neither = client.post("/api/v1/score", json={"rubric_id": "ask-vs-tell"})
    assert neither.status_code == 422
    unreadable = client.post("/api/v1/score", json={"content": "{not json", "format": "json"})
    assert unreadable.status_code == 422
    assert unreadable.json()["detail"][0]["loc"] == ["body", "content"]


def test_the_openapi_document_describes_the_session_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    turns = paths["/api/v1/sessions/{session_id}/turns"]["post"]
    assert set(turns["responses"]) >= {"201", "404", "409", "422", "502"}
    created = turns["responses"]["201"]["content"]["application/json"]["schema"]
    assert created["$ref"].endswith("/TurnPair")
    schemas = spec["components"]["schemas"]
    assert {"coach", "rep"} <= set(schemas["TurnPair"]["properties"])
    assert schemas["TurnPair"].get("examples")
    assert paths["/api/v1/sessions"]["post"]["responses"]["201"]
    finish = paths["/api/v1/sessions/{session_id}/finish"]["post"]["responses"]["200"]
    assert finish["content"]["application/json"]["schema"]["$ref"].endswith("/ScoreResult")
    for path in ("/api/v1/scenarios", "/api/v1/scenarios/{scenario_id}", "/api/v1/score"):
        assert path in paths


def test_unknown_pages_get_an_html_404_and_unknown_api_paths_json(client: TestClient) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Traceback" not in page.text
    assert "<h1>Not found</h1>" in page.text
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/json"
    assert api.json() == {"detail": "Not Found"}


def test_no_page_loads_scripts_from_a_cdn(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200
