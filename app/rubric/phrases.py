"""Shallow English phrase finding for feedback rewrites: sentences, clauses, noun phrases.

No parser: word lists and a few rules that hold for how managers talk. A noun phrase is
a determiner, a name or a word after a preposition, followed by words that are not
function words, verbs that are rarely nouns, adverbs or trailing participles. Everything
here works on whitespace tokens so the words come back exactly as the coach wrote them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.rubric.verbs import COMMON_VERBS, base_of_gerund, gerund, word_set

# "every", "each" and "both" are left out: they open time phrases ("every day") far more
# often than topics.
DETERMINERS = word_set("the a an their your his her its our my this that these those some any")
SUBJECT_PRONOUNS = word_set("you i we they he she it there that this one")
OBJECT_PRONOUNS = word_set("me you him her it us them this that these those")
PREPOSITIONS = word_set(
    "to with from about on in into at for by of over around through after before during "
    "under between against without within across behind toward towards onto like"
)
_AUXILIARIES = word_set(
    "am is are was were be been being have has had do does did will would can could "
    "should shall may might must isn't aren't wasn't weren't haven't hasn't hadn't don't "
    "doesn't didn't won't wouldn't can't couldn't shouldn't mustn't i'm you're we're "
    "they're he's she's it's that's there's i've you've we've they've i'd you'd we'd "
    "they'd he'd she'd i'll you'll we'll they'll he'll she'll it'll let's what's who's "
    "how's where's when's here's"
)
_OTHERS = word_set(
    "and or but so because if when while than then yet though although until unless "
    "once since as what who whom whose which how why where whether "
    "not no nor just really still also even ever never always already maybe perhaps "
    "probably actually directly instead first now again too very quite rather pretty "
    "right okay ok yeah yes sure well um uh hm hmm oh ah like honestly basically "
    "something anything everything nothing someone anyone everyone somebody anybody "
    "all none such else "
    "here there today tomorrow tonight yesterday soon later week once twice straight "
    "away up out down off back every each both another yourself myself himself herself "
    "themselves ourselves itself"
)
FUNCTION_WORDS = (
    DETERMINERS | SUBJECT_PRONOUNS | OBJECT_PRONOUNS | PREPOSITIONS | _AUXILIARIES | _OTHERS
)
# Verbs that are rarely nouns: after a noun they end the phrase ("your champion know").
_VERB_ONLY = word_set(
    "know knows knew think thinks thought say says said want wants wanted feel feels "
    "felt see sees saw seen mean means meant get gets got go goes went gone come comes "
    "came make makes made take takes took taken give gives gave given tell tells told "
    "ask asks seem seems become becomes keep keeps kept agree agrees decide decides "
    "sign signs send sends sent reply replies try tries like likes need needs own owns"
)
# Nouns too vague to be what a question is about ("any reason", "a lot of people").
_VAGUE = word_set(
    "reason way chance point thing things stuff time bit lot kind sort people ones others folks"
)
# Words that can open a phrase ("the last demo") but end one when they come later.
_LATE_STOP = word_set("last next")
# -ly words that are nouns or adjectives inside a phrase, not adverbs.
_LY_NOUNS = word_set(
    "family supply assembly ally rally reply italy july monthly weekly daily quarterly "
    "yearly early friendly only likely"
)
_EDGE = " \t\"'“”‘’()[]"
_END = ".,;:!?…"
# A sentence break is whitespace after . ! ? or :, read whitespace first so that the
# search skips ahead to spaces instead of testing the lookbehind at every letter.
_SENTENCE = re.compile(r"\s(?<=[.!?:]\s)\s*(?=\S)")


class Token(NamedTuple):
    """A whitespace token: the word as written, its bare lower-case form, a clause end."""

    text: str
    bare: str
    ends: bool  # punctuation after it closes a clause or sentence


def tokens(text: str) -> list[Token]:
    """Whitespace tokens with punctuation-free lower-case forms."""
    out = []
    for raw in text.split():
        if raw.isalpha():
            # A plain word (most are) has no edge or end marks to strip, and no ’.
            out.append(_token(Token, (raw, raw.lower(), False)))
            continue
        word = raw.strip(_EDGE)
        core = word.rstrip(_END).strip(_EDGE)
        if core:
            bare = core.lower()
            if "’" in bare:
                bare = bare.replace("’", "'")
            out.append(_token(Token, (core, bare, word != core)))
    return out


_token = tuple.__new__  # builds a Token without the keyword handling of Token(...)


def sentences(text: str) -> list[str]:
    """The sentences of a turn or unit."""
    return [s for s in _SENTENCE.split(" ".join(text.split())) if s]


def is_verb(bare: str) -> bool:
    """A known base-form verb or its -ing form."""
    return bare in COMMON_VERBS or base_of_gerund(bare) is not None


def _adverb(bare: str) -> bool:
    return bare.endswith("ly") and len(bare) > 4 and bare not in _LY_NOUNS


def _content(token: Token, first: bool) -> bool:
    """Whether a token can continue a noun phrase (`first`: right after its opener)."""
    bare = token.bare
    if bare in FUNCTION_WORDS or _adverb(bare) or not any(c.isalnum() for c in bare):
        return False
    if first:
        return True  # "the call", "the buying committee", "a signed contract"
    return bare not in _VERB_ONLY and bare not in _LATE_STOP


def phrase_from(words: list[Token], start: int, opener: list[str]) -> str | None:
    """The noun phrase that starts at `start`, after its opener (a determiner or nothing)."""
    phrase = list(opener)
    j = start
    while j < len(words) and len(phrase) - len(opener) < 5:
        token = words[j]
        if token.bare == "of" and phrase[len(opener) :] and j + 1 < len(words):
            # "chief of staff", "head of sales": "of" joins two nouns, and the second ends it.
            if words[j - 1].ends or not _content(words[j + 1], first=True):
                break
            phrase += [token.text, words[j + 1].text]
            break
        if not _content(token, first=(j == start)):
            break
        if (
            j > start
            and token.bare in COMMON_VERBS
            and j + 1 < len(words)
            and words[j + 1].bare in DETERMINERS | OBJECT_PRONOUNS
        ):
            break  # "a pilot lower their risk": a verb with its object
        phrase.append(token.text)
        if token.ends:
            break
        j += 1
    # A participle can sit inside a phrase ("the data processing addendum") but not end it
    # ("their team going", "the drinking started").
    while len(phrase) > len(opener) and _participle(phrase[-1]):
        phrase.pop()
    while len(phrase) > len(opener) and phrase[-1].lower() == "of":
        phrase.pop()
    content = phrase[len(opener) :]
    if not content or content[0].lower() in _VAGUE:
        return None
    return " ".join(phrase)


def _participle(word: str) -> bool:
    """A known verb's -ing or -ed form ('going', 'started'; not 'programming')."""
    lower = word.lower()
    if lower.endswith("ing"):
        return base_of_gerund(lower) is not None
    if lower.endswith("ed") and len(lower) > 4:
        stem = lower[:-2]
        return any(c in COMMON_VERBS for c in (stem, stem + "e", lower[:-1], stem[:-1]))
    return False


