"""Scoring the tagger against labelled utterances: the numbers, the loader and `coachsim eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.domain import Act
from app.rubric.evaluation import (
    DatasetError,
    Example,
    evaluate,
    format_text,
    load_examples,
    load_split,
    score_labels,
)


def test_score_labels_known_numbers() -> None:
    scores = score_labels(["a", "a", "b", "c"], ["a", "b", "b", "a"], ["a", "b", "c"])
    by = {s.label: s for s in scores.per_label}
    assert (by["a"].precision, by["a"].recall, by["a"].f1) == (0.5, 0.5, 0.5)
    assert (by["b"].precision, by["b"].recall) == (0.5, 1.0)
    assert by["b"].f1 == pytest.approx(2 / 3)
    assert (by["c"].f1, by["c"].support, by["c"].predicted) == (0.0, 1, 0)
    assert scores.macro_f1 == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)
    assert scores.accuracy == 0.5
    assert scores.confusion["a"] == {"a": 1, "b": 1, "c": 0}


def test_macro_f1_counts_a_label_that_is_only_predicted() -> None:
    scores = score_labels(["a", "a"], ["a", "z"], ["a"])
    assert "z" in scores.labels
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0.0) / 2)


def test_evaluate_scores_acts_coarse_groups_hard_cases_and_domains() -> None:
    examples = [
        Example("1", "What happened?", Act.OPEN_QUESTION, domain="sales"),
        Example("2", "Did it work?", Act.OPEN_QUESTION, domain="sales", hard=True),
        Example("3", "Call them.", Act.ADVICE, domain="health"),
        Example("4", "Their year ends in March.", Act.INFORMATION, domain="health", hard=True),
    ]
    predictions = {
        "1": Act.OPEN_QUESTION,
        "2": Act.CLOSED_QUESTION,
        "3": Act.ADVICE,
        "4": Act.TAKEOVER,
    }
    result = evaluate(examples, tagger=lambda e: (predictions[e.id], ("why",)))
    assert result.acts.accuracy == 0.5
    # Open read as closed is still a question; information read as takeover is still input.
    assert result.coarse.accuracy == 1.0
    assert result.hard_accuracy == 0.0
    assert result.by_domain == {"health": 0.5, "sales": 0.5}
    assert [(m.id, m.gold, m.predicted) for m in result.mistakes] == [
        ("2", "open_question", "closed_question"),
        ("4", "information", "takeover"),
    ]
    text = format_text(result, mistakes=1)
    assert "macro-F1" in text
    assert "confusion (rows: gold, columns: predicted)" in text
    assert "[2] gold open_question, tagged closed_question" in text
    assert "[4]" not in text


def _write(path: Path, rows: list[object]) -> None:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8"
    )


def test_load_examples_reads_context_and_names_the_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "dev.jsonl"
    _write(
        good,
        [
            {
                "id": "a",
                "text": "So it slipped.",
                "label": "reflection",
                "context": [{"speaker": "rep", "text": "it slipped"}],
                "hard": True,
            },
            "",
        ],
    )
    (example,) = load_examples(good)
    assert example.label is Act.REFLECTION
    assert example.context[0].text == "it slipped"
    assert example.hard

    bad = tmp_path / "bad.jsonl"
    _write(
        bad, [{"id": "a", "text": "x", "label": "other"}, {"id": "b", "text": "y", "label": "rant"}]
    )
    with pytest.raises(DatasetError, match=r"bad\.jsonl:2: 'label' must be one of"):
        load_examples(bad)
    _write(bad, ["{nope"])
    with pytest.raises(DatasetError, match=r":1: not valid JSON"):
        load_examples(bad)
    with pytest.raises(DatasetError, match="no such dataset file"):
        load_split(tmp_path / "missing", "dev")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    _write(
        tmp_path / "dev.jsonl",
        [
            {"id": "d1", "text": "What's changed since the demo?", "label": "open_question"},
            {"id": "d2", "text": "You need to multithread this.", "label": "advice"},
            {"id": "d3", "text": "Mm-hmm.", "label": "reflection"},
        ],
    )
    _write(
        tmp_path / "heldout.jsonl",
        [
            {"id": "h1", "text": "Did legal sign off?", "label": "closed_question"},
        ],
    )
    return tmp_path


def test_eval_command_prints_the_report(data_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "--data", str(data_dir), "--errors", "5"])
    assert result.exit_code == 0, result.output
    assert "split: dev  (3 coach utterances)" in result.stdout
    assert "per act" in result.stdout
    assert "coarse (MITI-style" in result.stdout
    assert "[d3] gold reflection, tagged other: Mm-hmm." in result.stdout


def test_eval_command_says_when_the_model_was_trained_on_the_split(data_dir: Path) -> None:
    dev = CliRunner().invoke(cli, ["eval", "--data", str(data_dir)])
    assert "note: the act model was trained on dev.jsonl" in dev.stdout
    heldout = CliRunner().invoke(cli, ["eval", "--data", str(data_dir), "--split", "heldout"])
    assert heldout.exit_code == 0, heldout.output
    assert "note:" not in heldout.stdout
    report = json.loads(
        CliRunner().invoke(cli, ["eval", "--data", str(data_dir), "--format", "json"]).stdout
    )
    assert report["trained_on"] == ["dev"]


def test_eval_command_json_and_all_splits(data_dir: Path) -> None:
    result = CliRunner().invoke(
        cli, ["eval", "--data", str(data_dir), "--split", "all", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["acts"]["n"] == 4
    assert report["acts"]["accuracy"] == 0.75
    assert set(report["coarse"]["per_label"]) == {"question", "input", "other", "reflection"}
    assert "mistakes" not in report


def test_eval_command_keeps_the_heldout_mistakes_hidden(data_dir: Path) -> None:
    result = CliRunner().invoke(
        cli, ["eval", "--data", str(data_dir), "--split", "heldout", "--errors", "3"]
    )
    assert result.exit_code == 2
    assert "dev split only" in result.stderr


def test_eval_command_reports_a_missing_dataset(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such dataset file" in result.stderr
    assert "Traceback" not in result.output
