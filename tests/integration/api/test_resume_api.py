"""Sessions survive the process: rebuilt from the database, they carry on exactly."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.config import ROOT, Settings
from app.services.sessions import SessionService
from app.web.app import create_app
from tests.integration.api.conftest import SCENARIO, say, start

SCRIPT = [
    "What's going on with the deal?",
    "You should call their CFO.",
    "So since the champion left, nobody owns it over there.",
    "Who else cares about this project?",
    "What would you like to do next, and by when?",
]


def _replies(client: TestClient, session_id: str, lines: list[str]) -> list[dict[str, Any]]:
    return [say(client, session_id, text)["rep"] for text in lines]


def test_after_a_restart_a_session_continues_as_if_nothing_happened(settings: Settings) -> None:
    with TestClient(create_app(settings)) as before:
        interrupted = start(before)
        first_half = _replies(before, interrupted["id"], SCRIPT[:2])
        cookies = dict(before.cookies)

    with TestClient(create_app(settings), cookies=cookies) as after:
        view = after.get(f"/api/v1/sessions/{interrupted['id']}").json()
        assert [t["text"] for t in view["turns"][2::2]] == [r["text"] for r in first_half]
        second_half = _replies(after, interrupted["id"], SCRIPT[2:])
        unbroken = start(after)
        expected = _replies(after, unbroken["id"], SCRIPT)

    def essentials(replies: list[dict[str, Any]]) -> list[tuple[str, str, float]]:
        return [
            (r["text"], r["decision"]["move"], r["decision"]["openness_after"]) for r in replies
        ]

    assert essentials(first_half + second_half) == essentials(expected)


def test_sessions_evicted_from_memory_are_rebuilt_from_the_database(app: FastAPI) -> None:
    service: SessionService = app.state.sessions
    app.state.sessions = SessionService(
        service.db, service.library, service.engine, max_turn_chars=2000, cache_size=1
    )
    with TestClient(app) as client:
        one, two = start(client), start(client)
        alternating: dict[str, list[dict[str, Any]]] = {one["id"]: [], two["id"]: []}
        for text in SCRIPT:
            for sid in (one["id"], two["id"]):
                alternating[sid].append(say(client, sid, text)["rep"])
        assert app.state.sessions.cached_sessions == 1
        alone = start(client)
        expected = _replies(client, alone["id"], SCRIPT)
    for replies in alternating.values():
        assert [r["text"] for r in replies] == [r["text"] for r in expected]
        assert [r["decision"] for r in replies] == [r["decision"] for r in expected]


def _content_copy(tmp_path: Path) -> tuple[Path, Path]:
    scenarios, rubrics = tmp_path / "scenarios", tmp_path / "rubrics"
    shutil.copytree(ROOT / "scenarios", scenarios)
    shutil.copytree(ROOT / "rubrics", rubrics)
    return scenarios, rubrics


def _rewrite_every_rep_line(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for reaction in data["reactions"].values():
        reaction["lines"] = [f"(new) {line}" for line in reaction["lines"]]
    for fact in data["hidden_facts"]:
        fact["partial"] = f"(new) {fact['partial']}"
        fact["full"] = [f"(new) {line}" for line in fact["full"]]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_a_session_keeps_the_scenario_version_it_started_with(
    settings: Settings, tmp_path: Path
) -> None:
    scenarios, rubrics = _content_copy(tmp_path)
    pinned = settings.model_copy(update={"scenarios_dir": scenarios, "rubrics_dir": rubrics})
    with TestClient(create_app(pinned)) as before:
        old = start(before)
        cookies = dict(before.cookies)

    _rewrite_every_rep_line(scenarios / f"{SCENARIO}.yaml")
    with TestClient(create_app(pinned), cookies=cookies) as after:
        new = start(after)
        assert new["scenario_hash"] != old["scenario_hash"]
        old_replies = _replies(after, old["id"], SCRIPT)
        new_replies = _replies(after, new["id"], SCRIPT)
        card = after.post(f"/api/v1/sessions/{old['id']}/finish").json()
    assert not any(r["text"].startswith("(new)") for r in old_replies)
    assert any(r["text"].startswith("(new)") for r in new_replies)
    assert card["rubric"]["hash"] == old["rubric_hash"]
