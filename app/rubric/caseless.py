"""Case-insensitive patterns that run fast on ASCII text.

Python's regex engine cannot skip ahead through a text for a case-insensitive pattern, nor
for one that opens with `\\b`: it tries every alternative at every position. Feedback
rewrites search a few such patterns over every unit they rewrite, so each pattern here is
compiled twice: as written, case-insensitive, for any text; and case-sensitive for the
lower-cased copy of an ASCII text, with each alternative's first letter read before the
word-boundary test, so the engine jumps straight to the letters a match can start with.
Lower-casing ASCII keeps every position, so a match on the copy has the same spans as a
match on the original would have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple


class Found(NamedTuple):
    """Where a match starts and ends, and the group named "a" as written in the text."""

    start: int
    end: int
    a: str


def split_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern at its outermost level."""
    parts: list[str] = []
    depth = start = 0
    i = 0
    in_class = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def group_end(pattern: str, open_at: int) -> int:
    """The index of the parenthesis closing the group opened at `open_at`."""
    depth = 0
    i = open_at
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _letter_first(alternative: str, before: str = r"\w") -> str | None:
    """'you ...' → 'y(?<!\\w.)ou ...': the boundary test moves after the first letter.

    The test is that the character before the letter is not in `before` (a word
    boundary, for letters, by default).
    """
    if alternative.startswith("^"):
        # At the very start a boundary before a letter always holds.
        rest = _letter_first(alternative[1:], before)
        return None if rest is None else rest[0] + r"(?<=\A.)" + alternative[2:]
    first, after = alternative[:1], alternative[1:2]
    if not ("a" <= first <= "z") or after in ("?", "*", "+", "{"):
        return None
    return first + f"(?<!{before}.)" + alternative[1:]


def word_start(alternatives: Iterable[str], before: str) -> str:
    """Alternatives that must not follow a character in `before`, each led by its letter.

    Equivalent to `(?<!before)(?:alternatives)`, but the regex engine can skip ahead to
    the letters the alternatives start with. Each alternative must open with a plain
    lower-case letter.
    """
    led = []
    for alternative in alternatives:
        rewritten = _letter_first(alternative, before)
        if rewritten is None:
            raise ValueError(f"{alternative!r} does not open with a plain letter")
        led.append(rewritten)
    return "(?:" + "|".join(led) + ")"


def letter_first(pattern: str) -> str:
    """A `\\b`-led pattern rewritten so its alternatives open with a plain letter.

    Patterns of another shape come back unchanged (still correct, only not faster).
    """
    if not pattern.startswith(r"\b"):
        return pattern
    body = pattern[2:]
    if body.startswith("(?:"):
        end = group_end(body, 0)
        if body[end + 1 : end + 2] in ("?", "*", "+", "{"):
            return pattern
        alternatives = [_letter_first(a) for a in split_alternatives(body[3:end])]
        if any(a is None for a in alternatives):
            return pattern
        return "(?:" + "|".join(a for a in alternatives if a) + ")" + body[end + 1 :]
    rewritten = _letter_first(body)
    return pattern if rewritten is None else rewritten


def _after(pattern: str, letter: str) -> str | None:
    """What must follow `letter` for `pattern` to match from it (None: it cannot start so).

    Only patterns that open with a letter, or with a group of alternatives that do, are
    understood; anything else raises ValueError.
    """
    if pattern[:1].isalpha() and pattern[1:2] not in ("?", "*", "+", "{"):
        return pattern[1:] if pattern[0] == letter else None
    if pattern.startswith("(?:"):
        end = group_end(pattern, 0)
        if pattern[end + 1 : end + 2] not in ("?", "*", "+", "{"):
            inner = [_after(a, letter) for a in split_alternatives(pattern[3:end])]
            kept = [a for a in inner if a is not None]
            return "(?:" + "|".join(kept) + ")" + pattern[end + 1 :] if kept else None
    raise ValueError(f"{pattern!r} does not open with a letter")


def letter_led(alternatives: Sequence[str]) -> str:
    """The alternatives regrouped by first letter: `(?:a(?:...)|b(?:...)|...)`.

    At any position the same alternative matches as in `(?:alternatives)`: only those
    that can start with the letter there are tried, in their order. But the regex engine
    now rejects a position with one test of its letter instead of one per alternative.
    """
    groups = []
    for letter in "abcdefghijklmnopqrstuvwxyz":
        rests = [r for r in (_after(a, letter) for a in alternatives) if r is not None]
        if rests:
            groups.append(letter + "(?:" + "|".join(rests) + ")")
    return "(?:" + "|".join(groups) + ")"


class Caseless:
    """A case-insensitive pattern, with a faster twin for lower-cased ASCII text."""

    __slots__ = ("ascii", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern, re.IGNORECASE)
        self.ascii = re.compile(letter_first(pattern))

    def search(self, text: str, lower: str | None = None) -> Found | None:
        """The first match in `text` (`lower`: its lower-cased copy, when already made)."""
        if text.isascii():
            found = self.ascii.search(text.lower() if lower is None else lower)
        else:
            found = self.pattern.search(text)
        return None if found is None else _found(text, found)

    def finditer(self, text: str) -> Iterator[Found]:
        """Every match in `text`, in order."""
        matches = (
            self.ascii.finditer(text.lower()) if text.isascii() else self.pattern.finditer(text)
        )
        for found in matches:
            yield _found(text, found)


def _found(text: str, found: re.Match[str]) -> Found:
    a = text[found.start("a") : found.end("a")] if "a" in found.re.groupindex else ""
    return Found(found.start(), found.end(), a)
