"""GROW stage detection: which of Goal, Reality, Options and Will a coach question explores.

GROW has no thresholds in the literature; coverage is what matters: did the manager
elicit a goal, explore the current reality, let the rep generate options, and ask for a
commitment? Each stage is a set of phrases that, inside a genuine question, put the
question in that stage. A question can cover more than one stage.
"""

from __future__ import annotations

import re
from typing import Literal

from app.rubric.caseless import group_end, split_alternatives

GrowStage = Literal["goal", "reality", "options", "will"]
GROW_STAGES: tuple[GrowStage, ...] = ("goal", "reality", "options", "will")

_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|tomorrow|tonight|end of (?:the )?(?:day|week))"
)

_PHRASES: dict[GrowStage, tuple[str, ...]] = {
    "goal": (
        r"goals?",
        r"outcomes?",
        r"success",
        r"achieve",
        r"accomplish",
        r"objectives?",
        r"aim(?:ing)?",
        r"target",
        r"ideal(?:ly)?",
        r"hop(?:e|ing) (?:for|to|will)",
        r"want (?:to (?:happen|see|get|achieve|walk away)|from|out of)",
        r"would you like (?:to (?:happen|see|get)|from)",
        r"(?:good|great|better|done|a win) (?:look|looks) like",
        r"get out of (?:this|our|today|the conversation)",
        r"by the end of (?:this|our|today|the)",
        r"matters? (?:most|to you)",
        r"most important",
        r"where do you want",
        r"trying to (?:achieve|get to|accomplish)",
        r"what are you (?:going for|after)",
        r"what do you need (?:from|out of) (?:this|today|our)",
        r"what do you (?:really )?want",
        r"what are you hoping",
        r"what would make (?:this|it|today)",
        r"where would you like",
    ),
    "reality": (
        r"what(?:'s| is| has) (?:been )?(?:happening|happened|going on|changed|different)",
        r"what happened",
        r"what changed",
        r"so far",
        r"right now",
        r"currently",
        r"at the moment",
        r"where (?:do|does|are) (?:things|it|we|you|they) (?:stand|at)",
        r"where (?:are|is) (?:things|it|the deal)",
        r"status",
        r"what have you (?:tried|done)",
        r"what did (?:they|he|she|you|the \w+) (?:say|do|tell)",
        r"who(?:'s| is| else is) involved",
        r"what do you know",
        r"tell me (?:about|more)",
        r"(?:getting|standing) in the way",
        r"what(?:'s| is) (?:stopping|blocking|holding)",
        r"obstacles?",
        r"challenges?",
        r"your (?:read|sense|take)",
        r"how (?:did|is|are|was) (?:it|that|things|the \w+)(?: \w+){0,3} go(?:ing)?",
        r"when did you last",
        r"last (?:spoke|talked|heard|contact)",
        r"why do you think",
        r"what makes you (?:think|say|feel)",
        r"how do you know",
        r"how (?:do|did) you feel",
        r"what(?:'s| is) (?:really )?(?:the problem|the issue|going on)",
        r"what(?:'s| is) behind",
        r"(?:walk|talk|take) me through",
        r"where (?:\w+ ){1,3}stands?",
        r"the latest",
        r"how are you feeling",
    ),
    "options": (
        r"options?",
        r"alternatives?",
        r"what else",
        r"what (?:could|might|can) you",
        r"how (?:could|might|can) you",
        r"who (?:else )?(?:could|might|can)",
        r"what are (?:some|the) ways",
        r"other ways?",
        r"another way",
        r"ideas?",
        r"possibilit(?:y|ies)",
        r"approach(?:es)?",
        r"what if",
        r"what would (?:it take|you do|happen if|work)",
        r"if you (?:could|had|were)",
        r"brainstorm",
        r"choices?",
        r"ways? (?:to|of|you could)",
        r"what(?:'s| is) (?:possible|one thing you could)",
        r"how else",
    ),
    "will": (
        r"next steps?",
        r"what will you",
        r"what are you going to",
        r"what(?:'s| is) your (?:plan|first)",
        r"when will you",
        r"when (?:can|could|would|do) you",
        r"by when",
        r"commit(?:ment|ted)?",
        r"first (?:step|thing|move)",
        r"plan(?:s)? (?:to|for)",
        r"going to do",
        r"how will you",
        r"who will",
        r"what support",
        r"what do you need from me",
        r"how confident",
        r"on a scale",
        r"follow(?:[- ])?up",
        r"action(?:s| items?)?",
        r"by " + _DAYS,
        r"this week",
    ),
}

# One pass over the question: each stage is a named group, so a match says its stage.
_STAGES_RE = re.compile(
    r"(?<![a-z0-9'])(?:"
    + "|".join(f"(?P<{stage}>{'|'.join(phrases)})" for stage, phrases in _PHRASES.items())
    + r")(?![a-z0-9])"
)


def _after(phrase: str, letter: str) -> str | None:
    """What must follow `letter` for `phrase` to match from it (None: it cannot start so).

    Only phrases that open with a letter, or with a group of alternatives that do, are
    understood; anything else raises ValueError.
    """
    if phrase[:1].isalpha() and phrase[1:2] not in ("?", "*", "+", "{"):
        return phrase[1:] if phrase[0] == letter else None
    if phrase.startswith("(?:"):
        end = group_end(phrase, 0)
        if phrase[end + 1 : end + 2] not in ("?", "*", "+", "{"):
            inner = [_after(a, letter) for a in split_alternatives(phrase[3:end])]
            kept = [a for a in inner if a is not None]
            return "(?:" + "|".join(kept) + ")" + phrase[end + 1 :] if kept else None
    raise ValueError(f"GROW phrase {phrase!r} does not open with a letter")


def _by_first_letter() -> re.Pattern[str]:
    """_STAGES_RE regrouped by first letter, read from the character before the word.

    Every phrase opens with a letter, so the regex engine can skip straight to the
    non-word characters a match must follow, and there test one letter instead of every
    phrase. Within a letter the stages and phrases keep their order, so the same phrase
    wins at each position as in _STAGES_RE. Groups are named stage_letter.
    """
    letters = []
    for letter in "abcdefghijklmnopqrstuvwxyz":
        groups = []
        for stage, phrases in _PHRASES.items():
            rests = [r for r in (_after(p, letter) for p in phrases) if r is not None]
            if rests:
                groups.append(f"(?P<{stage}_{letter}>{'|'.join(rests)})")
        if groups:
            letters.append(letter + "(?:" + "|".join(groups) + ")")
    return re.compile(r"[^a-z0-9'](?:" + "|".join(letters) + r")(?![a-z0-9])")


_STAGES_BY_LETTER = _by_first_letter()


def grow_stages(question: str) -> tuple[GrowStage, ...]:
    """The GROW stages a coach question explores, in G-R-O-W order (possibly none)."""
    # The leading space stands for the start of the text: a word may begin there.
    text = " " + question.lower().replace("\u2019", "'")
    found = {str(m.lastgroup).partition("_")[0] for m in _STAGES_BY_LETTER.finditer(text)}
    return tuple(stage for stage in GROW_STAGES if stage in found)
