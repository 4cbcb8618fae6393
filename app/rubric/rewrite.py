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
from app.rubric.verbs import ACTION_VERBS, COMMON_VERBS, base_of_gerund, word_set

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

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_LEAD_IN = re.compile(
    r"^(?:(?:ok(?:ay)?|so|well|look|listen|honestly|right|yeah|yes|sure|and|but|hey|now|"
    r"then|um+|uh+|hm+|oh|ah|i think|i guess|i mean|i get (?:that|it)|i feel like|"
    r"personally|frankly|basically|really|maybe|perhaps|to be honest|in my experience|"
    r"if you ask me|here's (?:the thing|what i'd do|my advice)|my advice(?: is)?|"
    r"one more thing)\b[\s,.:!-]*)+",
    re.IGNORECASE,
)
_ADVERBS = word_set(
    "really just probably definitely maybe perhaps also actually honestly seriously "
    "totally absolutely quickly first then now still simply immediately personally even "
    "ever always"
)
_EMPTY_OPENERS = re.compile(r"^(?:go ahead and|try to|try and|try|at least)\s+", re.IGNORECASE)
_TRAILING = word_set(
    "then now okay ok right alright yeah too though anyway instead either please though"
)
# Where the action ends: reasons, consequences, quotes and new clauses are not part of it.
_CLAUSE_END = re.compile(
    r"\s*(?:[;:\u2014\u2013]|\s-\s|"
    r",\s*(?:because|since|so|as|and then|which|that way|otherwise|but|or|though|right|"
    r"okay|ok|you know|if you (?:like|want)|(?:they|you|i|we|he|she|it|that|this)\b|"
    r"just|don't|do not|please|before|after|not|no matter|every|each|even|while|"
    r"what|when|where|who|how|which|if|(?:are|aren't|is|isn't|won't|will|don't|do|didn't|did|"
    r"can't|can|wouldn't|would|shouldn't|should) (?:you|they|it|we|he|she))\b|"
    r"\s(?:and|but) (?:don't|do not|never|(?:show|walk|teach|tell|let) (?:you|me))\b|"
    r"\s(?:and|but|or|while|then) (?:you|i|they|we|he|she)\b|"
    r"\s(?:because|since|so that|so they|so she|so he|so you|so it|otherwise|as soon as|"
    r"instead of|rather than|until|unless|whenever|when (?:you|they|she|he|it|we)|"
    r"once (?:you|they|it|she|he|we)|before (?:it|they|he|she|you|we|i)|if you (?:want|like)|"
    r"if that|so you don't)\b|"
    r"[.?!](?:\s|$))",
    re.IGNORECASE,
)
# Advice forms, most specific first. Each captures the action that follows; the flag says
# the coach is speaking as the rep ("If I were you, I'd ask them to send me..."), so the
# action's first person becomes the rep's.
_ADVICE_FORMS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(p, re.IGNORECASE), swap)
    for p, swap in (
        (
            r"\b(?:if i were you|in your shoes|if it were me|if i was you)[,\s]+"
            r"i(?:'d| would)(?: probably| definitely| just)?\s+(?P<a>.+)",
            True,
        ),
        (
            r"\bi(?:'d| would)? ?(?:strongly |probably |really )?(?:suggest|recommend|advise|"
            r"encourage)(?: that)?(?: you)?(?: to)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:do you think|don't you think) (?:you should|you could|you need to|"
            r"it(?:'d| would)? (?:be|help) (?:good |better |smart |worth |best )?to)\s+(?P<a>.+)",
            False,
        ),
        (
            r"\byou (?:(?:really|probably|definitely|just|absolutely|honestly|seriously|"
            r"might|may|totally|also|then|so) )*(?:should|need to|needs to|have to|must|"
            r"ought to|had better|'d better|better|gotta|got to|want to|'d want to|"
            r"would want to|'d need to|could always|could try|might try|could|can)\s+(?P<a>.+)",
            False,
        ),
        (r"\bwhy (?:don't|not|wouldn't|won't) you\s+(?P<a>.+)", False),
        (r"\bwhy not\s+(?P<a>.+)", False),
        (r"\b(?:shouldn't|couldn't|can't|wouldn't|won't|don't) you\s+(?P<a>.+)", False),
        (
            r"\b(?:have you|did you) (?:ever )?(?:tried|try|thought about|think about|"
            r"considered|consider)\s+(?P<a>.+)",
            False,
        ),
        (r"\b(?:what|how) about\s+(?P<a>.+)", False),
        (r"\bwhat if you\s+(?:just\s+)?(?P<a>.+)", False),
        (
            r"\b(?:would|wouldn't|isn't|is|does|doesn't|would it|wouldn't it) (?:it )?"
            r"(?:be |make )?(?:better|good|smart|worth|easier|faster|quicker|simpler|safer|"
            r"wiser|best|time|sense|a good idea)(?: to| if you)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:the|your|my) (?:best|right|smart|obvious|next) (?:move|thing|play|bet|step) "
            r"(?:is|would be|here is)(?: to)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:it|that)(?:'s| is| would be|'d be| might be| could be| may be) "
            r"(?:worth|best|better|smart|a good idea|time)(?: to)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:might|could|may|would) be (?:worth|best|better|smart|good|wise|helpful|"
            r"a good idea)(?: to)?\s+"
            r"(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:it|that|what) (?:might|could|may|would|will) help (?:is |to )?(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:one thing|something) (?:that )?(?:might|could|may|would|will) help is\s+"
            r"(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:make sure(?: that)?(?: you)?|don't forget to|remember to|be sure to|"
            r"try to|try and)\s+(?P<a>.+)",
            False,
        ),
        (r"\bnext time[,\s]+(?:you )?(?:should )?(?P<a>.+)", False),
        (r"^worth\s+(?P<a>.+)", False),
        (r"\bi(?:'d| would)(?: probably| definitely| just| honestly)?\s+(?P<a>.+)", True),
    )
)
_SUGGESTING = tuple(
    (re.compile(p, re.IGNORECASE), False)
    for p in (
        r"\b(?:could|can|would|will) you (?:maybe |perhaps |just |not )?(?P<a>.+)",
        r"\byou(?:'re| are) (?:not )?(?:going to|gonna)\s+(?P<a>.+)",
    )
)
# For each form, words one of which must be in the text for the form to match at all.
_KEYS: dict[re.Pattern[str], tuple[str, ...]] = {
    pattern: keys
    for (pattern, _), keys in zip(
        _ADVICE_FORMS + _SUGGESTING,
        (
            ("if i w", "in your shoes", "if it were"),
            ("suggest", "recommend", "advise", "encourage"),
            ("you think",),
            (
                "should",
                "need",
                "have to",
                "must",
                "ought",
                "better",
                "gotta",
                "got to",
                "want",
                "could",
                "can",
            ),
            ("why",),
            ("why not",),
            ("n't you",),
            ("tried", "try", "thought about", "think about", "consider"),
            ("about",),
            ("what if",),
            (
                "better",
                "good",
                "smart",
                "worth",
                "easier",
                "faster",
                "quicker",
                "simpler",
                "safer",
                "wiser",
                "best",
                "time",
                "sense",
                "idea",
            ),
            ("best", "right", "smart", "obvious", "next"),
            ("worth", "best", "better", "smart", "idea", "time"),
            ("worth", "best", "better", "smart", "good", "wise", "helpful", "idea"),
            ("help",),
            ("help",),
            ("sure", "forget", "remember", "try"),
            ("next time",),
            ("worth",),
            ("i'd", "i would"),
            ("you",),
            ("you're", "you are"),
        ),
        strict=True,
    )
}
_ALL_KEYS = frozenset(key for keys in _KEYS.values() for key in keys)
_TAKEOVER = re.compile(
    r"\b(?:i'll|i will|i can|i could|i'm going to|i am going to|i'm gonna|let me|"
    r"i'd be happy to|i'm happy to|^happy to|i can just|allow me to|why don't i|how about i|"
    r"what if i|(?:do you )?want me to|should i|shall i)\s+(?P<a>.+)",
    re.IGNORECASE,
)
_LEAVE_TO_ME = re.compile(
    r"\b(?:leave|give|hand) (?P<a>[\w ']{1,30}?) (?:to|with|over to) me\b", re.IGNORECASE
)
_FILLER_VERBS = word_set("going gonna able trying planning happy")
_CALL_VERBS = word_set("call phone ring email e-mail text message ping contact reach meet")
_AUX = word_set(
    "did does do is are was were has have had can could will would should shall may might "
    "must isn't aren't wasn't weren't didn't doesn't don't hasn't haven't won't wouldn't "
    "can't couldn't shouldn't"
)
_WH = word_set("what when where who whom whose which how why")
_HOW_MUCH = word_set("long many much often soon far sure confident worried likely big")
_SECOND_PERSON = word_set("you we")


