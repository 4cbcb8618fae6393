"""The scripted engine: authored lines, filled in, varied, streamed word by word."""

from __future__ import annotations

from pathlib import Path

import yaml

from app.config import Settings
from app.domain import Act, Decision, Scenario, Speaker, TaggedTurn, Unit
from app.engines import ScriptedEngine, get_engine
from app.engines.base import ReplyRequest
from app.engines.director import Director
from app.engines.scripted import fill, scripted_line

TINY = Path(__file__).with_name("tiny_scenario.yaml")


def tiny() -> Scenario:
    return Scenario.model_validate(yaml.safe_load(TINY.read_text(encoding="utf-8")))


def open_question(text: str) -> TaggedTurn:
    unit = Unit(text=text, act=Act.OPEN_QUESTION, reason="test")
    return TaggedTurn(index=2, speaker=Speaker.COACH, text=text, units=[unit], act=unit.act)


async def voice(decision: Decision, manager: str | None = None) -> list[str]:
    request = ReplyRequest(scenario=tiny(), turns=[], decision=decision, manager_name=manager)
    return [chunk async for chunk in ScriptedEngine().reply(request)]


async def test_the_opening_line_is_streamed_word_by_word_with_names_filled_in() -> None:
    decision = Director(tiny()).opening()
    chunks = await voice(decision, manager="Jo")
    assert "".join(chunks) == "Hi Jo, got a minute on Brightline Foods?"
    assert chunks == ["Hi ", "Jo, ", "got ", "a ", "minute ", "on ", "Brightline ", "Foods?"]


async def test_without_a_manager_name_the_rep_drops_the_name_rather_than_saying_you() -> None:
    decision = Director(tiny()).opening()
    assert "".join(await voice(decision)) == "Hi, got a minute on Brightline Foods?"


def test_fill_handles_names_at_the_start_and_end_of_a_sentence() -> None:
    scenario = tiny()
    assert fill("Thanks, {manager}.", scenario) == "Thanks."
    assert fill("{manager}, honestly? No.", scenario) == "Honestly? No."
    assert fill("Ok. {manager}, look.", scenario) == "Ok. Look."
    assert (
        fill("It's {rep} here, as {manager} knows.", scenario, "Jo")
        == "It's Sam here, as Jo knows."
    )
    assert fill("Multi-line\n  text  here", scenario) == "Multi-line text here"


async def test_a_full_disclosure_voices_one_of_the_facts_authored_lines() -> None:
    director = Director(tiny())
    director.state.openness = 0.9
    decision = director.direct(open_question("What's going on with the budget?"))
    text = "".join(await voice(decision))
    assert text in tiny().fact("budget-frozen").full


async def test_a_session_does_not_repeat_a_line_while_unused_ones_remain() -> None:
    director = Director(tiny())
    replies = []
    for _ in range(3):
        decision = director.direct(open_question("How was the week?"))
        replies.append("".join(await voice(decision)))
    assert sorted(replies) == ["Open one.", "Open three.", "Open two."]
    fourth = director.direct(open_question("And otherwise?"))
    assert "".join(await voice(fourth)) == replies[0]


def test_the_same_decision_is_always_voiced_the_same_way() -> None:
    decision = Director(tiny()).direct(open_question("How are things?"))
    assert scripted_line(tiny(), decision) == scripted_line(tiny(), decision)


def test_get_engine_gives_the_scripted_engine_when_no_llm_is_configured() -> None:
    settings = Settings(_env_file=None, engine=None, openai_api_key=None, openai_base_url=None)
    engine = get_engine(settings)
    assert isinstance(engine, ScriptedEngine)
    assert engine.name == "scripted"
