"""Word overlap between a coach statement and the rep's last turn, the mark of a reflection."""

from __future__ import annotations

import re
from functools import lru_cache

from app.rubric.lexicon import wordset

_WORD = re.compile(r"[a-z0-9$%][a-z0-9$%.'-]*[a-z0-9%]|[a-z0-9]")

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


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # A crude prefix stem is enough to match "frustrated" with "frustrating" and "budgets"
    # with "budget" without a morphology table.
    word = word.strip(".'-")
    if word.endswith("'s"):
        word = word[:-2]
    return word[:6] if len(word) > 6 else word.rstrip("s") if len(word) > 3 else word


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of a lower-cased text."""
    return frozenset(_stem(w) for w in _WORD.findall(text) if w not in _STOP and len(w) > 1)


def shared_stems(text: str, stems: frozenset[str]) -> set[str]:
    """Content stems of a lower-cased text that also occur in `stems`."""
    if not stems:
        return set()
    return {s for s in (_stem(w) for w in _WORD.findall(text) if w not in _STOP) if s in stems}
