"""Rubric engine speed: tagging, scoring, both, one 60-turn transcript, `coachsim classify`.

No text is used twice in a measurement, so no cache of earlier texts can make a figure look
better than a real conversation would. The coach and rep turns come from every labelled act
set (tests/data/acts/*.jsonl: the coach utterances and the rep turns of their contexts), and
each time the stream comes round to a text again it is said with a different lead-in
("So, ", "Okay, look, " ...), as people do.

Transcripts have 30 coach and 30 rep turns and are scored with the ask-vs-tell rubric and a
shipped scenario, so hidden-fact discovery runs too. The in-process figures run pinned to
one core; each is the median of several runs, every run over transcripts of its own, given
in CPU time and in wall-clock time. `coachsim classify` runs as its own process on 50,000
distinct utterances, start-up included: with its default of one worker per core, and
pinned to the same single core with `--jobs 1`.

Run alone: `python -m bench rubric_bench`.
"""

from __future__ import annotations

import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.cli.classify import available_cores
from app.content import load_rubric, load_scenario
from app.domain import Speaker, TaggedTurn, Transcript, Turn
from app.rubric.scoring import score
from app.rubric.speedups import AVAILABLE as SPEEDUPS
from app.rubric.tagger import tag_transcript

ROOT = Path(__file__).resolve().parent.parent
ACTS = ROOT / "tests" / "data" / "acts"
RUBRIC = ROOT / "rubrics" / "ask-vs-tell.yaml"
SCENARIO = ROOT / "scenarios" / "stalled-procurement-champion-left.yaml"
TURN_PAIRS = 30  # 60 turns: 30 rep, 30 coach
RUNS = 7  # each throughput figure is the median of this many runs
RUN_TRANSCRIPTS = 100  # transcripts per run: 3,000 coach utterances
SINGLE_RUNS = 200  # one transcript at a time, each a different one
CORES = available_cores()  # classify's default number of workers
CLASSIFY_LINES = 50_000
TARGETS = {"utterances_per_s": 20_000.0, "transcript_ms": 5.0, "classify_s": 10.0}
# Said before a text when it comes round again: one lead-in, or two ("Okay, look, ...").
LEAD_INS = ("So", "Okay", "Right", "Well", "Look", "And", "Honestly", "Yeah", "Hmm", "Now")

T = TypeVar("T")


