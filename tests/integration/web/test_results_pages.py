"""The scorecard (annotated transcript, evidence, notes, charts) and history with progress."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from tests.integration.web.conftest import SCENARIO, STREAM, escaped, start

SCRIPTS = Path(__file__).resolve().parents[2] / "scenario_scripts"


def play(client: TestClient, style: str, mode: str = "drill") -> str:
    """Run one of the scenario's scripted conversations through the pages and finish it."""
    lines = yaml.safe_load((SCRIPTS / f"{SCENARIO}.yaml").read_text())[style]
    session_id = start(client, mode=mode)
    for line in lines:
        response = client.post(f"/sessions/{session_id}/turns", data={"text": line}, headers=STREAM)
        assert response.status_code == 201
    assert client.post(f"/sessions/{session_id}/finish").status_code == 303
    return session_id


def test_scorecard_shows_score_verdict_criteria_and_evidence_links(client: TestClient) -> None:
    session_id = play(client, "asking")
    response = client.get(f"/sessions/{session_id}/scorecard")
    assert response.status_code == 200
    assert response.template.name == "scorecard.html"
    card = response.context["card"]
    assert card.passed
    assert f"{card.overall:g}" in response.text
    assert "Passed" in response.text
    for criterion in card.criteria:
        assert criterion.title in response.text
        assert f'aria-label="Level {criterion.level} of 4"' in response.text
    turn_ids = set(re.findall(r'id="turn-(\d+)"', response.text))
    links = set(re.findall(r'href="#turn-(\d+)"', response.text))
    assert links
    assert links <= turn_ids


def test_annotated_transcript_labels_every_unit_with_its_act_and_reason(
    client: TestClient,
) -> None:
    session_id = play(client, "telling")
    response = client.get(f"/sessions/{session_id}/scorecard")
    card = response.context["card"]
    units = [u for t in card.transcript for u in t.units]
    assert units
    html = response.text
    assert html.count('class="unit act-') == len(units)
    # Focusable, described by its reason, and named in text as well as colour.
    assert html.count('tabindex="0" aria-describedby="u-') == len(units)
    assert html.count('role="tooltip"') == len(units)
    for unit in units:
        assert escaped(unit.reason) in html
    assert ">Takeover" in html
    assert ">Advice" in html


def test_scorecard_shows_feedback_rewrites_and_what_the_rep_was_thinking(
    client: TestClient,
) -> None:
    session_id = play(client, "telling")
    response = client.get(f"/sessions/{session_id}/scorecard")
    card = response.context["card"]
    assert not card.passed
    assert "Not passed" in response.text
    assert 1 <= len(card.feedback) <= 2
    for item in card.feedback:
        assert escaped(item.rewrite) in response.text
        assert f'href="#turn-{item.turn}"' in response.text
    moves = {m.move for m in response.context["moments"]}
    assert {"comply", "handoff"} <= moves
    assert "Handed the work to you" in response.text
    assert "Dana was thinking" in response.text


def test_scorecard_charts_are_accessible_svg(client: TestClient) -> None:
    session_id = play(client, "asking")
    response = client.get(f"/sessions/{session_id}/scorecard")
    chart = str(response.context["act_chart"])
    assert chart.startswith("<svg")
    assert 'role="img"' in chart
    assert "<title" in chart
    assert "<desc" in chart
    counts = response.context["card"].metrics["counts"]
    assert f"Open question {counts['open_question']}" in chart
    assert "media print" not in response.text  # print styles live in the stylesheet
    assert "data-print" in response.text


def test_an_unfinished_session_has_no_scorecard_yet(client: TestClient) -> None:
    session_id = start(client)
    response = client.get(f"/sessions/{session_id}/scorecard")
    assert response.status_code == 303
    assert response.headers["location"] == f"/sessions/{session_id}"


def test_history_lists_sessions_and_charts_each_criterion_over_time(client: TestClient) -> None:
    first = play(client, "telling")
    second = play(client, "asking")
    ongoing = start(client)
    response = client.get("/history")
    assert response.template.name == "history.html"
    items = response.context["items"]
    assert [i.id for i in items] == [ongoing, second, first]
    assert f'href="/sessions/{ongoing}"' in response.text
    assert "In progress" in response.text
    assert f'href="/sessions/{first}/scorecard"' in response.text
    lines = {line.id: line for line, _, _ in response.context["progress"]}
    assert "asks-more-than-tells" in lines
    asks = lines["asks-more-than-tells"]
    assert [p.session_id for p in asks.points] == [first, second]
    assert asks.points[0].level < asks.points[1].level
    trends = {line.id: trend for line, _, trend in response.context["progress"]}
    assert trends["asks-more-than-tells"].startswith("up ")
    assert response.text.count('class="chart-line"') == len(lines)


def test_history_for_a_new_visitor_is_an_invitation(client: TestClient) -> None:
    response = client.get("/history")
    assert response.context["items"] == []
    assert "No sessions yet" in response.text
