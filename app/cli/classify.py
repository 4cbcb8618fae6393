"""`coachsim classify`: tag coach utterances from JSON Lines, one result line per input line.

A long input is cut into chunks of lines that worker processes, one per core by default,
tag side by side; results are written in the input's order, and a bad line is named by its
line number wherever it falls.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
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
    lines: Iterable[str], errors: list[str] | None = None, first: int = 1
) -> Iterator[dict[str, Any]]:
    """Tag each JSONL line; bad lines are described in `errors` ("line N: ...") and skipped.

    `first` is the number of the first line, for lines that are part of a longer input.
    """
    from app.rubric.tagger import primary_act, tag_units

    for number, line in enumerate(lines, first):
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


# Lines per piece of work: large enough that handing a piece to a worker costs little
# beside tagging it (about a tenth of a second), small enough that the last pieces leave no
# core idle for long.
CHUNK_LINES = 1000
Chunk = tuple[int, list[str]]  # the number of its first line, and its lines


def classify_chunk(chunk: Chunk) -> tuple[str, list[str]]:
    """One chunk's JSONL output and the errors of its bad lines."""
    first, lines = chunk
    errors: list[str] = []
    results = classify_lines(lines, errors, first)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), errors


class _Input:
    """The input's lines in numbered chunks; a byte that is not UTF-8 ends the input."""

    def __init__(self, stream: IO[str], size: int) -> None:
        self.stream = stream
        self.size = size
        self.error: str | None = None

    def chunks(self) -> Iterator[Chunk]:
        chunk: list[str] = []
        first = 1
        try:
            for line in self.stream:
                chunk.append(line)
                if len(chunk) == self.size:
                    yield first, chunk
                    first += len(chunk)
                    chunk = []
        except UnicodeDecodeError as exc:
            self.error = f"input is not UTF-8 text ({exc.reason} at byte {exc.start})"
        if chunk:
            yield first, chunk


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the work and
    # says so once, rather than each worker printing its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_parallel(chunks: Iterator[Chunk], jobs: int) -> Iterator[tuple[str, list[str]]]:
    """Each chunk's results, in input order, from `jobs` worker processes.

    At most two chunks per worker are read ahead, so memory stays flat on any input size.
    """
    from app.rubric.model import shipped_model

    shipped_model()  # read once here; forked workers share it rather than each reading it
    # Forked workers start at once with everything loaded; elsewhere (macOS, Windows) the
    # platform's default start method is the safe one.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupts)
    pending: deque[Future[tuple[str, list[str]]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(classify_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


def _results(source: _Input, jobs: int) -> Iterator[tuple[str, list[str]]]:
    chunks = source.chunks()
    head = next(chunks, None)
    if head is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:  # one chunk or one job: no worker would pay for its start
        yield classify_chunk(head)
        yield from map(classify_chunk, chunks)
        return
    yield from _in_parallel(chain((head, second), chunks), jobs)


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
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for long inputs (default: one per available core).",
    ),
) -> None:
    """Tag coach utterances: JSONL {id, text, context?} in, {id, act, units} out."""
    errors: list[str] = []
    stream = _read(source)
    source_lines = _Input(stream, CHUNK_LINES)
    out = sys.stdout
    try:
        for text, chunk_errors in _results(source_lines, jobs or available_cores()):
            out.write(text)
            errors += chunk_errors
    except BrokenProcessPool:
        errors.append("a worker process stopped unexpectedly; try again with --jobs 1")
    finally:
        if stream is not sys.stdin:
            stream.close()
    out.flush()
    if source_lines.error:
        errors.append(source_lines.error)
    for error in errors:
        typer.echo(f"error: {error}", err=True)
    if errors:
        raise typer.Exit(2)


def register(cli: typer.Typer) -> None:
    """Add `coachsim classify` to the CLI."""
    cli.command("classify")(classify)
