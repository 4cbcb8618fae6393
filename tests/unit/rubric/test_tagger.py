"""The tagger: one act per unit with the reason that decided it, context used where it matters."""

from __future__ import annotations

import re

import pytest

from app.domain import Act, Speaker, Transcript, Turn
from app.rubric.context import NO_CONTEXT, Signals
from app.rubric.cues import read
from app.rubric.model import describe, with_words
from app.rubric.tagger import primary_act, tag_transcript, tag_turn, tag_units

# "model: <cue> +1.8, <cue> +0.9 (runner-up <act>) → <act>"
MODEL_REASON = re.compile(
    r"^model: (?P<cues>.+) \(runner-up (?P<runner>[a-z_]+)\)(?:; [^→]+)? → (?P<act>[a-z_]+)$"
)


def rep(text: str) -> list[Turn]:
    return [Turn(speaker=Speaker.REP, text=text)]


def only(text: str, context: list[Turn] | None = None) -> tuple[Act, str]:
    units = tag_units(text, context or [])
    assert len(units) == 1, [u.text for u in units]
    return units[0].act, units[0].reason


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # The examples of the act table in DESIGN.md.
        ("What's changed since the demo?", Act.OPEN_QUESTION),
        ("Did legal sign off?", Act.CLOSED_QUESTION),
        ("Have you tried going to the CFO?", Act.LEADING_QUESTION),
        ("Shouldn't you send a mutual plan?", Act.LEADING_QUESTION),
        ("You did the hard part getting the demo on the calendar.", Act.AFFIRMATION),
        ("You need to multithread this.", Act.ADVICE),
        ("Next time lead with ROI.", Act.ADVICE),
        ("Their fiscal year ends in March.", Act.INFORMATION),
        ("I'll call their VP myself.", Act.TAKEOVER),
        ("Hey, thanks for making time.", Act.OTHER),
    ],
)
def test_design_examples(text: str, act: Act) -> None:
    got, reason = only(text)
    assert got is act
    assert reason.endswith(f"→ {act.value}")


def test_a_model_reason_names_the_units_own_cues_with_their_weights() -> None:
    text = "Have you tried calling the CFO?"
    act, reason = only(text)
    match = MODEL_REASON.match(reason)
    assert match is not None, reason
    assert match["act"] == act.value
    assert match["runner"] != act.value
    unit = read(text, NO_CONTEXT)
    own = {describe(c, unit.shown) for c in with_words(unit.names, unit.words)}
    named = re.findall(r"(.+?) [+-]\d+\.\d(?:, |$)", match["cues"])
    assert named
    assert set(named) <= own
    assert "leading-question form ('have you tried')" in named


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Tell me more about that", "invites the rep to talk ('tell me')"),
        ("I'll call their VP myself.", "the coach offers to do a task"),
        ("You should send a recap today.", "you should"),
    ],
)
def test_the_deciding_cue_is_in_the_reason(text: str, cue: str) -> None:
    assert cue in only(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Tell me more about that",
        "Walk me through the last call",
        "I'm curious what made you discount",
        "Help me understand what happened after the demo.",
        "what's going through your head at 3am",
        "Can you tell me what happened?",
    ],
)
def test_questions_without_a_question_mark_or_yes_no_form_are_open(text: str) -> None:
    assert only(text)[0] is Act.OPEN_QUESTION


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Why don't you call them?", Act.LEADING_QUESTION),
        ("Why don't you tell me about it?", Act.OPEN_QUESTION),
        ("What if you asked for the budget up front?", Act.LEADING_QUESTION),
        ("Wouldn't a mutual action plan help here?", Act.LEADING_QUESTION),
        ("Isn't the real issue that you never got to the economic buyer?", Act.LEADING_QUESTION),
        ("How about sending the recap tonight?", Act.LEADING_QUESTION),
        ("Could you ask who signs off before you hang up?", Act.LEADING_QUESTION),
        ("Have you ever tried to quit before?", Act.CLOSED_QUESTION),
        ("Have you talked to the customer since the outage?", Act.CLOSED_QUESTION),
    ],
)
def test_leading_questions_propose_an_action_fact_finding_does_not(text: str, act: Act) -> None:
    assert only(text)[0] is act


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("You'll be asking them about their runway, won't you?", Act.LEADING_QUESTION),
        ("Which week works better, this one or next?", Act.CLOSED_QUESTION),
        ("On a scale of one to ten, how ready are you?", Act.CLOSED_QUESTION),
        ("How many have you applied for?", Act.CLOSED_QUESTION),
    ],
)
def test_tags_choices_scales_and_counts(text: str, act: Act) -> None:
    assert only(text)[0] is act


def test_a_statement_ending_in_a_question_mark_reflects_only_what_the_rep_said() -> None:
    said = rep("they told me the budget got cut last week")
    assert only("The budget got cut?", said)[0] is Act.REFLECTION
    assert "uptalk.echo" in read("The budget got cut?", Signals.read(said)).names
    # The same form with nothing said before it can only ask the rep to confirm.
    assert only("The budget got cut?")[0] is Act.CLOSED_QUESTION


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
        ("So what you want is for Carla to trust your number again", "Carla doesn't trust me"),
    ],
)
def test_reflections_without_so(text: str, said: str) -> None:
    assert only(text, rep(said))[0] is Act.REFLECTION


@pytest.mark.parametrize(
    "text",
    [
        "It might be worth looping in procurement.",
        "Maybe write him a letter first, then you don't have to do it live.",
        "I'd get the champion to introduce you to the CFO.",
        "Perhaps try writing down three things each evening.",
        "Point them to the status page and don't promise a time yourself.",
        "Chase Tom today and ask for a date.",
        "COOs don't read adjectives, lead with the number.",
    ],
)
def test_advice_phrased_softly_or_bluntly_is_advice(text: str) -> None:
    assert only(text)[0] is Act.ADVICE


