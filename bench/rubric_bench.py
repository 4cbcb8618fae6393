"""Rubric engine speed: tag + score throughput, one 60-turn transcript, and `coachsim classify`.

The transcripts are built from the labelled development set (real-sounding coach and rep
turns, not repeated one-liners), 30 coach and 30 rep turns each, and scored with the
ask-vs-tell rubric and a shipped scenario, so hidden-fact discovery runs too. The
in-process figures are taken pinned to one core. `coachsim classify` runs as a separate
process on 50,000 utterances, start-up included.

Run alone: `python -m bench rubric_bench`.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.content import load_rubric, load_scenario
from app.domain import Speaker, Transcript, Turn
from app.rubric.scoring import score
from app.rubric.tagger import tag_transcript

ROOT = Path(__file__).resolve().parent.parent
ACTS = ROOT / "tests" / "data" / "acts"
RUBRIC = ROOT / "rubrics" / "ask-vs-tell.yaml"
SCENARIO = ROOT / "scenarios" / "stalled-procurement-champion-left.yaml"
TRANSCRIPTS = 200
TURN_PAIRS = 30  # 60 turns: 30 rep, 30 coach
THROUGHPUT_SECONDS = 5.0
SINGLE_RUNS = 500
CLASSIFY_LINES = 50_000

T = TypeVar("T")
TARGETS = {"utterances_per_s": 20_000.0, "transcript_ms": 5.0, "classify_s": 10.0}


def _dev_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in ("dev.jsonl", "heldout.jsonl"):
        with (ACTS / name).open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


def transcripts(rows: list[dict[str, Any]], count: int, seed: int = 7) -> list[Transcript]:
    """60-turn transcripts of dev-set coach utterances and the rep turns around them."""
    coach = [r["text"] for r in rows]
    rep = [c["text"] for r in rows for c in r.get("context", []) if c["speaker"] == "rep"]
    rng = random.Random(seed)
    made = []
    for _ in range(count):
        turns = []
        for _ in range(TURN_PAIRS):
            turns.append(Turn(speaker=Speaker.REP, text=rng.choice(rep)))
            turns.append(Turn(speaker=Speaker.COACH, text=rng.choice(coach)))
        made.append(Transcript(turns=turns))
    return made


@contextmanager
def one_core() -> Iterator[int | None]:
    """Pin this process to a single core for the measurement, then restore."""
    if not hasattr(os, "sched_setaffinity"):
        yield None
        return
    before = os.sched_getaffinity(0)
    core = max(before)
    os.sched_setaffinity(0, {core})
    try:
        yield core
    finally:
        os.sched_setaffinity(0, before)


@dataclass(frozen=True, slots=True)
class Timing:
    """One figure measured two ways: CPU time of this process, and wall-clock time."""

    cpu: float
    wall: float


def _rates(work: Callable[[T], object], inputs: list[T], per_item: int) -> Timing:
    """Coach utterances per second through `work`, looping over the inputs for a while."""
    done = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < THROUGHPUT_SECONDS:
        work(inputs[done % len(inputs)])
        done += 1
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return Timing(cpu=done * per_item / cpu, wall=done * per_item / wall)


def _median_ms(work: Callable[[], object], runs: int) -> Timing:
    walls, cpus = [], []
    for _ in range(runs):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        work()
        cpus.append(time.process_time() - cpu0)
        walls.append(time.perf_counter() - wall0)
    return Timing(cpu=statistics.median(cpus) * 1000, wall=statistics.median(walls) * 1000)


def _classify(rows: list[dict[str, Any]]) -> tuple[float, int]:
    """Wall time of `coachsim classify --input` on 50,000 lines, and the lines it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "utterances.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for i in range(CLASSIFY_LINES):
                row = rows[i % len(rows)]
                item = {"id": f"u{i}", "text": row["text"], "context": row.get("context", [])}
                out.write(json.dumps(item) + "\n")
        target = Path(tmp) / "out.jsonl"
        command = [str(Path(sys.executable).with_name("coachsim")), "classify", "--input"]
        with target.open("w", encoding="utf-8") as sink:
            start = time.perf_counter()
            subprocess.run([*command, str(source)], stdout=sink, check=True)
            elapsed = time.perf_counter() - start
        with target.open(encoding="utf-8") as lines:
            written = sum(1 for _ in lines)
    return elapsed, written


