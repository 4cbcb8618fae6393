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

# Common base-form verbs, beyond the action verbs, that open an imperative or an advice
# clause ("Lead with ROI", "Stop discounting", "Keep a notebook by the bed").
COMMON_VERBS = ACTION_VERBS | word_set(
    "accept add address admit agree align allow anchor answer apologise apologize apply "
    "approach attend avoid be become begin believe block borrow break bring budget buy "
    "calm cancel celebrate challenge change chase choose clarify clean close coach "
    "collect come commit compare complain consider continue convince cover create cut "
    "decide delay delegate deliver describe design dig discuss do double drink drive "
    "drop eat encourage end enjoy ensure escalate exercise expect explain explore "
    "fight figure fill finish fix focus forget forward frame give hand handle hang hear "
    "help hire hold hope identify ignore imagine improve include increase join journal "
    "keep kill know land lead learn leave let limit list listen live look lose lower "
    "make manage mention mind miss negotiate note notice open organise organize own "
    "pause pay pick plan play position postpone practise practice prioritise prioritize "
    "probe promise protect prove quit qualify quote read rebuild reduce reframe "
    "refuse reject relax remember remind remove repeat replace report research reset "
    "rest return rewrite rethink save say see sell set shadow shorten show skip sleep "
    "slow solve sort speak spend split start stay step stick stop structure suggest "
    "summarise summarize support switch sync tackle teach test think throw tie trade "
    "train treat trust try turn understand use visit wait want warm watch win work "
    "worry wrap point ice stretch breathe assign mute post draw chase hire fire count"
)

# Consonant-doubling verbs (stress on the last syllable); listing them avoids "visitting".
_DOUBLE = word_set(
    "admit ban bet beg begin chat chop clip commit cut dig drop flag forget get grab hit "
    "hug jog jot let log map nag nod occur omit permit pin plan plug prep put quit refer "
    "regret reset rub run scan set ship shop shut sit skip spin split step stop submit "
    "swap tag tap trim trip upset win wrap"
)
_ING_VERBS = word_set("bring ring sing sting swing spring string cling fling sling wring")
_IRREGULAR = {
    "be": "being",
    "see": "seeing",
    "agree": "agreeing",
    "free": "freeing",
    "lie": "lying",
    "die": "dying",
}


def gerund(verb: str) -> str:
    """The -ing form of a base-form verb: call → calling, set → setting, tie → tying."""
    lower = verb.lower()
    if lower.endswith("ing") and len(lower) >= 5 and lower not in _ING_VERBS:
        return verb  # already a gerund: "going", "calling"
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
