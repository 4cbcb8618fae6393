"""Detect a concrete next step stated by the rep in their own words.

A next step counts when the rep speaks in the first person about doing a concrete action
to someone or something ("I'll email Greg tomorrow", "I'm texting Priya tonight",
"First thing: reply to Priya"). Polite compliance ("Sure, I can do that", "I'll send
something today") has no concrete object and does not count; neither does a question,
a negation, nor a turn that hands the work to the manager ("Could you call Tom?").
"""

from __future__ import annotations

import re

from app.rubric.caseless import letter_led, word_start
from app.rubric.verbs import ACTION_VERBS, base_of_gerund, word_set

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_WORD = re.compile(r"[a-z][a-z'-]*")

# First-person intents, in the order they are tried. Each must start a word (no letter or
# apostrophe before it); see word_start for why the test comes after the first letter.
_INTENTS = (
    r"i(?:'ll| will| shall)",
    r"i(?:'m| am) (?:going to|gonna|planning to)",
    r"i plan to",
    r"i intend to",
    r"i(?:'d| would) like to",
    r"i want to",
    r"i need to",
    r"i have to",
    r"i(?:'ve| have) got to",
    r"i should",
    r"i must",
    r"i can",
    r"let me",
    r"my (?:next|first) (?:step|move|thing)(?: is| will be)?(?: to)?",
    r"the first thing(?: is| i'll do is)?(?: to)?",
    r"first thing(?: is| i'll do is)?(?: to)?",
    r"next step(?: is)?(?: to)?",
    r"i(?:'m| am)",
)
_INTENT = re.compile(word_start(_INTENTS, "[a-z']") + r"(?![a-z'])[\s:,-]*")
# Whether a text holds an intent at all, searched in " " + text: the character before the
# intent is read first, so the engine only stops at non-letters (see letter_led).
_ANY_INTENT = re.compile(r"[^a-z']" + letter_led(_INTENTS) + r"(?![a-z'])")
_FILLER = word_set(
    "just also then first really definitely actually probably go try and to gonna "
    "going finally quickly personally honestly today tonight tomorrow"
)
_VAGUE = word_set(
    "it that this something stuff things thing them one some anything everything sure "
    "on around about what how why when where exactly"
)
_STOP = word_set(
    "a an the to of in on for with at by and or but so my your his her their our its "
    "you me him us up out back over off from into as if be is are was were"
)
# When is not what: "I'll send something today" names no object.
_TIME = word_set(
    "today tonight tomorrow now soon later asap morning afternoon evening week "
    "weekend next this monday tuesday wednesday thursday friday end day eod"
)
_HANDOFFS = (
    "can you",
    "could you",
    "would you",
    "will you",
    "if you could",
    "you could",
    "you (?:just|can) (?:call|email|reach|get|talk|show|do|jump)",
    "for you to",
    "from you to",
)
_HANDOFF = re.compile(word_start(_HANDOFFS, "[a-z']") + r"(?![a-z'])")
_NEGATED = re.compile(
    word_start(("not", "never", "won't", "can't", "don't", "no way"), "[a-z']") + r"(?![a-z'])"
)


def _action_verb(word: str) -> bool:
    return word in ACTION_VERBS or base_of_gerund(word) in ACTION_VERBS


def _concrete_step(sentence: str) -> bool:
    """A first-person intent followed by an action verb with a concrete object."""
    for match in _INTENT.finditer(sentence):
        words = _WORD.findall(sentence[match.end() :])
        while words and words[0] in _FILLER:
            words = words[1:]
        if not words or not _action_verb(words[0]):
            continue
        if _NEGATED.search(sentence[: match.end()]):
            continue
        objects = [w for w in words[1:8] if w not in _STOP and w not in _TIME]
        if any(w not in _VAGUE for w in objects):
            return True
    return False


def next_step_sentence(rep_text: str) -> str | None:
    """The sentence where the rep states a concrete next step of their own, if any."""
    text = rep_text.replace("\u2019", "'")
    lowered = text.lower()
    if not (
        "i " in lowered
        or "i'" in lowered
        or "my " in lowered
        or "let me" in lowered
        or "first thing" in lowered
        or "next step" in lowered
    ):
        return None  # every _INTENT form has one of these; testing them is far cheaper

    if _ANY_INTENT.search(" " + lowered) is None or _HANDOFF.search(lowered):
        return None  # no first-person intent anywhere, or the work is handed to the manager
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        if not sentence or sentence.endswith("?"):
            continue
        lowered = sentence.lower()
        if _ANY_INTENT.search(" " + lowered) and _concrete_step(lowered):
            return sentence
    return None
