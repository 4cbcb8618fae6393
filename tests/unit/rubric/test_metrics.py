"""Transcript metrics from hand-tagged transcripts: definitions, edge cases, details."""

from __future__ import annotations

import pytest
from rubric_builders import AD, AF, CQ, INF, LQ, OQ, OT, PERMITTED, RF, TK, Builder, scenario

from app.domain import Decision
from app.domain.metrics import METRIC_NAMES
from app.rubric.grow import grow_stages
from app.rubric.metrics import compute_metrics


def _mixed() -> Builder:
    return (
        Builder()
        .rep("The deal is stuck and I do not know why.")  # 1
        .coach((OQ, "What has happened since the demo?"), (CQ, "Did finance reply?"))  # 2
        .rep("Finance never replied to anything we sent them over the last month.")  # 3
        .coach((RF, "So finance has gone silent."), (OQ, "What options do you see?"))  # 4
        .rep("I could ask Lena directly.")  # 5
        .coach((LQ, "Have you tried calling Ravi?"), (AD, "You should call him today."))  # 6
        .rep("Okay.")  # 7
        .coach((AF, "You ran a strong demo."), (INF, "Their year ends in March."), (OT, "Cheers."))
    )


def test_counts_ratios_and_words_follow_the_definitions() -> None:
    m = compute_metrics(_mixed().turns)

    assert m.counts == {
        "open_question": 2,
        "closed_question": 1,
        "leading_question": 1,
        "reflection": 1,
        "affirmation": 1,
        "advice": 1,
        "information": 1,
        "takeover": 0,
        "other": 1,
    }
    assert (m.coach_turns, m.rep_turns) == (4, 4)
    assert m.question_count == 3  # open + closed; leading is telling
    assert m.telling_count == 2  # the leading question and the unsolicited advice
    assert m.ask_tell_ratio == 1.5
    assert m.open_question_share == 0.5  # 2 open of 4 questions, leading included
    assert m.reflection_to_question == 0.25
    assert m.question_stacking == 1  # only turn 2 asks two questions at once
    assert m.stacked_turns == [2]
    assert (m.first_telling_turn, m.first_telling_index) == (3, 6)
    assert m.unsolicited_advice_count == 1
    assert m.affirmation_count == 1
    assert m.coach_words == 40
    assert m.rep_words == 28
    assert m.coach_talk_share == round(40 / 68, 4)


def test_every_registered_metric_has_a_value() -> None:
    m = compute_metrics(_mixed().turns, scenario())
    for name in METRIC_NAMES:
        assert m.value(name) is not None, name


def test_ratios_stay_finite_when_their_denominator_is_zero() -> None:
    only_asking = (
        Builder()
        .coach((OQ, "What happened?"), (RF, "So it stalled."))
        .rep("It stalled after the demo.")
        .coach((OQ, "What else?"), (OQ, "Who decides?"), (OQ, "When?"))
        .turns
    )
    m = compute_metrics(only_asking)
    assert m.telling_count == 0
    assert m.ask_tell_ratio == 4.0  # no telling: the number of questions
    assert m.first_telling_turn == 3  # past the last of two coach turns
    assert m.first_telling_index is None

    only_reflecting = Builder().coach((RF, "So it stalled."), (RF, "And that worries you.")).turns
    m = compute_metrics(only_reflecting)
    assert m.open_question_share == 0.0
    assert m.reflection_to_question == 2.0  # no questions: the number of reflections
    assert m.ask_tell_ratio == 0.0
    assert m.coach_talk_share == 1.0


def test_permitted_advice_is_not_telling() -> None:
    turns = (
        Builder()
        .coach((OQ, "Would it help if I shared what has worked for me?"))
        .rep("Yes please.")
        .coach((AD, "I would call the new owner first.", PERMITTED))
        .turns
    )
    m = compute_metrics(turns)
    assert m.counts["advice"] == 1
    assert m.permitted_advice_count == 1
    assert m.unsolicited_advice_count == 0
    assert m.telling_count == 0
    assert m.first_telling_index is None


def test_takeovers_are_counted_and_are_telling() -> None:
    turns = Builder().coach((TK, "I'll call their VP."), (TK, "Send me the deck.")).turns
    m = compute_metrics(turns)
    assert m.takeover_count == 2
    assert m.telling_count == 2
    assert m.first_telling_turn == 1


def test_rep_next_step_before_any_telling_scores_full_ownership() -> None:
    turns = (
        Builder()
        .coach((OQ, "What will you do next?"))
        .rep("I'll email Lena tomorrow and ask who owns the budget now.")
        .coach((AD, "You should also call Ravi."))
        .turns
    )
    m = compute_metrics(turns)
    assert m.rep_ownership == 1.0
    detail = m.rep_ownership_detail
    assert detail.stated
    assert detail.turn == 2
    assert detail.before_or_after_telling == "before"
    assert detail.quote == "I'll email Lena tomorrow and ask who owns the budget now."


def test_rep_next_step_after_being_told_scores_half() -> None:
    turns = (
        Builder()
        .coach((AD, "You need to get a meeting with finance."))
        .rep("Okay. I'll book a meeting with the finance team this week.")
        .turns
    )
    m = compute_metrics(turns)
    assert m.rep_ownership == 0.5
    assert m.rep_ownership_detail.before_or_after_telling == "after"
    assert m.rep_ownership_detail.told_turn == 1


