"""Feedback: at most two grounded items with grammatical rewrites, and one real strength."""

from __future__ import annotations

import pytest
from rubric_builders import (
    AD,
    AF,
    CQ,
    LQ,
    OQ,
    RF,
    TK,
    Builder,
    asking_session,
    rubric,
    scenario,
    telling_session,
)

from app.domain import Speaker
from app.rubric.rewrite import rewrite_advice, rewrite_closed, rewrite_leading, rewrite_takeover
from app.rubric.scoring import score


@pytest.mark.parametrize(
    ("advice", "question"),
    [
        ("You should call the CFO.", "What options do you see for reaching the CFO?"),
        ("Next time lead with ROI.", "What options do you see for leading with ROI?"),
        ("You need to multithread this.", "What options do you see for multithreading this?"),
        (
            "You should send a mutual plan before Friday, because they will stall.",
            "What options do you see for sending a mutual plan before Friday?",
        ),
        (
            "If I were you, I'd ask them to send me the redlines.",
            "What options do you see for asking them to send you the redlines?",
        ),
        (
            "Honestly, you just need to get Greg to sign.",
            "What options do you see for getting Greg to sign?",
        ),
        (
            "The best move is to go around procurement.",
            "What options do you see for going around procurement?",
        ),
        (
            "You should ask for the forecast and review it with your team.",
            "What options do you see for asking for the forecast and reviewing it with your team?",
        ),
        (
            "Focus on the business case.",
            "What options do you see for focusing on the business case?",
        ),
    ],
)
def test_advice_becomes_an_open_question_about_the_same_action(advice: str, question: str) -> None:
    assert rewrite_advice(advice) == question


@pytest.mark.parametrize(
    ("takeover", "question"),
    [
        ("I'll call their VP.", "What would it take for you to get time with their VP?"),
        ("Send me the deck, I'll fix it.", "What would it take for you to fix the deck yourself?"),
        (
            "I can just write the email for you.",
            "What would it take for you to write the email yourself?",
        ),
        ("Let me handle Greg.", "What would it take for you to handle Greg yourself?"),
        (
            "Leave it with me.",
            "What would it take for you to handle this yourself, and what support would help?",
        ),
        (
            "How about I take the CFO call and you just listen in this time?",
            "What would it take for you to take the CFO call yourself?",
        ),
        (
            "Let me write you a new meal plan with foods you actually like, and I'll post it.",
            "What would it take for you to write yourself a new meal plan with foods you "
            "actually like?",
        ),
        (
            "I'll keep the diary for you, just ring me each evening.",
            "What would it take for you to keep the diary yourself?",
        ),
    ],
)
def test_takeover_becomes_a_question_that_leaves_the_work_with_the_rep(
    takeover: str, question: str
) -> None:
    assert rewrite_takeover(takeover) == question


@pytest.mark.parametrize(
    ("leading", "question"),
    [
        ("Have you tried going to the CFO?", "What have you tried so far with the CFO?"),
        ("Shouldn't you send a mutual plan?", "What's your thinking on a mutual plan?"),
        ("Don't you think you should push back?", "How are you thinking about pushing back?"),
        ("Wouldn't it be better to call Ken?", "What's your thinking on Ken?"),
        ("Isn't it time to escalate?", "How are you thinking about escalating?"),
        (
            "You're not going to give that away, are you?",
            "How are you thinking about giving that away?",
        ),
        ("How about a short walk after dinner?", "What's your thinking on a short walk?"),
        (
            "Is there any reason you couldn't just call her boss yourself?",
            "What's your thinking on her boss?",
        ),
        (
            "Shouldn't you be checking your feet every day with the diabetes?",
            "What's your thinking on your feet?",
        ),
    ],
)
def test_leading_question_becomes_open_on_the_same_topic(leading: str, question: str) -> None:
    assert rewrite_leading(leading) == question


@pytest.mark.parametrize(
    ("closed", "question"),
    [
        ("Did legal sign off?", "Where do things stand with legal?"),
        ("Is the champion on board?", "Where do things stand with the champion?"),
        ("Do you have a budget?", "Where do things stand with the budget?"),
        ("Was the pilot a success?", "Where do things stand with the pilot?"),
        ("When is the deadline?", "Where do things stand with the deadline?"),
        ("Did you follow up?", "How are you thinking about following up?"),
        (
            "That's a real risk. Does your manager know it might slip?",
            "Where do things stand with your manager?",
        ),
        (
            "Is their technical team going to be there?",
            "Where do things stand with their technical team?",
        ),
        (
            "Did legal sign off on the data processing addendum?",
            "Where do things stand with the data processing addendum?",
        ),
        ("How long did that last?", "What more can you tell me about that?"),
        ("Can I offer something that helped me?", "What more can you tell me about that?"),
    ],
)
def test_closed_question_becomes_open_about_the_same_thing(closed: str, question: str) -> None:
    assert rewrite_closed(closed) == question


