"""Rewrite a coach unit as the question a coach could have asked instead.

The action or topic is lifted out of the unit ("You should call the CFO" → "call the CFO",
"Did legal sign off?" → "legal") and put into a question built around it:

- advice:   "What options do you see for reaching the CFO?"
- takeover: "What would it take for you to get time with their VP?"
- leading:  "What's your thinking on the CFO?"
- closed:   "Where do things stand with legal?"

Every template is a whole sentence with one slot, and the slot is always a noun phrase
or a gerund phrase, so the result stays grammatical. When nothing can be lifted out the
rewrite falls back to a general question of the same kind (see GENERIC).
"""

from __future__ import annotations

import re

from app.rubric.actions import (
    ADVERBS,
    FILLER_VERBS,
    advice_action,
    leading_action,
    takeover_action,
    tidy,
)
from app.rubric.phrases import (
    FUNCTION_WORDS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    Token,
    definite,
    gerund_phrase,
    is_verb,
    noun_phrase,
    phrase_from,
    sentences,
    tokens,
)
from app.rubric.verbs import ACTION_VERBS, word_set

ADVICE_FALLBACK = "What options do you see from here?"
TAKEOVER_FALLBACK = (
    "What would it take for you to handle this yourself, and what support would help?"
)
LEADING_FALLBACK = "What options do you see here?"
TRIED_FALLBACK = "What have you tried so far, and what happened?"
CLOSED_FALLBACK = "What more can you tell me about that?"
GENERIC = frozenset(
    {ADVICE_FALLBACK, TAKEOVER_FALLBACK, LEADING_FALLBACK, TRIED_FALLBACK, CLOSED_FALLBACK}
)

_LEAVE_TO_ME = re.compile(
    r"\b(?:leave|give|hand) (?P<a>[\w ']{1,30}?) (?:to|with|over to) me\b", re.IGNORECASE
)
_CALL_VERBS = word_set("call phone ring email e-mail text message ping contact reach meet")
_AUX = word_set(
    "did does do is are was were has have had can could will would should shall may might "
    "must isn't aren't wasn't weren't didn't doesn't don't hasn't haven't won't wouldn't "
    "can't couldn't shouldn't"
)
_WH = word_set("what when where who whom whose which how why")
_HOW_MUCH = word_set("long many much often soon far sure confident worried likely big")
_SECOND_PERSON = word_set("you we")


def _object(action: str) -> str | None:
    """The noun phrase an action is about ('going to the CFO' → 'the CFO')."""
    words = tokens(action)
    if words and words[0].bare in ("don't", "not", "never"):
        words = words[1:]
    if words and not is_verb(words[0].bare) and words[0].bare not in _AUX | {"have", "be"}:
        # "How about a short walk", "Have you tried pair programming": no verb, a topic.
        return noun_phrase(words) or phrase_from(words, 0, [])
    return noun_phrase(words[1:])


def _call_target(action: str) -> str | None:
    """Whom an action calls, emails or meets ('call the CFO' → 'the CFO'), if it does."""
    if action.split()[0].lower() not in _CALL_VERBS:
        return None
    return _object(action)


def rewrite_advice(unit: str) -> str:
    """Advice as an open question about the same action."""
    action = advice_action(unit)
    phrase = gerund_phrase(action) if action else None
    if action and phrase:
        target = _call_target(action)
        if target:
            return f"What options do you see for reaching {target}?"
        return f"What options do you see for {phrase}?"
    topic = noun_phrase(tokens(tidy(unit)))
    return f"What options do you see with {topic}?" if topic else ADVICE_FALLBACK


def rewrite_takeover(unit: str) -> str:
    """A takeover offer as a question that leaves the work with the rep."""
    action = takeover_action(unit)
    if action:
        target = _call_target(action)
        if target:
            return f"What would it take for you to get time with {target}?"
        action = action[0].lower() + action[1:]
        if "yourself" not in action.split():
            action += " yourself"
        return f"What would it take for you to {action}?"
    left = _LEAVE_TO_ME.search(tidy(unit))
    if left:
        topic = noun_phrase(tokens(left.group("a")))
        if topic:
            return f"What would it take for you to handle {definite(topic)} yourself?"
    return TAKEOVER_FALLBACK


def rewrite_leading(unit: str) -> str:
    """A leading question as an open question on the same topic, without the answer in it."""
    action = leading_action(unit)
    tried = re.search(r"\b(?:have|did) you (?:ever )?(?:tried|try)\b", unit, re.IGNORECASE)
    target = _object(action) if action else None
    if target is None and action is None:
        target = noun_phrase(tokens(tidy(unit)))
    if tried:
        return f"What have you tried so far with {target}?" if target else TRIED_FALLBACK
    if target:
        return f"What's your thinking on {target}?"
    phrase = gerund_phrase(action) if action else None
    if phrase:
        return f"How are you thinking about {phrase}?"
    return LEADING_FALLBACK


def _stand(topic: str | None) -> str:
    return f"Where do things stand with {definite(topic)}?" if topic else CLOSED_FALLBACK


def _bare_subject(words: list[Token]) -> str | None:
    """'Did legal sign off' / 'Has finance replied': a bare noun as the subject."""
    first = words[0].bare if words else ""
    if not first.isalpha() or first in FUNCTION_WORDS or is_verb(first):
        return None
    if first.endswith(("ing", "ed")):
        return None
    return phrase_from(words, 0, [])


def rewrite_closed(unit: str) -> str:
    """A closed question as an open one about the same thing."""
    asked = [s for s in sentences(unit) if s.rstrip().endswith("?")] or sentences(unit)
    words = tokens(tidy(asked[-1]) if asked else "")
    if not words:
        return CLOSED_FALLBACK
    head = words[0].bare
    if head in _WH:
        if head == "how" and len(words) > 1 and words[1].bare in _HOW_MUCH:
            return CLOSED_FALLBACK  # "How long did that last?": no topic to open up
        return _stand(noun_phrase(words[1:]))
    if head in PREPOSITIONS:
        return _stand(noun_phrase(words))
    after_aux = head in _AUX
    rest = words[1:] if after_aux else words
    if not rest:
        return CLOSED_FALLBACK
    subject = rest[0].bare
    if subject == "i":
        return CLOSED_FALLBACK  # "Can I offer...": the coach's own move, not a topic
    if subject in _SECOND_PERSON:
        after = [t for t in rest[1:] if t.bare not in ADVERBS and t.bare not in ("um", "uh")]
        while after and after[0].bare in FILLER_VERBS | {"to"}:
            after = after[1:]
        topic = noun_phrase(after[1:]) if after else None
        if topic:
            return _stand(topic)
        if after and after[0].bare in ACTION_VERBS:
            phrase = gerund_phrase(" ".join(t.text for t in after))
            if phrase:
                return f"How are you thinking about {phrase}?"
        return CLOSED_FALLBACK
    topic = noun_phrase(rest)
    if topic is None and subject not in SUBJECT_PRONOUNS and after_aux:
        topic = _bare_subject(rest)
    return _stand(topic)


_PERMISSION = re.compile(
    r"\b(?:would it help if i|would it be (?:all right|alright|ok|okay) if i|"
    r"(?:can|could|may) i (?:offer|share|suggest|tell|give|add)|do you mind if i|"
    r"would you like (?:me to share|to hear|some ideas))",
    re.IGNORECASE,
)


def asks_permission(unit: str) -> bool:
    """A closed question that asks permission to offer ideas: good practice, not a fault."""
    return _PERMISSION.search(unit) is not None
