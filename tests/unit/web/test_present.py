"""Wording the pages share: nudges, transcript segments, director notes, progress lines."""

from __future__ import annotations

import datetime as dt

from app.domain import Act, Decision, Rubric, Speaker, Unit
from app.services.views import SessionListItem, TurnView
from app.web.present import director_note, key_moments, nudge, progress, segments

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def coach(*units: Unit) -> TurnView:
    text = " ".join(u.text for u in units)
    return TurnView(index=2, speaker=Speaker.COACH, text=text, created_at=NOW, units=list(units))


def unit(text: str, act: Act, permitted: bool = False) -> Unit:
    return Unit(text=text, act=act, reason="because", permitted=permitted)


def test_nudges_name_the_slip_and_use_the_reps_first_name() -> None:
    advice = coach(unit("Send him the plan today.", Act.ADVICE))
    assert nudge(advice, "Dana Whitlock") == "That was advice. What question could get Dana there?"
    takeover = coach(unit("Let me see it.", Act.OTHER), unit("I'll call Tom myself.", Act.TAKEOVER))
    assert "takeover" in (nudge(takeover, "Dana Whitlock") or "")
    leading = coach(unit("Have you tried the CFO?", Act.LEADING_QUESTION))
    assert "leading question" in (nudge(leading, "Dana") or "")


def test_no_nudge_for_questions_or_advice_the_rep_asked_for() -> None:
    assert nudge(coach(unit("What changed?", Act.OPEN_QUESTION)), "Dana") is None
    assert nudge(coach(unit("Try the CFO.", Act.ADVICE, permitted=True)), "Dana") is None


def test_segments_keep_the_words_between_units() -> None:
    units = [
        unit("Before we get to Tom", Act.REFLECTION),
        unit("walk me through it.", Act.OPEN_QUESTION),
    ]
    parts = segments("Before we get to Tom, walk me through it.", units)
    assert "".join(p.text for p in parts) == "Before we get to Tom, walk me through it."
    assert [p.unit.act if p.unit else None for p in parts] == [
        Act.REFLECTION,
        None,
        Act.OPEN_QUESTION,
    ]


def test_segments_fall_back_to_the_units_when_the_text_was_normalised() -> None:
    units = [unit("walk me through it", Act.OPEN_QUESTION)]
    parts = segments("Walk  me through it!", units)
    assert [p.unit for p in parts] == units


def decision(move: str, note: str) -> Decision:
    return Decision(move=move, openness_before=0.4, openness_after=0.5, note=note)  # type: ignore[arg-type]


def test_director_notes_read_as_sentences() -> None:
    assert director_note(decision("comply", "comply: you told instead of asked")) == (
        "You told instead of asked"
    )
    assert director_note(decision("disclose", "disclosed champion-left: open question")) == (
        "Champion left came out: open question"
    )
    assert director_note(decision("respond", "plain note")) == "Plain note"


def test_key_moments_skip_plain_answers() -> None:
    turns = [
        TurnView(
            index=3,
            speaker=Speaker.REP,
            text="ok",
            created_at=NOW,
            decision=decision("respond", "respond: fine"),
        ),
        TurnView(
            index=5,
            speaker=Speaker.REP,
            text="sure",
            created_at=NOW,
            decision=decision("handoff", "handoff: you offered to do it"),
        ),
    ]
    moments = key_moments(turns)
    assert [(m.turn, m.label) for m in moments] == [(5, "Handed the work to you")]


def item(session_id: str, day: int, levels: dict[str, int]) -> SessionListItem:
    when = NOW + dt.timedelta(days=day)
    return SessionListItem(
        id=session_id,
        scenario_id="s",
        scenario_title="S",
        mode="drill",
        status="finished" if levels else "active",
        engine="scripted",
        started_at=when,
        finished_at=when if levels else None,
        turn_count=3,
        overall=50.0 if levels else None,
        passed=False if levels else None,
        levels=levels,
    )


def test_progress_orders_sessions_oldest_first_and_criteria_as_the_rubric(
    ask_rubric: Rubric,
) -> None:
    first, second = ask_rubric.criteria[0].id, ask_rubric.criteria[1].id
    items = [item("new", 2, {second: 3, first: 4}), item("open", 3, {}), item("old", 1, {first: 1})]
    lines = progress(items, [ask_rubric])
    assert [line.id for line in lines] == [first, second]
    assert [(p.session_id, p.level) for p in lines[0].points] == [("old", 1), ("new", 4)]
    assert lines[0].title == ask_rubric.criteria[0].title
