"""The tagger: one act per unit with the rule that decided it, context used where it matters."""

from __future__ import annotations

import pytest

from app.domain import Act, Speaker, Transcript, Turn
from app.rubric.tagger import primary_act, tag_transcript, tag_turn, tag_units


def rep(text: str) -> list[Turn]:
    return [Turn(speaker=Speaker.REP, text=text)]


def only(text: str, context: list[Turn] | None = None) -> tuple[Act, str]:
    units = tag_units(text, context or [])
    assert len(units) == 1, [u.text for u in units]
    return units[0].act, units[0].reason


@pytest.mark.parametrize(
    ("text", "act", "cue"),
    [
        # The examples of the act table in DESIGN.md.
        ("What's changed since the demo?", Act.OPEN_QUESTION, "'what's' question"),
        ("Did legal sign off?", Act.CLOSED_QUESTION, "yes/no question"),
        ("Have you tried going to the CFO?", Act.LEADING_QUESTION, "have you tried"),
        ("Shouldn't you send a mutual plan?", Act.LEADING_QUESTION, "shouldn't you"),
        ("You did the hard part getting the demo on the calendar.", Act.AFFIRMATION, "hard part"),
        ("You need to multithread this.", Act.ADVICE, "you need to"),
        ("Next time lead with ROI.", Act.ADVICE, "next time"),
        ("Their fiscal year ends in March.", Act.INFORMATION, "gives figures"),
        ("I'll call their VP myself.", Act.TAKEOVER, "i'll call"),
        ("Hey, thanks for making time.", Act.OTHER, "greeting"),
    ],
)
def test_design_examples(text: str, act: Act, cue: str) -> None:
    got, reason = only(text)
    assert got is act
    assert cue in reason.lower()
    assert reason.endswith(f"→ {act.value}")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Tell me more about that", "no '?' needed"),
        ("Walk me through the last call", "walk me"),
        ("I'm curious what made you discount", "i'm curious"),
        ("Help me understand what happened after the demo.", "help me understand"),
        ("what's going through your head at 3am", "'what's' question"),
        ("Can you tell me what happened?", "invites the rep to talk"),
    ],
)
def test_questions_without_a_question_mark_or_yes_no_form_are_open(text: str, cue: str) -> None:
    act, reason = only(text)
    assert act is Act.OPEN_QUESTION
    assert cue in reason


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Why don't you call them?", Act.LEADING_QUESTION),
        ("Why don't you tell me about it?", Act.OPEN_QUESTION),
        ("What if you asked for the budget up front?", Act.LEADING_QUESTION),
        ("What if it doesn't work?", Act.OPEN_QUESTION),
        ("Wouldn't a mutual action plan help here?", Act.LEADING_QUESTION),
        ("Isn't the real issue that you never got to the economic buyer?", Act.LEADING_QUESTION),
        ("How about sending the recap tonight?", Act.LEADING_QUESTION),
        ("Have you thought about what you want from this?", Act.CLOSED_QUESTION),
        ("Have you ever tried to quit before?", Act.CLOSED_QUESTION),
    ],
)
def test_leading_questions_propose_an_action(text: str, act: Act) -> None:
    assert only(text)[0] is act


def test_a_suggestion_with_a_question_tag_is_leading() -> None:
    act, reason = only("You could call the CFO, right?")
    assert act is Act.LEADING_QUESTION
    assert "you could" in reason


@pytest.mark.parametrize(
    ("text", "act", "cue"),
    [
        ("That's the real problem here, isn't it?", Act.LEADING_QUESTION, "presses"),
        ("You'll be asking them about their runway, won't you?", Act.LEADING_QUESTION, "reminder"),
        ("You sent the contract already, yeah?", Act.CLOSED_QUESTION, "confirm"),
        ("Which week works better, this one or next?", Act.CLOSED_QUESTION, "choice"),
    ],
)
def test_tag_questions_press_remind_or_check(text: str, act: Act, cue: str) -> None:
    got, reason = only(text)
    assert got is act
    assert cue in reason


def test_a_statement_ending_in_a_question_mark_can_be_a_reflection() -> None:
    context = rep("they told me the budget got cut last week")
    act, reason = only("The budget got cut?", context)
    assert act is Act.REFLECTION
    assert "repeats the rep's words" in reason
    # The same shape with nothing to give back asks the rep to confirm a fact.
    act, reason = only("Their engineers were on the call?", rep("I think the demo went well"))
    assert act is Act.CLOSED_QUESTION
    assert "confirm" in reason


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("You're worried the champion left.", "I'm worried now that Dana left"),
        ("It sounds like the timing is the real problem.", "they keep pushing the date"),
        ("Part of you wants to walk away.", "I don't know if I even want this deal"),
        (
            "Six months of work and it slips away at the finish line.",
            "we lost Henderson after six months",
        ),
        ("Um, so, you're, like, feeling kind of stuck between the two options.", "no idea which"),
    ],
)
def test_reflections_without_so(text: str, said: str) -> None:
    act, reason = only(text, rep(said))
    assert act is Act.REFLECTION
    assert "gives back the rep's meaning" in reason


@pytest.mark.parametrize(
    "text",
    [
        "It might be worth looping in procurement.",
        "Maybe write him a letter first, then you don't have to do it live.",
        "I'd get the champion to introduce you to the CFO.",
        "Perhaps try writing down three things each evening.",
        "Point them to the status page and don't promise a time yourself.",
    ],
)
def test_advice_phrased_softly_is_still_advice(text: str) -> None:
    act, reason = only(text)
    assert act is Act.ADVICE
    assert "instruction" in reason or "tells the rep what to do" in reason


