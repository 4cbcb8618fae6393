"""WebVTT captions exported from Zoom, Teams and similar recordings.

Speakers come from `<v Name>` voice tags (Teams, the WebVTT standard) or from a
`Name: text` cue payload (Zoom). A cue without either continues the previous speaker.
NOTE, STYLE and REGION blocks are skipped; cue identifiers, cue settings and inline tags
are dropped; consecutive cues of one speaker become one turn.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from app.formats.errors import TranscriptFormatError
from app.formats.speakers import RawTurn, merge_runs
from app.formats.text_format import LABELLED

_TIME = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d[.,]\d{3}"
_TIMING = re.compile(rf"^(?P<start>{_TIME})[ \t]+-->[ \t]+(?P<end>{_TIME})(?:[ \t]+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+(?P<name>[^>]+)>")
_TAG = re.compile(r"</?[^>]*>")


def _blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines with the 1-based number of their first line."""
    start, block = 0, list[str]()
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line.rstrip())
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def _segments(payload: str) -> list[tuple[str | None, str]]:
    """(speaker, text) pieces of one cue's payload; speaker None when the cue names nobody."""
    voices = list(_VOICE.finditer(payload))
    if voices:
        pieces = []
        for i, voice in enumerate(voices):
            end = voices[i + 1].start() if i + 1 < len(voices) else len(payload)
            text = _clean(payload[voice.end() : end])
            pieces.append((voice["name"].strip(), text))
        before = _clean(payload[: voices[0].start()])
        return ([(None, before)] if before else []) + pieces
    text = _clean(payload)
    labelled = LABELLED.match(text)
    if labelled:
        return [(labelled["name"], labelled["text"].strip())]
    return [(None, text)]


def _clean(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def read_vtt(source: str) -> list[RawTurn]:
    """Turns of a WebVTT file, or TranscriptFormatError naming the line at fault."""
    lines = source.splitlines()
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0].lstrip("\ufeff")):
        raise TranscriptFormatError("not a WebVTT file: the first line must be 'WEBVTT'", 1)
    turns: list[RawTurn] = []
    for start, block in _blocks(lines[1:]):
        start += 1  # the header line was cut off before numbering
        head = block[0]
        if start == 2 and "-->" not in "".join(block[:2]):
            continue  # header metadata lines (Kind:, Language:) right after WEBVTT
        if re.match(r"^(?:NOTE|STYLE|REGION)(?:[ \t]|$)", head):
            continue
        timing_at = 0 if "-->" in head else 1 if len(block) > 1 and "-->" in block[1] else None
        if timing_at is None:
            raise TranscriptFormatError(
                "cue without a timing line (expected '00:00:01.000 --> 00:00:04.000')", start
            )
        timing = _TIMING.match(block[timing_at].strip())
        if timing is None:
            raise TranscriptFormatError(
                f"malformed cue timing {block[timing_at].strip()!r} "
                "(expected '00:00:01.000 --> 00:00:04.000')",
                start + timing_at,
            )
        if _seconds(timing["end"]) < _seconds(timing["start"]):
            raise TranscriptFormatError("cue ends before it starts", start + timing_at)
        payload = "\n".join(block[timing_at + 1 :])
        for name, text in _segments(payload):
            if not text:
                continue
            if name is None:
                if not turns:
                    raise TranscriptFormatError(
                        "cue names no speaker: use a <v Name> voice tag or 'Name: text'",
                        start,
                    )
                name = turns[-1].name
            turns.append(RawTurn(name, text, start))
    if not turns:
        raise TranscriptFormatError("empty transcript: the WebVTT file has no cues with text")
    return merge_runs(turns)
