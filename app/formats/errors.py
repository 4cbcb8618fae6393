"""The one error every transcript reader raises, with the line number when there is one."""

from __future__ import annotations


class TranscriptFormatError(ValueError):
    """A transcript could not be read; the message names the problem and where it is."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line is not None else message)
        self.message = message
        self.line = line
