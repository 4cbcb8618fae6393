"""Where tagging time goes: microseconds per coach utterance for each stage of the tagger.

    .venv/bin/python -m bench.stages

Each stage runs alone over the same 6,000 distinct coach utterances (each after a rep
turn of its own, from the rubric benchmark's corpus), pinned to one core; a figure is the
median of seven passes. The stages are the tagger's own steps, so the split shows what a
change to one of them can win at most. Nothing is written to docs/benchmarks.md.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Callable, Sequence
from typing import Any

from app.domain import Speaker, Turn
from app.rubric.context import Signals
from app.rubric.cues import Cues, read
from app.rubric.model import shipped_model
from app.rubric.segment import split_units
from app.rubric.tagger import Tagger
from bench.rubric_bench import Corpus, _rows, _run, one_core

UTTERANCES = 6_000
PASSES = 7


def _per_utterance(work: Callable[[Any], object], items: Sequence[Any]) -> float:
    """Median microseconds of CPU time per utterance for `work` over `items`."""
    cpu = statistics.median(_run(work, items)[0] for _ in range(PASSES))
    return cpu / UTTERANCES * 1e6


def _signals(context: list[Turn]) -> Signals:
    signals = Signals.read(context)
    signals.cues  # noqa: B018 - reading computes what every unit of the turn needs
    signals.rep_stems  # noqa: B018
    return signals


def measure() -> dict[str, float]:
    """Microseconds per utterance for each stage, then the whole tagger."""
    corpus = Corpus(_rows())
    said = [(next(corpus.rep), next(corpus.coach)) for _ in range(UTTERANCES)]
    contexts = [[Turn(speaker=Speaker.REP, text=rep)] for rep, _ in said]
    texts = [coach for _, coach in said]
    tagger = Tagger(shipped_model())
    model = tagger.model
    signals = [_signals(context) for context in contexts]
    pieces = [(p, s) for text, s in zip(texts, signals, strict=True) for p in split_units(text)]
    read_units: list[Cues] = [read(p, s) for p, s in pieces]
    decided = [c for c in read_units if not c.filler_only]
    turns = list(zip(texts, contexts, strict=True))
    gc.collect()
    gc.freeze()
    with one_core():
        return {
            "split into units": _per_utterance(split_units, texts),
            "context signals": _per_utterance(_signals, contexts),
            "read cues": _per_utterance(lambda p: read(*p), pieces),
            "model decision": _per_utterance(
                lambda c: model.decide(c.names, c.shown, None, c.words), decided
            ),
            "whole tagger (Tagger.units)": _per_utterance(lambda t: tagger.units(*t), turns),
        }


def main() -> None:
    """Print each stage's cost."""
    for stage, micros in measure().items():
        print(f"{stage:30s} {micros:7.1f} µs per coach utterance")


if __name__ == "__main__":
    main()
