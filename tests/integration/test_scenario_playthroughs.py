"""Every shipped scenario, played end to end on the scripted engine by two managers.

One asks (open questions and reflections on the scenario's topics) and must reach the
coaching objective in 8-15 turns; one tells and takes over and must not. The scripts
live in tests/scenario_scripts/<scenario-id>.yaml, written as those managers would talk.
A new scenario file gets these tests automatically, and fails them until it has scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from app.config import ROOT
from app.content import ContentLibrary
from app.domain import Act, Scorecard, Speaker
from app.domain.acts import TELLING_ACTS
from app.engines import ScriptedEngine
from app.engines.director import line_pool
from app.services.practice import PracticeSession, score_practice

SCENARIOS = ROOT / "scenarios"
SCRIPTS = Path(__file__).resolve().parents[1] / "scenario_scripts"
SCENARIO_IDS = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
ASKING_ACTS = {Act.OPEN_QUESTION, Act.CLOSED_QUESTION, Act.REFLECTION, Act.AFFIRMATION}


@dataclass
class Playthrough:
    session: PracticeSession
    scorecard: Scorecard


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return ContentLibrary.load(SCENARIOS, ROOT / "rubrics")


def scripts_for(scenario_id: str) -> dict[str, list[str]]:
    path = SCRIPTS / f"{scenario_id}.yaml"
    assert path.is_file(), f"write the asking and telling scripts in {path}"
    scripts = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(scripts) == {"asking", "telling"}, f"{path} needs exactly asking and telling"
    return scripts


async def play(library: ContentLibrary, scenario_id: str, style: str) -> Playthrough:
    loaded = library.scenario(scenario_id)
    session = PracticeSession(loaded.model, ScriptedEngine(), manager_name="Alex")
    session.start()
    for text in scripts_for(scenario_id)[style]:
        async for _ in session.take_turn(text):
            pass
    rubric = library.rubric(loaded.model.rubric)
    return Playthrough(session, score_practice(session, rubric))


def coach_acts(session: PracticeSession) -> list[Act | None]:
    return [t.act for t in session.transcript() if t.speaker is Speaker.COACH]


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_asking_reaches_the_objective_in_8_to_15_turns(
    library: ContentLibrary, scenario_id: str
) -> None:
    asking = await play(library, scenario_id, "asking")
    session = asking.session
    acts = coach_acts(session)
    assert 8 <= len(acts) <= 15
    assert sum(a in ASKING_ACTS for a in acts) >= 0.75 * len(acts), acts
    must = session.scenario.objective.must_discover
    assert set(must) <= set(session.disclosed), (
        f"still hidden: {set(must) - set(session.disclosed)}"
    )
    assert session.committed
    assert session.objective_reached
    last_rep = session.transcript()[-1]
    moves = [t.decision.move for t in session.transcript() if t.decision is not None]
    assert "commit" in moves
    assert last_rep.speaker is Speaker.REP
    assert asking.scorecard.metrics["discovery"] >= len(must) / len(session.scenario.hidden_facts)


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_telling_does_not_reach_it_and_scores_lower(
    library: ContentLibrary, scenario_id: str
) -> None:
    asking = await play(library, scenario_id, "asking")
    telling = await play(library, scenario_id, "telling")
    acts = coach_acts(telling.session)
    assert sum(a in TELLING_ACTS for a in acts) >= len(acts) / 2, acts
    assert not telling.session.objective_reached
    assert not telling.session.committed
    assert len(telling.session.disclosed) < len(asking.session.disclosed)
    assert telling.scorecard.metrics["discovery"] < asking.scorecard.metrics["discovery"]
    assert telling.scorecard.overall < asking.scorecard.overall
    moves = {t.decision.move for t in telling.session.transcript() if t.decision is not None}
    assert moves & {"comply", "handoff", "pushback"}, "the rep shows no reaction to telling"


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
@pytest.mark.parametrize("style", ["asking", "telling"])
async def test_the_rep_never_repeats_a_line_while_unused_ones_remain(
    library: ContentLibrary, scenario_id: str, style: str
) -> None:
    session = (await play(library, scenario_id, style)).session
    uses: dict[str, int] = {}
    said: set[str] = set()
    for turn in session.transcript():
        if turn.decision is None:
            continue
        key, lines = line_pool(session.scenario, turn.decision)
        uses[key] = uses.get(key, 0) + 1
        if uses[key] <= len(lines):
            assert turn.text not in said, f"repeated before {key} ran out: {turn.text!r}"
        said.add(turn.text)


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
async def test_a_saved_session_resumes_into_the_same_state(
    library: ContentLibrary, scenario_id: str
) -> None:
    played = (await play(library, scenario_id, "asking")).session
    resumed = PracticeSession.resume(
        played.scenario, ScriptedEngine(), played.transcript(), manager_name="Alex"
    )
    assert resumed.transcript() == played.transcript()
    assert resumed.director.state == played.director.state
