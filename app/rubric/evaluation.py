"""Measure the tagger against labelled coach utterances: per-act and coarse (MITI-style) scores.

A dataset is JSON Lines, one utterance per line: `id`, `text`, `label` (one of the nine
acts), optional `context` (earlier turns as `{"speaker", "text"}`), `domain`, `hard`, `note`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.acts import ACT_NAMES, COARSE_GROUP, Act, Speaker
from app.domain.transcript import Turn
from app.rubric.tagger import tag_turn

SPLITS = ("dev", "heldout", "all")
COARSE_NAMES: tuple[str, ...] = ("question", "reflection", "input", "other")


class DatasetError(ValueError):
    """A dataset file is missing or has a line that is not a labelled utterance."""


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled coach utterance with the turns before it."""

    id: str
    text: str
    label: Act
    context: tuple[Turn, ...] = ()
    domain: str = ""
    hard: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Precision, recall and F1 of one label."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(frozen=True, slots=True)
class Scores:
    """Agreement between gold and predicted labels over one label set."""

    labels: tuple[str, ...]
    per_label: tuple[LabelScore, ...]
    macro_f1: float
    accuracy: float
    n: int
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label -> count

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_label": {
                s.label: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "support": s.support,
                    "predicted": s.predicted,
                }
                for s in self.per_label
            },
            "confusion": self.confusion,
        }