def test_telling_session_gets_two_items_on_real_coach_turns() -> None:
    card = score(telling_session(), rubric("ask-vs-tell"), scenario())
    assert len(card.feedback) == 2
    by_index = {t.index: t for t in card.transcript}
    for item in card.feedback:
        turn = by_index[item.turn]
        assert turn.speaker is Speaker.COACH
        assert item.quote in turn.text
        assert item.rewrite.endswith("?")
        assert item.rewrite != item.quote
    takeover, advice = card.feedback
    assert takeover.behaviour.startswith("Leave the work with the rep")
    assert takeover.quote == "Sure, I'll email Lena Park today."
    assert takeover.rewrite == "What would it take for you to get time with Lena Park?"
    assert advice.behaviour == "Ask instead of telling"
    assert advice.rewrite == "What options do you see for reaching Ravi?"


def test_feedback_never_quotes_the_rep() -> None:
    turns = (
        Builder()
        .rep("You should call the CFO, that is what my last manager said.")
        .coach((LQ, "Have you tried going to the CFO?"))
        .rep("You need to multithread this, everyone says.")
        .coach((CQ, "Did legal sign off?"))
        .turns
    )
    card = score(turns, rubric("ask-vs-tell"))
    assert card.feedback
    assert all(item.turn in (2, 4) for item in card.feedback)
    assert card.feedback[0].rewrite == "What have you tried so far with the CFO?"


def test_stacked_questions_are_cut_to_the_single_best_one() -> None:
    turns = (
        Builder()
        .coach(
            (CQ, "Did finance reply?"),
            (OQ, "What options do you see for reaching the new owner?"),
            (CQ, "Is Ravi around?"),
        )
        .rep("Not really.")
        .coach((OQ, "What else?"), (OQ, "Who decides?"))
        .rep("Lena, probably.")
        .coach((OQ, "What will you do next?"), (OQ, "And when?"), (OQ, "Who can help?"))
        .turns
    )
    card = score(turns, rubric("grow-structure"))
    stacked = next(f for f in card.feedback if f.behaviour == "Ask one question at a time")
    assert stacked.turn == 1
    assert stacked.rewrite == "What options do you see for reaching the new owner?"


def test_closed_questions_get_feedback_only_when_most_questions_are_closed() -> None:
    mostly_closed = (
        Builder()
        .coach((CQ, "Did finance reply?"))
        .rep("No.")
        .coach((CQ, "Is the champion on board?"))
        .rep("Yes.")
        .coach((OQ, "What happened?"))
        .turns
    )
    card = score(mostly_closed, rubric("ask-vs-tell"))
    closed = [f for f in card.feedback if f.behaviour.startswith("Ask open questions")]
    assert closed
    assert closed[0].rewrite == "Where do things stand with finance?"

    mostly_open = (
        Builder()
        .coach((OQ, "What happened?"))
        .rep("Not much.")
        .coach((OQ, "What else?"), (CQ, "Did finance reply?"))
        .turns
    )
    card = score(mostly_open, rubric("ask-vs-tell"))
    assert not any(f.behaviour.startswith("Ask open questions") for f in card.feedback)


def test_asking_permission_is_not_marked_down_as_a_closed_question() -> None:
    turns = (
        Builder()
        .coach((CQ, "Would it help if I shared what has worked for me?"))
        .rep("Sure.")
        .coach((CQ, "Can I offer an idea?"))
        .rep("Yes.")
        .coach((OQ, "What happened?"))
        .turns
    )
    card = score(turns, rubric("ask-vs-tell"))
    assert not any(f.behaviour.startswith("Ask open questions") for f in card.feedback)


def test_no_more_than_two_items_however_much_went_wrong() -> None:
    turns = (
        Builder()
        .coach((TK, "I'll call their VP."), (AD, "You should call the CFO."))
        .rep("Okay.")
        .coach((LQ, "Have you tried a discount?"), (CQ, "Did legal sign off?"), (CQ, "Is it late?"))
        .turns
    )
    card = score(turns, rubric("ask-vs-tell"))
    assert len(card.feedback) == 2


def test_strength_cites_the_question_that_got_the_rep_to_own_the_next_step() -> None:
    card = score(asking_session(), rubric("ask-vs-tell"), scenario())
    assert card.strength is not None
    assert card.strength.turn == 10
    assert card.strength.quote == "What will you do first, and by when?"
    assert "own next step" in card.strength.text


def test_strength_falls_back_to_a_reflection_or_affirmation() -> None:
    turns = (
        Builder()
        .coach((AF, "You did the hard part getting the demo booked."))
        .rep("Thanks.")
        .coach((RF, "So the silence worries you."))
        .turns
    )
    card = score(turns, rubric("ask-vs-tell"))
    assert card.strength is not None
    assert (card.strength.turn, card.strength.quote) == (3, "So the silence worries you.")


def test_no_strength_is_invented_when_there_is_none() -> None:
    turns = Builder().coach((AD, "You should call the CFO."), (TK, "Or I'll call her.")).turns
    assert score(turns, rubric("ask-vs-tell")).strength is None
