"""Run every benchmark module (bench/*_bench.py) and write docs/benchmarks.md.

Each module exposes `run() -> str`, returning a Markdown section with its figures. The
sections are written together with a description of the machine they were taken on.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "benchmarks.md"


def machine() -> str:
    """One line naming the machine, OS and Python the figures were taken on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def reference_ms() -> float:
    """Milliseconds for a fixed pure-Python workload, the median of seven runs.

    A shared machine is not equally fast from one day to the next; this says how fast it
    was for this run, so figures from two runs can be compared through it.
    """
    words = [f"w{i % 7919}" for i in range(200_000)]
    known = {f"w{i}": i for i in range(5_000)}
    times = []
    for _ in range(7):
        start = time.process_time()
        total, built = 0, []
        for word in words:
            total += known.get(word, 0)
            built.append(word + ".")
        " ".join(built).split()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def kept_sections(fresh: list[str]) -> list[str]:
    """Running some benchmarks keeps the other sections already in the file, in place."""
    if not OUT.exists():
        return fresh
    by_heading = {s.strip().splitlines()[0]: s.strip() for s in fresh}
    old = ["## " + part for part in OUT.read_text(encoding="utf-8").split("\n## ")[1:]]
    merged = [by_heading.pop(s.strip().splitlines()[0], s.strip()) for s in old]
    return merged + list(by_heading.values())


def main(argv: list[str]) -> None:
    names = argv or sorted(p.stem for p in Path(__file__).parent.glob("*_bench.py"))
    reference = reference_ms()
    sections = []
    for name in names:
        print(f"== {name}", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench.{name}")
        sections.append(module.run())
    if argv:
        sections = kept_sections(sections)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = (
        "# Benchmarks\n\n"
        f"Written by `make bench` on {stamp}.\n\nMachine: {machine()}.\n\n"
        f"Speed of the machine for this run: a fixed pure-Python workload (`reference_ms` in "
        f"bench/__main__.py) took {reference:.0f} ms. A shared machine varies from day to "
        "day; compare this figure before comparing two runs' figures. "
        "`python -m bench.instructions` counts instructions per coach utterance instead, "
        "which does not vary (it needs valgrind).\n\n"
        "Medians and ratios come from one run on the machine above; rerun `make bench` "
        "to refresh them.\n\n" + "\n\n".join(s.strip() for s in sections) + "\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
