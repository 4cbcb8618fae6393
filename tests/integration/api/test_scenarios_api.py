"""GET /api/v1/scenarios: the catalog and a briefing, never the rep's secrets."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.content import ContentLibrary
from tests.integration.api.conftest import SCENARIO


def test_the_catalog_lists_every_scenario_with_what_a_manager_chooses_by(
    client: TestClient,
) -> None:
    response = client.get("/api/v1/scenarios")
    assert response.status_code == 200
    scenarios = response.json()
    library: ContentLibrary = client.app.state.library  # type: ignore[attr-defined]
    assert sorted(s["id"] for s in scenarios) == sorted(library.scenarios)
    first = scenarios[0]
    assert {"id", "title", "difficulty", "tags", "time_box_minutes", "rep_name"} <= set(first)
    ranks = {"easy": 0, "medium": 1, "hard": 2}
    assert [ranks[s["difficulty"]] for s in scenarios] == sorted(
        ranks[s["difficulty"]] for s in scenarios
    )


def test_a_briefing_has_what_the_manager_knows_but_no_hidden_facts(client: TestClient) -> None:
    response = client.get(f"/api/v1/scenarios/{SCENARIO}")
    assert response.status_code == 200
    briefing = response.json()
    library: ContentLibrary = client.app.state.library  # type: ignore[attr-defined]
    scenario = library.scenarios[SCENARIO]
    assert briefing["briefing"] == scenario.model.briefing
    assert briefing["rep"]["name"] == scenario.model.rep.name
    assert briefing["content_hash"] == scenario.hash
    assert briefing["rubric"]["id"] == scenario.model.rubric
    assert all(c["good_looks_like"] for c in briefing["rubric"]["criteria"])
    text = response.text
    assert "hidden_facts" not in briefing
    assert "reactions" not in briefing
    for fact in scenario.model.hidden_facts:
        assert fact.fact not in text
        assert fact.partial not in text


def test_an_unknown_scenario_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/v1/scenarios/no-such-scenario")
    assert response.status_code == 404
    assert "no-such-scenario" in response.json()["detail"]
