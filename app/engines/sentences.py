"""Cut streamed text into finished sentences, so each can be checked before it is shown."""

from __future__ import annotations

import re

# A sentence ends at terminal punctuation (with any closing quote or bracket) followed by
# whitespace, or at a line break. Splitting early ("Mr. Osei") only releases text sooner.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+|\n+")
_FINISHED = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


class SentenceGate:
    """Buffers streamed text and hands it back one finished sentence at a time."""

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, text: str) -> list[str]:
        """Add streamed text; return the sentences it finished, trailing whitespace kept."""
        self._pending += text
        sentences: list[str] = []
        while match := _BOUNDARY.search(self._pending):
            sentences.append(self._pending[: match.end()])
            self._pending = self._pending[match.end() :]
        return sentences

    def flush(self) -> str:
        """What is left when the stream ends (possibly an unfinished sentence)."""
        rest, self._pending = self._pending, ""
        return rest


def is_finished(sentence: str) -> bool:
    """Whether the text ends like a finished sentence."""
    return bool(_FINISHED.search(sentence))
