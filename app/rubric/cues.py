"""Find the first match of several cue families in one pass over a unit's words.

A cue family (see `lexicon.family`) is a regex of alternatives that each match from the
start of a word. Searching one with `re` tests every alternative after every space, and
the tagger searches several per unit. `CueIndex` instead splits each family into its
alternatives once, at import, works out the first words each alternative can begin with,
and at search time tests only the alternatives keyed by the words actually present.

The analysis is conservative: an alternative whose first word cannot be enumerated is
searched the ordinary way. The result is the same as searching each family's regex (the
tests compare the two on the labelled utterances); only the speed differs.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

# The standard library's regex parser, used once at import to read each alternative's
# first words. Its module is private (and has no type stubs), hence the dynamic import;
# if it ever changes, `first_words` returns None and alternatives are simply searched.
sre_parse: Any = importlib.import_module("re._parser")
sre_c: Any = importlib.import_module("re._constants")

_Entry = tuple[int, int, "_Lazy"]  # (family number, alternative order, pattern)
# A path through an alternative's start: the words read so far ("you", "you should") and
# whether the key is complete (two words read, or the first word ended at a boundary).
_Paths = frozenset[tuple[str, bool]]
_LIMIT = 800
_EDGE = '.,;:!?"()[]'
KEY_PREFIX = 3  # letters of the second word that go into a two-word key


def split_alternatives(source: str) -> list[str]:
    """Top-level `|` alternatives of a regex source (escapes, groups, classes respected)."""
    parts: list[str] = []
    depth = start = i = 0
    in_class = False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _is_space(items: Sequence[Any]) -> bool:
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is sre_c.LITERAL:
        return bool(av == ord(" "))
    return op is sre_c.IN and all(o is sre_c.CATEGORY and a is sre_c.CATEGORY_SPACE for o, a in av)


def _space(paths: _Paths, words: int) -> _Paths:
    """Read a space: a word ends; once `words` words are read, the key is complete."""
    out: set[tuple[str, bool]] = set()
    for text, done in paths:
        if done:
            out.add((text, done))
        elif not text or text.endswith(" "):
            raise ValueError("space before a word")
        else:
            out.add((text, True) if text.count(" ") + 1 >= words else (text + " ", False))
    return frozenset(out)


def _walk(items: Sequence[Any], paths: _Paths, words: int) -> _Paths | None:
    """Keys (first word, or first two words) after matching `items`; None if unknown."""
    for index, (op, av) in enumerate(items):
        if all(done for _, done in paths):
            return paths
        done = {p for p in paths if p[1]}
        open_ = {p for p, finished in paths if not finished}
        rest = list(items[index + 1 :])
        if op is sre_c.LITERAL:
            ch = chr(av)
            if ch.isalnum() or ch in "'-":
                paths = frozenset(done | {(p + ch, False) for p in open_})
            elif ch == " ":
                try:
                    paths = _space(paths, words)
                except ValueError:
                    return None
            elif "" in open_ or any(p.endswith(" ") for p in open_):
                return None
            else:  # punctuation ends the key where it is
                paths = frozenset(done | {(p, True) for p in open_})
        elif op is sre_c.AT:
            if av not in (sre_c.AT_BOUNDARY, sre_c.AT_END, sre_c.AT_END_STRING):
                return None
            if "" in open_ or any(p.endswith(" ") for p in open_):
                return None
            paths = frozenset(done | {(p, True) for p in open_})
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue
        elif op is sre_c.IN:
            if not _is_space([(op, av)]):
                return None
            try:
                paths = _space(paths, words)
            except ValueError:
                return None
        elif op is sre_c.SUBPATTERN:
            return _walk(list(av[3]) + rest, paths, words)
        elif op is sre_c.BRANCH:
            out: set[tuple[str, bool]] = set()
            for branch in av[1]:
                found = _walk(list(branch) + rest, paths, words)
                if found is None or len(out | found) > _LIMIT:
                    return None
                out |= found
            return frozenset(out)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
            low, high, sub = av
            if _is_space(list(sub)):
                # The text is single-spaced: `\s+` reads one space, `\s*` one or none.
                try:
                    spaced = _walk(rest, _space(paths, words), words)
                except ValueError:
                    return None
                skipped = _walk(rest, paths, words) if low == 0 else frozenset()
                if spaced is None or skipped is None:
                    return None
                return spaced | skipped
            if high > 1:
                # Further repeats only start once the key is complete.
                first = _walk(list(sub), frozenset((p, False) for p in open_), words)
                if first is None or not all(finished for _, finished in first):
                    return None
            found = _walk(list(sub) + rest, paths, words)
            if found is None:
                return None
            out = set(found)
            if low == 0:
                skipped = _walk(rest, paths, words)
                if skipped is None:
                    return None
                out |= skipped
            return frozenset(out) if len(out) <= _LIMIT else None
        else:
            return None
        if len(paths) > _LIMIT:
            return None
    return paths


def first_words(alternative: str, flags: int = re.VERBOSE) -> frozenset[str] | None:
    """Every key an alternative can start with: its first word and the first letters of
    its second ("you sho") where those are fixed, else its first word ("you"); None if
    even that is unknown."""
    try:
        items = list(sre_parse.parse(alternative, flags))
    except Exception:  # any parser trouble just means "search it instead"
        return None
    # A leading lookbehind (the family's start-of-unit anchor) matches no characters.
    while items and items[0][0] in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        items = items[1:]
    for words in (2, 1):
        found = _walk(items, frozenset({("", False)}), words)
        if found is None:
            continue
        keys = set()
        for text, finished in found:
            first, _, second = text.partition(" ")
            if not first:
                break
            if second and (finished or len(second) >= KEY_PREFIX):
                # A second word is keyed by its first letters: "you mean" also matches
                # "you meant", so the key must not depend on how the word ends.
                keys.add(f"{first} {second[:KEY_PREFIX]}")
            elif finished or text.endswith(" "):
                keys.add(first)
            else:
                break  # the alternative may end inside a longer word
        else:
            return frozenset(keys)
    return None


class _Lazy:
    """An alternative compiled on first use: most never come up, and compiling all of them
    would add a noticeable share to the command line's start-up."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled.match(text, pos)


