"""Golden scorecards: frozen tagged transcripts and the exact JSON scoring gave for them.

The inputs are tagged turns stored as JSON, with the rubrics and scenarios they are scored
against snapshotted beside them, so the golden scorecards move only when scoring changes:
not when the tagger, a rubric file or a scenario file does. They cover the transcript
fixtures in every format, and 60-turn and short transcripts built from the labelled act
sets and every shipped scenario's authored rep lines (disclosures, commitments, guarded
replies), so discovery, ownership, evidence and feedback rewrites all run.

Rewrite the golden outputs from the frozen inputs (only when scoring is meant to change,
and say why in the commit): `.venv/bin/python tests/unit/rubric/golden_cases.py`. Add
`--inputs` to re-tag the inputs with today's tagger and snapshot today's content first.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from app.domain import Rubric, Scenario, Speaker, TaggedTurn
from app.domain.decision import Decision
from app.domain.scorecard import Scorecard
from app.rubric.grow import grow_stages
from app.rubric.ownership import next_step_sentence
from app.rubric.rewrite import (
    asks_permission,
    rewrite_advice,
    rewrite_closed,
    rewrite_leading,
    rewrite_takeover,
)
from app.rubric.scoring import score

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "data" / "golden"
CASES = GOLDEN / "cases.jsonl"
CONTENT = GOLDEN / "content.json"
SCORECARDS = GOLDEN / "scorecards.jsonl"
TEXTS = GOLDEN / "texts.jsonl"
RUBRIC_HASH = "golden"
_TURNS = TypeAdapter(list[TaggedTurn])


@dataclass(frozen=True)
class Case:
    """One frozen input: tagged turns, the rubric and scenario ids, logged decisions."""

    name: str
    rubric: str
    scenario: str | None
    turns: list[TaggedTurn]
    decisions: dict[int, Decision]


def load_content() -> tuple[dict[str, Rubric], dict[str, Scenario]]:
    """The snapshotted rubrics and scenarios, by id."""
    data = json.loads(CONTENT.read_text(encoding="utf-8"))
    rubrics = {k: Rubric.model_validate(v) for k, v in data["rubrics"].items()}
    scenarios = {k: Scenario.model_validate(v) for k, v in data["scenarios"].items()}
    return rubrics, scenarios


def _variants(case: Case) -> list[Case]:
    """Transcripts as no tagger makes them, which callers of the library still may pass.

    Indexes that skip, turns in reverse order, and rep turns that carry units: the engine
    keeps faster paths for the regular shape, and must give the same answers on these.
    """
    turns = case.turns
    gapped = [replace(t, index=t.index * 2) for t in turns]
    reversed_turns = list(reversed(turns))
    coach_units = [t.units for t in turns if t.units]
    rep_units = [
        replace(t, units=coach_units[i % len(coach_units)])
        if t.speaker is Speaker.REP and coach_units
        else t
        for i, t in enumerate(turns)
    ]
    return [
        Case(f"{case.name} (indexes skip)", case.rubric, case.scenario, gapped, {}),
        Case(f"{case.name} (reversed)", case.rubric, case.scenario, reversed_turns, {}),
        Case(f"{case.name} (rep units)", case.rubric, case.scenario, rep_units, case.decisions),
    ]


def load_cases() -> list[Case]:
    """Every frozen input, in file order, then irregular variants of every fourth one."""
    cases = []
    with CASES.open(encoding="utf-8") as lines:
        for line in lines:
            raw = json.loads(line)
            cases.append(
                Case(
                    name=raw["name"],
                    rubric=raw["rubric"],
                    scenario=raw["scenario"],
                    turns=_TURNS.validate_python(raw["turns"]),
                    decisions={
                        int(k): Decision.model_validate(v) for k, v in raw["decisions"].items()
                    },
                )
            )
    return cases + [v for case in cases[::4] for v in _variants(case)]


def score_case(case: Case, rubrics: dict[str, Rubric], scenarios: dict[str, Scenario]) -> Scorecard:
    """Score one frozen input as the golden file was made."""
    scenario = scenarios[case.scenario] if case.scenario else None
    return score(
        case.turns,
        rubrics[case.rubric],
        scenario,
        decisions=case.decisions,
        rubric_hash=RUBRIC_HASH,
    )


def golden_line(case: Case, rubrics: dict[str, Rubric], scenarios: dict[str, Scenario]) -> str:
    """The scorecard's JSON without the transcript, or the error scoring raised."""
    try:
        card = score_case(case, rubrics, scenarios)
    except Exception as error:  # irregular inputs may break scoring: the kind is recorded
        return json.dumps({"error": type(error).__name__})
    return card.model_dump_json(exclude={"transcript"})


# --- building the inputs (needs the tagger; only run to regenerate) ----------------------


def _fixture_inputs() -> list[tuple[str, Any]]:
    from app.formats import read_transcript, transcript_from_object

    folder = ROOT / "tests" / "data" / "transcripts"
    reads = [
        (p.name, read_transcript(p))
        for p in sorted(folder.iterdir())
        if p.suffix in (".json", ".txt", ".vtt")
    ]
    with (folder / "batch.jsonl").open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, start=1):
            try:
                reads.append((f"batch.jsonl:{n}", transcript_from_object(json.loads(line))))
            except ValueError:
                continue  # the batch file has broken lines on purpose
    return reads


