"""Content errors that name the file, the line and column, the field and the problem."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from app.content.yamlpos import Path_, Position
from app.domain.acts import ACT_NAMES


@dataclass(frozen=True, slots=True)
class ContentProblem:
    """One problem in one content file, printable on one line."""

    file: Path
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentError(Exception):
    """A content file (or set of files) did not load; holds every problem found."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def dotted(loc: Path_) -> str:
    """A field path as authors write it: reactions.advice.lines[2]."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _nearest(loc: Path_, positions: dict[Path_, Position]) -> Position:
    for end in range(len(loc), -1, -1):
        if loc[:end] in positions:
            return positions[loc[:end]]
    return Position(1, 1)


def _field_names(model: type[BaseModel], loc: Path_) -> list[str]:
    """The fields a model accepts at the mapping that holds `loc`'s last key."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _describe(error: Any, model: type[BaseModel]) -> str:
    kind = error["type"]
    loc: Path_ = tuple(error["loc"])
    name = loc[-1] if loc else ""
    if kind == "missing":
        return f"missing required field {name!r}"
    if kind == "extra_forbidden":
        if len(loc) >= 2 and loc[-2] == "reactions":
            return f"reaction for unknown act {name!r}; acts are {', '.join(ACT_NAMES)}"
        allowed = _field_names(model, loc)
        hint = difflib.get_close_matches(str(name), allowed, n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        expected = f" (allowed here: {', '.join(allowed)})" if allowed and not hint else ""
        return f"unknown field {name!r}{suggestion}{expected}"
    message = str(error["msg"])
    message = message.removeprefix("Value error, ")
    if kind.endswith(("_type", "_parsing")) or kind == "literal_error":
        got = error.get("input")
        shown = repr(got) if not isinstance(got, dict | list) else type(got).__name__
        return f"{message[0].lower()}{message[1:]} (got {shown})"
    return f"{message[0].lower()}{message[1:]}" if message else kind


def problems_from_validation(
    file: Path, exc: ValidationError, positions: dict[Path_, Position], model: type[BaseModel]
) -> list[ContentProblem]:
    """Turn pydantic's errors into one located problem each."""
    problems = []
    for error in exc.errors(include_url=False):
        loc: Path_ = tuple(error["loc"])
        position = _nearest(loc, positions)
        problems.append(
            ContentProblem(
                file, position.line, position.column, dotted(loc), _describe(error, model)
            )
        )
    return problems
