"""`coachsim play`: scripted and interactive practice in the terminal, and what it saves."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console
from typer.testing import CliRunner, Result

from app.cli import cli, play
from app.config import ROOT
from app.engines import EngineError, RepEngine, ReplyMeta, ReplyRequest

SCENARIO = "stalled-procurement-champion-left"
SCRIPTS = Path(__file__).resolve().parents[1] / "scenario_scripts"
SCENARIO_IDS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


def script_lines(scenario_id: str, style: str = "asking") -> list[str]:
    scripts = yaml.safe_load((SCRIPTS / f"{scenario_id}.yaml").read_text(encoding="utf-8"))
    lines: list[str] = scripts[style]
    return lines


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["play", *args], input=stdin, terminal_width=100)


@pytest.fixture
def transcripts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "transcripts"
    monkeypatch.setattr(play, "TRANSCRIPTS_DIR", folder)
    return folder


def only_file(folder: Path) -> dict[str, Any]:
    files = list(folder.glob(f"{SCENARIO}-*.json"))
    assert len(files) == 1, files
    document: dict[str, Any] = json.loads(files[0].read_text(encoding="utf-8"))
    return document


def test_a_script_plays_the_session_and_writes_the_transcript_with_a_scorecard(
    tmp_path: Path,
) -> None:
    script = tmp_path / "coach.txt"
    script.write_text("\n".join(script_lines(SCENARIO)) + "\n\n", encoding="utf-8")
    out = tmp_path / "transcript.json"
    result = run(SCENARIO, "--script", str(script), "--out", str(out), "--manager", "Alex")
    assert result.exit_code == 0, result.output
    assert "Stalled at procurement" in result.stdout  # the briefing panel
    assert "Priya's gone." in result.stdout  # the rep's replies
    assert f"Transcript saved to {out}" in result.stdout

    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["scenario_id"] == SCENARIO
    assert document["engine"] == "scripted"
    turns = document["turns"]
    assert [t["speaker"] for t in turns[:3]] == ["rep", "coach", "rep"]
    assert len([t for t in turns if t["speaker"] == "coach"]) == len(script_lines(SCENARIO))
    coach, rep = turns[1], turns[2]
    assert coach["act"]
    assert coach["units"][0]["act"]
    assert coach["units"][0]["reason"]
    assert "decision" not in coach
    assert rep["decision"]["move"] in {"respond", "disclose"}
    assert "units" not in rep
    assert turns[-1]["decision"]["move"] == "commit"
    assert document["committed"] is True

    scorecard = document["scorecard"]
    assert scorecard["rubric"]["id"] == "ask-vs-tell"
    assert scorecard["metrics"]["discovery"] == len(document["disclosed"]) / 5
    assert scorecard["metrics"]["discovery_detail"]["source"] == "director"
    assert "Score " in result.stdout
    assert "/100" in result.stdout


@pytest.mark.parametrize("manager", [["--manager", "Alex"], []])
def test_coachsim_score_on_the_saved_transcript_gives_the_same_scorecard(
    tmp_path: Path, manager: list[str]
) -> None:
    script = tmp_path / "coach.txt"
    script.write_text("\n".join(script_lines(SCENARIO, "telling")), encoding="utf-8")
    out = tmp_path / "transcript.json"
    assert run(SCENARIO, "--script", str(script), "--out", str(out), *manager).exit_code == 0
    rescored = CliRunner().invoke(cli, ["score", str(out), "--format", "json"])
    assert rescored.exit_code == 0, rescored.output
    saved = json.loads(out.read_text(encoding="utf-8"))["scorecard"]
    assert json.loads(rescored.stdout) == saved


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_the_same_script_gives_byte_identical_transcripts(tmp_path: Path, scenario_id: str) -> None:
    script = tmp_path / "coach.json"
    script.write_text(json.dumps({"turns": script_lines(scenario_id)}), encoding="utf-8")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run(scenario_id, "--script", str(script), "--out", str(first)).exit_code == 0
    assert run(scenario_id, "--script", str(script), "--out", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_saved_transcript_replays_as_a_script(tmp_path: Path) -> None:
    script = tmp_path / "coach.json"
    script.write_text(json.dumps(script_lines(SCENARIO, "telling")), encoding="utf-8")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run(SCENARIO, "--script", str(script), "--out", str(first)).exit_code == 0
    assert run(SCENARIO, "--script", str(first), "--out", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_drill_mode_nudges_after_telling_and_certification_does_not(tmp_path: Path) -> None:
    script = tmp_path / "coach.txt"
    script.write_text("You need to push Greg harder.\nI'll call Tom myself.\n", encoding="utf-8")
    out = str(tmp_path / "t.json")
    drill = run(SCENARIO, "--script", str(script), "--out", out)
    assert "nudge: that was telling" in drill.stdout
    assert "nudge: you took the work over" in drill.stdout
    certification = run(SCENARIO, "--script", str(script), "--out", out, "--mode", "certification")
    assert certification.exit_code == 0
    assert "nudge:" not in certification.stdout
    assert json.loads(Path(out).read_text(encoding="utf-8"))["mode"] == "certification"


def test_interactive_play_ends_with_slash_end_and_saves_to_the_default_folder(
    transcripts: Path,
) -> None:
    result = run(SCENARIO, stdin="What is procurement actually waiting on?\n\n/end\nignored\n")
    assert result.exit_code == 0, result.output
    assert "The redlines are nothing" in result.stdout or "Greg" in result.stdout
    document = only_file(transcripts)
    assert [t["speaker"] for t in document["turns"]] == ["rep", "coach", "rep"]
    assert str(transcripts) in result.stdout


def test_end_of_input_ends_cleanly_and_still_saves(transcripts: Path) -> None:
    result = run(SCENARIO, stdin="Hey Dana, how's your week going?\n")
    assert result.exit_code == 0, result.output
    document = only_file(transcripts)
    assert document["turns"][1]["text"] == "Hey Dana, how's your week going?"
    assert document["scorecard"] is not None


def test_ctrl_c_ends_cleanly_and_still_saves_what_was_said(
    transcripts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = iter(["What is procurement waiting on?", "What's the latest with Priya?"])

    def type_or_interrupt(self: Console, prompt: str = "") -> str:
        try:
            return next(said)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(Console, "input", type_or_interrupt)
    result = run(SCENARIO)
    assert result.exit_code == 0, result.output
    assert "Stopped" in result.stdout
    turns = only_file(transcripts)["turns"]
    assert [t["speaker"] for t in turns] == ["rep", "coach", "rep", "coach", "rep"]


def test_an_engine_failure_is_reported_and_what_was_said_is_saved(
    transcripts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unreachable(RepEngine):
        name = "unreachable"

        async def reply(
            self, request: ReplyRequest, meta: ReplyMeta | None = None
        ) -> AsyncIterator[str]:
            yield "Well, "
            raise EngineError("the model server is not answering; try again in a minute")

    monkeypatch.setattr(play, "get_engine", lambda settings: Unreachable())
    result = run(SCENARIO, stdin="What is procurement waiting on?\nAnd Priya?\n")
    assert result.exit_code == 1
    assert "The rep could not answer: the model server is not answering" in result.stdout
    document = only_file(transcripts)
    assert [t["speaker"] for t in document["turns"]] == ["rep", "coach"]
    assert document["engine"] == "unreachable"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-scenario"], "unknown scenario 'no-such-scenario'"),
        ([SCENARIO, "--script", "missing.txt"], "script file not found: missing.txt"),
    ],
)
def test_bad_arguments_get_one_clear_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("\n  \n", "script has no coach turns"),
        ("[]", "script has no coach turns"),
        ('{"turns": [1, 2]}', "every coach turn must be a string"),
        ("[not json", "not valid JSON"),
    ],
)
def test_unusable_scripts_get_one_clear_line_and_exit_2(
    tmp_path: Path, content: str, message: str
) -> None:
    script = tmp_path / "coach.txt"
    script.write_text(content, encoding="utf-8")
    result = run(SCENARIO, "--script", str(script))
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
