"""How fast the tagger reads text it has not seen: coach utterances per second on one core.

    .venv/bin/python scripts/tagging_speed.py [--rounds 5]

Every labelled coach utterance of train.jsonl and dev.jsonl (about 2,000, all different) is
tagged once per round with the turns before it as context, pinned to one core, timed by
the process's CPU time. Nothing in the tagger caches whole texts, so a round costs what
unseen text costs; only word-level tables (stems, cue descriptions) warm up, as they do in
any long run. The first round is reported separately from the best.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain import Speaker, Turn  # noqa: E402
from app.rubric.tagger import tag_turn  # noqa: E402

ACTS = ROOT / "tests" / "data" / "acts"


def main() -> int:
    """Time the rounds and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    items = []
    for name in ("train", "dev"):
        for line in (ACTS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            context = tuple(
                Turn(speaker=Speaker(t["speaker"]), text=t["text"]) for t in row["context"]
            )
            items.append((row["text"], context))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    rates = []
    for _ in range(args.rounds):
        gc.collect()
        started = time.process_time()
        for text, context in items:
            tag_turn(text, context)
        rates.append(len(items) / (time.process_time() - started))
    print(f"{len(items)} different coach utterances, {args.rounds} rounds")
    print(f"first round: {rates[0]:,.0f} utterances/s; best: {max(rates):,.0f} utterances/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
