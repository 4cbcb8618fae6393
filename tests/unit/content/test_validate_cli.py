"""`coachsim validate`: every broken file gives one located line; good content passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli

DATA = Path(__file__).resolve().parents[2] / "data" / "content"
BROKEN = DATA / "broken"
VALID = DATA / "valid"


def run_validate(*paths: Path) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["validate", *map(str, paths)])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return result.exit_code, lines, result.stdout


def line_for(lines: list[str], filename: str) -> str:
    matches = [line for line in lines if f"/{filename}:" in line]
    assert len(matches) == 1, f"expected one line for {filename}, got {matches}"
    return matches[0]


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        (
            "syntax-error.yaml",
            "syntax-error.yaml:7:17: YAML syntax error: did not find expected ',' or ']' "
            "(while parsing a flow sequence at line 6, column 7)",
        ),
        (
            "wrong-type.yaml",
            "wrong-type.yaml:7:1: time_box_minutes: input should be a valid integer, "
            "unable to parse string as an integer (got 'twelve')",
        ),
        (
            "unknown-field.yaml",
            "unknown-field.yaml:13:3: rep.tenur: unknown field 'tenur'; did you mean 'tenure'?",
        ),
        (
            "missing-field.yaml",
            "missing-field.yaml:2:1: opening_line: missing required field 'opening_line'",
        ),
        (
            "unknown-act.yaml",
            "unknown-act.yaml:51:3: reactions.praise: reaction for unknown act "
            "'praise'; acts are open_question, closed_question",
        ),
        (
            "duplicate-id-b.yaml",
            "duplicate-id-b.yaml:2:1: id: duplicate scenario id 'twin': already used by",
        ),
        (
            "unknown-metric.yaml",
            "unknown-metric.yaml:8:5: criteria[0].metric: unknown metric "
            "'open_question_ratio'; did you mean 'open_question_share'?",
        ),
    ],
)
def test_each_broken_file_gets_one_precise_line(filename: str, expected: str) -> None:
    code, lines, _ = run_validate(BROKEN)
    assert code == 1
    assert expected in line_for(lines, filename)


def test_all_problems_in_all_files_are_reported_in_one_run_with_a_summary() -> None:
    code, lines, _ = run_validate(BROKEN)
    assert code == 1
    problem_lines = [line for line in lines if ".yaml:" in line]
    assert len(problem_lines) == 7
    assert lines[-1] == "7 problems in 7 of 8 files"
    assert not any("Traceback" in line for line in lines)


def test_valid_content_passes_with_a_summary(tmp_path: Path) -> None:
    code, lines, out = run_validate(VALID)
    assert code == 0, lines
    assert out.strip() == "2 files OK: 1 scenarios, 1 rubrics"


def test_shipped_content_validates() -> None:
    code, lines, out = run_validate()
    assert code == 0, "\n".join(lines)
    assert "0 scenarios" not in out


def test_a_missing_path_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    code, lines, _ = run_validate(tmp_path / "nope.yaml")
    assert code == 1
    assert lines[0].endswith("nope.yaml:1:1: no such file or folder")


def test_scenario_naming_an_unknown_rubric_is_reported(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "content")
    scenario = tmp_path / "content" / "tiny-scenario.yaml"
    scenario.write_text(scenario.read_text().replace("rubric: tiny-rubric", "rubric: nope"))
    code, lines, _ = run_validate(tmp_path / "content")
    assert code == 1
    assert (
        "tiny-scenario.yaml:8:1: rubric: unknown rubric 'nope'; known rubrics: tiny-rubric"
        in (lines[0])
    )


def test_an_empty_file_and_a_list_are_refused_with_what_was_found(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("")
    (tmp_path / "list.yaml").write_text("- a\n- b\n")
    code, lines, _ = run_validate(tmp_path)
    assert code == 1
    assert any(
        "empty.yaml:1:1: expected a mapping of fields at the top, found an empty file" in line
        for line in lines
    )
    assert any(
        "list.yaml:1:1: expected a mapping of fields at the top, found a list" in line
        for line in lines
    )


def test_yaml_booleans_in_line_lists_are_caught(tmp_path: Path) -> None:
    # "No" unquoted in a flow list is a YAML boolean: an author's classic slip.
    text = (VALID / "tiny-scenario.yaml").read_text()
    bad = tmp_path / "tiny.yaml"
    bad.write_text(text.replace('["Yes.", "No."]', "[Yes, No]"))
    code, lines, _ = run_validate(bad)
    assert code == 1
    assert (
        "reactions.closed_question.lines[0]: input should be a valid string (got True)"
        in (lines[0])
    )