@dataclass(frozen=True, slots=True)
class Mistake:
    """An utterance the tagger got wrong, with the reasons it gave."""

    id: str
    text: str
    gold: str
    predicted: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Fine-grained and coarse scores of one run, with breakdowns and the mistakes."""

    split: str
    acts: Scores
    coarse: Scores
    hard_accuracy: float | None
    by_domain: dict[str, float]
    mistakes: tuple[Mistake, ...] = field(default=())

    def to_dict(self, *, with_mistakes: bool = False) -> dict[str, Any]:
        """Plain JSON-ready form; mistakes only when asked for."""
        out: dict[str, Any] = {
            "split": self.split,
            "acts": self.acts.to_dict(),
            "coarse": self.coarse.to_dict(),
            "hard_accuracy": None if self.hard_accuracy is None else round(self.hard_accuracy, 4),
            "accuracy_by_domain": {k: round(v, 4) for k, v in self.by_domain.items()},
        }
        if with_mistakes:
            out["mistakes"] = [
                {
                    "id": m.id,
                    "text": m.text,
                    "gold": m.gold,
                    "predicted": m.predicted,
                    "reasons": list(m.reasons),
                }
                for m in self.mistakes
            ]
        return out


def _fail(path: Path, line: int, problem: str) -> DatasetError:
    return DatasetError(f"{path}:{line}: {problem}")


def _context(raw: object, path: Path, line: int) -> tuple[Turn, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _fail(path, line, "'context' must be a list of {speaker, text} objects")
    turns = []
    for i, item in enumerate(raw, 1):
        if (
            not isinstance(item, dict)
            or item.get("speaker") not in ("coach", "rep")
            or not isinstance(item.get("text"), str)
        ):
            raise _fail(path, line, f"context item {i} needs 'speaker' (coach or rep) and 'text'")
        turns.append(Turn(speaker=Speaker(item["speaker"]), text=item["text"]))
    return tuple(turns)


def load_examples(path: Path) -> list[Example]:
    """Read a JSONL dataset; a bad line raises DatasetError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read ({exc.strerror or exc})") from None
    examples: list[Example] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _fail(path, number, f"not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise _fail(path, number, "expected a JSON object")
        text, label = row.get("text"), row.get("label")
        if not isinstance(text, str):
            raise _fail(path, number, "'text' must be a string")
        if label not in ACT_NAMES:
            raise _fail(path, number, f"'label' must be one of {', '.join(ACT_NAMES)}")
        examples.append(
            Example(
                id=str(row.get("id", number)),
                text=text,
                label=Act(label),
                context=_context(row.get("context"), path, number),
                domain=str(row.get("domain") or ""),
                hard=bool(row.get("hard", False)),
                note=str(row.get("note") or ""),
            )
        )
    return examples


def load_split(data_dir: Path, split: str) -> list[Example]:
    """The examples of `dev`, `heldout` or `all` (both) from a dataset directory."""
    if split not in SPLITS:
        raise DatasetError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    names = ("dev", "heldout") if split == "all" else (split,)
    examples: list[Example] = []
    for name in names:
        path = data_dir / f"{name}.jsonl"
        if not path.is_file():
            raise DatasetError(f"{path}: no such dataset file")
        examples.extend(load_examples(path))
    return examples


def score_labels(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str]) -> Scores:
    """Per-label precision/recall/F1, accuracy and confusion for paired label sequences.

    Macro-F1 averages over every label that occurs in the gold or the predicted labels, so
    predicting an act the data never contains costs as much as missing one.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    order = list(labels)
    seen = set(gold) | set(predicted)
    order += sorted(seen - set(order))
    confusion = {g: dict.fromkeys(order, 0) for g in order}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    per_label = []
    for label in order:
        tp = confusion[label][label]
        support = sum(confusion[label].values())
        n_pred = sum(confusion[g][label] for g in order)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label.append(LabelScore(label, precision, recall, f1, support, n_pred))
    active = [s for s in per_label if s.support or s.predicted]
    macro = sum(s.f1 for s in active) / len(active) if active else 0.0
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return Scores(
        labels=tuple(order),
        per_label=tuple(per_label),
        macro_f1=macro,
        accuracy=correct / len(gold) if gold else 0.0,
        n=len(gold),
        confusion=confusion,
    )


def _tag(example: Example) -> tuple[Act, tuple[str, ...]]:
    turn = tag_turn(example.text, example.context)
    return turn.act or Act.OTHER, tuple(f"{u.text} — {u.reason}" for u in turn.units)


def evaluate(
    examples: Sequence[Example],
    split: str = "dev",
    tagger: Callable[[Example], tuple[Act, tuple[str, ...]]] = _tag,
) -> Evaluation:
    """Tag every example and score the primary acts against the gold labels."""
    gold: list[str] = []
    predicted: list[str] = []
    mistakes: list[Mistake] = []
    hard_total = hard_right = 0
    domain_total: dict[str, int] = {}
    domain_right: dict[str, int] = {}
    for example in examples:
        act, reasons = tagger(example)
        gold.append(example.label.value)
        predicted.append(act.value)
        right = act is example.label
        if example.hard:
            hard_total += 1
            hard_right += right
        if example.domain:
            domain_total[example.domain] = domain_total.get(example.domain, 0) + 1
            domain_right[example.domain] = domain_right.get(example.domain, 0) + right
        if not right:
            mistakes.append(
                Mistake(example.id, example.text, example.label.value, act.value, reasons)
            )
    coarse_gold = [COARSE_GROUP[Act(g)] for g in gold]
    coarse_pred = [COARSE_GROUP[Act(p)] for p in predicted]
    return Evaluation(
        split=split,
        acts=score_labels(gold, predicted, ACT_NAMES),
        coarse=score_labels(coarse_gold, coarse_pred, COARSE_NAMES),
        hard_accuracy=hard_right / hard_total if hard_total else None,
        by_domain={d: domain_right[d] / domain_total[d] for d in sorted(domain_total)},
        mistakes=tuple(mistakes),
    )


def _table(scores: Scores, title: str) -> list[str]:
    width = max(len(label) for label in scores.labels) + 2
    lines = [title, f"{'':{width}}precision  recall     f1  support"]
    for s in scores.per_label:
        if not (s.support or s.predicted):
            continue
        lines.append(f"{s.label:{width}}{s.precision:9.3f}{s.recall:8.3f}{s.f1:7.3f}{s.support:9d}")
    lines.append(f"{'macro-F1':{width}}{scores.macro_f1:24.3f}{scores.n:9d}")
    lines.append(f"{'accuracy':{width}}{scores.accuracy:24.3f}")
    return lines


def _confusion(scores: Scores) -> list[str]:
    labels = [s.label for s in scores.per_label if s.support or s.predicted]
    short = [label.replace("_question", "_q")[:8] for label in labels]
    width = max(len(label) for label in labels) + 2
    lines = ["confusion (rows: gold, columns: predicted)"]
    lines.append(" " * width + "".join(f"{s:>9}" for s in short))
    for g in labels:
        row = "".join(f"{scores.confusion[g][p]:9d}" for p in labels)
        lines.append(f"{g:{width}}{row}")
    return lines


def format_text(evaluation: Evaluation, *, mistakes: int = 0) -> str:
    """A plain-text report: per-act table, confusion matrix, coarse scores, breakdowns."""
    lines = [f"split: {evaluation.split}  ({evaluation.acts.n} coach utterances)", ""]
    lines += _table(evaluation.acts, "per act")
    lines += ["", *_confusion(evaluation.acts), ""]
    lines += _table(evaluation.coarse, "coarse (MITI-style: question / reflection / input / other)")
    lines.append("")
    if evaluation.hard_accuracy is not None:
        lines.append(f"accuracy on hard cases: {evaluation.hard_accuracy:.3f}")
    if evaluation.by_domain:
        parts = ", ".join(f"{d} {a:.3f}" for d, a in evaluation.by_domain.items())
        lines.append(f"accuracy by domain: {parts}")
    for m in evaluation.mistakes[:mistakes]:
        lines += ["", f"[{m.id}] gold {m.gold}, tagged {m.predicted}: {m.text}"]
        lines += [f"    {r}" for r in m.reasons]
    return "\n".join(lines) + "\n"