def noun_phrase(words: list[Token]) -> str | None:
    """The first noun phrase: 'the CFO', 'their technical team', 'Sales Ops', 'legal'."""
    for i, token in enumerate(words):
        bare = token.bare
        if bare in DETERMINERS and not token.ends:
            found = phrase_from(words, i + 1, [bare])
            if found:
                return found
        elif (
            token.text[:1].isupper()
            and bare not in FUNCTION_WORDS
            and not is_verb(bare)
            and not _adverb(bare)
        ):
            name = [token.text]
            for nxt in words[i + 1 : i + 3]:
                if words[i + len(name) - 1].ends or not nxt.text[:1].isupper():
                    break
                if nxt.bare in FUNCTION_WORDS:
                    break
                name.append(nxt.text)
            return " ".join(name)
        elif (
            i > 0
            and words[i - 1].bare in PREPOSITIONS
            and not words[i - 1].ends
            and bare.isalpha()
            and bare not in FUNCTION_WORDS
            and not (words[i - 1].bare == "to" and is_verb(bare))
            and not _adverb(bare)
        ):
            return phrase_from(words, i, [])
    return None


def definite(phrase: str) -> str:
    """'a budget' → 'the budget': the rewrite talks about the thing the coach named."""
    first, _, rest = phrase.partition(" ")
    return f"the {rest}" if first.lower() in ("a", "an", "some", "any") and rest else phrase


def gerund_phrase(action: str) -> str | None:
    """'call the CFO and ask about budget' → 'calling the CFO and asking about budget'."""
    words = action.split()
    if not words:
        return None
    negated = False
    if words[0].lower() in ("don't", "do") and len(words) > 1:
        words = words[2:] if words[0].lower() == "do" and words[1].lower() == "not" else words[1:]
        negated = True
    if not words:
        return None
    head = words[0].lower()
    if head in FUNCTION_WORDS and head not in ("have", "be", "do", "let", "keep", "get"):
        return None
    if not head.replace("-", "").isalpha():
        return None
    out = [gerund(head)]
    for i, word in enumerate(words[1:], start=1):
        previous = words[i - 1].lower()
        lower = word.lower()
        coordinated = previous in ("and", "or", "then")
        if coordinated and word.islower() and lower in COMMON_VERBS:
            out.append(gerund(lower))
        else:
            out.append(word)
    return ("not " if negated else "") + " ".join(out)
