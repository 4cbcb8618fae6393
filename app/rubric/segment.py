"""Split a coach turn into units: sentences, and clauses where a turn runs two acts together.

Spoken and typed coaching rarely has tidy punctuation, so the splitter keeps abbreviations
("e.g.", "Mr.", "a.m."), numbers ("$1.5M", "3.5%") and trailing ellipses inside a unit, and
splits comma splices that start a fresh question ("You're stuck, what would help?").
"""

from __future__ import annotations

import re

from app.rubric.speedups import native

# Words that end with a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    {
        "e.g", "i.e", "eg", "ie", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "sr",
        "jr", "inc", "ltd", "co", "corp", "approx", "dept", "est", "fig", "no", "a.m", "p.m",
        "u.s", "u.k", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "min", "max", "avg", "cf",
    }
)  # fmt: skip

# A candidate boundary: terminal punctuation (possibly repeated, possibly closed by a
# quote or bracket) followed by whitespace; or a clause separator.
# Every alternative starts with a punctuation mark, so the regex engine can skip ahead to
# the next one instead of trying each character. Spaces before the mark are stripped later.
_BOUNDARY = re.compile(
    r"""(?P<term>[.!?…]+["'”’)\]]*)\s+
      | [;:]\s+(?=[A-Za-z])
      | (?P<dash>-{1,2})\s+
      | [–—]\s*(?=[A-Za-z])
    """,
    re.VERBOSE,
)

# A comma splice that starts a new question or invitation: split before it.
_SPLICE = re.compile(
    r",\s+(?=(?:so\s+|and\s+|but\s+)?(?:"
    r"(?:what|how|why|when|where)\s+(?:do|does|did|is|are|was|were|would|could|"
    r"can|will|should|has|have|else|happened|made|makes|might)\b"
    r"|(?:do|did|does|are|is|was|were|can|could|would|have|has)\s+"
    r"(?:you|they|we|he|she|it|that|there)\b(?!\s*\?)"
    r"|tell\s+me\b|walk\s+me\b|talk\s+me\b|help\s+me\s+understand\b"
    r"))",
    re.IGNORECASE,
)

# A sentence that opens with a subordinate clause ("If you could build anything, what would
# it be?") is one question: the clause before the comma is not a unit of its own.
_SUBORDINATE = re.compile(
    r"(?:\W*(?:and|so|but|okay|ok|well)\b,?\s*)*(?:if|when|whenever|since|because|as|once|after|"
    r"before|while|given|although|though|unless|until|now\s+that|say|suppose|imagine)\b"
    # ... but "when did it start, was it sudden?" asks two questions.
    r"(?!\s+(?:do|does|did|is|are|was|were|will|would|can|could|has|have|had|should)\b)",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.'’]*)$")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _ends_with_abbreviation(chunk: str) -> bool:
    parts = chunk.rsplit(None, 1)
    if not parts:
        return False
    match = _LAST_WORD.search(parts[-1])
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    # Single letters are initials ("J. Smith", "the U. of M.").
    return word in _ABBREVIATIONS or len(word) == 1


def _may_have_boundary(text: str) -> bool:
    # What any boundary in single-spaced text contains: a mark then a space (a closing
    # quote or bracket may come between), or a dash. Most turns have none, and substring
    # tests find that out much faster than a search with the boundary pattern.
    return (
        ". " in text
        or "? " in text
        or "! " in text
        or "; " in text
        or ": " in text
        or " -" in text
        or not text.isascii()  # "…", "–", "—", curly quotes
        or '" ' in text
        or "' " in text
        or ") " in text
        or "] " in text
    )


def _has_words(text: str) -> bool:
    return text[:1].isalnum() or _WORDS.search(text) is not None


def single_spaced(text: str) -> str:
    """The text with tabs, newlines and runs of spaces as single spaces, trimmed."""
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text  # the usual case, found without splitting


def split_units(text: str) -> list[str]:
    """Split a turn into unit texts, in order; whitespace-only input gives no units."""
    if splitter is not None:
        return splitter.split(text)
    return split_units_in_python(text)


def split_units_in_python(text: str) -> list[str]:
    """`split_units` as defined here, even where the speed-ups split in C."""
    text = single_spaced(text)
    if not text:
        return []
    if not _may_have_boundary(text):
        if "," in text:
            return [u for u in (u.strip() for u in _split_splices(text)) if _has_words(u)]
        return [text] if _has_words(text) else []
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        term = match.group("term")
        if match.group("dash") is not None and text[match.start() - 1 : match.start()] != " ":
            continue  # a hyphenated word ("follow-up"), not a spaced dash
        if term is not None:
            head = text[start : match.start()]
            nxt = text[end : end + 1]
            if term[-1] in "\"'”’" and nxt.islower():
                # A quoted question inside a sentence: 'Try asking "why now?" before...'
                continue
            if term.startswith(".") and not term.startswith(".."):
                if _ends_with_abbreviation(head):
                    continue
            elif term.startswith(("...", "…")) and nxt.islower():
                # A trailing-off pause inside a sentence ("So... you're saying").
                continue
            pieces.append(text[start : match.start() + len(term)])
        else:
            pieces.append(text[start : match.start()])
        start = end
    pieces.append(text[start:])

    units: list[str] = []
    for piece in pieces:
        units.extend(_split_splices(piece))
    return [u for u in (u.strip() for u in units) if _has_words(u)]


def _split_splices(piece: str) -> list[str]:
    if "," not in piece:
        return [piece]
    out: list[str] = []
    start = 0
    for match in _SPLICE.finditer(piece):
        head = piece[start : match.start()]
        # Keep short lead-ins ("Okay, what happened?") with what follows: the tagger
        # strips them, and a one-word unit would only add noise.
        if len(_WORDS.findall(head)) < 3 or (not start and _SUBORDINATE.match(head)):
            continue
        out.append(head)
        start = match.end()
    out.append(piece[start:])
    return out


# Where the speed-ups are built, turns with no sentence boundary are split in C (most turns
# are), with the same units; the rest come back to `split_units_in_python`.
splitter = (
    None
    if native is None
    else native.Splitter(_SPLICE.finditer, _SUBORDINATE.match, split_units_in_python)
)