_INNER_FILLER = re.compile(r",?\s*\b(?:um+|uh+|you know),\s*|(?<=\band )like,\s*", re.IGNORECASE)
# "When they push, count to five": the condition goes, the instruction stays.
_CONDITION = re.compile(
    r"^(?:when|if|once|before|after|whenever|next time)\b[^,]{1,60},\s*", re.IGNORECASE
)


def _tidy(text: str) -> str:
    # Quotes go: "Try asking "what would change?"" reads as an indirect question.
    text = _INNER_FILLER.sub(" ", text.translate(_QUOTES).replace('"', ""))
    return _LEAD_IN.sub("", " ".join(text.split())).strip()


def _clause(action: str) -> str:
    """The action up to where a reason, consequence or new clause begins."""
    match = _CLAUSE_END.search(action)
    if match:
        action = action[: match.start()]
    words = action.strip(" ,.!?\"'").split()
    for i, word in enumerate(words[:-1]):
        # "Don't send the deck, walk them through it": a comma then a verb is a new order.
        if i > 0 and word.endswith(",") and words[i + 1].lower() in COMMON_VERBS:
            words = words[: i + 1]
            break
    while words and words[-1].lower().strip(",") in _TRAILING:
        words.pop()
    return " ".join(words).strip(" ,")


