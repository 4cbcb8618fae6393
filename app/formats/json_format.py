"""Coachsim's own JSON transcript: `{"turns": [{"speaker": ..., "text": ...}, ...]}`.

Speakers are `coach` (or `manager`) and `rep`, or people's names for every turn (then
mapped like a text transcript). A turn may carry `name`, and a rep turn the director's
`decision`. The top level may carry `id`, `scenario_id`, `coach_name` and `rep_name`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.domain.decision import Decision
from app.formats.errors import TranscriptFormatError
from app.formats.speakers import RawTurn


@dataclass(frozen=True, slots=True)
class JsonTranscript:
    """What a JSON transcript holds before speakers are mapped to roles."""

    turns: list[RawTurn]
    names: dict[int, str]
    decisions: dict[int, Decision]
    id: str | None
    scenario_id: str | None
    coach_name: str | None
    rep_name: str | None


def load_json(source: str) -> Any:
    """Parse JSON text, or raise naming the line and the problem."""
    try:
        return json.loads(source)
    except json.JSONDecodeError as exc:
        raise TranscriptFormatError(
            f"malformed JSON: {exc.msg} (column {exc.colno})", exc.lineno
        ) from None


def _optional_str(data: dict[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and key == "id":
        return str(value)
    if not isinstance(value, str):
        raise TranscriptFormatError(f"{where}{key!r} must be a string")
    return value


def read_json_object(data: Any) -> JsonTranscript:
    """Read an already-parsed transcript object (one file, or one JSONL line)."""
    if isinstance(data, list):
        data = {"turns": data}
    if not isinstance(data, dict):
        raise TranscriptFormatError(f'expected an object with "turns", found {type(data).__name__}')
    turns_data = data.get("turns")
    if turns_data is None:
        raise TranscriptFormatError('missing "turns": expected {"turns": [{"speaker", "text"}]}')
    if not isinstance(turns_data, list):
        raise TranscriptFormatError('"turns" must be a list of {"speaker", "text"} objects')
    if not turns_data:
        raise TranscriptFormatError('empty transcript: "turns" is an empty list')
    turns: list[RawTurn] = []
    names: dict[int, str] = {}
    decisions: dict[int, Decision] = {}
    for number, item in enumerate(turns_data, start=1):
        where = f"turn {number}: "
        if not isinstance(item, dict):
            raise TranscriptFormatError(f'{where}expected an object with "speaker" and "text"')
        speaker, text = item.get("speaker"), item.get("text")
        if not isinstance(speaker, str) or not speaker.strip():
            raise TranscriptFormatError(f'{where}"speaker" must be a non-empty string')
        if not isinstance(text, str):
            raise TranscriptFormatError(f'{where}"text" must be a string')
        if not text.strip():
            raise TranscriptFormatError(f"{where}the text is empty")
        name = _optional_str(item, "name", where)
        if name:
            names[number] = name
        if item.get("decision") is not None:
            try:
                decisions[number] = Decision.model_validate(item["decision"])
            except ValidationError as exc:
                first = exc.errors(include_url=False)[0]
                field = ".".join(str(p) for p in first["loc"]) or "decision"
                raise TranscriptFormatError(
                    f'{where}invalid "decision": {field}: {first["msg"]}'
                ) from None
        turns.append(RawTurn(speaker.strip(), " ".join(text.split())))
    return JsonTranscript(
        turns=turns,
        names=names,
        decisions=decisions,
        id=_optional_str(data, "id", ""),
        scenario_id=_optional_str(data, "scenario_id", ""),
        coach_name=_optional_str(data, "coach_name", ""),
        rep_name=_optional_str(data, "rep_name", ""),
    )
