"""A practice conversation: turns recorded in order, failures that lose nothing, resuming."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from app.domain import Scenario, Speaker, Turn
from app.engines import EngineError, RepEngine, ReplyMeta, ReplyRequest, ScriptedEngine
from app.services.practice import PracticeError, PracticeSession

TINY = Path(__file__).resolve().parents[1] / "engines" / "tiny_scenario.yaml"


def tiny() -> Scenario:
    data = yaml.safe_load(TINY.read_text(encoding="utf-8"))
    data["rep"]["coachability"] = 0.9
    return Scenario.model_validate(data)


class BrokenEngine(RepEngine):
    """Sends two words and then fails, like a stream cut off mid-reply."""

    name = "broken"

    def __init__(self) -> None:
        self.requests: list[ReplyRequest] = []

    async def reply(
        self, request: ReplyRequest, meta: ReplyMeta | None = None
    ) -> AsyncIterator[str]:
        self.requests.append(request)
        yield "Well, "
        yield "honestly "
        raise EngineError("the model server stopped answering")


async def say(session: PracticeSession, text: str) -> str:
    return "".join([chunk async for chunk in session.take_turn(text)])


def test_the_opening_turn_is_the_reps_filled_in_opening_line_once() -> None:
    session = PracticeSession(tiny(), ScriptedEngine(), manager_name="Jo")
    first = session.start()
    assert (first.speaker, first.text) == (Speaker.REP, "Hi Jo, got a minute on Brightline Foods?")
    assert first.decision is not None
    assert first.decision.move == "open"
    assert session.start() == first
    assert len(session.transcript()) == 1


async def test_a_turn_is_tagged_directed_streamed_and_recorded() -> None:
    session = PracticeSession(tiny(), ScriptedEngine())
    reply = await say(session, "What's going on with their budget?")
    opening, coach, rep = session.transcript()
    assert (coach.index, coach.speaker, coach.act) == (2, Speaker.COACH, "open_question")
    assert coach.units
    assert coach.decision is None
    assert (rep.index, rep.text) == (3, reply)
    assert rep.decision is not None
    assert rep.decision.fact_id == "budget-frozen"
    assert session.disclosed == ["budget-frozen"]
    assert session.decisions() == {1: opening.decision, 3: rep.decision}


async def test_a_failed_reply_keeps_the_coach_turn_and_can_be_retried() -> None:
    broken = BrokenEngine()
    session = PracticeSession(tiny(), broken)
    with pytest.raises(EngineError):
        await say(session, "What's going on with their budget?")
    assert [t.speaker for t in session.transcript()] == [Speaker.REP, Speaker.COACH]
    assert session.reply_pending
    request = broken.requests[0]
    assert request.turns[-1].text == "What's going on with their budget?"
    assert request.disclosed == ("budget-frozen",)  # said in full this very turn

    session.engine = ScriptedEngine()
    reply = "".join([chunk async for chunk in session.retry()])
    assert reply in tiny().fact("budget-frozen").full
    assert not session.reply_pending
    assert [t.speaker for t in session.transcript()] == [Speaker.REP, Speaker.COACH, Speaker.REP]


async def test_the_coach_can_move_on_after_a_reply_that_never_came() -> None:
    session = PracticeSession(tiny(), BrokenEngine())
    with pytest.raises(EngineError):
        await say(session, "How are things?")
    session.engine = ScriptedEngine()
    await say(session, "Who else is involved, the VP?")
    speakers = [t.speaker for t in session.transcript()]
    assert speakers == [Speaker.REP, Speaker.COACH, Speaker.COACH, Speaker.REP]
    assert session.disclosed == ["boss-sceptical"]


async def test_an_empty_message_is_refused_and_changes_nothing() -> None:
    session = PracticeSession(tiny(), ScriptedEngine())
    with pytest.raises(PracticeError, match="empty"):
        await say(session, "   ")
    assert session.transcript() == []
    with pytest.raises(PracticeError):
        [chunk async for chunk in session.retry()]


async def test_resuming_from_saved_turns_rebuilds_the_reps_state() -> None:
    played = PracticeSession(tiny(), ScriptedEngine())
    for text in ["How are things?", "What's going on with their budget?", "Who else decides?"]:
        await say(played, text)
    saved = [Turn(speaker=t.speaker, text=t.text) for t in played.transcript()]
    saved.append(Turn(speaker=Speaker.COACH, text="What's your next step?"))

    resumed = PracticeSession.resume(tiny(), ScriptedEngine(), saved)
    assert resumed.transcript()[: len(played.transcript())] == played.transcript()
    assert resumed.disclosed == played.disclosed
    assert resumed.reply_pending
    reply = "".join([chunk async for chunk in resumed.retry()])
    assert reply in tiny().moves.commit
    assert resumed.committed


async def test_the_engine_is_told_only_of_facts_said_in_full_not_of_hints() -> None:
    class Recording(ScriptedEngine):
        def __init__(self) -> None:
            self.requests: list[ReplyRequest] = []

        def reply(self, request: ReplyRequest, meta: ReplyMeta | None = None) -> AsyncIterator[str]:
            self.requests.append(request)
            return super().reply(request, meta)

    data = yaml.safe_load(TINY.read_text(encoding="utf-8"))
    data["rep"]["coachability"] = 0.3
    engine = Recording()
    session = PracticeSession(Scenario.model_validate(data), engine)
    await say(session, "How's the money side looking?")
    hint = engine.requests[-1]
    assert (hint.decision.fact_id, hint.decision.disclosure) == ("budget-frozen", "partial")
    assert hint.disclosed == ()
    await say(session, "So things are tight for them right now.")
    assert engine.requests[-1].disclosed == ("budget-frozen",)
