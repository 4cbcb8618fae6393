"""The catalog, its filters (with and without HTMX), the briefing and the name prompt."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.integration.web.conftest import SCENARIO

HTMX = {"HX-Request": "true"}


def test_catalog_lists_every_scenario_with_its_rep_and_time_box(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.template.name == "catalog.html"
    scenarios = response.context["scenarios"]
    assert len(scenarios) == response.context["total"] >= 10
    dana = next(s.model for s in scenarios if s.model.id == SCENARIO)
    assert dana.rep.name in response.text
    assert f"{dana.time_box_minutes} min" in response.text
    assert f'href="/scenarios/{SCENARIO}"' in response.text


def test_difficulty_filter_works_from_a_plain_query_string(client: TestClient) -> None:
    response = client.get("/", params={"difficulty": "hard"})
    assert response.template.name == "catalog.html"
    chosen = response.context["scenarios"]
    assert chosen
    assert {s.model.difficulty for s in chosen} == {"hard"}
    assert len(chosen) < response.context["total"]
    assert 'id="difficulty-hard" value="hard" checked' in response.text


def test_htmx_filter_gets_only_the_list_fragment_and_varies_on_hx_request(
    client: TestClient,
) -> None:
    response = client.get("/", params={"tag": "doing-trap"}, headers=HTMX)
    assert response.template.name == "_partials/scenario_list.html"
    assert "HX-Request" in response.headers["vary"]
    assert "<html" not in response.text
    chosen = response.context["scenarios"]
    assert chosen
    assert all("doing-trap" in s.model.tags for s in chosen)
    assert f"Showing {len(chosen)} of" in response.text

    page = client.get("/", params={"tag": "doing-trap"})
    assert page.template.name == "catalog.html"
    assert "HX-Request" in page.headers["vary"]


def test_history_restore_gets_the_whole_page(client: TestClient) -> None:
    response = client.get("/", headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert response.template.name == "catalog.html"


def test_filters_that_match_nothing_say_so_and_unknown_values_are_ignored(
    client: TestClient,
) -> None:
    nothing = client.get("/", params={"difficulty": "easy", "tag": "economic-buyer"})
    assert nothing.context["scenarios"] == []
    assert "No scenario matches" in nothing.text

    unknown = client.get("/", params={"difficulty": "impossible", "tag": "no-such-tag"})
    assert unknown.context["difficulty"] is None
    assert unknown.context["tag"] is None
    assert len(unknown.context["scenarios"]) == unknown.context["total"]


def test_briefing_shows_what_the_manager_knows_and_how_it_is_scored(client: TestClient) -> None:
    response = client.get(f"/scenarios/{SCENARIO}")
    assert response.template.name == "briefing.html"
    scenario = response.context["scenario"].model
    rubric = response.context["rubric"].model
    assert scenario.situation.account in response.text
    assert scenario.rep.name in response.text
    assert f"{scenario.time_box_minutes}-minute time box" in response.text
    for criterion in rubric.criteria:
        assert criterion.title in response.text
    assert 'name="mode" value="drill" checked' in response.text
    assert 'value="certification"' in response.text
    # The hidden facts are what the manager must draw out: never on the briefing.
    for fact in scenario.hidden_facts:
        assert fact.fact.strip()[:40] not in response.text


def test_unknown_scenario_is_a_404_page(client: TestClient) -> None:
    response = client.get("/scenarios/no-such-scenario")
    assert response.status_code == 404
    assert response.template.name == "error.html"
    assert "no-such-scenario" in response.context["message"]


def test_first_visit_asks_for_a_name_and_remembers_it(client: TestClient) -> None:
    first = client.get("/")
    assert first.context["ask_name"] is True
    assert "Tell us your name" in first.text

    saved = client.post("/welcome", data={"display_name": "  Sam   Lee ", "next": "/history"})
    assert saved.status_code == 303
    assert saved.headers["location"] == "/history"

    again = client.get("/")
    assert again.context["ask_name"] is False
    assert again.context["manager"].display_name == "Sam Lee"
    assert "Tell us your name" not in again.text
    assert "Sam Lee" in again.text


def test_a_blank_name_is_refused_with_a_message(client: TestClient) -> None:
    response = client.post("/welcome", data={"display_name": "   ", "next": "/"})
    assert response.status_code == 422
    assert response.template.name == "welcome.html"
    assert response.context["name_error"]
    assert "coachsim_manager" not in response.cookies


def test_welcome_only_sends_people_back_to_this_site(client: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post("/welcome", data={"display_name": "Sam", "next": target})
        assert response.headers["location"] == "/"
