"""Rewrite a coach unit as the question a coach could have asked instead.

The action or topic is lifted out of the unit ("You should call the CFO" → "call the CFO",
"Did legal sign off?" → "legal") and put into a question built around it:

- advice:   "What options do you see for reaching the CFO?"
- takeover: "What would it take for you to get time with their VP?"
- leading:  "What's your thinking on the CFO?"
- closed:   "Where do things stand with legal?"

Every template is a whole sentence with one slot, and the slot is always a noun phrase
or a gerund phrase, so the result stays grammatical. When nothing can be lifted out the
rewrite falls back to a question that still names what the unit was about.
"""

from __future__ import annotations

import re

from app.rubric.verbs import COMMON_VERBS, CONTACT_VERBS, base_of_gerund, gerund, word_set

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_LEAD_IN = re.compile(
    r"^(?:(?:ok(?:ay)?|so|well|look|listen|honestly|right|yeah|yes|and|but|hey|now|"
    r"i think|i guess|i mean|i feel like|personally|frankly|basically|really|"
    r"to be honest|in my experience|if you ask me)\b[\s,]*)+",
    re.IGNORECASE,
)
_ADVERBS = word_set(
    "really just probably definitely maybe perhaps also actually honestly seriously "
    "totally absolutely quickly first then now still simply immediately personally "
    "even"
)
# Openers that carry no action of their own: "go ahead and call", "try calling".
_EMPTY_OPENERS = re.compile(r"^(?:go ahead and|try to|try and|try|at least)\s+", re.IGNORECASE)
_TRAILING = word_set("then now okay ok right alright yeah too as well though anyway")
# Where the action ends: reasons, consequences and new clauses are not part of it.
_CLAUSE_END = re.compile(
    r"\s*(?:[;:\u2014\u2013]|\s-\s|,\s*(?:because|since|so|as|and then|which|that way|"
    r"otherwise|but|or|and (?:you|i|they|we|it|he|she|that)|you know|right|okay|ok|yeah)\b|"
    r"\s(?:because|since|so that|so they|so she|so he|so you|so it|otherwise|as soon as|"
    r"instead of|rather than|before (?:it|they|he|she|you)|if you want|if you like|if that)\b|"
    r"[.?!](?:\s|$))",
    re.IGNORECASE,
)