@pytest.mark.parametrize(
    "text",
    [
        "Want me to jump on the call with them?",
        "I'm happy to write the email for you.",
        "How about I take the CFO meeting?",
        "Send me the deck, I'll fix it.",
        "I'll get our CFO to call Elaine this week",
        "And I'll ask him about the expansion myself",
    ],
)
def test_takeover_offers_phrased_as_help(text: str) -> None:
    assert primary_act(tag_units(text)) is Act.TAKEOVER


@pytest.mark.parametrize(
    "text",
    [
        "I'll send you the notes after.",
        "Let me ask you something.",
        "I'll see you Friday.",
        "Let me just pull up your results.",
        "Send me the dates when you have them.",
    ],
)
def test_the_coachs_own_logistics_are_not_takeover(text: str) -> None:
    assert primary_act(tag_units(text)) is not Act.TAKEOVER


def test_advice_after_the_rep_asked_for_help_is_permitted() -> None:
    (unit,) = tag_units("Call them before the renewal date.", rep("What should I do?"))
    assert unit.act is Act.ADVICE
    assert unit.permitted
    assert "permitted: the rep asked for help" in unit.reason


def test_advice_after_the_rep_said_yes_to_an_offer_is_permitted() -> None:
    offer = Turn(speaker=Speaker.COACH, text="Would it help if I shared what I've seen work?")
    yes = Turn(speaker=Speaker.REP, text="Yes please")
    no = Turn(speaker=Speaker.REP, text="No, I want to figure it out myself")
    (unit,) = tag_units("Lead with their problem, not the product.", [offer, yes])
    assert unit.act is Act.ADVICE
    assert unit.permitted
    assert "permitted: the rep said yes to 'would it help if i'" in unit.reason
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
        ("thanks for pinging me", Act.OTHER),
        ("That took courage.", Act.AFFIRMATION),
        ("You handled that angry customer really calmly.", Act.AFFIRMATION),
    ],
)
def test_affirmations_are_specific_and_fillers_are_other(text: str, act: Act) -> None:
    assert only(text)[0] is act


def test_fillers_are_decided_by_rule() -> None:
    act, reason = only("Okay, right.")
    assert act is Act.OTHER
    assert reason == "only a filler or acknowledgement → other"


def test_information_answers_the_reps_question() -> None:
    act, reason = only(
        "Legal turns contracts around in about five working days.", rep("how long does legal take?")
    )
    assert act is Act.INFORMATION
    assert reason.startswith("model: ")


def test_turn_level_readings_of_praise_and_information() -> None:
    # What the rep did, said back beside praise, is the evidence the praise recognises.
    turn = tag_turn(
        "Ninety days. That took real courage.", rep("I've been sober ninety days today")
    )
    assert turn.act is Act.AFFIRMATION
    assert all(u.act is Act.AFFIRMATION for u in turn.units)
    # A few words of acknowledgement do not outrank the fact that follows them.
    turn = tag_turn(
        "Dizzy all week. Most people feel dizzy for the first week of the new tablets.",
        rep("I've been dizzy all week since the new tablets"),
    )
    assert [u.act for u in turn.units] == [Act.OTHER, Act.INFORMATION]
    assert "acknowledgement before the information" in turn.units[0].reason


def test_a_check_after_a_reflection_belongs_to_it() -> None:
    units = tag_units("So you're stuck between the two. Is that right?", rep("I can't decide"))
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


def test_a_subordinate_clause_stays_with_its_question() -> None:
    for text in (
        "If you could build anything here, what would it be?",
        "Given all that, what's your plan?",
    ):
        turn = tag_turn(text)
        assert len(turn.units) == 1
        assert turn.act is Act.OPEN_QUESTION


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
    assert first == again


@pytest.mark.parametrize(
    "text",
    [
        "You need to push Greg harder.",
        "You've got to ask them directly.",
        "you should really call her tomorrow",
        "You'd better get legal in early.",
        # In a later clause too.
        "Procurement always stalls at quarter end, you need to push Greg harder.",
        "I know it's hard, but you need to call her.",
    ],
)
def test_an_obligation_put_on_the_rep_with_a_task_is_advice(text: str) -> None:
    said = rep("Acme has gone quiet since Tom left and procurement wants a new signer.")
    unit = tag_units(text, said)[0]
    assert unit.act is Act.ADVICE
    assert "tells the rep what to do" in unit.reason


@pytest.mark.parametrize("text", ["You should be proud of that.", "You really should."])
def test_an_obligation_without_a_task_is_left_to_the_model(text: str) -> None:
    # A state ("be proud"), or no verb at all after the modal.
    unit = tag_units(text, rep("I finally closed the Harlan deal."))[0]
    assert unit.reason.startswith("model: ")


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("How did the call go?", Act.OPEN_QUESTION),
        ("What's your plan from here?", Act.OPEN_QUESTION),
        ("So what's your plan from here, and by when?", Act.OPEN_QUESTION),
        # Asking for a figure or a fact is still closed.
        ("How many seats are in the order?", Act.CLOSED_QUESTION),
        ("What's your take-home each month?", Act.CLOSED_QUESTION),
    ],
)
def test_a_question_asking_for_an_account_is_not_closed(text: str, act: Act) -> None:
    unit = tag_units(text, rep("It's been a weird few weeks on this one, honestly."))[0]
    assert unit.act is act, unit.reason
