"""`coachsim validate` and `coachsim schema`: the author's tools for scenarios and rubrics."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from app.config import get_settings
from app.content import ContentLibrary
from app.domain.rubric import Rubric
from app.domain.scenario import Scenario


class SchemaKind(StrEnum):
    scenario = "scenario"
    rubric = "rubric"


def validate(
    paths: list[Path] | None = typer.Argument(
        None, help="Files or folders to check (default: the scenarios and rubrics folders)."
    ),
) -> None:
    """Check scenario and rubric YAML files and report every problem, one per line."""
    settings = get_settings()
    targets = paths or [settings.scenarios_dir, settings.rubrics_dir]
    library = ContentLibrary.collect(targets)
    for problem in library.problems:
        typer.echo(str(problem), err=True)
    files = library.files_checked
    found = len(library.problems)
    plural = "s" if files != 1 else ""
    if found:
        bad_files = len({p.file for p in library.problems})
        typer.echo(
            f"{found} problem{'s' if found != 1 else ''} in {bad_files} of {files} file{plural}",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(
        f"{files} file{plural} OK: {len(library.scenarios)} scenarios, "
        f"{len(library.rubrics)} rubrics"
    )


def schema(kind: SchemaKind = typer.Argument(..., help="scenario or rubric")) -> None:
    """Print the JSON Schema of scenario or rubric files, for editor completion."""
    model = Scenario if kind is SchemaKind.scenario else Rubric
    document = model.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = f"https://coachsim.example/schema/{kind.value}.json"
    typer.echo(json.dumps(document, indent=2, sort_keys=True))


def register(cli: typer.Typer) -> None:
    """Add the content commands to the CLI."""
    cli.command("validate")(validate)
    cli.command("schema")(schema)
