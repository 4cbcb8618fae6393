"""`coachsim score`: the JSON contract, the terminal scorecard, batches and exit codes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from app.cli import cli
from app.cli.score import Scorer
from app.domain import Scorecard
from app.formats import ReadTranscript

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "transcripts"
SCENARIO = str(DATA / "quiet-deal.scenario.yaml")


def _run(*args: str) -> Result:
    # rich sizes the terminal scorecard from COLUMNS.
    return CliRunner().invoke(cli, ["score", *args], env={"COLUMNS": "160"})


def _json(*args: str) -> dict[str, Any]:
    result = _run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_scorecard_has_the_contract_fields() -> None:
    card = _json(str(DATA / "asking.json"), "--scenario", SCENARIO)
    assert 0 <= card["overall"] <= 100
    assert isinstance(card["passed"], bool)
    assert card["rubric"]["id"] == "ask-vs-tell"
    assert card["rubric"]["version"] == "1.0.0"
    rubric_bytes = (ROOT / "rubrics" / "ask-vs-tell.yaml").read_bytes()
    assert card["rubric"]["hash"] == hashlib.sha256(rubric_bytes).hexdigest()
    for criterion in card["criteria"]:
        assert {"id", "level", "evidence"} <= set(criterion)
        assert 1 <= criterion["level"] <= 4
        assert criterion["evidence"], criterion["id"]
        assert all({"turn", "quote"} <= set(e) for e in criterion["evidence"])
    assert card["metrics"]["question_count"] == 4
    assert card["metrics"]["discovery"] == 1.0  # both hidden facts came out
    assert isinstance(card["feedback"], list)
    assert card["scenario_id"] == "quiet-deal"


def test_json_output_is_byte_identical_across_runs() -> None:
    args = (str(DATA / "telling.json"), "--scenario", SCENARIO, "--format", "json")
    assert _run(*args).stdout == _run(*args).stdout


def test_telling_and_asking_transcripts_of_one_scenario_score_apart() -> None:
    asking = _json(str(DATA / "asking.json"), "--scenario", SCENARIO)
    telling = _json(str(DATA / "telling.json"), "--scenario", SCENARIO)
    assert asking["passed"]
    assert not telling["passed"]
    assert asking["overall"] - telling["overall"] >= 50
    assert telling["feedback"][0]["quote"] == "Sure, I'll email Lena Park today."


def test_the_transcripts_own_scenario_is_used_when_none_is_given() -> None:
    # asking.json names scenario "quiet-deal", which only exists as a test file: the
    # command says so rather than scoring without it.
    result = _run(str(DATA / "asking.json"))
    assert result.exit_code == 2
    assert "unknown scenario 'quiet-deal'" in result.stderr


@pytest.mark.parametrize("name", ["call.txt", "teams.vtt", "zoom.vtt", "logged.json"])
def test_every_format_scores(name: str) -> None:
    card = _json(str(DATA / name), "--scenario", SCENARIO)
    coach_turns = [t for t in card["transcript"] if t["speaker"] == "coach"]
    assert coach_turns
    assert all(t["units"] for t in coach_turns)


def test_named_transcripts_report_who_was_taken_as_coach() -> None:
    card = _json(str(DATA / "call.txt"), "--scenario", SCENARIO)
    assert card["speakers"] == {
        "coach": "Maria",
        "rep": "Sam",
        "note": "coach: Maria (asked more questions: 3 vs 1); rep: Sam",
    }
    swapped = _json(str(DATA / "call.txt"), "--scenario", SCENARIO, "--coach", "Sam")
    assert swapped["speakers"]["coach"] == "Sam"
    assert swapped["transcript"][0]["speaker"] == "coach"


def test_text_scorecard_shows_table_transcript_and_feedback() -> None:
    result = _run(str(DATA / "telling.json"), "--scenario", SCENARIO)
    assert result.exit_code == 0
    out = result.stdout
    assert "NOT PASSED" in out
    assert "Asks more than tells" in out
    assert "[takeover]" in out
    assert "[leading_question]" in out
    assert "What would it take for you to get time with Lena Park?" in out
    assert "turn 2 (you)" in out


def test_rubric_by_id_or_file_and_the_scenarios_rubric_by_default(tmp_path: Path) -> None:
    by_id = _json(str(DATA / "asking.json"), "--scenario", SCENARIO, "--rubric", "grow-structure")
    assert by_id["rubric"]["id"] == "grow-structure"
    by_file = _json(
        str(DATA / "asking.json"), "--scenario", SCENARIO, "--rubric", "rubrics/grow-structure.yaml"
    )
    assert by_file["rubric"] == by_id["rubric"]

    grow_scenario = tmp_path / "grow.yaml"
    text = Path(SCENARIO).read_text().replace("rubric: ask-vs-tell", "rubric: grow-structure")
    grow_scenario.write_text(text)
    default = _json(str(DATA / "asking.json"), "--scenario", str(grow_scenario))
    assert default["rubric"]["id"] == "grow-structure"


def test_without_a_scenario_the_default_rubric_is_ask_vs_tell() -> None:
    card = _json(str(DATA / "zoom.vtt"))
    assert card["rubric"]["id"] == "ask-vs-tell"
    assert card["metrics"]["discovery"] is None


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize(
    ("name", "content", "args", "message"),
    [
        (None, None, (), "missing.json: no such file"),
        ("empty.txt", "", (), "empty transcript"),
        (
            "who.json",
            '{"turns": [{"speaker": "coach", "text": "Hi"}, {"speaker": "Bob", "text": "Yo"}]}',
            (),
            "unknown speaker 'Bob'",
        ),
        ("bad.json", '{"turns": [', (), "line 1: malformed JSON"),
        (
            "bad.vtt",
            "WEBVTT\n\n00:01 --> 00:02.000\n<v A>Hi?\n",
            (),
            "line 3: malformed cue timing",
        ),
        ("three.txt", "A: What?\nB: Hi.\nC: Yo.", (), "3 speakers (A, B, C) and no mapping"),
        ("ok.txt", "A: What?\nB: Hi.", ("--rubric", "nope"), "unknown rubric 'nope'"),
        ("ok.txt", "A: What?\nB: Hi.", ("--scenario", "nope"), "unknown scenario 'nope'"),
        ("ok.txt", "A: What?\nB: Hi.", ("--rubric", "no/such.yaml"), "no/such.yaml"),
        ("ok.txt", "A: What?\nB: Hi.", ("--coach", "Zed"), "coach 'Zed' is not a speaker"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_2(
    tmp_path: Path, name: str | None, content: str | None, args: tuple[str, ...], message: str
) -> None:
    target = _write(tmp_path, name, content) if name and content is not None else "missing.json"
    result = _run(target, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    "args",
    [(), (str(DATA / "asking.json"), "--batch", str(DATA / "batch.jsonl"))],
)
def test_one_transcript_or_a_batch_must_be_given(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.exit_code == 2
    assert "give one TRANSCRIPT file, or --batch PATH" in result.stderr


def test_batch_jsonl_echoes_ids_and_reports_bad_lines() -> None:
    result = _run("--batch", str(DATA / "batch.jsonl"), "--scenario", SCENARIO)
    assert result.exit_code == 1  # some transcripts could not be scored
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["asking-1", 7, None, "stranger"]
    asking, telling, broken, stranger = lines
    assert asking["passed"]
    assert not telling["passed"]
    assert broken["error"].endswith("batch.jsonl:3: malformed JSON: Expecting value")
    assert "batch.jsonl:4: unknown speaker 'Bob'" in stranger["error"]
    assert "scored 2 of 4 transcripts: 1 passed, 1 not passed" in result.stderr
    assert "2 could not be scored" in result.stderr


def test_batch_folder_to_an_out_file(tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in ("asking.json", "call.txt", "teams.vtt"):
        shutil.copy(DATA / name, folder / name)
    (folder / "notes.md").write_text("not a transcript")
    out = tmp_path / "results.jsonl"
    result = _run("--batch", str(folder), "--out", str(out), "--scenario", SCENARIO)
    assert result.exit_code == 0
    assert result.stdout == ""
    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in results] == ["quiet-deal-asking", "call", "teams"]
    assert all("overall" in r for r in results)
    assert "scored 3 of 3 transcripts" in result.stderr


def test_batch_that_does_not_exist_is_exit_status_2(tmp_path: Path) -> None:
    result = _run("--batch", str(tmp_path / "nothing"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_a_batch_stopped_part_way_keeps_the_results_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in ("asking.json", "call.txt", "teams.vtt"):
        shutil.copy(DATA / name, folder / name)
    scored = Scorer.score

    calls = {"n": 0}

    def stop_on_third_call(self: Scorer, read: ReadTranscript) -> Scorecard:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # Ctrl-C during the third transcript
        return scored(self, read)

    monkeypatch.setattr(Scorer, "score", stop_on_third_call)
    out = tmp_path / "results.jsonl"
    result = _run("--batch", str(folder), "--out", str(out), "--scenario", SCENARIO)
    assert result.exit_code != 0
    kept = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in kept] == ["quiet-deal-asking", "call"]
    assert all("overall" in r for r in kept)


def test_an_out_file_that_cannot_be_written_fails_before_scoring(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "results.jsonl"
    result = _run("--batch", str(DATA / "batch.jsonl"), "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "results.jsonl" in result.stderr
    assert "scored" not in result.stderr
