"""Scoring, feedback rewrites, GROW and next-step reading give exactly the bytes they gave.

The golden files were written from frozen tagged transcripts (see golden_cases.py), so a
change here means scoring itself changed what a user sees in a scorecard.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from golden_cases import (
    RUBRIC_HASH,
    SCORECARDS,
    TEXTS,
    coach_readings,
    golden_line,
    load_cases,
    load_content,
    rep_readings,
    score_case,
)

from app.rubric.metrics import read


def _lines(path: Any) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_every_golden_transcript_scores_to_the_same_bytes() -> None:
    rubrics, scenarios = load_content()
    cases = load_cases()
    expected = _lines(SCORECARDS)
    assert len(cases) == len(expected) > 80
    for case, golden in zip(cases, expected, strict=True):
        assert golden_line(case, rubrics, scenarios) == golden, case.name
        if not golden.startswith('{"error"'):
            card = score_case(case, rubrics, scenarios)
            assert card.transcript == case.turns
            assert card.rubric.hash == RUBRIC_HASH


def test_the_metrics_data_in_a_scorecard_is_the_metrics_model_dumped() -> None:
    _, scenarios = load_content()
    for case in load_cases():
        scenario = scenarios[case.scenario] if case.scenario else None
        reading = read(case.turns, scenario, case.decisions)
        # JSON, not ==: 1 == 1.0, but a scorecard's bytes must not change.
        data = json.dumps(reading.data, separators=(",", ":"), ensure_ascii=False)
        assert data == reading.metrics.model_dump_json(), case.name


def test_golden_set_covers_discovery_ownership_and_feedback() -> None:
    cards = [card for card in map(json.loads, _lines(SCORECARDS)) if "error" not in card]
    found = [c for c in cards if c["metrics"]["discovery_detail"] and c["metrics"]["discovery"]]
    assert len(found) >= 10
    assert sum(c["metrics"]["rep_ownership_detail"]["stated"] for c in cards) >= 10
    behaviours = {item["behaviour"] for c in cards for item in c["feedback"]}
    assert len(behaviours) == 5
    assert any(c["passed"] for c in cards)
    assert not all(c["passed"] for c in cards)


def test_golden_set_reads_every_labelled_utterance() -> None:
    assert len(_lines(TEXTS)) > 4000


@pytest.mark.parametrize("start", range(0, 5000, 1000))
def test_rewrites_grow_and_next_steps_read_every_utterance_as_before(start: int) -> None:
    for line in _lines(TEXTS)[start : start + 1000]:
        golden = json.loads(line)
        readings = rep_readings if "next_step" in golden else coach_readings
        assert readings(golden["text"]) == golden, golden["text"]