class CueIndex:
    """Several cue families, each searched as if by `family.search(" " + text)`."""

    def __init__(self, families: Mapping[str, re.Pattern[str]]) -> None:
        self.names = tuple(families)
        self._by_word: dict[str, list[_Entry]] = {}
        self._slow: list[tuple[int, int, re.Pattern[str]]] = []
        for number, family in enumerate(families.values()):
            source = family.pattern
            if not source.startswith(r"\ (?:") or not source.endswith(")"):
                raise ValueError(f"not a cue family: {source[:40]!r}")
            for order, alternative in enumerate(split_alternatives(source[5:-1])):
                pattern = rf"\ (?:{alternative})"
                words = first_words(alternative, family.flags)
                if words is None:
                    self._slow.append((number, order, re.compile(pattern, family.flags)))
                    continue
                lazy = _Lazy(pattern, family.flags)
                for word in words:
                    self._by_word.setdefault(word, []).append((number, order, lazy))

    def scan(self, text: str) -> dict[str, re.Match[str] | None]:
        """The first match of every family in " " + text (text normalised, single-spaced)."""
        padded = " " + text
        found: list[re.Match[str] | None] = [None] * len(self.names)
        orders = [0] * len(self.names)
        by_word = self._by_word
        tokens = text.split(" ")
        words = [token.strip(_EDGE) for token in tokens]
        words.append("")
        pos = 0
        for i, token in enumerate(tokens):
            word = words[i]
            keys: tuple[str, ...] = (word, f"{word} {words[i + 1][:KEY_PREFIX]}")
            if "'" in word:
                keys = (*keys, word.split("'", 1)[0])
            if "-" in word:
                keys = (*keys, word.split("-", 1)[0])
            for key in keys:
                for number, order, compiled in by_word.get(key, ()):
                    best = found[number]
                    if best is not None and (best.start() < pos or orders[number] < order):
                        continue
                    m = compiled.match(padded, pos)
                    if m is not None:
                        found[number], orders[number] = m, order
            pos += len(token) + 1
        for number, order, pattern in self._slow:
            best = found[number]
            if best is not None and best.start() == 0 and orders[number] < order:
                continue
            m = pattern.search(padded)
            if m is not None and (
                best is None
                or m.start() < best.start()
                or (m.start() == best.start() and order < orders[number])
            ):
                found[number], orders[number] = m, order
        return dict(zip(self.names, found, strict=True))
