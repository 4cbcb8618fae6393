"""Cut streamed text into finished sentences, so each can be checked before it is shown."""

from __future__ import annotations

import re

# A sentence ends at terminal punctuation (with any closing quote or bracket) followed by
# whitespace or by the end of what has arrived, or at a line break. Models send the space
# after a full stop with the next token, so waiting for it would cost a token's time.
# Splitting early ("Mr. Osei", "3.5") only releases text sooner: the shown text is the
# same, and checks always run on everything so far.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\s+|$)|\n+")
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
