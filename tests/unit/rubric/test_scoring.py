"""Scoring against a rubric: levels, evidence, overall, pass/fail and reproducibility."""

from __future__ import annotations

import hashlib

import pytest
from rubric_builders import (
    AD,
    LQ,
    OQ,
    RF,
    ROOT,
    TK,
    Builder,
    asking_session,
    rubric,
    scenario,
    telling_session,
)

from app.domain import Rubric, Speaker
from app.domain.scorecard import Scorecard
from app.rubric.scoring import level_for, model_hash, score


def _rubric(**criteria_levels: tuple[float, float, float]) -> Rubric:
    """A rubric in code: one criterion per metric given, weights 1, 2, 3 ... in order."""
    criteria = [
        {
            "id": metric.replace("_", "-"),
            "title": metric,
            "metric": metric,
            "levels": {"level_2": l2, "level_3": l3, "level_4": l4},
            "weight": weight,
            "evidence": "questions",
            "good_looks_like": "x",
            "rationale": "x",
        }
        for weight, (metric, (l2, l3, l4)) in enumerate(criteria_levels.items(), start=1)
    ]
    return Rubric.model_validate(
        {
            "id": "code-rubric",
            "version": "1.0",
            "title": "t",
            "description": "d",
            "criteria": criteria,
            "pass_rule": {"min_overall": 50},
        }
    )


def _cite_real_turns(card: Scorecard) -> None:
    by_index = {t.index: t for t in card.transcript}
    for result in card.criteria:
        assert result.evidence, f"{result.id} cites no evidence"
        for item in result.evidence:
            turn = by_index[item.turn]
            assert item.speaker is turn.speaker, f"{result.id} mislabels turn {item.turn}"
            assert item.quote.rstrip("…") in " ".join(turn.text.split()), item


def test_telling_and_asking_sessions_score_clearly_apart() -> None:
    ask_vs_tell = rubric("ask-vs-tell")
    telling = score(telling_session(), ask_vs_tell, scenario())
    asking = score(asking_session(), ask_vs_tell, scenario())

    assert asking.passed
    assert not telling.passed
    assert asking.overall - telling.overall >= 50
    telling_levels = {c.id: c.level for c in telling.criteria}
    asking_levels = {c.id: c.level for c in asking.criteria}
    for criterion in ("asks-more-than-tells", "holds-back-advice", "no-takeover"):
        assert asking_levels[criterion] > telling_levels[criterion]
    assert telling_levels["rep-owns-next-step"] == 1
    assert asking_levels["rep-owns-next-step"] == 4
    _cite_real_turns(telling)
    _cite_real_turns(asking)


def test_the_same_two_sessions_separate_on_grow_structure_too() -> None:
    grow = rubric("grow-structure")
    telling = score(telling_session(), grow, scenario())
    asking = score(asking_session(), grow, scenario())
    assert asking.passed
    assert not telling.passed
    assert asking.overall - telling.overall >= 50
    surfaces = next(c for c in asking.criteria if c.id == "surfaces-reality")
    assert surfaces.evidence[0].speaker is Speaker.REP
    assert "budget-frozen" in surfaces.evidence[0].note
    _cite_real_turns(telling)
    _cite_real_turns(asking)


def test_low_levels_cite_what_pulled_them_down() -> None:
    card = score(telling_session(), rubric("ask-vs-tell"), scenario())
    takeover = next(c for c in card.criteria if c.id == "no-takeover")
    assert takeover.level == 2  # one takeover
    assert takeover.evidence[0].quote == "Sure, I'll email Lena Park today."
    assert takeover.evidence[0].act is TK
    advice = next(c for c in card.criteria if c.id == "holds-back-advice")
    assert advice.level == 1
    assert [e.turn for e in advice.evidence] == [2, 2, 4]  # the first telling, in order
    assert {e.act for e in advice.evidence} <= {AD, TK, LQ}
    assert "level 2 needs at most 3" in advice.explanation


