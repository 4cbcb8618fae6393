"""`coachsim classify`: tag coach utterances from JSON Lines, one result line per input line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import typer

from app.domain.acts import Speaker
from app.domain.transcript import Turn

_SPEAKERS = {s.value: s for s in Speaker}


class LineError(ValueError):
    """One input line that is not a valid utterance object."""


def _context(raw: object) -> list[Turn]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise LineError('\'context\' must be a list of {"speaker", "text"} objects')
    turns = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            raise LineError(f"context item {i} must be an object with 'speaker' and 'text'")
        speaker = _SPEAKERS.get(item.get("speaker"))  # type: ignore[arg-type]
        if speaker is None:
            raise LineError(f'context item {i}: \'speaker\' must be "coach" or "rep"')
        text = item.get("text")
        if not isinstance(text, str):
            raise LineError(f"context item {i}: 'text' must be a string")
        # Validation, in pydantic's compiled core, costs less than `model_construct`.
        turns.append(Turn(speaker=speaker, text=text))
    return turns


def parse_line(line: str) -> tuple[str | int, str, list[Turn]]:
    """The id, text and context of one input line; LineError says what is wrong."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict):
        raise LineError("expected a JSON object with 'id' and 'text'")
    if "id" not in row:
        raise LineError("missing 'id'")
    uid = row["id"]
    if isinstance(uid, bool) or not isinstance(uid, str | int):
        raise LineError("'id' must be a string or an integer")
    if "text" not in row:
        raise LineError("missing 'text'")
    text = row["text"]
    if not isinstance(text, str):
        raise LineError("'text' must be a string")
    return uid, text, _context(row.get("context"))


def classify_lines(
    lines: Iterable[str], errors: list[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Tag each JSONL line; bad lines are described in `errors` ("line N: ...") and skipped."""
    from app.rubric.tagger import primary_act, tag_units

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            uid, text, context = parse_line(line)
        except LineError as exc:
            if errors is not None:
                errors.append(f"line {number}: {exc}")
            continue
        units = tag_units(text, context)
        yield {
            "id": uid,
            "act": primary_act(units).value,
            "units": [u.as_record() for u in units],
        }


def _read(source: Path | None) -> IO[str]:
    if source is None:
        return sys.stdin
    try:
        return source.open(encoding="utf-8")
    except OSError as exc:
        typer.echo(f"error: cannot read {source}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None


def classify(
    source: Path | None = typer.Option(
        None, "--input", "-i", help="JSON Lines file to read (default: standard input)."
    ),
) -> None:
    """Tag coach utterances: JSONL {id, text, context?} in, {id, act, units} out."""
    errors: list[str] = []
    stream = _read(source)
    out = sys.stdout
    batch: list[str] = []
    try:
        for result in classify_lines(stream, errors):
            batch.append(json.dumps(result, ensure_ascii=False))
            if len(batch) >= 512:
                out.write("\n".join(batch) + "\n")
                batch.clear()
    except UnicodeDecodeError as exc:
        errors.append(f"input is not UTF-8 text ({exc.reason} at byte {exc.start})")
    finally:
        if stream is not sys.stdin:
            stream.close()
    if batch:
        out.write("\n".join(batch) + "\n")
    out.flush()
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    if errors:
        raise typer.Exit(2)


def register(cli: typer.Typer) -> None:
    """Add `coachsim classify` to the CLI."""
    cli.command("classify")(classify)
