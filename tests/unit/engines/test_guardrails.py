"""The rep's guardrails: what breaks character, what gives a secret away, and what doesn't."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.config import ROOT
from app.content import load_scenario
from app.domain import Scenario, Speaker, Turn
from app.engines.guardrails import ReplyGuard
from tests.support.rep_fixtures import decision, rep_request

SHIPPED = [load_scenario(p).model for p in sorted((ROOT / "scenarios").glob("*.yaml"))]


def kinds(text: str, **request: object) -> list[str]:
    guard = ReplyGuard(rep_request(**request))  # type: ignore[arg-type]
    return [v.kind for v in guard.check(text)]


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("As an AI, I don't really have deals.", "speaks as an AI"),
        ("Honestly? I'm just a language model.", "speaks as an AI"),
        ("I'm an AI assistant, so I can't be sure.", "speaks as an AI"),
        ("*sighs* Fine.", "adds a stage direction"),
        ("(pauses) Yeah, okay.", "adds a stage direction"),
        ("Okay (laughs nervously) sure.", "adds a stage direction"),
        ("[laughs] Fair.", "adds a stage direction"),
        ("Here's my reply: it's fine.", "meta commentary"),
        ("Staying in character, it's fine.", "meta commentary"),
        ("Note: Dana is deflecting here.", "meta commentary"),
        ("Great question! I'd suggest you ask me more.", "coaches the manager"),
        ("Next time, try asking me what changed.", "coaches the manager"),
        ("You might want to try open-ended questions.", "coaches the manager"),
        ("I hope this helps!", "sounds like an assistant"),
        ("Here are some ideas for you.", "sounds like an assistant"),
        ("Options:\n- Call Priya\n- Email Greg", "uses a list"),
        ("1. Call Priya\n2. Email Greg", "uses a list"),
        ("Sure.\nManager: What's next?", "speaks for someone else"),
        ("Dana: It's fine.", "speaks for someone else"),
        ("Fine. Sam: okay then.", "speaks for someone else"),
    ],
)
def test_out_of_character_replies_are_caught(reply: str, kind: str) -> None:
    assert kind in kinds(reply, manager_name="Sam Patel")


@pytest.mark.parametrize(
    "reply",
    [
        "Honestly (and I know how this sounds) it's fine.",
        "Me? I'd rather not be the story on Monday, you know?",
        "Ha, yeah. Procurement being procurement.",
        "It's like 3:30 and I've got a call at 4.",
        "I mean... the pilot went great. Everyone loved it.",
        "Sure, you could call Tom. That'd help, honestly.",
    ],
)
def test_ordinary_speech_passes(reply: str) -> None:
    assert kinds(reply) == []


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda s: s.id)
def test_every_authored_line_of_the_shipped_scenarios_is_in_character(scenario: Scenario) -> None:
    # With every fact released, only the character rules apply: the authored voice of
    # each rep must never trip them, or the guardrail would reject good replies.
    everything = [f.id for f in scenario.hidden_facts]
    guard = ReplyGuard(rep_request(decision("commit"), disclosed=everything, scenario=scenario))
    lines = [scenario.opening_line]
    lines += [
        line
        for act in type(scenario.reactions).model_fields
        for line in getattr(scenario.reactions, act).lines
    ]
    lines += [
        *scenario.moves.commit,
        *scenario.moves.guarded,
        *scenario.moves.pushback,
        *scenario.moves.reclaim,
    ]
    for fact in scenario.hidden_facts:
        lines += [fact.partial, *fact.full]
    flagged = {line: [str(v) for v in guard.check(line)] for line in lines}
    assert {line: v for line, v in flagged.items() if v} == {}


def test_each_hidden_fact_is_recognised_in_the_shipped_library_when_unreleased() -> None:
    # Recall: the authored ways of disclosing a fact are caught while it is hidden.
    missed, total = [], 0
    for scenario in SHIPPED:
        guard = ReplyGuard(rep_request(scenario=scenario))
        for fact in scenario.hidden_facts:
            for line in fact.full:
                total += 1
                if not any(fact.id in v.detail for v in guard.check(line)):
                    missed.append((scenario.id, fact.id, line))
    assert len(missed) <= total // 10, missed


def test_everyday_lines_from_other_scenarios_rarely_look_like_a_secret() -> None:
    # False alarms cost a retry; measured on every other rep's everyday reactions.
    alarms, total = [], 0
    for scenario in SHIPPED:
        guard = ReplyGuard(rep_request(scenario=scenario))
        for other in SHIPPED:
            if other is scenario:
                continue
            for act in type(other.reactions).model_fields:
                for line in getattr(other.reactions, act).lines:
                    total += 1
                    if guard.check(line):
                        alarms.append((scenario.id, line))
    assert len(alarms) <= total // 100, alarms


def test_the_secret_is_caught_by_a_paraphrase_not_only_the_authored_line() -> None:
    assert kinds("She's gone, got a job at some retailer, I saw it on LinkedIn.") == [
        "reveals a hidden fact"
    ]
    assert kinds("Ken Osei could maybe help.") == ["reveals a hidden fact"]


def test_a_released_fact_is_no_longer_a_secret() -> None:
    assert kinds("Ken Osei could maybe help.", disclosed=["priya-offered-intro"]) == []


def test_what_the_rep_said_before_is_not_a_new_secret() -> None:
    earlier = rep_request(coach=("What's going on?", "Tell me more?"))
    turns = list(earlier.turns)
    turns[2] = Turn(speaker=Speaker.REP, text="Priya's moved to a retailer, I think.")
    reply = "Like I said, she left for a retailer."

    assert ReplyGuard(earlier).check(reply) != []
    assert ReplyGuard(replace(earlier, turns=turns)).check(reply) == []


def test_only_violations_in_new_text_are_reported() -> None:
    guard = ReplyGuard(rep_request())

    assert guard.check("*sighs* Fine. Okay.", start=len("*sighs* Fine. ")) == []
    assert [v.kind for v in guard.check("Fine. *sighs* Okay.", start=len("Fine. "))] == [
        "adds a stage direction"
    ]
