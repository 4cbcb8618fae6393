"""A small English verb lexicon and the morphology the rubric engine needs (gerunds).

Next-step detection needs to know which verbs name a concrete action, and feedback
rewrites need "call the CFO" turned into "calling the CFO". A curated list keeps both
predictable; unknown words fall back to regular spelling rules.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a string as a set: how word lists are written."""
    return frozenset(text.split())


# Verbs that name something a rep can go and do this week.
ACTION_VERBS = word_set(
    "arrange ask book bring build call check confirm connect contact draft email "
    "e-mail escalate find flag follow get go introduce invite loop map meet message "
    "move offer phone ping pitch prep prepare present propose pull push put raise "
    "reach reconnect reply request reschedule respond review ring run schedule send "
    "set share sit speak take talk tell text thank update walk write"
)

# Verbs that reach a person: their objects are people, which changes the rewrite.
CONTACT_VERBS = word_set(
    "call phone ring email e-mail text message ping contact reach talk speak meet reconnect"
)

# Common base-form verbs, beyond the action verbs, that open an imperative or an advice
# clause ("Lead with ROI", "Stop discounting").
COMMON_VERBS = ACTION_VERBS | word_set(
    "add agree align anchor avoid be become begin chase clarify close commit consider "
    "cut dig do drop focus frame give hand handle hold keep lead learn leave let "
    "listen look make mention negotiate open own pause plan play position practise "
    "practice prioritise prioritize probe qualify quote read reframe remind repeat "
    "show slow start stay stop structure suggest summarise summarize sync think try "
    "use wait work"
)

# Consonant-doubling verbs (stress on the last syllable); listing them avoids "visitting".
_DOUBLE = word_set(
    "admit bet beg chat commit cut dig drop flag get grab hit jot let log map nag "
    "omit permit pin plan plug prep put refer regret run scan set ship shop shut sit "
    "skip stop submit swap tag tap trim wrap"
)
_IRREGULAR = {"be": "being", "see": "seeing", "agree": "agreeing", "free": "freeing"}


def gerund(verb: str) -> str:
    """The -ing form of a base-form verb: call → calling, set → setting, tie → tying."""
    lower = verb.lower()
    if lower.endswith("ing") and len(lower) > 5:
        return verb
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower in _DOUBLE:
        return verb + verb[-1] + "ing"
    if lower.endswith("ie"):
        return verb[:-2] + "ying"
    if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")) and len(lower) > 2:
        return verb[:-1] + "ing"
    return verb + "ing"


def base_of_gerund(word: str) -> str | None:
    """The base form of an -ing word when it is one of the known verbs, else None."""
    lower = word.lower()
    if not lower.endswith("ing") or len(lower) < 5:
        return None
    stem = lower[:-3]
    for candidate in (stem, stem + "e", stem[:-1], stem[:-1] + "ie" if stem.endswith("y") else ""):
        if candidate and candidate in COMMON_VERBS and gerund(candidate) == lower:
            return candidate
    return None
