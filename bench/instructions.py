"""Instructions per coach utterance for tagging and for scoring, counted by callgrind.

Timings on a shared machine move with the neighbours: the same code measured 9,000 and
5,100 utterances per second on two days. The number of instructions the interpreter runs
does not, so it is what tells whether a change to the rubric engine made it cheaper.

    .venv/bin/python -m bench.instructions            # needs valgrind (apt-get install valgrind)

It runs this module twice under `valgrind --tool=callgrind`: once preparing the inputs and
stopping, once also doing the work, and reports the difference per coach utterance. Both
runs read the same transcripts (the rubric benchmark's corpus) and warm up on the same
first ones, so start-up, imports and compiled patterns cancel out.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from app.content import load_rubric, load_scenario
from app.domain import Transcript
from app.rubric.scoring import score
from app.rubric.tagger import tag_transcript
from bench.rubric_bench import RUBRIC, SCENARIO, TURN_PAIRS, Corpus, _rows

WARM_UP = 10  # transcripts tagged and scored before the counted ones
COUNTED = 20  # transcripts counted: 600 coach utterances
_COLLECTED = re.compile(r"Collected : (\d+)")


def _work(path: Path, part: str, count: int) -> None:
    """Inside valgrind: warm up, then tag (and score) `count` transcripts."""
    data = json.loads(path.read_text(encoding="utf-8"))
    transcripts = [Transcript.model_validate(t) for t in data]
    rubric = load_rubric(RUBRIC)
    scenario = load_scenario(SCENARIO).model
    for transcript in transcripts[:WARM_UP]:
        score(tag_transcript(transcript), rubric, scenario)
    counted = transcripts[WARM_UP : WARM_UP + count]
    gc.collect()
    gc.freeze()
    for transcript in counted:
        tagged = tag_transcript(transcript)
        if part == "both":
            score(tagged, rubric, scenario)


def _count(path: Path, part: str, count: int) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "bench.instructions",
        "--inside",
        part,
        str(count),
        str(path),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind reported no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def measure() -> dict[str, int]:
    """Instructions per coach utterance: tagging, tagging and scoring, scoring alone."""
    corpus = Corpus(_rows(), seed=11)
    transcripts = corpus.transcripts(WARM_UP + COUNTED)
    utterances = COUNTED * TURN_PAIRS
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "transcripts.json"
        path.write_text(json.dumps([t.model_dump(mode="json") for t in transcripts]))
        per = {}
        for part in ("tag", "both"):
            base = _count(path, part, 0)
            per[part] = (_count(path, part, COUNTED) - base) // utterances
    return {"tag": per["tag"], "tag_and_score": per["both"], "score": per["both"] - per["tag"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inside", nargs=3, metavar=("PART", "COUNT", "FILE"), help="internal")
    args = parser.parse_args(argv)
    if args.inside:
        part, count, path = args.inside
        _work(Path(path), part, int(count))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind not found: install it (apt-get install valgrind)", file=sys.stderr)
        return 2
    figures = measure()
    print(f"instructions per coach utterance, over {COUNTED * TURN_PAIRS} utterances:")
    for name, value in figures.items():
        print(f"  {name:14s} {value:>9,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
