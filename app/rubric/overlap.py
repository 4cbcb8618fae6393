"""Words and their stems, for the overlap between a coach unit and the rep's last turn."""

from __future__ import annotations

from collections.abc import Callable

from app.rubric.lexicon import wordset
from app.rubric.speedups import native

# Function words, pronouns, fillers and verbs too common to show that words were given back.
_STOP = wordset(
    "a about above after again against all also am an and any anyone anything are aren't "
    "around as at away back be because been before being below between both but by can "
    "can't cannot could couldn't did didn't do does doesn't doing don't done down during "
    "each else even ever every few for from further get gets getting go goes going gone got "
    "gotten had hadn't has hasn't have haven't having he he's her here here's hers herself "
    "him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself "
    "just kind know let let's like lot make me might more most much must my myself need no "
    "nor not now of off oh ok okay on once one only or other ought our ours ourselves out "
    "over own pretty quite really right same say said says see seem seems she she'd she'll "
    "she's should shouldn't so some something sort still such sure than that that's the "
    "their theirs them themselves then there there's these they they'd they'll they're "
    "they've thing things think this those though through to too um uh under until up upon "
    "us very was wasn't way we we'd we'll we're we've well were weren't what what's when "
    "when's where where's whether which while who who's whom why why's will with won't "
    "would wouldn't yeah yes yet you you'd you'll you're you've your yours yourself "
    "yourselves actually basically maybe probably sounds sound feel feeling felt mean want "
    "wanted tell told mm hmm like"
)


def _stem(word: str) -> str:
    # A crude prefix stem is enough to match "frustrated" with "frustrating" and "budgets"
    # with "budget" without a morphology table.
    word = word.strip(".'-")
    if word.endswith("'s"):
        word = word[:-2]
    return word[:6] if len(word) > 6 else word.rstrip("s") if len(word) > 3 else word


_EDGES = ".,!?;:\"'()[]{}…-–—*/"


def tokens_in_python(text: str) -> list[str]:
    """The words of a normalised text, punctuation trimmed off their edges."""
    words = [t.strip(_EDGES) for t in text.split()]
    return [w for w in words if w] if "" in words else words


# The same words, split in C where the speed-ups are built.
tokens: Callable[[str], list[str]] = tokens_in_python if native is None else native.tokens


# Each word's stem ("" for function words), kept as words are met: a dictionary of the
# language's words, not of texts, so it stays small; it is emptied if it ever grows large.
# The C cue reader (_cue_reader.c) reads it too.
STEM_CACHE: dict[str, str] = {}
_STEM_LIMIT = 200_000


def stems_of(words: list[str]) -> set[str]:
    """Stems of the content words among already tokenised, lower-cased words."""
    known = STEM_CACHE
    if native is not None and type(words) is list:
        stems = native.known_stems(words, known)
        if stems is not None:
            return stems
    found = set(map(known.get, words))
    if None in found:
        if len(known) > _STEM_LIMIT:
            known.clear()
        for w in words:
            if w not in known:
                known[w] = "" if w in _STOP or len(w) < 2 else _stem(w)
        found = set(map(known.get, words))
    found.discard("")
    return found  # type: ignore[return-value]
