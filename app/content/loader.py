"""Load scenario and rubric YAML files into validated models with a content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from app.content.errors import ContentError, ContentProblem, problems_from_validation
from app.content.yamlpos import Path_, Position, YamlSyntaxError, load_with_positions
from app.domain.rubric import Rubric
from app.domain.scenario import Scenario

M = TypeVar("M", bound=BaseModel)
Kind = Literal["scenario", "rubric"]


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A validated content model with where it came from and the hash of its bytes."""

    model: M
    path: Path
    hash: str
    text: str

    @property
    def short_hash(self) -> str:
        """The first 12 hex digits, enough to tell versions apart on screen."""
        return self.hash[:12]


def content_hash(data: bytes) -> str:
    """The sha256 of a content file's bytes: pins the exact version a session used."""
    return hashlib.sha256(data).hexdigest()


def guess_kind(path: Path, data: object) -> Kind:
    """Rubric or scenario, from the folder name and, failing that, the keys present."""
    parts = {p.lower() for p in path.parts[:-1]}
    if "rubrics" in parts:
        return "rubric"
    if "scenarios" in parts:
        return "scenario"
    if isinstance(data, dict) and ("criteria" in data or "pass_rule" in data):
        return "rubric"
    return "scenario"


def _read(path: Path) -> tuple[bytes, str, object, dict[Path_, Position]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ContentError(
            [ContentProblem(path, 1, 1, "", f"cannot read file: {reason}")]
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(
            [ContentProblem(path, 1, 1, "", f"not UTF-8 text (byte {exc.start})")]
        ) from None
    try:
        data, positions = load_with_positions(text)
    except YamlSyntaxError as exc:
        problem = ContentProblem(path, exc.position.line, exc.position.column, "", exc.message)
        raise ContentError([problem]) from None
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        message = f"expected a mapping of fields at the top, found {found}"
        raise ContentError([ContentProblem(path, 1, 1, "", message)])
    return raw, text, data, positions


def _validate(
    path: Path,
    model: type[M],
    raw: bytes,
    text: str,
    data: object,
    positions: dict[Path_, Position],
) -> Loaded[M]:
    try:
        validated = model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(problems_from_validation(path, exc, positions, model)) from None
    return Loaded(validated, path, content_hash(raw), text)


def load_file(path: Path, kind: Kind | None = None) -> Loaded[Scenario] | Loaded[Rubric]:
    """Load and validate one YAML file, as the kind given or guessed; raise ContentError."""
    raw, text, data, positions = _read(path)
    if (kind or guess_kind(path, data)) == "rubric":
        return _validate(path, Rubric, raw, text, data, positions)
    return _validate(path, Scenario, raw, text, data, positions)


def load_scenario(path: Path) -> Loaded[Scenario]:
    """Load and validate one scenario file; raise ContentError listing every problem."""
    return _validate(path, Scenario, *_read(path))


def load_rubric(path: Path) -> Loaded[Rubric]:
    """Load and validate one rubric file; raise ContentError listing every problem."""
    return _validate(path, Rubric, *_read(path))
