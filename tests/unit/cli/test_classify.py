"""`coachsim classify`: JSON Lines in, one tagged line out per utterance, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from app.cli import classify as classify_module
from app.cli import cli


def _run(lines: list[str], *args: str) -> Result:
    return CliRunner().invoke(cli, ["classify", *args], input="\n".join(lines) + "\n")


def _out(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_classifies_each_line_with_primary_act_and_units() -> None:
    lines = [
        json.dumps({"id": 1, "text": "Have you tried calling the CFO?"}),
        json.dumps(
            {
                "id": "u2",
                "text": "So the champion left. What options do you see?",
                "context": [{"speaker": "rep", "text": "Dana, our champion, just left"}],
            }
        ),
    ]
    result = _run(lines)
    assert result.exit_code == 0, result.stderr
    first, second = _out(result)
    assert first["id"] == 1
    assert first["act"] == "leading_question"
    assert first["units"][0]["act"] == "leading_question"
    assert "have you tried" in first["units"][0]["reason"]
    assert second["id"] == "u2"
    assert second["act"] == "open_question"
    assert [u["act"] for u in second["units"]] == ["reflection", "open_question"]
    assert [u["text"] for u in second["units"]] == [
        "So the champion left.",
        "What options do you see?",
    ]


def test_context_changes_the_result() -> None:
    with_help = {
        "id": "a",
        "text": "Call them before the renewal.",
        "context": [{"speaker": "rep", "text": "What should I do?"}],
    }
    echo = {
        "id": "b",
        "text": "The budget got cut?",
        "context": [
            {"speaker": "coach", "text": "How did it go?"},
            {"speaker": "rep", "text": "they told me the budget got cut"},
        ],
    }
    bare = {"id": "c", "text": "The budget got cut?"}
    a, b, c = _out(_run([json.dumps(with_help), json.dumps(echo), json.dumps(bare)]))
    assert a["units"][0]["permitted"] is True
    assert b["act"] == "reflection"
    assert c["act"] == "closed_question"


def test_reads_a_file_and_skips_blank_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 7, "text": "Mm-hmm."}\n\n{"id": 8, "text": "Tell me more"}\n')
    result = CliRunner().invoke(cli, ["classify", "--input", str(source)])
    assert result.exit_code == 0, result.stderr
    assert [(r["id"], r["act"]) for r in _out(result)] == [(7, "other"), (8, "open_question")]


def test_bad_lines_are_named_and_exit_2_while_good_lines_still_come_out() -> None:
    lines = [
        json.dumps({"id": 1, "text": "Did legal sign off?"}),
        "{not json",
        json.dumps({"id": 3}),
        json.dumps({"id": 4, "text": 5}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": 6, "text": "x", "context": [{"speaker": "boss", "text": "y"}]}),
        json.dumps({"id": 7, "text": "x", "context": "earlier"}),
        json.dumps(["a list"]),
        json.dumps({"id": True, "text": "x"}),
    ]
    result = _run(lines)
    assert result.exit_code == 2
    assert [r["id"] for r in _out(result)] == [1]
    errors = result.stderr.splitlines()
    assert errors == [
        "error: line 2: not valid JSON (Expecting property name enclosed in double quotes at "
        "column 2)",
        "error: line 3: missing 'text'",
        "error: line 4: 'text' must be a string",
        "error: line 5: missing 'id'",
        'error: line 6: context item 1: \'speaker\' must be "coach" or "rep"',
        'error: line 7: \'context\' must be a list of {"speaker", "text"} objects',
        "error: line 8: expected a JSON object with 'id' and 'text'",
        "error: line 9: 'id' must be a string or an integer",
    ]


def test_a_missing_input_file_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["classify", "--input", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot read ")
    assert "No such file or directory" in result.stderr


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": 1, "text": "Okay."}\n\xff\xfe broken\n')
    done = subprocess.run(
        [sys.executable, "-m", "app", "classify", "--input", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "not UTF-8" in done.stderr


def _many(count: int) -> list[str]:
    texts = [
        "Have you tried calling the CFO?",
        "What would a good outcome look like for you?",
        "You need to send the proposal today.",
        "Mm-hmm.",
        "I'll ring procurement myself.",
    ]
    return [json.dumps({"id": i, "text": texts[i % len(texts)]}) for i in range(count)]


def test_parallel_workers_give_the_same_lines_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(classify_module, "CHUNK_LINES", 4)  # 23 lines: six chunks
    lines = _many(23)
    lines[9] = "{broken"
    lines[17] = json.dumps({"id": 17})
    serial, parallel = _run(lines, "--jobs", "1"), _run(lines, "--jobs", "2")
    assert parallel.exit_code == serial.exit_code == 2
    assert parallel.stdout == serial.stdout
    assert [r["id"] for r in _out(parallel)] == [i for i in range(23) if i not in (9, 17)]
    assert parallel.stderr.splitlines() == [
        "error: line 10: not valid JSON (Expecting property name enclosed in double quotes "
        "at column 2)",
        "error: line 18: missing 'text'",
    ]


def test_input_that_stops_being_utf8_keeps_the_lines_before_it_in_parallel(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(classify_module, "CHUNK_LINES", 50)
    source = tmp_path / "in.jsonl"
    # Text is decoded a block (8 KiB) at a time: the lines of the blocks before the bad
    # byte come out; the bad block's do not.
    good = "\n".join(_many(400)) + "\n"
    source.write_bytes(good.encode() + b"\xff\xfe broken\n")
    result = CliRunner().invoke(cli, ["classify", "--jobs", "2", "--input", str(source)])
    assert result.exit_code == 2
    ids = [r["id"] for r in _out(result)]
    assert len(ids) > 100
    assert ids == list(range(len(ids)))
    assert result.stderr.startswith("error: input is not UTF-8 text")


def test_jobs_must_be_at_least_one() -> None:
    result = _run(_many(1), "--jobs", "0")
    assert result.exit_code == 2
    assert "Invalid value for '--jobs'" in result.stderr


_classify_chunk = classify_module.classify_chunk


def _dies_on_the_second_chunk(chunk: classify_module.Chunk) -> tuple[str, list[str]]:
    if chunk[0] > 1:
        os._exit(3)  # a worker killed mid-run (out of memory, say)
    return _classify_chunk(chunk)


def test_a_worker_that_dies_is_one_clear_error_not_a_hang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(classify_module, "CHUNK_LINES", 3)
    monkeypatch.setattr(classify_module, "classify_chunk", _dies_on_the_second_chunk)
    result = _run(_many(9), "--jobs", "2")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: a worker process stopped unexpectedly; try again with --jobs 1\n"
    )
