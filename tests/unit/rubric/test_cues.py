"""Reading a unit's cues: its opening, its form, who does what, and the rep's last turn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain import Speaker, Turn
from app.rubric.context import NO_CONTEXT, Signals
from app.rubric.cues import read
from app.rubric.model import describe, with_words
from app.rubric.segment import split_units

ROOT = Path(__file__).resolve().parents[3]
ACTS = ROOT / "tests" / "data" / "acts"


def cues(text: str, rep: str | None = None, coach: str | None = None) -> list[str]:
    turns = []
    if coach is not None:
        turns.append(Turn(speaker=Speaker.COACH, text=coach))
    if rep is not None:
        turns.append(Turn(speaker=Speaker.REP, text=rep))
    return read(text, Signals.read(turns) if turns else NO_CONTEXT).names


@pytest.mark.parametrize("text", ["Mm-hmm.", "okay, right", "Great.", "Um...", "yeah yeah got it"])
def test_a_unit_of_fillers_has_nothing_for_the_model(text: str) -> None:
    assert read(text, NO_CONTEXT).filler_only


def test_the_opening_words_are_read_after_fillers_and_false_starts() -> None:
    names = cues("Um, so, have you, have you tried calling the CFO?")
    assert "lead.so" in names
    assert "start3.have you tried" in names
    assert "rx.leading" in names
    assert "q.end" in names


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("What did you change after the demo?", "form.wh_aux"),
        ("What's going on with procurement?", "form.wh_aux"),
        ("What changed since the demo?", "form.wh_other"),
        ("What you want is for Carla to trust your number", "form.wh_subject"),
        ("Did you sign off?", "form.inverted"),
        ("Did legal sign off?", "form.aux_start"),
        ("Don't promise a date.", "form.imperative"),
        ("Could you ask who signs off before you hang up?", "form.inv_you_action"),
        ("Can you tell me what happened?", "form.inv_you_invite"),
        ("Do you think it went well?", "form.inv_you_mental"),
        ("Shall I take the lead?", "form.inv_i"),
        ("Chase Tom today and ask for a date.", "form.imperative"),
        ("Just block two hours a day.", "form.imperative"),
        ("Their fiscal year ends in March.", "form.statement"),
    ],
)
def test_the_grammatical_form_of_a_unit(text: str, form: str) -> None:
    assert form in cues(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("You really should send a recap.", "modal.you_should"),
        ("I'll call their VP myself.", "modal.i_offer_work"),
        ("I'll send you the notes after.", "modal.i_offer_talk"),
        ("Let me ring the housing office.", "modal.i_offer_work"),
        ("Let me ask you something.", "modal.i_offer_talk"),
        ("Want me to jump on the call?", "modal.me_to"),
        ("I'd lead with the ROI.", "modal.i_would_work"),
        ("COOs don't read adjectives, lead with the number.", "clause.imperative"),
        ("You've been stuck on this for weeks, what would help?", "clause.wh_q"),
    ],
)
def test_who_does_what_and_later_clauses(text: str, cue: str) -> None:
    assert cue in cues(text)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Given all that, what's your plan?", "start1.what's"),
        ("Before we get to Tom, walk me through where it stands.", "start2.walk me"),
        ("If you see him, tell him to call me.", "start1.tell"),
    ],
)
def test_after_a_subordinate_clause_the_main_clause_opens_the_unit(text: str, start: str) -> None:
    names = cues(text)
    assert "lead.subordinate" in names
    assert start in names
    # "When did it start, was it sudden?" is a question, not a subordinate clause.
    assert "lead.subordinate" not in cues("When did it start, was it sudden?")


def test_pattern_cues_keep_the_words_that_matched_for_the_reason() -> None:
    unit = read("Have you considered a mutual action plan?", NO_CONTEXT)
    assert unit.shown["rx.leading"] == "have you considered"
    assert describe("rx.leading", unit.shown) == "leading-question form ('have you considered')"


def test_the_reps_last_turn_adds_overlap_questions_requests_and_permission() -> None:
    assert not [c for c in cues("The budget got cut?") if c.startswith(("ctx.", "stmt."))]
    echo = cues("The budget got cut?", rep="they told me the budget got cut last week")
    assert "ctx.overlap2" in echo
    assert "ctx.share_high" in echo
    assert "ctx.overlap0" in cues("Their engineers were there?", rep="the demo went well")
    assert "ctx.rep_asked" in cues("About five days.", rep="how long does legal take?")
    assert "ctx.help_asked" in cues("Call them.", rep="What should I do?")
    offered = cues(
        "Lead with their problem.",
        rep="Yes please",
        coach="Would it help if I shared what I've seen work?",
    )
    assert "ctx.permission" in offered
    refused = cues(
        "Lead with their problem.",
        rep="No, I want to figure it out",
        coach="Would it help if I shared what I've seen work?",
    )
    assert "ctx.permission" not in refused


def test_every_cue_read_from_the_labelled_sets_has_words_for_a_reason() -> None:
    seen: set[str] = set()
    for name in ("dev", "train"):
        for line in (ACTS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            turns = [Turn(speaker=Speaker(t["speaker"]), text=t["text"]) for t in row["context"]]
            signals = Signals.read(turns) if turns else NO_CONTEXT
            for piece in split_units(row["text"]):
                unit = read(piece, signals)
                seen.update(with_words(unit.names, unit.words))
    groups = {name.split(".", 1)[0] for name in seen}
    assert groups >= {"start1", "form", "modal", "class", "rx", "ctx", "word", "pair"}
    unexplained = sorted(c for c in seen - {"bias"} if describe(c) == c)
    assert unexplained == []