@pytest.mark.parametrize(
    "reply",
    [
        "Sure, I can do that.",
        "Okay, I'll get on it.",
        "Right, got it. I'll send something today.",
        "Could you call Lena this week? I'll send you the deck tonight.",
        "I won't call Lena, she never answers.",
        "Should I call Lena?",
    ],
)
def test_compliance_handoffs_and_questions_are_not_a_next_step(reply: str) -> None:
    turns = Builder().coach((OQ, "What will you do?")).rep(reply).turns
    m = compute_metrics(turns)
    assert m.rep_ownership == 0.0
    assert not m.rep_ownership_detail.stated


def test_director_commit_decision_is_the_next_step_when_logged() -> None:
    turns = (
        Builder()
        .coach((OQ, "What will you do?"))
        .rep("Yeah. The new owner, tomorrow, first thing.")  # no first-person verb
        .turns
    )
    commit = Decision(move="commit", openness_before=0.6, openness_after=0.7, note="found it")
    assert compute_metrics(turns).rep_ownership == 0.0
    m = compute_metrics(turns, decisions={2: commit})
    assert m.rep_ownership == 1.0
    assert m.rep_ownership_detail.source == "director"
    assert m.rep_ownership_detail.turn == 2


def test_grow_coverage_counts_only_genuine_questions() -> None:
    turns = (
        Builder()
        .coach((OQ, "What would a good outcome look like?"))  # goal
        .rep("A signed deal.")
        .coach((OQ, "What has happened so far?"))  # reality
        .rep("Nothing since the demo.")
        .coach((AD, "You should plan your next steps."), (LQ, "What if you tried other options?"))
        .rep("Okay.")
        .turns
    )
    m = compute_metrics(turns)
    assert m.grow.covered == ["goal", "reality"]
    assert m.grow.missing == ["options", "will"]
    assert m.grow.turns == {"goal": [1], "reality": [3], "options": [], "will": []}
    assert m.grow_coverage == 0.5


@pytest.mark.parametrize(
    ("question", "stages"),
    [
        ("What do you want to get out of this conversation?", ("goal",)),
        ("What would success look like by the end of the quarter?", ("goal",)),
        ("Walk me through where the deal actually stands.", ("reality",)),
        ("What's getting in the way?", ("reality",)),
        ("What options do you see?", ("options",)),
        ("Who else could help you get to the CFO?", ("options",)),
        ("So what's your plan from here, and by when?", ("will",)),
        ("What could you do to achieve that?", ("goal", "options")),
        ("Did you have a nice weekend?", ()),
    ],
)
def test_grow_stages_of_a_question(question: str, stages: tuple[str, ...]) -> None:
    assert grow_stages(question) == stages


def test_discovery_from_text_finds_full_and_partial_disclosures() -> None:
    turns = (
        Builder()
        .coach((OQ, "What is going on with the budget?"))
        .rep("There might be a money thing going on over there.")
        .coach((RF, "So money is part of it."))
        .rep("The budget is frozen. Bad quarter, so the board froze new software spend until July.")
        .turns
    )
    m = compute_metrics(turns, scenario())
    detail = m.discovery_detail
    assert detail is not None
    assert detail.source == "text"
    assert [(f.id, f.disclosure, f.turn) for f in detail.found] == [("budget-frozen", "full", 4)]
    assert detail.missing == ["champion-moved"]
    assert detail.must_discover_missing == []
    assert m.discovery == 0.5  # one of two facts


def test_a_partial_hint_counts_half_a_fact() -> None:
    turns = (
        Builder()
        .coach((OQ, "Who owns it?"))
        .rep("Ravi has been really hard to pin down lately.")
        .turns
    )
    m = compute_metrics(turns, scenario())
    assert m.discovery == 0.25
    assert m.discovery_detail is not None
    assert m.discovery_detail.found[0].disclosure == "partial"
    assert m.discovery_detail.must_discover_missing == ["budget-frozen"]


def test_director_decisions_replace_text_inference() -> None:
    turns = (
        Builder()
        .coach((OQ, "What is going on?"))
        .rep("Ravi moved to the Berlin office last month and he doesn't own the project anymore.")
        .coach((OQ, "And the money?"))
        .rep("Something about the board, I think.")
        .turns
    )
    logged = {
        4: Decision(
            move="disclose",
            fact_id="budget-frozen",
            disclosure="partial",
            openness_before=0.5,
            openness_after=0.5,
            note="hinted",
        )
    }
    m = compute_metrics(turns, scenario(), logged)
    assert m.discovery_detail is not None
    assert m.discovery_detail.source == "director"
    # The log is the truth: turn 2's words are not re-judged when decisions exist.
    assert [(f.id, f.disclosure) for f in m.discovery_detail.found] == [
        ("budget-frozen", "partial")
    ]


def test_no_scenario_means_discovery_is_not_measured() -> None:
    m = compute_metrics(_mixed().turns)
    assert m.discovery is None
    assert m.value("discovery") is None


def test_metrics_are_identical_across_runs() -> None:
    first = compute_metrics(_mixed().turns, scenario()).model_dump_json()
    second = compute_metrics(_mixed().turns, scenario()).model_dump_json()
    assert first == second
