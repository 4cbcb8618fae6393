"""`coachsim play --engine openai` against an OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from tests.support.fake_openai_server import FakeOpenAIServer

SCENARIO = "stalled-procurement-champion-left"
REPLIES = [
    "Honestly, it's the usual. Procurement being procurement.",
    "Yeah, it's been a weird few weeks on this one, you know?",
]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(REPLIES) as running:
        for name in ("COACHSIM_OPENAI_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("COACHSIM_OPENAI_BASE_URL", running.base_url)
        monkeypatch.setenv("COACHSIM_MODEL", "fake-rep")
        get_settings.cache_clear()
        yield running
    get_settings.cache_clear()


def test_a_scripted_session_is_voiced_by_the_local_model(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    script = tmp_path / "coach.txt"
    script.write_text("What's going on with Halvorsen?\nHow has that felt?\n", encoding="utf-8")
    out = tmp_path / "transcript.json"

    result = CliRunner().invoke(
        cli, ["play", SCENARIO, "--engine", "openai", "--script", str(script), "--out", str(out)]
    )

    assert result.exit_code == 0, result.output
    assert "openai rep" in result.stdout
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["engine"] == "openai"
    rep_turns = [t["text"] for t in document["turns"] if t["speaker"] == "rep"]
    assert rep_turns[1:] == REPLIES  # after the authored opening line
    assert len(server.requests) == 2
    assert all(r.body["model"] == "fake-rep" for r in server.requests)
    assert all(r.system_prompt.startswith("You are Dana Whitlock") for r in server.requests)