# Advice forms, most specific first. Each captures the action that follows.
_ADVICE_FORMS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(p, re.IGNORECASE), swap)
    for p, swap in (
        # (pattern, speaker is role-playing the rep: "I'd ..." means "you'd ...")
        (
            r"\b(?:if i were you|in your shoes|if it were me|if i was you)[,\s]+"
            r"i(?:'d| would)(?: probably| definitely| just)?\s+(?P<a>.+)",
            True,
        ),
        (
            r"\bi(?:'d| would)? ?(?:strongly |probably |really )?(?:suggest|recommend|advise)"
            r"(?: that)?(?: you)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\byou (?:(?:really|probably|definitely|just|absolutely|honestly|seriously|"
            r"might|may|totally|also|then|so) )*(?:should|need to|needs to|have to|must|"
            r"ought to|had better|'d better|better|gotta|got to|want to|could always|"
            r"could try|might try|could|can)\s+(?P<a>.+)",
            False,
        ),
        (r"\bwhy (?:don't|not|wouldn't|won't) you\s+(?P<a>.+)", False),
        (r"\bwhy not\s+(?P<a>.+)", False),
        (r"\b(?:shouldn't|couldn't|can't|wouldn't|won't|don't) you\s+(?P<a>.+)", False),
        (
            r"\b(?:have you|did you) (?:tried|try|thought about|think about|considered|"
            r"consider)\s+(?P<a>.+)",
            False,
        ),
        (r"\b(?:what|how) about\s+(?P<a>.+)", False),
        (r"\bwhat if you\s+(?P<a>.+)", False),
        (
            r"\b(?:do you think|don't you think) (?:you should|you could|you need to|"
            r"it(?:'d| would) (?:be|help) (?:good |better |smart |worth |best )?to)\s+(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:would|wouldn't|isn't|is) it (?:be )?(?:better|good|smart|worth|easier|best|"
            r"time|a good idea)(?: to| if you)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\bit(?:'s| is| would be|'d be| might be) (?:worth|best|better|smart|a good idea|"
            r"time)(?: to)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:the|your) (?:best|right|smart|obvious) (?:move|thing|play|bet|step) "
            r"(?:is|would be|here is)(?: to)?\s+(?P<a>.+)",
            False,
        ),
        (
            r"\b(?:make sure(?: that)?(?: you)?|don't forget to|remember to|be sure to|"
            r"try to|try and)\s+(?P<a>.+)",
            False,
        ),
        (r"\bnext time[,\s]+(?:you )?(?:should )?(?P<a>.+)", False),
        (r"\bi(?:'d| would)(?: probably| definitely| just| honestly)?\s+(?P<a>.+)", True),
    )
)
_TAKEOVER_FORMS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:i'll|i will|i can|i could|i'm going to|i am going to|i'm gonna|let me|"
        r"i'd be happy to|i'm happy to|i can just|allow me to|why don't i|how about i|"
        r"what if i|(?:do you )?want me to|should i|shall i)\s+(?P<a>.+)",
    )
)
_HAND_OVER = re.compile(
    r"\b(?:leave|give|hand) (?:it|this|that|them) (?:to|with|over to) me\b|"
    r"\bi(?:'ve| have) got (?:this|it)\b|\bi'll take it from here\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(r"^(?P<a>[a-z][a-z-]*\b.*)$", re.IGNORECASE)
_CLOSED = re.compile(
    r"^(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|shall|"
    r"may|might|must|isn't|aren't|didn't|doesn't|don't|hasn't|haven't|won't|wouldn't|"
    r"can't|couldn't)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_DETERMINERS = word_set("the their your his her its our this that these those a an my some any")
_SUBJECT_PRONOUNS = word_set("you i we they he she it there that this")
_OBJECT_PRONOUNS = word_set("it this that them him her these those")
_PREPOSITIONS = word_set(
    "to with from about on in into at for by of over around through after before"
)
_NP_STOP = _PREPOSITIONS | word_set(
    "and or but so because if when while that which who than then yet this week today "
    "tomorrow tonight now soon"
)
_FILLER_VERBS = word_set("going gonna able trying planning try")
# Capitalised words that are not names: sentence openers of questions and advice.
_NOT_NAMES = (
    COMMON_VERBS
    | _DETERMINERS
    | _SUBJECT_PRONOUNS
    | word_set(
        "did does do is are was were has have had can could will would should shall may "
        "might must isn't aren't didn't doesn't don't hasn't haven't won't wouldn't can't "
        "couldn't shouldn't what why how when where who which whose whom if ok okay so "
        "and but or yes yeah no well next maybe perhaps honestly look listen hey"
    )
)


def _tidy(text: str) -> str:
    return _LEAD_IN.sub("", " ".join(text.translate(_QUOTES).split())).strip()


def _clause(action: str) -> str:
    """The action up to where a reason, consequence or new clause begins."""
    match = _CLAUSE_END.search(action)
    if match:
        action = action[: match.start()]
    words = action.strip(" ,.!?\"'").split()
    while words and words[-1].lower().strip(",") in _TRAILING:
        words.pop()
    return " ".join(words).strip(" ,")


def _strip_adverbs(words: list[str]) -> list[str]:
    while True:
        while words and words[0].lower() in _ADVERBS:
            words = words[1:]
        opener = _EMPTY_OPENERS.match(" ".join(words))
        if not opener:
            return words
        words = words[len(opener.group().split()) :]


def _swap_person(action: str) -> str:
    # "I'd ask them to send me the redlines" is the rep's action: "send you the redlines".
    table = {"my": "your", "me": "you", "myself": "yourself", "mine": "yours", "i": "you"}
    return " ".join(table.get(w.lower(), w) for w in action.split())


def _drop_for_you(action: str) -> str:
    return re.sub(r"\s+(?:for you|on your behalf|myself|for ya)\b", "", action, flags=re.I)


def _gerund_phrase(action: str) -> str | None:
    """'call the CFO and ask about budget' → 'calling the CFO and asking about budget'."""
    words = _strip_adverbs(action.split())
    if not words:
        return None
    head = words[0].lower()
    if head in _SUBJECT_PRONOUNS or head in _DETERMINERS:
        return None
    if not head.isalpha() and "-" not in head:
        return None
    out = [words[0] if base_of_gerund(head) or head.endswith("ing") else gerund(head)]
    out[0] = out[0].lower()
    for i, word in enumerate(words[1:], start=1):
        previous = words[i - 1].lower()
        lower = word.lower()
        if previous in ("and", "or", "then") and lower in COMMON_VERBS and word.islower():
            out.append(gerund(lower))
        else:
            out.append(word)
    return " ".join(out)


def _noun_phrase(words: list[str]) -> str | None:
    """The first noun phrase in a run of words: 'the CFO', 'their VP', 'Greg', 'legal'."""
    for i, word in enumerate(words):
        lower = word.lower().strip(",")
        followed = i + 1 < len(words) and words[i + 1].lower() not in _NP_STOP
        if lower in _DETERMINERS and (lower not in ("this", "that") or followed):
            phrase = [word]
            for nxt in words[i + 1 : i + 5]:
                bare = nxt.lower().strip(",")
                if bare in _NP_STOP or bare in _DETERMINERS:
                    break
                phrase.append(nxt.rstrip(","))
                if nxt.endswith(","):
                    break
            if len(phrase) > 1:
                return " ".join(phrase)
        elif word[:1].isupper() and lower.removesuffix("'s") not in _NOT_NAMES:
            phrase = [word]
            for nxt in words[i + 1 : i + 3]:
                if phrase[-1].endswith(",") or not nxt[:1].isupper():
                    break
                phrase.append(nxt)
            return " ".join(phrase).rstrip(",")
        elif (
            i > 0
            and words[i - 1].lower() in _PREPOSITIONS
            and lower.isalpha()
            and (
                lower not in _OBJECT_PRONOUNS
                and lower not in _NOT_NAMES
                and lower not in _NP_STOP
                and base_of_gerund(lower) is None
            )
        ):
            return word.rstrip(",")
    return None


def _object_phrase(action: str) -> str | None:
    """The noun phrase an action is about ('going to the CFO' → 'the CFO')."""
    words = _strip_adverbs(action.split())
    return _noun_phrase(words[1:] if words else words)


def _definite(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return f"the {rest}" if first.lower() in ("a", "an", "some", "any") and rest else phrase


def _resolve_pronoun(action: str, context: str) -> str:
    """Replace a bare 'it'/'this' object with the noun phrase the unit was talking about."""
    words = action.split()
    if len(words) < 2 or words[1].lower().strip(",") not in ("it", "this", "that"):
        return action
    found = _noun_phrase(context.split())
    if found is None:
        return action
    return " ".join([words[0], found, *words[2:]])


def _extract(unit: str, forms: tuple[tuple[re.Pattern[str], bool], ...]) -> str | None:
    text = _tidy(unit)
    for pattern, swap in forms:
        match = pattern.search(text)
        if match:
            action = _clause(match.group("a"))
            if action:
                return _swap_person(action) if swap else action
    return None


def advice_action(unit: str) -> str | None:
    """The action a piece of advice tells the rep to take, as a base-form verb phrase."""
    action = _extract(unit, _ADVICE_FORMS)
    if action is not None:
        return action
    text = _tidy(unit)
    imperative = _IMPERATIVE.match(text)
    if imperative and text.split()[0].lower() in COMMON_VERBS:
        return _clause(imperative.group("a"))
    return None


def rewrite_advice(unit: str) -> str:
    """Advice as an open question about the same action."""
    action = advice_action(unit)
    phrase = _gerund_phrase(action) if action else None
    if action and phrase:
        verb = _strip_adverbs(action.split())[0].lower()
        target = _object_phrase(action)
        if (verb in CONTACT_VERBS or base_of_gerund(verb) in CONTACT_VERBS) and target:
            return f"What options do you see for reaching {target}?"
        return f"What options do you see for {phrase}?"
    topic = _noun_phrase(_tidy(unit).split())
    if topic:
        return f"What options do you see with {_definite(topic)}?"
    return "What options do you see from here?"


def rewrite_takeover(unit: str) -> str:
    """A takeover offer as a question that leaves the work with the rep."""
    text = _tidy(unit)
    for pattern in _TAKEOVER_FORMS:
        for match in pattern.finditer(text):
            action = _drop_for_you(_clause(match.group("a")))
            words = _strip_adverbs(action.split())
            if not words or words[0].lower() in _FILLER_VERBS:
                continue
            action = _resolve_pronoun(" ".join(words), text[: match.start()])
            verb = words[0].lower()
            target = _object_phrase(action)
            if verb in CONTACT_VERBS and target:
                return f"What would it take for you to get time with {target}?"
            return f"What would it take for you to {action[0].lower()}{action[1:]} yourself?"
    topic = _noun_phrase(text.split())
    if _HAND_OVER.search(text) or topic is None:
        return "What would it take for you to handle this yourself, and what support would help?"
    return f"What would it take for you to handle {_definite(topic)} yourself?"


_SUGGESTING = (
    (
        re.compile(
            r"\b(?:could|can|would|will) you (?:maybe |perhaps |just |not )?(?P<a>.+)",
            re.IGNORECASE,
        ),
        False,
    ),
)


def rewrite_leading(unit: str) -> str:
    """A leading question as an open question on the same topic, without the answer in it."""
    text = _tidy(unit)
    action = _extract(text, _ADVICE_FORMS + _SUGGESTING)
    tried = re.search(r"\b(?:have|did) you (?:tried|try)\b", text, re.IGNORECASE)
    target = _object_phrase(action) if action else None
    if target is None:
        target = _noun_phrase(text.rstrip("?").split())
    if tried:
        return (
            f"What have you tried so far with {target}?"
            if target
            else ("What have you tried so far, and what happened?")
        )
    if target:
        return f"What's your thinking on {target}?"
    phrase = _gerund_phrase(action) if action else None
    if phrase:
        return f"How are you thinking about {phrase}?"
    return "What options do you see here?"


_WH = word_set("what when where who whom whose which how why")


def rewrite_closed(unit: str) -> str:
    """A closed question as an open one about the same thing."""
    text = _tidy(unit).rstrip(" ?.!")
    match = _CLOSED.match(text)
    words = match.group("rest").split() if match else text.split()
    if not match and words and words[0].lower() in _WH:
        # "When is the deadline?" / "Who signs the contract?": the noun phrase is the topic.
        topic = _noun_phrase(words[1:])
        return (
            f"Where do things stand with {_definite(topic)}?"
            if topic
            else "What's your read on where things stand?"
        )
    head = words[0].lower() if words else ""
    if words and head not in _SUBJECT_PRONOUNS:
        # "Did legal sign off" / "Is the champion on board": the subject is the topic.
        subject = _noun_phrase(words) if head in _DETERMINERS or words[0][:1].isupper() else None
        if subject is None and head.isalpha() and head not in _NOT_NAMES:
            subject = words[0]
        if subject:
            return f"Where do things stand with {_definite(subject)}?"
    rest = words[1:] if head in _SUBJECT_PRONOUNS else words
    while rest and rest[0].lower() in _FILLER_VERBS | {"to"}:
        rest = rest[1:]
    topic = _noun_phrase(rest[1:]) if rest else None
    if topic:
        return f"Where do things stand with {_definite(topic)}?"
    if rest and rest[0].lower() in COMMON_VERBS:
        phrase = _gerund_phrase(" ".join(rest))
        if phrase:
            return f"How are you thinking about {phrase}?"
    return "What's your read on where things stand?"