def test_levels_follow_thresholds_in_both_directions() -> None:
    code = _rubric(open_question_share=(0.3, 0.5, 0.7), coach_talk_share=(0.65, 0.5, 0.4))
    higher, lower = code.criteria
    assert [level_for(higher, v) for v in (0.0, 0.3, 0.49, 0.5, 0.7, 1.0)] == [1, 2, 2, 3, 4, 4]
    assert [level_for(lower, v) for v in (0.9, 0.65, 0.51, 0.5, 0.4, 0.1)] == [1, 2, 2, 3, 4, 4]


def test_overall_is_the_weighted_mean_of_level_points() -> None:
    # question_count 4 reaches level 4 (weight 1); telling_count 2 is level 2 (weight 2).
    code = _rubric(question_count=(1, 2, 4), telling_count=(2, 1, 0))
    turns = (
        Builder()
        .coach((OQ, "What happened?"), (OQ, "Who decides?"))
        .rep("Nobody knows.")
        .coach((OQ, "What else?"), (OQ, "What now?"), (AD, "Call them."), (AD, "Email them."))
        .turns
    )
    card = score(turns, code)
    assert [c.level for c in card.criteria] == [4, 2]
    assert card.overall == round((1 * 100 + 2 * 40) / 3, 1)
    assert card.passed
    assert card.reasons[0] == f"overall {card.overall:g} meets the pass mark 50"


def test_a_takeover_fails_ask_vs_tell_whatever_the_overall() -> None:
    turns = (
        Builder()
        .coach((OQ, "What would a good outcome be?"))
        .rep("I want to know if the deal is real, honestly, before the forecast call next week.")
        .coach((RF, "So you want certainty before Monday."), (OQ, "What has changed?"))
        .rep("The budget is frozen until July because of a bad quarter, so nothing is moving.")
        .coach((OQ, "What will you do first?"))
        .rep("I'll email Lena tomorrow to ask who owns the project now.")
        .coach((TK, "Great, and I'll call Ravi for you."))
        .turns
    )
    card = score(turns, rubric("ask-vs-tell"), scenario())
    assert card.overall >= 70
    assert not card.passed
    assert any(r.startswith("hard fail: The manager took over") for r in card.reasons)


def test_a_criterion_below_its_floor_fails_the_session() -> None:
    turns = (
        Builder()
        .coach((OQ, "What would a good outcome be?"))
        .rep("A signed deal this quarter.")
        .coach((OQ, "What has happened so far?"))
        .rep("Nothing since the demo.")
        .coach((OQ, "What options do you see?"))
        .rep("I could wait a bit more.")
        .coach((OQ, "What will you do first?"))
        .rep("Not sure yet.")
        .turns
    )
    card = score(turns, rubric("grow-structure"))
    assert not card.passed
    assert "rep-owns-next-step is at level 1, below its floor 2" in card.reasons


def test_discovery_is_not_scored_without_a_scenario() -> None:
    card = score(asking_session(), rubric("grow-structure"))
    assert "surfaces-reality" not in {c.id for c in card.criteria}
    assert "surfaces-reality not scored: discovery needs a scenario" in card.reasons
    assert card.metrics["discovery"] is None
    assert card.scenario_id is None


def test_rubric_reference_pins_the_file_hash() -> None:
    loaded = rubric("ask-vs-tell")
    card = score(asking_session(), loaded, scenario())
    file_bytes = (ROOT / "rubrics" / "ask-vs-tell.yaml").read_bytes()
    assert card.rubric.id == "ask-vs-tell"
    assert card.rubric.version == loaded.model.version
    assert card.rubric.hash == hashlib.sha256(file_bytes).hexdigest()
    assert card.scenario_id == "quiet-deal"


def test_a_rubric_model_uses_the_hash_given_or_its_own() -> None:
    model = rubric("ask-vs-tell").model
    assert score(asking_session(), model, rubric_hash="abc").rubric.hash == "abc"
    assert score(asking_session(), model).rubric.hash == model_hash(model)


def test_scorecard_json_is_byte_identical_across_runs() -> None:
    first = score(telling_session(), rubric("ask-vs-tell"), scenario()).model_dump_json()
    second = score(telling_session(), rubric("ask-vs-tell"), scenario()).model_dump_json()
    assert first == second


def test_a_transcript_without_coach_turns_cannot_be_scored() -> None:
    with pytest.raises(ValueError, match="no coach turns"):
        score(Builder().rep("Hello?").turns, rubric("ask-vs-tell"))