def measure() -> dict[str, Timing]:
    """Every figure of this benchmark."""
    rows = _dev_rows()
    items = transcripts(rows, TRANSCRIPTS)
    rubric = load_rubric(RUBRIC)
    scenario = load_scenario(SCENARIO).model
    tagged = [tag_transcript(t) for t in items]
    one, one_tagged = items[0], tagged[0]
    per = sum(t.speaker is Speaker.COACH for t in one.turns)
    with one_core():
        figures = {
            "utterances_per_s": _rates(
                lambda t: score(tag_transcript(t), rubric, scenario), items, per
            ),
            "tag_only_per_s": _rates(tag_transcript, items, per),
            "score_only_per_s": _rates(lambda t: score(t, rubric, scenario), tagged, per),
            "transcript_ms": _median_ms(
                lambda: score(tag_transcript(one), rubric, scenario), SINGLE_RUNS
            ),
            "score_only_ms": _median_ms(lambda: score(one_tagged, rubric, scenario), SINGLE_RUNS),
        }
    seconds, lines = _classify(rows)
    figures["classify_s"] = Timing(cpu=seconds, wall=seconds)  # wall time only
    figures["classify_lines"] = Timing(cpu=lines, wall=lines)
    return figures


def _verdict(ok: bool) -> str:
    return "meets target" if ok else "**misses target**"


def run() -> str:
    """Measure, and return the Markdown section for docs/benchmarks.md."""
    load_before = os.getloadavg()[0]
    f = measure()
    rate, ms = "{:,.0f}".format, "{:.2f} ms".format
    rows = [
        (
            "Tag + score, coach utterances per second (60-turn transcripts)",
            rate(f["utterances_per_s"].cpu),
            rate(f["utterances_per_s"].wall),
            "≥ 20,000",
            _verdict(f["utterances_per_s"].cpu >= TARGETS["utterances_per_s"]),
        ),
        (
            "  tagging alone, coach utterances per second",
            rate(f["tag_only_per_s"].cpu),
            rate(f["tag_only_per_s"].wall),
            "",
            "",
        ),
        (
            "  scoring alone (already tagged), coach utterances per second",
            rate(f["score_only_per_s"].cpu),
            rate(f["score_only_per_s"].wall),
            "",
            "",
        ),
        (
            "One 60-turn transcript, tag + score, median",
            ms(f["transcript_ms"].cpu),
            ms(f["transcript_ms"].wall),
            "< 5 ms",
            _verdict(f["transcript_ms"].cpu < TARGETS["transcript_ms"]),
        ),
        (
            "  scoring it alone (already tagged), median",
            ms(f["score_only_ms"].cpu),
            ms(f["score_only_ms"].wall),
            "",
            "",
        ),
        (
            f"`coachsim classify` on {CLASSIFY_LINES:,} utterances, start-up included",
            "",
            f"{f['classify_s'].wall:.2f} s",
            "< 10 s",
            _verdict(
                f["classify_s"].wall < TARGETS["classify_s"]
                and f["classify_lines"].wall == CLASSIFY_LINES
            ),
        ),
    ]
    table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return (
        "## Rubric engine\n\n"
        "`bench/rubric_bench.py`. Transcripts of 30 coach and 30 rep turns drawn from the "
        "labelled development set, scored with `ask-vs-tell` and the "
        "`stalled-procurement-champion-left` scenario (so hidden-fact discovery runs). "
        "In-process figures run pinned to one core and are given two ways: from the CPU "
        "time the process used on that core (what the targets are judged on) and from "
        "wall-clock time, which also counts the time other processes on this shared machine "
        "held the core. `coachsim classify` is timed on the wall clock as its own process, "
        "interpreter start-up included. Load average when the run started: "
        f"{load_before:.2f}.\n\n"
        "| measure | CPU time | wall clock | target | |\n|---|---|---|---|---|\n" + table
    )


if __name__ == "__main__":
    print(run())
