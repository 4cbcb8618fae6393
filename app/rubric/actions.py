"""Find the action a coach's telling names: "You should call the CFO" → "call the CFO".

Advice and takeovers come in a small number of forms ("you should...", "have you tried...",
"if I were you I'd...", "I'll...", "let me..."). Each form is a pattern that captures what
follows it; the capture is then cut where a reason or a new clause starts, stripped of
fillers, and put in the rep's person. Feedback rewrites build their questions from it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.rubric.caseless import Caseless
from app.rubric.phrases import noun_phrase, sentences, tokens
from app.rubric.verbs import COMMON_VERBS, base_of_gerund, word_set

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_LEAD_IN = re.compile(
    r"^(?:(?:ok(?:ay)?|so|well|look|listen|honestly|right|yeah|yes|sure|and|but|hey|now|"
    r"then|um+|uh+|hm+|oh|ah|i think|i guess|i mean|i get (?:that|it)|i feel like|"
    r"personally|frankly|basically|really|maybe|perhaps|to be honest|in my experience|"
    r"if you ask me|here's (?:the thing|what i'd do|my advice)|my advice(?: is)?|"
    r"one more thing)\b[\s,.:!-]*)+",
    re.IGNORECASE,
)
ADVERBS = word_set(
    "really just probably definitely maybe perhaps also actually honestly seriously "
    "totally absolutely quickly first then now still simply immediately personally even "
    "ever always"
)
_EMPTY_OPENERS = re.compile(r"^(?:go ahead and|try to|try and|try|at least)\s+", re.IGNORECASE)
_TRAILING = word_set(
    "then now okay ok right alright yeah too though anyway instead either please though"
)
# Where the action ends: reasons, consequences, quotes and new clauses are not part of it.
# Each alternative opens with one of a few punctuation or space characters; that character
# is read first and checked by a lookbehind, so the search only stops at those characters
# instead of trying every alternative at every letter. A match's start is where the
# whitespace before the mark begins (see _clause).
_CLAUSE_END = Caseless(
    r"[;:\u2014\u2013,.?!\s](?:(?<=[;:\u2014\u2013])|(?<=\s)-\s|"
    r"(?<=,)\s*(?:because|since|so|as|and then|which|that way|otherwise|but|or|though|right|"
    r"okay|ok|you know|if you (?:like|want)|(?:they|you|i|we|he|she|it|that|this)\b|"
    r"just|don't|do not|please|before|after|not|no matter|every|each|even|while|"
    r"what|when|where|who|how|which|if|(?:are|aren't|is|isn't|won't|will|don't|do|didn't|did|"
    r"can't|can|wouldn't|would|shouldn't|should) (?:you|they|it|we|he|she))\b|"
    r"(?<=\s)(?:and|but) (?:don't|do not|never|(?:show|walk|teach|tell|let) (?:you|me))\b|"
    r"(?<=\s)(?:and|but|or|while|then) (?:you|i|they|we|he|she)\b|"
    r"(?<=\s)(?:because|since|so that|so they|so she|so he|so you|so it|otherwise|as soon as|"
    r"instead of|rather than|until|unless|whenever|when (?:you|they|she|he|it|we)|"
    r"once (?:you|they|it|she|he|we)|before (?:it|they|he|she|you|we|i)|if you (?:want|like)|"
    r"if that|so you don't)\b|"
    r"(?<=[.?!])(?:\s|$))"
)
# Advice forms, most specific first. Each captures the action that follows; the flag says
# the coach is speaking as the rep ("If I were you, I'd ask them to send me..."), so the
# action's first person becomes the rep's.
_ADVICE_PATTERNS: tuple[tuple[Caseless, bool], ...] = tuple(
    (Caseless(p), swap)
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
_SUGGESTING_PATTERNS = tuple(
    (Caseless(p), False)
    for p in (
        r"\b(?:could|can|would|will) you (?:maybe |perhaps |just |not )?(?P<a>.+)",
        r"\byou(?:'re| are) (?:not )?(?:going to|gonna)\s+(?P<a>.+)",
    )
)


class _Form(NamedTuple):
    pattern: Caseless
    swap: bool
    keys: tuple[str, ...]  # one of these must be in the lower-cased text for a match


# For each form, words one of which must be in the text for the form to match at all.
_FORMS = tuple(
    _Form(pattern, swap, keys)
    for (pattern, swap), keys in zip(
        _ADVICE_PATTERNS + _SUGGESTING_PATTERNS,
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
)
_ADVICE_FORMS = _FORMS[: len(_ADVICE_PATTERNS)]
_LEADING_FORMS = _FORMS  # a leading question may also suggest ("Could you ask...?")
_TAKEOVER_OFFERS = (
    "i'll",
    "i will",
    "i can",
    "i could",
    "i'm going to",
    "i am going to",
    "i'm gonna",
    "let me",
    "i'd be happy to",
    "i'm happy to",
    "^happy to",
    "i can just",
    "allow me to",
    "why don't i",
    "how about i",
    "what if i",
    "do you want me to",
    "want me to",
    "should i",
    "shall i",
)
_TAKEOVER = Caseless(r"\b(?:" + "|".join(_TAKEOVER_OFFERS) + r")\s+(?P<a>.+)")
_ON_YOUR_BEHALF = re.compile(r"\s+(?:for you|on your behalf|myself|for ya)\b")
FILLER_VERBS = word_set("going gonna able trying planning happy")
_INNER_FILLER = re.compile(r",?\s*\b(?:um+|uh+|you know),\s*|(?<=\band )like,\s*", re.IGNORECASE)
# "When they push, count to five": the condition goes, the instruction stays.
_CONDITION = re.compile(
    r"^(?:when|if|once|before|after|whenever|next time)\b[^,]{1,60},\s*", re.IGNORECASE
)


def _may_have_filler(text: str) -> bool:
    """False only when _INNER_FILLER cannot match: it always ends in a comma after a filler."""
    if "," not in text:
        return False
    if not text.isascii():
        return True  # case-insensitive matching of other scripts is left to the pattern
    lower = text.lower()
    return "um" in lower or "uh" in lower or "you know" in lower or "like," in lower


def tidy(text: str) -> str:
    """A unit without quote marks, inner fillers or lead-ins ("Okay, so honestly, ...")."""
    # Quotes go: "Try asking "what would change?"" reads as an indirect question.
    if not text.isascii():
        text = text.translate(_QUOTES)
    text = text.replace('"', "")
    if _may_have_filler(text):
        text = _INNER_FILLER.sub(" ", text)
    text = " ".join(text.split())
    lead = _LEAD_IN.match(text)  # anchored at the start: at most one match
    return (text[lead.end() :] if lead else text).strip()


def _clause(action: str) -> str:
    """The action up to where a reason, consequence or new clause begins."""
    match = _CLAUSE_END.search(action)
    if match:
        # The action also loses the whitespace just before the mark.
        action = action[: match.start].rstrip()
    words = action.strip(" ,.!?\"'").split()
    for i, word in enumerate(words[:-1] if "," in action else ()):
        # "Don't send the deck, walk them through it": a comma then a verb is a new order.
        if i > 0 and word.endswith(",") and words[i + 1].lower() in COMMON_VERBS:
            words = words[: i + 1]
            break
    while words and words[-1].lower().strip(",") in _TRAILING:
        words.pop()
    return " ".join(words).strip(" ,")


def _strip_openers(words: list[str]) -> list[str]:
    while True:
        while words and words[0].lower().strip(",") in ADVERBS:
            words = words[1:]
        opener = _EMPTY_OPENERS.match(" ".join(words))
        if not opener:
            return words
        words = words[len(opener.group().split()) :]


# "I'd ask them to send me the redlines" is the rep's action: "send you the redlines".
_REP_PERSON = {
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


def _swap_person(action: str) -> str:
    person = _REP_PERSON
    return " ".join([person.get(w.lower(), w) for w in action.split()])


def _match(text: str, forms: tuple[_Form, ...], depth: int = 0) -> str | None:
    lower = text.lower()
    for pattern, swap, keys in forms:
        for key in keys:
            if key in lower:
                break
        else:
            continue  # substring tests are far cheaper than the search they rule out
        found = pattern.search(text, lower)
        if not found:
            continue
        action = _clause(found.a)
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


def _imperative(tidied: str) -> str | None:
    """The instruction a tidied sentence gives, when it opens with a verb."""
    condition = _CONDITION.match(tidied)  # anchored at the start: at most one match
    words = _strip_openers((tidied[condition.end() :] if condition else tidied).split())
    if not words:
        return None
    head = words[0].lower().strip(",")
    negative = head in ("don't", "never") and len(words) > 1
    verb = words[1].lower() if negative else head
    if verb in COMMON_VERBS or base_of_gerund(verb) is not None:
        action = _clause(" ".join(words))
        return action if action else None
    return None


def advice_action(unit: str) -> str | None:
    """The action a piece of advice tells the rep to take, as a base-form verb phrase."""
    for sentence in sentences(unit):
        tidied = tidy(sentence)
        action = _match(tidied, _ADVICE_FORMS) or _imperative(tidied)
        if action:
            return action
    return None


def takeover_action(unit: str) -> str | None:
    """What the coach offers to do instead of the rep, in the rep's person."""
    for sentence in sentences(unit):
        text = tidy(sentence)
        for found in _TAKEOVER.finditer(text):
            action = _clause(found.a)
            if "for y" in action or "myself" in action or "behalf" in action:
                action = _ON_YOUR_BEHALF.sub("", action)
            words = _strip_openers(action.split())
            if not words or words[0].lower() in FILLER_VERBS:
                continue
            if len(words) > 1 and words[1].lower() in ("it", "this", "that"):
                # "Send me the deck, I'll fix it": the 'it' is the deck.
                before = noun_phrase(tokens(text[: found.start]))
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


def leading_action(unit: str) -> str | None:
    """The action a leading question proposes ("Have you tried going to the CFO?")."""
    for sentence in sentences(unit):
        action = _match(tidy(sentence), _LEADING_FORMS)
        if action:
            return action
    return None
