"""The LLM rep's prompt: persona, situation and secrets in; the manager's agenda out."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.config import ROOT
from app.content import load_scenario
from app.domain import Act, Decision, Scenario, Speaker, Turn
from app.engines.prompting import build_messages, build_system_prompt
from app.engines.scripted import scripted_line
from tests.support.rep_fixtures import decision, rep_request, shipped_scenario

SHIPPED = [load_scenario(p).model for p in sorted((ROOT / "scenarios").glob("*.yaml"))]


def sentences(text: str) -> list[str]:
    """The sentences of a text with at least five words, whitespace normalised."""
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n", text)
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 5]


def section(prompt: str, start: str, end: str) -> str:
    """The part of the prompt between two headings."""
    return prompt.split(start, 1)[1].split(end, 1)[0]


def every_decision(scenario: Scenario) -> list[Decision]:
    fact = scenario.hidden_facts[0].id
    return [
        decision("respond", Act.OPEN_QUESTION),
        decision("disclose", Act.OPEN_QUESTION, fact_id=fact, disclosure="full"),
        decision("disclose", Act.REFLECTION, fact_id=fact, disclosure="partial"),
        decision("guarded", Act.CLOSED_QUESTION, fact_id=fact),
        decision("comply", Act.ADVICE),
        decision("handoff", Act.TAKEOVER),
        decision("reclaim", Act.OPEN_QUESTION),
        decision("pushback", Act.ADVICE),
        decision("commit", Act.OPEN_QUESTION),
    ]


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda s: s.id)
def test_the_rep_never_sees_the_briefing_or_the_coaching_objective(scenario: Scenario) -> None:
    hidden = sentences(scenario.briefing)
    hidden += sentences(scenario.objective.summary) + sentences(scenario.objective.commitment)
    assert hidden, "the scenario should have a briefing and an objective to keep out"
    for chosen in every_decision(scenario):
        prompt = " ".join(build_system_prompt(rep_request(chosen, scenario=scenario)).split())
        leaked = [s for s in hidden if s in prompt]
        assert leaked == [], f"{chosen.move}: {leaked}"


def test_the_prompt_describes_the_rep_and_the_situation() -> None:
    scenario = shipped_scenario()
    prompt = build_system_prompt(rep_request())
    rep, situation = scenario.rep, scenario.situation
    flat = " ".join(prompt.split())

    assert prompt.startswith(f"You are {rep.name}, {rep.role}")
    for text in [rep.tenure, rep.personality, rep.speaking_style, *rep.motivations]:
        assert " ".join(text.split()) in flat
    for text in [situation.account, situation.stage, situation.value, *situation.history]:
        assert " ".join(text.split()) in flat
    for person in situation.stakeholders:
        assert f"{person.name}, {person.role} ({person.stance})" in prompt


def test_unreleased_facts_are_on_the_private_list_and_released_ones_are_not() -> None:
    scenario = shipped_scenario()
    prompt = build_system_prompt(rep_request(disclosed=["champion-left"]))
    told = section(prompt, "Things you have told your manager", "Your private list:")
    private = section(prompt, "Your private list:", "How to reply:")

    assert " ".join(scenario.fact("champion-left").fact.split()) in told
    assert "Priya Raman left" not in private
    for fact in scenario.hidden_facts:
        if fact.id != "champion-left":
            assert " ".join(fact.fact.split()) in private


def test_a_full_disclosure_tells_the_rep_to_say_the_fact_now() -> None:
    fact = shipped_scenario().fact("priya-offered-intro")
    chosen = decision("disclose", fact_id=fact.id, disclosure="full")

    prompt = build_system_prompt(rep_request(chosen))

    assert "tell your manager this now, in your own words and a little reluctantly: " in prompt
    assert " ".join(fact.fact.split()) in prompt.split("This turn:")[1]
    assert "Ken Osei" not in section(prompt, "Your private list:", "How to reply:")


def test_a_hint_asks_for_a_hint_with_the_authored_hint_as_the_voice() -> None:
    fact = shipped_scenario().fact("champion-left")
    chosen = decision("disclose", fact_id=fact.id, disclosure="partial")

    this_turn = build_system_prompt(rep_request(chosen)).split("This turn:")[1]

    assert "Only hint at this, without saying it outright" in this_turn
    assert " ".join(fact.partial.split()) in this_turn


def test_the_authored_line_the_director_chose_leads_the_examples() -> None:
    chosen = decision("comply", Act.ADVICE, variant=1)
    request = rep_request(chosen, manager_name="Sam")

    this_turn = build_system_prompt(request).split("This turn:")[1]
    examples = this_turn.split("(vary them, do not copy): ")[1]

    assert examples.startswith(scripted_line(request.scenario, chosen, "Sam"))
    assert "Agree politely and briefly, without real commitment" in this_turn
    assert "told you what to do" in this_turn


def test_the_managers_name_is_used_and_placeholders_are_filled() -> None:
    prompt = build_system_prompt(
        rep_request(decision("respond", Act.AFFIRMATION), manager_name="Sam")
    )

    assert "one-on-one chat with Sam, your sales manager" in prompt
    assert "{manager}" not in prompt
    assert "{account}" not in prompt


def test_a_correction_is_added_to_the_system_prompt() -> None:
    prompt = build_system_prompt(rep_request(), correction="Your previous draft was rejected.")

    assert prompt.endswith("Your previous draft was rejected.")


def test_consecutive_coach_turns_are_merged_into_one_user_message() -> None:
    request = rep_request(coach=("Hi.",))
    again = Turn(speaker=Speaker.COACH, text="You there?")
    request = replace(request, turns=[*request.turns, again])

    messages = build_messages(request)

    assert [m["role"] for m in messages] == ["system", "user"]
    assert messages[1]["content"] == "Hi.\n\nYou there?"
