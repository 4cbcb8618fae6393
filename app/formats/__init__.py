"""Transcript readers: Coachsim JSON, `Name: text` plain text, and WebVTT from Zoom or Teams.

Every reader ends in the same place: a `Transcript` of coach and rep turns, a note saying
how the speakers were mapped to roles, and a `TranscriptFormatError` naming the problem
(and its line) for anything it cannot read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from app.domain.acts import Speaker
from app.domain.decision import Decision
from app.domain.transcript import Transcript, Turn
from app.formats.errors import TranscriptFormatError
from app.formats.json_format import JsonTranscript, load_json, read_json_object
from app.formats.speakers import RawTurn, assign_roles, merge_runs, role_of
from app.formats.text_format import read_text
from app.formats.vtt import read_vtt

Format = Literal["json", "text", "vtt"]
FORMATS: tuple[Format, ...] = ("json", "text", "vtt")
_SUFFIXES: dict[str, Format] = {
    ".json": "json",
    ".vtt": "vtt",
    ".webvtt": "vtt",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".log": "text",
}

__all__ = [
    "FORMATS",
    "Format",
    "ReadTranscript",
    "TranscriptFormatError",
    "detect_format",
    "parse_transcript",
    "read_transcript",
    "transcript_from_object",
]


@dataclass(frozen=True, slots=True)
class ReadTranscript:
    """A transcript as read: the turns, its format, how speakers were mapped, its id."""

    transcript: Transcript
    format: Format
    speakers: str
    id: str | None = None

    @property
    def decisions(self) -> dict[int, Decision]:
        """The director's logged decisions by 1-based turn index (empty when not logged)."""
        return {
            i: t.decision
            for i, t in enumerate(self.transcript.turns, start=1)
            if t.decision is not None
        }


def detect_format(text: str, path: Path | None = None) -> Format:
    """The format of a transcript, from its file suffix or else from its first characters."""
    if path is not None and path.suffix.lower() in _SUFFIXES:
        return _SUFFIXES[path.suffix.lower()]
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("WEBVTT"):
        return "vtt"
    if head.startswith(("{", "[")):
        return "json"
    return "text"


def _build(
    raw: list[RawTurn],
    fmt: Format,
    coach_name: str | None,
    *,
    names: dict[int, str] | None = None,
    decisions: dict[int, Decision] | None = None,
    scenario_id: str | None = None,
    transcript_id: str | None = None,
) -> ReadTranscript:
    roles = assign_roles(raw, coach_name)
    names = names or {}
    decisions = decisions or {}
    turns = []
    for number, item in enumerate(raw, start=1):
        speaker = role_of(roles, item.name)
        decision = decisions.get(number)
        if decision is not None and speaker is not Speaker.REP:
            raise TranscriptFormatError(
                f"turn {number}: a director's decision belongs on a rep turn"
            )
        label = names.get(number) or (
            None if item.name.casefold() in ("coach", "manager", "rep") else item.name
        )
        turns.append(Turn(speaker=speaker, text=item.text, name=label, decision=decision))
    if not any(t.speaker is Speaker.COACH for t in turns):
        raise TranscriptFormatError("no coach turns to score")
    transcript = Transcript(
        turns=turns,
        coach_name=roles.coach_name,
        rep_name=roles.rep_name,
        scenario_id=scenario_id,
    )
    return ReadTranscript(transcript, fmt, roles.note, transcript_id)


def transcript_from_object(data: Any, coach_name: str | None = None) -> ReadTranscript:
    """A transcript from parsed JSON (a file's content or one JSONL line)."""
    parsed: JsonTranscript = read_json_object(data)
    speakers = {t.name.casefold() for t in parsed.turns}
    if coach_name is None and parsed.coach_name and parsed.coach_name.casefold() in speakers:
        coach_name = parsed.coach_name  # the file names its own coach
    read = _build(
        parsed.turns,
        "json",
        coach_name,
        names=parsed.names,
        decisions=parsed.decisions,
        scenario_id=parsed.scenario_id,
        transcript_id=parsed.id,
    )
    if parsed.coach_name or parsed.rep_name:
        transcript = read.transcript.model_copy(
            update={
                "coach_name": parsed.coach_name or read.transcript.coach_name,
                "rep_name": parsed.rep_name or read.transcript.rep_name,
            }
        )
        read = ReadTranscript(transcript, read.format, read.speakers, read.id)
    return read


def parse_transcript(
    text: str, fmt: Format | None = None, coach_name: str | None = None
) -> ReadTranscript:
    """Read a transcript from text in the given (or detected) format."""
    fmt = fmt or detect_format(text)
    if not text.strip():
        raise TranscriptFormatError("empty transcript: the input is empty")
    if fmt == "json":
        return transcript_from_object(load_json(text), coach_name)
    raw = read_vtt(text) if fmt == "vtt" else merge_runs(read_text(text))
    return _build(raw, fmt, coach_name)


def read_transcript(
    path: Path, fmt: Format | None = None, coach_name: str | None = None
) -> ReadTranscript:
    """Read a transcript file; the format comes from `fmt`, the suffix, or the content.

    Error messages leave out the path: callers put it in front.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TranscriptFormatError("no such file") from None
    except IsADirectoryError:
        raise TranscriptFormatError("a folder, not a transcript file") from None
    except OSError as exc:
        raise TranscriptFormatError(f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TranscriptFormatError(f"not UTF-8 text (byte {exc.start})") from None
    return parse_transcript(text, fmt or detect_format(text, path), coach_name)