def _rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(ACTS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


def said_again(text: str, round_: int) -> str:
    """A text as said on its `round_`-th time round: round 0 is the text itself."""
    if round_ == 0:
        return text
    n = len(LEAD_INS)
    first, second = LEAD_INS[(round_ - 1) % n], (round_ - 1) // n
    lead = first if second == 0 else f"{first}, {LEAD_INS[(second - 1) % n].lower()}"
    # "So, what changed?"; but "So, I think..." and "So, CRM..." keep their capitals.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return f"{lead}, {text}"


def distinct(texts: Sequence[str], seed: int) -> Iterator[str]:
    """Every text once, shuffled; then every text said again, and so on, never repeating."""
    base = list(dict.fromkeys(t for t in texts if t.strip()))
    random.Random(seed).shuffle(base)
    seen: set[str] = set()
    round_ = 0
    while True:
        for text in base:
            varied = said_again(text, round_)
            if varied not in seen:
                seen.add(varied)
                yield varied
        round_ += 1


class Corpus:
    """Streams of distinct coach and rep turns from the labelled act sets."""

    def __init__(self, rows: list[dict[str, Any]], seed: int = 7) -> None:
        self.rows = rows
        coach = [r["text"] for r in rows]
        rep = [c["text"] for r in rows for c in r.get("context", []) if c["speaker"] == "rep"]
        self.coach = distinct(coach, seed)
        self.rep = distinct(rep, seed + 1)

    def transcripts(self, count: int) -> list[Transcript]:
        """`count` 60-turn transcripts, no turn text used before."""
        made = []
        for _ in range(count):
            turns = []
            for _ in range(TURN_PAIRS):
                turns.append(Turn(speaker=Speaker.REP, text=next(self.rep)))
                turns.append(Turn(speaker=Speaker.COACH, text=next(self.coach)))
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


def _run(work: Callable[[T], object], items: Sequence[T]) -> tuple[float, float]:
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for item in items:
        work(item)
    return time.process_time() - cpu0, time.perf_counter() - wall0


def _median_rate(work: Callable[[T], object], runs: Sequence[Sequence[T]]) -> Timing:
    """Coach utterances per second through `work`: the median over runs of fresh inputs."""
    cpu, wall = [], []
    for items in runs:
        spent_cpu, spent_wall = _run(work, items)
        cpu.append(len(items) * TURN_PAIRS / spent_cpu)
        wall.append(len(items) * TURN_PAIRS / spent_wall)
    return Timing(cpu=statistics.median(cpu), wall=statistics.median(wall))


def _median_ms(work: Callable[[T], object], items: Sequence[T]) -> Timing:
    """Milliseconds per item through `work`: the median over the items, one at a time."""
    cpu, wall = [], []
    for item in items:
        spent_cpu, spent_wall = _run(work, [item])
        cpu.append(spent_cpu * 1000)
        wall.append(spent_wall * 1000)
    return Timing(cpu=statistics.median(cpu), wall=statistics.median(wall))


def _classify(corpus: Corpus, core: int | None) -> tuple[Timing, int]:
    """`coachsim classify --input` on 50,000 distinct lines: its CPU and wall time, lines out.

    Pinned to `core`, it runs one worker (`--jobs 1`); with no core given it runs as a user
    would, one worker per core the machine lets it use.
    """
    rows = corpus.rows
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "utterances.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for i in range(CLASSIFY_LINES):
                context = rows[i % len(rows)].get("context", [])
                item = {"id": f"u{i}", "text": next(corpus.coach), "context": context}
                out.write(json.dumps(item) + "\n")
        target = Path(tmp) / "out.jsonl"
        command = [str(Path(sys.executable).with_name("coachsim")), "classify", "--input"]
        if core is not None:
            command[2:2] = ["--jobs", "1"]

        def pin() -> None:
            if core is not None and hasattr(os, "sched_setaffinity"):
                os.sched_setaffinity(0, {core})

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with target.open("w", encoding="utf-8") as sink:
            start = time.perf_counter()
            subprocess.run([*command, str(source)], stdout=sink, check=True, preexec_fn=pin)
            wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        with target.open(encoding="utf-8") as lines:
            written = sum(1 for _ in lines)
    return Timing(cpu=cpu, wall=wall), written


def _tag_and_score() -> Callable[[Transcript], object]:
    rubric = load_rubric(RUBRIC)
    scenario = load_scenario(SCENARIO).model

    def tag_and_score(transcript: Transcript) -> object:
        return score(tag_transcript(transcript), rubric, scenario)

    return tag_and_score


def _rate_here() -> Timing:
    """The tag + score rate in this process, measured as `measure` measures it."""
    corpus = Corpus(_rows())
    tag_and_score = _tag_and_score()
    runs = [corpus.transcripts(RUN_TRANSCRIPTS) for _ in range(RUNS)]
    warm_up = corpus.transcripts(20)
    gc.collect()
    gc.freeze()
    with one_core():
        for transcript in warm_up:
            tag_and_score(transcript)
        return _median_rate(tag_and_score, runs)


def _rate_in_python() -> Timing:
    """The tag + score rate with the C speed-ups off (COACHSIM_SPEEDUPS=0), as an install
    without a C compiler runs: measured in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.rubric_bench", "--rate"],
        env={**os.environ, "COACHSIM_SPEEDUPS": "0"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    cpu, wall = json.loads(done.stdout)
    return Timing(cpu=cpu, wall=wall)


def measure() -> dict[str, Timing]:
    """Every figure of this benchmark."""
    corpus = Corpus(_rows())
    rubric = load_rubric(RUBRIC)
    scenario = load_scenario(SCENARIO).model
    tag_and_score = _tag_and_score()

    def score_only(tagged: list[TaggedTurn]) -> object:
        return score(tagged, rubric, scenario)

    def runs() -> list[list[Transcript]]:
        return [corpus.transcripts(RUN_TRANSCRIPTS) for _ in range(RUNS)]

    warm_up = corpus.transcripts(20)
    both, tag_only = runs(), runs()
    tagged = [[tag_transcript(t) for t in run] for run in runs()]
    singles = corpus.transcripts(SINGLE_RUNS)
    singles_tagged = [tag_transcript(t) for t in corpus.transcripts(SINGLE_RUNS)]
    # The inputs of every run are built up front; frozen, they are left out of the
    # collector's passes, so no run pays for walking the inputs of the others (a server
    # scoring one conversation holds no such pile).
    gc.collect()
    gc.freeze()
    with one_core() as core:
        for transcript in warm_up:  # compiled patterns, the scenario's fact index
            tag_and_score(transcript)
        figures = {
            "utterances_per_s": _median_rate(tag_and_score, both),
            "tag_only_per_s": _median_rate(tag_transcript, tag_only),
            "score_only_per_s": _median_rate(score_only, tagged),
            "transcript_ms": _median_ms(tag_and_score, singles),
            "score_only_ms": _median_ms(score_only, singles_tagged),
        }
        figures["classify_one_core_s"], _ = _classify(corpus, core)
    figures["classify_s"], lines = _classify(corpus, None)
    if SPEEDUPS:
        figures["python_per_s"] = _rate_in_python()
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
        *(
            [
                (
                    "  the same with the C speed-ups off (`COACHSIM_SPEEDUPS=0`, as an "
                    "install without a C compiler runs)",
                    rate(f["python_per_s"].cpu),
                    rate(f["python_per_s"].wall),
                    "",
                    "",
                )
            ]
            if "python_per_s" in f
            else []
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
            f"`coachsim classify` on {CLASSIFY_LINES:,} utterances, start-up included "
            f"({CORES} cores, the default)",
            f"{f['classify_s'].cpu:.2f} s",
            f"{f['classify_s'].wall:.2f} s",
            "< 10 s",
            _verdict(
                f["classify_s"].wall < TARGETS["classify_s"]
                and f["classify_lines"].wall == CLASSIFY_LINES
            ),
        ),
        (
            "  on one core (`--jobs 1`, pinned)",
            f"{f['classify_one_core_s'].cpu:.2f} s",
            f"{f['classify_one_core_s'].wall:.2f} s",
            "",
            "",
        ),
    ]
    table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return (
        "## Rubric engine\n\n"
        "`bench/rubric_bench.py`. No text is used twice in a measurement: coach and rep "
        "turns come from every labelled act set, and a text that comes round again is said "
        'with a new lead-in ("So, ", "Okay, look, "), so no cache of earlier texts helps. '
        "Transcripts of 30 coach and 30 rep turns are scored with `ask-vs-tell` and the "
        "`stalled-procurement-champion-left` scenario (so hidden-fact discovery runs). "
        "The inputs of all runs are built first and frozen out of the garbage collector's "
        "passes (`gc.freeze`), so no run pays for walking the others' inputs. "
        f"In-process figures run pinned to one core; each rate is the median of {RUNS} runs "
        f"of {RUN_TRANSCRIPTS} fresh transcripts, each single-transcript time the median of "
        f"{SINGLE_RUNS} different transcripts. They are given two ways: from the CPU time "
        "the process used (what the targets are judged on) and from wall-clock time, which "
        "also counts the time other processes on this shared machine held the core. "
        "`coachsim classify` runs as its own process, interpreter start-up included, and "
        "is judged on the wall clock: as a user runs it, with one worker process per core "
        "(its CPU time is all its processes' together), and pinned to the same single core "
        "with `--jobs 1`. "
        + (
            "The tagger ran with its C speed-ups (`app/rubric/_*.c`, built at install; "
            "the same tags as the Python definitions, which the tests hold them to), and "
            "once more without them for comparison. "
            if SPEEDUPS
            else "The tagger ran in Python only: its C speed-ups are off (not built for want "
            "of a C compiler at install time, or COACHSIM_SPEEDUPS=0). "
        )
        + f"Load average when the run started: {load_before:.2f}.\n\n"
        "| measure | CPU time | wall clock | target | |\n|---|---|---|---|---|\n" + table
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--rate"]:  # for _rate_in_python: the rate alone, as JSON
        here = _rate_here()
        print(json.dumps([here.cpu, here.wall]))
    else:
        print(run())
