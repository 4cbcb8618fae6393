"""Train the act model on the labelled coach utterances and write app/rubric/act_model.json.

    .venv/bin/python scripts/train_act_model.py            # cross-validate, train, write
    .venv/bin/python scripts/train_act_model.py --no-write --check-dev
    .venv/bin/python scripts/train_act_model.py --no-write --drop rx.social --drop pair

Training data: tests/data/acts/train.jsonl, train_extra.jsonl (when present) and dev.jsonl
(never heldout.jsonl, which stays the untouched final check). Each single-unit utterance
gives one example: the unit's cues (app/rubric/cues.py) and its label. A turn of several
units is labelled only by its primary act, so it is left out of training (cross-validation
showed that labelling its units with a first model and training on them made results
worse); it still counts in every score.

`--cv K` (default 5) reports macro-F1 of the whole tagger (segmentation, rules, model,
primary act) on K folds of contiguous snippets of each file, per file, because the dev
file also shaped the earlier hand-written rules and the train file did not. `--check-dev`
trains on the training files alone and scores dev.jsonl. `--drop PREFIX` leaves out every cue
that starts with PREFIX (an ablation: does a cue group help on data it has not seen?).

"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain.acts import ACT_NAMES  # noqa: E402
from app.rubric.context import NO_CONTEXT, Signals  # noqa: E402
from app.rubric.cues import read  # noqa: E402
from app.rubric.evaluation import Example, load_examples, score_labels  # noqa: E402
from app.rubric.model import MODEL_PATH, ActModel, fit, with_words  # noqa: E402
from app.rubric.segment import split_units  # noqa: E402
from app.rubric.tagger import Tagger, primary_act  # noqa: E402

DATA = ROOT / "tests" / "data" / "acts"
# train_extra.jsonl, when present, holds more items written for training only.
FILES = ("train", "train_extra", "dev")

Item = tuple[Example, list[list[str]]]  # an utterance and the cues of each model-decided unit


def prepare(examples: Sequence[Example], drop: Sequence[str]) -> list[Item]:
    """The cues of every unit the model decides (fillers are settled by rule)."""
    items: list[Item] = []
    for example in examples:
        signals = Signals.read(example.context) if example.context else NO_CONTEXT
        units = []
        for piece in split_units(example.text):
            cues = read(piece, signals)
            if cues.filler_only:
                continue
            names = with_words(cues.names, cues.words)
            units.append([c for c in names if not c.startswith(tuple(drop))] if drop else names)
        items.append((example, units))
    return items


def unit_examples(items: Sequence[Item]) -> list[tuple[list[str], str]]:
    """(cues, label) pairs from the utterances of one unit the model decides."""
    return [(units[0], example.label.value) for example, units in items if len(units) == 1]


def train(items: Sequence[Item], args: argparse.Namespace) -> ActModel:
    """A model from prepared items, with the settings given on the command line."""
    settings = {
        "epochs": args.epochs,
        "rate": args.rate,
        "l2": args.l2,
        "min_count": args.min_count,
        "seeds": tuple(range(args.seeds)),
        "class_weight": args.class_weight,
    }
    return fit(unit_examples(items), ACT_NAMES, **settings)


def predict(tagger: Tagger, example: Example) -> str:
    """The primary act the whole tagger gives an utterance."""
    return primary_act(tagger.units(example.text, example.context)).value


def folds(items: list[Item], k: int) -> list[list[Item]]:
    """K contiguous blocks: the items of one snippet are adjacent, so they stay together."""
    n = len(items)
    return [items[i * n // k : (i + 1) * n // k] for i in range(k)]


def cross_validate(
    sets: dict[str, list[Item]], k: int, args: argparse.Namespace
) -> dict[str, float]:
    """Macro-F1 per file and overall, each fold scored by a model that never saw it."""
    parts = {name: folds(items, k) for name, items in sets.items()}
    gold: dict[str, list[str]] = {name: [] for name in sets}
    guess: dict[str, list[str]] = {name: [] for name in sets}
    for f in range(k):
        training = [it for name in sets for g in range(k) if g != f for it in parts[name][g]]
        tagger = Tagger(train(training, args))
        for name in sets:
            for example, _ in parts[name][f]:
                gold[name].append(example.label.value)
                guess[name].append(predict(tagger, example))
    result = {name: score_labels(gold[name], guess[name], ACT_NAMES) for name in sets}
    every = score_labels(
        [g for name in sets for g in gold[name]],
        [p for name in sets for p in guess[name]],
        ACT_NAMES,
    )
    print("per act (all folds):", " ".join(f"{s.label}={s.f1:.3f}" for s in every.per_label))
    out = {name: round(r.macro_f1, 4) for name, r in result.items()}
    out["all"] = round(every.macro_f1, 4)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, report the checks asked for, and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", type=int, default=5, help="folds (0: skip cross-validation)")
    parser.add_argument("--check-dev", action="store_true", help="train on train, score dev")
    parser.add_argument("--no-write", action="store_true", help="do not write the model")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--drop", action="append", default=[], help="leave out cues by prefix")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--rate", type=float, default=0.5)
    parser.add_argument("--l2", type=float, default=1e-6)
    parser.add_argument("--min-count", type=int, default=2, help="leave out rarer cues")
    parser.add_argument("--seeds", type=int, default=4, help="shuffled runs averaged")
    parser.add_argument(
        "--class-weight",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="rarer acts count for a little more in training",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    sets = {
        name: prepare(load_examples(DATA / f"{name}.jsonl"), args.drop)
        for name in FILES
        if (DATA / f"{name}.jsonl").exists()
    }
    about: dict[str, object] = {
        "trained_on": {name: len(items) for name, items in sets.items()},
        "settings": {k: v for k, v in vars(args).items() if k not in ("out", "no_write")},
    }
    if args.cv:
        scores = cross_validate(sets, args.cv, args)
        print(f"{args.cv}-fold cross-validated macro-F1:", scores)
        about["cross_validated_macro_f1"] = scores
    if args.check_dev:
        tagger = Tagger(train([it for name in sets if name != "dev" for it in sets[name]], args))
        dev = [example for example, _ in sets["dev"]]
        gold = [e.label.value for e in dev]
        f1 = score_labels(gold, [predict(tagger, e) for e in dev], ACT_NAMES)
        print(f"trained on train, scored on dev: macro-F1 {f1.macro_f1:.4f}")
        about["train_to_dev_macro_f1"] = round(f1.macro_f1, 4)
    if not args.no_write:
        model = train([it for items in sets.values() for it in items], args)

        args.out.write_text(json.dumps(model.to_dict(**about), separators=(",", ":")) + "\n")
        print(f"wrote {args.out} ({len(model.weights)} cues)")
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