def _rep_lines(scenario: Scenario) -> list[str]:
    lines = [scenario.opening_line]
    for fact in scenario.hidden_facts:
        lines += [fact.partial, *fact.full]
    for reaction in scenario.reactions.model_dump().values():
        lines += reaction["lines"]
    moves = scenario.moves
    lines += [*moves.commit, *moves.guarded, *moves.pushback, *moves.reclaim]
    return [" ".join(line.split()) for line in lines]


def _synthetic(
    scenario: Scenario, rows: list[dict[str, Any]], rng: random.Random, pairs: int
) -> list[tuple[Speaker, str]]:
    coach = [r["text"] for r in rows]
    dev_rep = [c["text"] for r in rows for c in r.get("context", []) if c["speaker"] == "rep"]
    authored = _rep_lines(scenario)
    turns = []
    for _ in range(pairs):
        rep_pool = authored if rng.random() < 0.4 else dev_rep
        turns.append((Speaker.REP, rng.choice(rep_pool)))
        # Some coach turns join two labelled utterances, so turns mix acts and stack questions.
        said = [rng.choice(coach) for _ in range(1 if rng.random() < 0.7 else 2)]
        turns.append((Speaker.COACH, " ".join(said)))
    return turns


def build_inputs() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Tag the fixtures and synthetic transcripts with today's tagger, and snapshot content."""
    from app.content import load_rubric, load_scenario
    from app.domain import Transcript, Turn
    from app.rubric.tagger import tag_transcript

    rubrics = {p.stem: load_rubric(p).model for p in sorted((ROOT / "rubrics").glob("*.yaml"))}
    shipped = [load_scenario(p).model for p in sorted((ROOT / "scenarios").glob("*.yaml"))]
    test_scenario = load_scenario(ROOT / "tests/data/transcripts/quiet-deal.scenario.yaml").model
    scenarios = {s.id: s for s in [*shipped, test_scenario]}
    cases: list[dict[str, Any]] = []

    def add(name: str, transcript: Transcript, scenario: str | None, rubric: str) -> None:
        decisions = {
            str(i): t.decision.model_dump(mode="json")
            for i, t in enumerate(transcript.turns, start=1)
            if t.decision is not None
        }
        tagged = tag_transcript(transcript)
        cases.append(
            {
                "name": name,
                "rubric": rubric,
                "scenario": scenario,
                "decisions": decisions,
                "turns": [t.model_dump(mode="json") for t in tagged],
            }
        )

    for name, read in _fixture_inputs():
        for rubric in rubrics:
            add(f"{name} {rubric}", read.transcript, read.transcript.scenario_id, rubric)
            if read.transcript.scenario_id is None:
                add(f"{name} {rubric} quiet-deal", read.transcript, "quiet-deal", rubric)

    rows = []
    for split in ("train", "dev", "heldout"):
        with (ROOT / "tests" / "data" / "acts" / f"{split}.jsonl").open(encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    rng = random.Random(20261123)
    rubric_ids = sorted(rubrics)
    for n, scenario in enumerate(shipped):
        for pairs in (30, 3, 8):
            turns = _synthetic(scenario, rows, rng, pairs)
            transcript = Transcript(turns=[Turn(speaker=s, text=t) for s, t in turns])
            rubric = rubric_ids[(n + pairs) % len(rubric_ids)]
            with_scenario = pairs != 8 or n % 2 == 0
            add(
                f"{scenario.id} {pairs * 2} turns",
                transcript,
                scenario.id if with_scenario else None,
                rubric,
            )
    content = {
        "rubrics": {k: v.model_dump(mode="json") for k, v in rubrics.items()},
        "scenarios": {k: v.model_dump(mode="json") for k, v in scenarios.items()},
    }
    return cases, content


def coach_readings(text: str) -> dict[str, Any]:
    """What feedback and GROW read from one coach utterance on its own."""
    return {
        "text": text,
        "advice": rewrite_advice(text),
        "takeover": rewrite_takeover(text),
        "leading": rewrite_leading(text),
        "closed": rewrite_closed(text),
        "permission": asks_permission(text),
        "grow": list(grow_stages(text)),
    }


def rep_readings(text: str) -> dict[str, Any]:
    """The next step ownership reads from one rep turn."""
    return {"text": text, "next_step": next_step_sentence(text)}


def utterances() -> tuple[list[str], list[str]]:
    """The coach utterances and the rep context lines of the labelled act sets, once each."""
    coach: dict[str, None] = {}
    rep: dict[str, None] = {}
    for split in ("train", "dev", "heldout"):
        with (ROOT / "tests" / "data" / "acts" / f"{split}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    coach[row["text"]] = None
                    for turn in row.get("context", []):
                        if turn["speaker"] == "rep":
                            rep[turn["text"]] = None
    return list(coach), list(rep)


def regenerate(inputs: bool) -> None:
    """Rewrite the golden outputs (and with `inputs`, the frozen inputs first)."""
    if inputs:
        cases, content = build_inputs()
        GOLDEN.mkdir(parents=True, exist_ok=True)
        CONTENT.write_text(
            json.dumps(content, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        with CASES.open("w", encoding="utf-8") as out:
            for case in cases:
                out.write(json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n")
    rubrics, scenarios = load_content()
    with SCORECARDS.open("w", encoding="utf-8") as out:
        for case in load_cases():
            out.write(golden_line(case, rubrics, scenarios) + "\n")
    coach, rep = utterances()
    with TEXTS.open("w", encoding="utf-8") as out:
        for readings in [*map(coach_readings, coach), *map(rep_readings, rep)]:
            out.write(json.dumps(readings, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    regenerate(inputs="--inputs" in sys.argv[1:])
