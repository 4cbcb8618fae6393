"""Plain-text transcripts: one `Name: text` line per turn.

A line without a `Name:` label continues the turn above it (wrapped paragraphs, pasted
chat). A leading timestamp such as `[00:01:02]` or `10:32` before the name is dropped.
Every `Name:` line starts a turn, so a third label anywhere (even "PS:") is a third
speaker and needs a mapping.
"""

from __future__ import annotations

import re

from app.formats.errors import TranscriptFormatError
from app.formats.speakers import RawTurn

_STAMP = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?\s*(?:[-\u2013|]\s*)?)?"
# A name is letters (and spaces, dots, apostrophes, hyphens), at most four words.
LABELLED = re.compile(
    r"^\s*" + _STAMP + r"(?P<name>[^\W\d_][^\W\d_.'\-]*(?:[ .'\-]{1,2}[^\W\d_]+){0,3}\.?)"
    r"\s*(?:[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])])?\s*:\s*(?P<text>.*)$"
)


def read_text(source: str) -> list[RawTurn]:
    """Turns of a `Name: text` transcript, continuation lines joined to their turn."""
    turns: list[RawTurn] = []
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            continue
        match = LABELLED.match(line)
        if match:
            turns.append(RawTurn(match["name"], match["text"].strip(), number))
            continue
        if not turns:
            raise TranscriptFormatError(
                "text before the first 'Name: text' line; every turn starts with the "
                "speaker's name and a colon",
                number,
            )
        last = turns[-1]
        turns[-1] = RawTurn(last.name, f"{last.text} {line.strip()}".strip(), last.line)
    turns = [t for t in turns if t.text]
    if not turns:
        raise TranscriptFormatError("empty transcript: no 'Name: text' lines with any text")
    return turns
