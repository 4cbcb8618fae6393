"""GROW stage detection: which of Goal, Reality, Options and Will a coach question explores.

GROW has no thresholds in the literature; coverage is what matters: did the manager
elicit a goal, explore the current reality, let the rep generate options, and ask for a
commitment? Each stage is a set of phrases that, inside a genuine question, put the
question in that stage. A question can cover more than one stage.
"""

from __future__ import annotations

import re
from typing import Literal

from app.rubric.caseless import letter_led

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


# One pass over the question finds every phrase that starts a word (no letter, digit or
# apostrophe before it) and ends one. Every phrase opens with a letter, so the regex engine
# skips straight to the non-word characters a match must follow, and there tests one
# letter instead of every phrase (see letter_led). The one group is the matched phrase.
_STAGES_BY_LETTER = re.compile(
    r"[^a-z0-9'](" + letter_led([p for ps in _PHRASES.values() for p in ps]) + r")(?![a-z0-9])"
)
# Which stage a matched phrase belongs to: the first phrase, in order, that matches it is
# the one that won (an earlier one would have matched instead).
_STAGE_OF = re.compile(
    "|".join(f"(?P<{stage}>{'|'.join(phrases)})" for stage, phrases in _PHRASES.items())
)


def grow_stages(question: str) -> tuple[GrowStage, ...]:
    """The GROW stages a coach question explores, in G-R-O-W order (possibly none)."""
    # The leading space stands for the start of the text: a word may begin there.
    phrases = _STAGES_BY_LETTER.findall(" " + question.lower().replace("\u2019", "'"))
    if not phrases:
        return ()
    found = {_stage_of(phrase) for phrase in phrases}
    return tuple(stage for stage in GROW_STAGES if stage in found)


def _stage_of(phrase: str) -> str:
    match = _STAGE_OF.fullmatch(phrase)
    if match is None or match.lastgroup is None:
        raise AssertionError(f"GROW phrase {phrase!r} matched no stage")
    return match.lastgroup