def _strip_openers(words: list[str]) -> list[str]:
    while True:
        while words and words[0].lower().strip(",") in _ADVERBS:
            words = words[1:]
        opener = _EMPTY_OPENERS.match(" ".join(words))
        if not opener:
            return words
        words = words[len(opener.group().split()) :]


def _swap_person(action: str) -> str:
    # "I'd ask them to send me the redlines" is the rep's action: "send you the redlines".
    table = {
        "my": "your",
        "me": "you",
        "myself": "yourself",
        "mine": "yours",
        "i": "you",
        "i'd": "you'd",
        "i'll": "you'll",
        "i'm": "you're",
        "i've": "you've",
    }
    return " ".join(table.get(w.lower(), w) for w in action.split())


def _match(
    text: str, forms: tuple[tuple[re.Pattern[str], bool], ...], depth: int = 0
) -> str | None:
    lower = text.lower()
    present = {key for key in _ALL_KEYS if key in lower}
    for pattern, swap in forms:
        keys = _KEYS.get(pattern)
        if keys is not None and present.isdisjoint(keys):
            continue  # substring tests are far cheaper than the search they rule out
        found = pattern.search(text)
        if not found:
            continue
        action = _clause(found.group("a"))
        if not action:
            continue
        words = _strip_openers(action.split())
        if len(words) > 1 and words[0].lower() == "be" and words[1].lower().endswith("ing"):
            words = words[1:]  # "Shouldn't you be checking..." asks about checking
        action = " ".join(words)
        if swap:
            action = _swap_person(action)
        # "Don't you think it's time to X": the inner form holds the real action.
        inner = _match(action, forms, depth + 1) if depth < 2 else None
        return inner or action or None
    return None


def _imperative(sentence: str) -> str | None:
    words = _strip_openers(_CONDITION.sub("", _tidy(sentence)).split())
    if not words:
        return None
    head = words[0].lower().strip(",")
    negative = head in ("don't", "never") and len(words) > 1
    verb = words[1].lower() if negative else head
    if verb in COMMON_VERBS or base_of_gerund(verb) is not None:
        action = _clause(" ".join(words))
        return action if action else None
    return None


