"""The director's rules, one by one, on a small scenario with round numbers.

Coach turns are built by hand (text plus the acts a tagger would give them) so that each
test pins one rule of the director, independently of how the tagger evolves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.domain import Act, Scenario, Speaker, TaggedTurn, Unit
from app.domain.acts import PRIMARY_PRIORITY
from app.engines.director import PUSHBACK_BELOW, Director

TINY = Path(__file__).with_name("tiny_scenario.yaml")


def load_tiny(**rep: object) -> Scenario:
    data = yaml.safe_load(TINY.read_text(encoding="utf-8"))
    data["rep"].update(rep)
    return Scenario.model_validate(data)


def coach(*parts: tuple[str, Act], permitted: bool = False) -> TaggedTurn:
    """A tagged coach turn from (text, act) units; the primary act as the tagger ranks it."""
    units = [Unit(text=t, act=a, reason="test", permitted=permitted) for t, a in parts]
    primary = next(a for a in PRIMARY_PRIORITY if any(u.act is a for u in units))
    text = " ".join(t for t, _ in parts)
    return TaggedTurn(index=2, speaker=Speaker.COACH, text=text, units=units, act=primary)


def ask(text: str) -> TaggedTurn:
    return coach((text, Act.OPEN_QUESTION))


def tell(text: str) -> TaggedTurn:
    return coach((text, Act.ADVICE))


@pytest.fixture
def director() -> Director:
    return Director(load_tiny())


def test_an_open_question_on_the_topic_draws_the_fact_out_in_full() -> None:
    director = Director(load_tiny(coachability=0.45))
    decision = director.direct(ask("What's going on with their budget?"))
    assert decision.move == "disclose"
    assert (decision.fact_id, decision.disclosure) == ("budget-frozen", "full")
    assert decision.note == "disclosed budget-frozen: open question about 'budget'"
    assert director.state.fully_disclosed == ["budget-frozen"]
    assert decision.openness_after == pytest.approx(0.55)


def test_just_below_the_bar_the_rep_hints_and_a_reflection_gets_the_rest() -> None:
    director = Director(load_tiny(coachability=0.3))
    hint = director.direct(ask("How's the money side looking?"))
    assert (hint.move, hint.fact_id, hint.disclosure) == ("disclose", "budget-frozen", "partial")
    assert director.state.fully_disclosed == []
    # The follow-up need not repeat the topic word: reflecting the hint is enough.
    follow = director.direct(coach(("So things are tight for them right now.", Act.REFLECTION)))
    assert (follow.move, follow.fact_id, follow.disclosure) == ("disclose", "budget-frozen", "full")
    assert "followed up the hint" in follow.note


def test_a_question_mostly_about_another_topic_is_not_a_follow_up_of_the_hint() -> None:
    director = Director(load_tiny(coachability=0.3))
    assert director.direct(ask("How's the money side looking?")).disclosure == "partial"
    decision = director.direct(ask("Beyond the budget, who else weighs in, the VP?"))
    assert (decision.fact_id, decision.disclosure) == ("boss-sceptical", "full")
    assert director.state.disclosed["budget-frozen"] == "partial"


def test_far_below_the_bar_the_rep_is_guarded_until_good_questions_win_trust() -> None:
    director = Director(load_tiny(coachability=0.1))
    first = director.direct(ask("What's happening with the budget?"))
    assert first.move == "guarded"
    assert first.fact_id == "budget-frozen"
    assert "needs 0.50" in first.note
    moves = [director.direct(ask("What's happening with the budget?")).move for _ in range(3)]
    assert moves == ["guarded", "disclose", "disclose"]
    assert director.state.fully_disclosed == ["budget-frozen"]


def test_a_closed_question_cannot_draw_out_a_fact_that_needs_an_open_one() -> None:
    director = Director(load_tiny(coachability=0.9))
    decision = director.direct(coach(("Is the budget approved?", Act.CLOSED_QUESTION)))
    assert decision.move == "respond"
    assert director.state.disclosed == {}
    assert "open question or reflection" in decision.note


def test_a_closed_question_gets_a_fact_authored_to_open_to_it(director: Director) -> None:
    decision = director.direct(coach(("Have you met the new VP?", Act.CLOSED_QUESTION)))
    assert (decision.fact_id, decision.disclosure) == ("boss-sceptical", "full")


def test_telling_gets_compliance_and_repeated_telling_costs_more_each_time(
    director: Director,
) -> None:
    drops = []
    for _ in range(3):
        decision = director.direct(tell("You need to send them an ROI deck."))
        drops.append(decision.openness_before - decision.openness_after)
        if decision.openness_after >= PUSHBACK_BELOW:
            assert decision.move == "comply"
            assert decision.note.startswith("comply: you told instead of asked")
    assert drops[0] < drops[1] < drops[2]
    assert director.state.disclosed == {}


def test_telling_dominates_a_turn_that_also_asks_about_the_topic() -> None:
    director = Director(load_tiny(coachability=0.9))
    decision = director.direct(
        coach(("Send the ROI deck.", Act.ADVICE), ("What's up with the budget?", Act.OPEN_QUESTION))
    )
    assert decision.move == "comply"
    assert director.state.disclosed == {}


def test_pushback_at_very_low_openness_and_questions_are_the_way_out(director: Director) -> None:
    moves = [director.direct(tell("Just call them today.")).move for _ in range(4)]
    assert moves[-1] == "pushback"
    assert director.state.openness < PUSHBACK_BELOW
    recovery = [
        director.direct(coach(("Sounds like this one has worn you down.", Act.REFLECTION))),
        director.direct(ask("What would help most right now?")),
        director.direct(coach(("It's been a lot.", Act.REFLECTION))),
        director.direct(ask("What's really going on with their budget?")),
    ]
    assert "pushback" not in [d.move for d in recovery]
    assert all(d.openness_after > d.openness_before for d in recovery)
    assert recovery[-1].move == "disclose"


def test_a_takeover_gets_a_handoff_and_a_good_question_wins_it_back(director: Director) -> None:
    handoff = director.direct(coach(("I'll call their VP myself.", Act.TAKEOVER)))
    assert handoff.move == "handoff"
    assert director.state.handed_off
    reclaim = director.direct(ask("What would it look like if you led that call?"))
    assert reclaim.move == "reclaim"
    assert not director.state.handed_off


def test_a_shut_down_rep_needs_more_than_one_good_question_to_take_the_work_back() -> None:
    director = Director(load_tiny(coachability=0.05))
    assert director.direct(coach(("I'll handle their VP.", Act.TAKEOVER))).move == "handoff"
    first = director.direct(ask("What would you do if it were all yours?"))
    assert first.move == "respond"
    assert director.state.handed_off
    second = director.direct(ask("What would you do if it were all yours?"))
    assert second.move == "reclaim"
    assert not director.state.handed_off


def test_no_commitment_while_the_rep_thinks_the_manager_is_doing_it() -> None:
    director = Director(load_tiny(coachability=0.9))
    director.direct(ask("What's going on with the budget?"))
    director.direct(ask("Who else is involved?"))
    director.direct(coach(("Leave it with me, I'll handle their VP.", Act.TAKEOVER)))
    blocked = director.direct(coach(("Is the plan clear?", Act.CLOSED_QUESTION)))
    assert blocked.move == "respond"
    assert "thinks you are doing it" in blocked.note
    assert director.direct(ask("What's your plan, then?")).move == "reclaim"
    assert director.direct(ask("What's your plan, then?")).move == "commit"


def test_commitment_waits_for_the_must_discover_facts() -> None:
    director = Director(load_tiny(coachability=0.9))
    early = director.direct(ask("What's your next step?"))
    assert early.move == "respond"
    assert early.note == "no commitment yet: budget-frozen, boss-sceptical still hidden"
    director.direct(ask("What's going on with the budget?"))
    director.direct(ask("Who else has a say?"))
    commit = director.direct(ask("What's your next step?"))
    assert commit.move == "commit"
    assert director.state.committed


def test_a_commit_cue_in_advice_is_still_telling() -> None:
    director = Director(load_tiny(coachability=0.9))
    director.direct(ask("What's going on with the budget?"))
    director.direct(ask("Who else has a say?"))
    decision = director.direct(tell("Your next step is to book the VP."))
    assert decision.move == "comply"
    assert not director.state.committed


def test_advice_the_rep_asked_for_is_not_held_against_the_manager(director: Director) -> None:
    decision = director.direct(coach(("Lead with the pilot numbers.", Act.ADVICE), permitted=True))
    assert decision.move == "respond"
    assert decision.openness_after >= decision.openness_before
    assert director.state.telling_turns == 0


def test_the_rep_does_not_repeat_a_line_while_unused_ones_remain(director: Director) -> None:
    variants = [director.direct(ask("How was your week?")).variant for _ in range(3)]
    assert sorted(variants) == [0, 1, 2]


def test_same_turns_give_the_same_decisions() -> None:
    turns = [
        ask("How are things?"),
        tell("You should call them."),
        coach(("I'll do it.", Act.TAKEOVER)),
        ask("What's happening with the budget?"),
        coach(("So money is tight.", Act.REFLECTION)),
        ask("Who else is involved, the VP?"),
        ask("What's your plan?"),
    ]
    first, second = Director(load_tiny()), Director(load_tiny())
    assert [first.direct(t) for t in turns] == [second.direct(t) for t in turns]
    assert first.state == second.state


def test_cues_match_whole_words_only(director: Director) -> None:
    decision = director.direct(ask("What's the VPN setup like?"))
    assert decision.move == "respond"
    assert director.state.disclosed == {}


def test_typographic_apostrophes_match_plain_cues() -> None:
    scenario = load_tiny(coachability=0.9)
    director = Director(scenario)
    director.direct(ask("What\u2019s the budget situation?"))
    director.direct(ask("Who else matters there?"))
    assert director.direct(ask("What\u2019s your next step?")).move == "commit"