@pytest.mark.parametrize(
    "text",
    [
        "Want me to jump on the call with them?",
        "I'm happy to write the email for you.",
        "How about I take the CFO meeting?",
        "Send me the deck, I'll fix it.",
        "Honestly, it'd be quicker if I just wrote it.",
    ],
)
def test_takeover_offers_phrased_as_help(text: str) -> None:
    act, reason = only(text)
    assert act is Act.TAKEOVER
    assert "do the rep's work" in reason


@pytest.mark.parametrize(
    "text",
    [
        "I'll send you the notes after.",
        "Let me ask you something.",
        "I'll see you Friday.",
        "I'll book the room for next week.",
        "Let me just pull up your results.",
    ],
)
def test_first_person_logistics_are_not_takeover(text: str) -> None:
    assert only(text)[0] is not Act.TAKEOVER


def test_advice_after_the_rep_asked_for_help_is_permitted() -> None:
    (unit,) = tag_units("Call them before the renewal date.", rep("What should I do?"))
    assert unit.act is Act.ADVICE
    assert unit.permitted
    assert "the rep asked for help" in unit.reason


def test_advice_after_the_rep_said_yes_to_an_offer_is_permitted() -> None:
    offer = Turn(speaker=Speaker.COACH, text="Would it help if I shared what I've seen work?")
    yes = Turn(speaker=Speaker.REP, text="Yes please")
    no = Turn(speaker=Speaker.REP, text="No, I want to figure it out myself")
    (unit,) = tag_units("Lead with their problem, not the product.", [offer, yes])
    assert unit.permitted
    assert "said yes to" in unit.reason
    (unit,) = tag_units("Lead with their problem, not the product.", [offer, no])
    assert unit.act is Act.ADVICE
    assert not unit.permitted


def test_unsolicited_advice_is_not_permitted() -> None:
    (unit,) = tag_units("You should send a recap today.", rep("The call went fine."))
    assert unit.act is Act.ADVICE
    assert not unit.permitted


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Good job.", Act.OTHER),  # praise without anything specific
        ("Mm-hmm.", Act.OTHER),
        ("Okay, let's talk about your pipeline today.", Act.OTHER),
        ("It's completely your call.", Act.OTHER),
        ("That took courage.", Act.AFFIRMATION),
        ("The recap you sent them was crisp and clear.", Act.AFFIRMATION),
        ("You asked for the close, which a lot of reps never do.", Act.AFFIRMATION),
    ],
)
def test_affirmations_are_specific_and_fillers_are_other(text: str, act: Act) -> None:
    assert only(text)[0] is act


def test_information_answers_the_reps_question() -> None:
    act, reason = only(
        "Legal turns contracts around in about five working days.", rep("how long does legal take?")
    )
    assert act is Act.INFORMATION
    assert "answers the rep's question" in reason


def test_turn_level_readings_of_praise_and_information() -> None:
    # What the rep did, said back beside praise, is the evidence the praise recognises.
    turn = tag_turn("You were scared and you stayed anyway. That took courage.")
    assert [u.act for u in turn.units] == [Act.AFFIRMATION, Act.AFFIRMATION]
    assert "evidence for the praise" in turn.units[0].reason
    # A few words of acknowledgement do not outrank the fact that follows them.
    turn = tag_turn(
        "Dizzy all week. Most people feel dizzy for the first week of the new tablets.",
        rep("I've been dizzy all week since the new tablets"),
    )
    assert [u.act for u in turn.units] == [Act.OTHER, Act.INFORMATION]
    assert turn.act is Act.INFORMATION


def test_a_check_after_a_reflection_belongs_to_it() -> None:
    units = tag_units("So you're stuck between the two. Is that right?")
    assert [u.act for u in units] == [Act.REFLECTION, Act.REFLECTION]
    assert "checks the reflection" in units[1].reason
    # On its own the same words are a closed question.
    assert only("Is that right?")[0] is Act.CLOSED_QUESTION


def test_primary_act_follows_the_coaching_priority() -> None:
    turn = tag_turn(
        "So the champion left. What options do you see?", rep("Dana, our champion, just left")
    )
    assert [u.act for u in turn.units] == [Act.REFLECTION, Act.OPEN_QUESTION]
    assert turn.act is Act.OPEN_QUESTION
    assert tag_turn("Great work on the demo. You should call them now.").act is Act.ADVICE
    assert tag_turn("I'll call them. What do you think?").act is Act.TAKEOVER
    assert primary_act([]) is Act.OTHER
    assert tag_turn("").units == []


def test_tag_transcript_uses_earlier_turns_as_context() -> None:
    transcript = Transcript(
        turns=[
            Turn(speaker=Speaker.COACH, text="How did the call go?"),
            Turn(
                speaker=Speaker.REP, text="Honestly the pricing conversation derailed everything."
            ),
            Turn(speaker=Speaker.COACH, text="Pricing derailed everything?"),
        ]
    )
    tagged = tag_transcript(transcript)
    assert [t.index for t in tagged] == [1, 2, 3]
    assert tagged[1].speaker is Speaker.REP
    assert tagged[1].act is None
    assert tagged[1].units == []
    assert tagged[0].act is Act.OPEN_QUESTION
    assert tagged[2].act is Act.REFLECTION
    # Without the rep's words the same turn only asks the rep to confirm.
    assert tag_turn("Pricing derailed everything?").act is Act.CLOSED_QUESTION


def test_tagging_is_deterministic() -> None:
    text = "So you're worried about the renewal. Have you tried calling their CFO?"
    first = tag_turn(text, rep("I'm worried about the renewal"))
    again = tag_turn(text, rep("I'm worried about the renewal"))
    assert first.model_dump() == again.model_dump()
