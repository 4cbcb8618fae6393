"""`coachsim eval`: how well the tagger agrees with labelled coach utterances."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

import app

DEFAULT_DATA = Path("tests") / "data" / "acts"


class Split(StrEnum):
    dev = "dev"
    heldout = "heldout"
    all = "all"


class Format(StrEnum):
    text = "text"
    json = "json"


def _data_dir(given: Path | None) -> Path:
    if given is not None:
        return given
    if DEFAULT_DATA.is_dir():
        return DEFAULT_DATA
    # Editable installs: the dataset sits beside the package in the source tree.
    return Path(app.__file__).resolve().parent.parent / DEFAULT_DATA


def evaluate_command(
    split: Split = typer.Option(Split.dev, "--split", help="Which labelled set to score."),
    data: Path | None = typer.Option(
        None, "--data", help="Folder with dev.jsonl and heldout.jsonl (default: tests/data/acts)."
    ),
    output: Format = typer.Option(Format.text, "--format", help="text or json."),
    errors: int = typer.Option(
        0,
        "--errors",
        min=0,
        help="Also list up to N mistakes with the tagger's reasons (dev split only).",
    ),
) -> None:
    """Per-act precision/recall/F1, macro-F1, confusion and coarse MITI-style scores."""
    from app.rubric.evaluation import DatasetError, evaluate, format_text, load_split

    if errors and split is not Split.dev:
        typer.echo(
            "--errors lists mistakes on the dev split only; the held-out set stays unseen", err=True
        )
        raise typer.Exit(2)
    try:
        examples = load_split(_data_dir(data), split.value)
    except DatasetError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if not examples:
        typer.echo(f"error: the {split.value} split has no examples", err=True)
        raise typer.Exit(2)
    result = evaluate(examples, split=split.value)
    fitted = _fitted_on(split.value)
    if output is Format.json:
        document = result.to_dict(with_mistakes=errors > 0)
        if errors:
            document["mistakes"] = document["mistakes"][:errors]
        if fitted:
            document["trained_on"] = fitted
        typer.echo(json.dumps(document, indent=2))
    else:
        if fitted:
            typer.echo(
                f"note: the act model was trained on {' and '.join(fitted)}.jsonl, so this "
                "score shows fit, not generalisation; the held-out split and the training "
                "script's cross-validation are the honest measures\n"
            )
        typer.echo(format_text(result, mistakes=errors), nl=False)


def _fitted_on(split: str) -> list[str]:
    """The files of `split` the shipped act model was trained on."""
    from app.rubric.model import shipped_model

    trained = shipped_model().about.get("trained_on", {})
    files = ("dev", "heldout") if split == "all" else (split,)
    return [name for name in files if name in trained]


def register(cli: typer.Typer) -> None:
    """Add `coachsim eval` to the CLI."""
    cli.command("eval")(evaluate_command)