def _object(action: str) -> str | None:
    """The noun phrase an action is about ('going to the CFO' → 'the CFO')."""
    words = tokens(action)
    if words and words[0].bare in ("don't", "not", "never"):
        words = words[1:]
    if words and not is_verb(words[0].bare) and words[0].bare not in _AUX | {"have", "be"}:
        # "How about a short walk", "Have you tried pair programming": no verb, a topic.
        return noun_phrase(words) or phrase_from(words, 0, [])
    return noun_phrase(words[1:])


def advice_action(unit: str) -> str | None:
    """The action a piece of advice tells the rep to take, as a base-form verb phrase."""
    for sentence in sentences(unit):
        action = _match(_tidy(sentence), _ADVICE_FORMS) or _imperative(sentence)
        if action:
            return action
    return None


def rewrite_advice(unit: str) -> str:
    """Advice as an open question about the same action."""
    action = advice_action(unit)
    phrase = gerund_phrase(action) if action else None
    if action and phrase:
        verb = action.split()[0].lower()
        target = _object(action)
        if verb in _CALL_VERBS and target:
            return f"What options do you see for reaching {target}?"
        return f"What options do you see for {phrase}?"
    topic = noun_phrase(tokens(_tidy(unit)))
    return f"What options do you see with {topic}?" if topic else ADVICE_FALLBACK


def _takeover_action(unit: str) -> str | None:
    for sentence in sentences(unit):
        text = _tidy(sentence)
        for found in _TAKEOVER.finditer(text):
            action = re.sub(
                r"\s+(?:for you|on your behalf|myself|for ya)\b", "", _clause(found.group("a"))
            )
            words = _strip_openers(action.split())
            if not words or words[0].lower() in _FILLER_VERBS:
                continue
            if len(words) > 1 and words[1].lower() in ("it", "this", "that"):
                # "Send me the deck, I'll fix it": the 'it' is the deck.
                before = noun_phrase(tokens(text[: found.start()]))
                if before:
                    words = [words[0], before, *words[2:]]
            return _swap_person(" ".join(_reflexive(words)))
    return None


_SHOWING = word_set("show walk teach tell talk")


def _reflexive(words: list[str]) -> list[str]:
    """'write you a plan' → 'write yourself a plan'; 'show you how' → 'show how'."""
    if len(words) > 1 and words[1].lower() == "you":
        if words[0].lower() in _SHOWING:
            return [words[0], *words[2:]]
        return [words[0], "yourself", *words[2:]]
    return words


def rewrite_takeover(unit: str) -> str:
    """A takeover offer as a question that leaves the work with the rep."""
    action = _takeover_action(unit)
    if action:
        verb = action.split()[0].lower()
        target = _object(action)
        if verb in _CALL_VERBS and target:
            return f"What would it take for you to get time with {target}?"
        action = action[0].lower() + action[1:]
        if "yourself" not in action.split():
            action += " yourself"
        return f"What would it take for you to {action}?"
    left = _LEAVE_TO_ME.search(_tidy(unit))
    if left:
        topic = noun_phrase(tokens(left.group("a")))
        if topic:
            return f"What would it take for you to handle {definite(topic)} yourself?"
    return TAKEOVER_FALLBACK


def rewrite_leading(unit: str) -> str:
    """A leading question as an open question on the same topic, without the answer in it."""
    action = None
    for sentence in sentences(unit):
        action = _match(_tidy(sentence), _ADVICE_FORMS + _SUGGESTING)
        if action:
            break
    tried = re.search(r"\b(?:have|did) you (?:ever )?(?:tried|try)\b", unit, re.IGNORECASE)
    target = _object(action) if action else None
    if target is None and action is None:
        target = noun_phrase(tokens(_tidy(unit)))
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
    words = tokens(_tidy(asked[-1]) if asked else "")
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
        after = [t for t in rest[1:] if t.bare not in _ADVERBS and t.bare not in ("um", "uh")]
        while after and after[0].bare in _FILLER_VERBS | {"to"}:
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
