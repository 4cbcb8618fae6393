"""The cues of one coach unit: the named features the act model weighs.

A cue is a short string: its group before the dot, its value after ("start2.have you",
"form.inv_you_action", "ctx.overlap2"). The groups are the kinds of evidence that carry
over from one conversation to the next: how the unit opens, its grammatical form (a
wh-question, an inverted auxiliary, an instruction, a statement), how its later clauses
open, who does what with which modal ("you should", "I'll send", "want me to"), a few word
classes (feelings, praise, figures, general facts), the classic question forms as
principled patterns, and what the rep said just before (how many of the rep's words come
back, whether the rep asked a question or for help, or said yes to the coach's offer of
advice). Words and word pairs are cues too.

Everything is computed once per unit from one tokenisation, with set look-ups and a few
anchored patterns tried only where the opening word allows them, so tagging stays fast on
text it has never seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import reduce
from itertools import repeat
from operator import or_

from app.rubric import lexicon as lx
from app.rubric.context import Signals, normalise
from app.rubric.lexicon import wordset
from app.rubric.overlap import STEM_CACHE, stems_of, tokens
from app.rubric.speedups import native

# Disfluencies inside a unit ("you're, um, feeling", "you're- you're") hide the cue words.
_INNER_FILLER = re.compile(r"(?:,\s*)?\b(?:u+m+|u+h+|e+r+m*)\b,?|,\s*like,|\b([\w']+)- (?=\1\b)")
_TRAIL = " .!?,;:-\"')(…"
_DIGIT = re.compile(r"\d")

WH_WORDS = wordset("what how why when where who whom whose which")
AUX_WORDS = wordset(
    "do does did is are was were have has had can could will would should shall may might must "
    "am don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't can't couldn't "
    "won't wouldn't shouldn't"
)
SUBJECT_WORDS = wordset(
    "you i we they he she it that this there these those the your our their his her anyone "
    "anything anybody everyone someone somebody any y'all u ya a an my people things not"
)
# "Do it every time", "Don't promise a date", "Have a go at the next one": auxiliaries that
# also open instructions. They ask only with a person as subject ("do you", "has anyone").
_IMPERATIVE_AUX = frozenset(("do", "don't", "have"))
_PERSON_SUBJECTS = wordset(
    "you i we they he she u ya y'all people anyone anybody everyone someone somebody your"
)
_MODALS = wordset(
    "should shouldn't need needs must have has could might may ought gotta better can can't "
    "will would"
)
_ME_WORDS = wordset("i i'm i'll i'd i've me my myself mine")
_SUBJECTS = frozenset(("you", "we", "they"))
_YOU_SUBJECTS = frozenset(("you", "you've", "you'd"))
_OFFERS = frozenset(("i'll", "i'd"))
_FIRST_PERSON_MODALS = frozenset(("can", "could", "will", "might", "may"))
_PERSONS = _SUBJECTS | _OFFERS | {"i", "i'm", "me", "myself"}
_INTENT = frozenset(("going", "happy", "about", "glad"))
_OFFER_CUES = frozenset(
    f"modal.i_{kind}_{what}" for kind in ("offer", "would", "act") for what in ("talk", "work")
) | {"modal.me_to", "modal.myself"}
# "Do", "be" and "don't" alone are answers, not instructions.
_BARE = frozenset(("do", "be", "don't"))
# After a word that could be a verb, these show it took an object: "Strengthen your grip".
_DETERMINERS = wordset("the a an your their his her my our this that these those some")
_SUBJECT = {
    **dict.fromkeys(lx.SECOND_PERSON_WORDS, "subject.you"),
    **dict.fromkeys(("i", "i'm", "i've", "i'd", "i'll", "my", "me"), "subject.i"),
    **dict.fromkeys(("we", "we're", "we've", "we'd", "we'll", "our"), "subject.we"),
    **dict.fromkeys(
        ("it", "it's", "that", "that's", "this", "there", "there's", "which"), "subject.it"
    ),
}

# The principled question forms of lexicon.py, each a cue when it matches, tried only when
# the unit's first word can begin it.
_LEADING_START = AUX_WORDS | {"how", "why", "what", "surely", "you", "you'd", "you're", "any"}
_POLITE_START = wordset("can could would will do does any what")
_EMBEDDED_START = frozenset(("i'm", "i", "i'd"))
_PLANNED_START = frozenset(("you'll", "you", "you're"))


@dataclass(slots=True)
class Cues:
    """A unit read for the model: its normalised core, its words and its cue names."""

    core: str
    words: list[str]
    # Every cue but the words and word pairs, which the model reads from `words` itself
    # (`model.with_words` spells all of them out).
    names: list[str]
    # The words behind a pattern cue, shown in the reason ("leading form 'have you tried'").
    shown: dict[str, str] = field(default_factory=dict)
    filler_only: bool = False
    # Asked as a question: a wh-question or an inverted auxiliary, ending with "?".
    asks: bool = False
    # Asks for an account: how or why (not how many, how long, or on a scale), or what
    # the rep thinks, plans or feels ("what's your plan?"). No yes or no answers it.
    asks_for_account: bool = False
    # The coach offers things only to the rep ("I'll see you Friday"), doing no rep's work.
    offers_to_rep: bool = False
    # The coach says they will do something ("I'll", "let me", "want me to", "myself").
    offers: bool = False
    # Stated, not asked: the coach will do a task ("I'll email her", "let me draft it").
    takes_over: bool = False
    # A statement that tells the rep what to do: "you need to call her", "you should
    # really push back", "you've got to ask".
    prescribes: bool = False


def clean(text: str) -> tuple[str, str]:
    """The unit normalised, and its core: without disfluencies and leading fillers."""
    s = normalise(text)
    if (
        " um" in s
        or " uh" in s
        or " er " in s
        or " er," in s
        or " erm" in s
        or s.startswith(("um", "uh", "er"))
        or ", like," in s
        or "- " in s
    ):
        s = _without_disfluencies(s)
    lead = lx.FILLERS.match(s)
    if lead:
        core = s[lead.end() :]
        if core.rstrip(_TRAIL):
            return s, core
    return s, s


def _without_disfluencies(s: str) -> str:
    return " ".join(_INNER_FILLER.sub(" ", s).split())


def read(text: str, signals: Signals) -> Cues:
    """Every cue of one unit, given what the rep said before it."""
    if reader is not None:
        return reader.read(text, signals)
    return read_in_python(text, signals)


def read_in_python(text: str, signals: Signals) -> Cues:
    """`read` as defined here, even where `_speedups` reads in C."""
    s, core = clean(text)
    names = ["bias"]
    # A backchannel is a few words at most; longer units need not be tried.
    if (len(s) < 60 and lx.BACKCHANNEL.match(s)) or not core.rstrip(_TRAIL):
        return Cues(core, [], names, filler_only=True)
    if core is not s:
        names.append("lead." + s.split(None, 1)[0].strip(",.!-"))
    words = tokens(core)
    vocabulary = set(words)
    if len(vocabulary) < len(words) and ", " in core:
        restarted = _drop_false_starts(core)
        if restarted is not core:
            core = restarted
            words = tokens(core)
    n = len(words)
    if not n:
        return Cues(core, words, names, filler_only=True)
    # Its opening words, form and patterns come from the main clause: after a subordinate
    # clause ("Before we get to Tom, walk me through it") or a short lead-in ("Of those,
    # which one first?", "Marcus, do you think...") they are in the second clause.
    head, opening = core, words
    comma = core.find(", ")
    if comma > 0:
        if words[0] in lx.SUBORDINATORS and (n < 2 or words[1] not in AUX_WORDS):
            lead = "lead.subordinate"
        elif core.count(" ", 0, comma) < 3:
            lead = "lead.short"
        else:
            lead = ""
        if lead:
            main = core[comma + 2 :]
            main_words = tokens(main)
            if len(main_words) > 1:
                names.append(lead)
                head, opening = main, main_words
    ends_q = core.endswith("?") or core.rstrip(" \"')").endswith("?")
    names.append("len." + _length(n))
    if ends_q:
        names.append("q.end")
    elif "?" in core:
        names.append("q.inside")
    m = len(opening)
    w0 = opening[0]
    w1 = opening[1] if m > 1 else "#"
    w2 = opening[2] if m > 2 else "#"
    names.append("start1." + w0)
    names.append(f"start2.{w0} {w1}")
    names.append(f"start3.{w0} {w1} {w2}")

    shown: dict[str, str] = {}
    form = _form(opening, m, w0, w1, ends_q, names)
    _patterns(head, w0, form == "wh", names, shown)
    later_prescribes = "," in head and _clauses(head, ends_q, names)
    mask = reduce(or_, map(_WORD_BITS.get, vocabulary, repeat(0)), 0)
    offers = to_rep = False
    if mask & _PERSON_BIT:
        before = len(names)
        to_rep = _persons(words, n, names)
        offers = any(name in _OFFER_CUES for name in names[before:]) or "me" in vocabulary
    offers = offers or (form == "inverted" and w1 == "i")  # "shall I", "can I", "should I"
    if _DIGIT.search(core):
        mask |= _FIGURE_BIT
    names += _CLASS_NAMES[mask & _CLASS_MASK]
    names += signals.cues
    if signals.rep_text is not None:
        stems = stems_of(words)
        shared = len(stems & signals.rep_stems)
        names.append(_OVERLAP[min(shared, 3)])
        if form == "statement":
            # A statement that gives back none of the rep's words, or answers the rep's
            # question, is less likely to reflect: the model needs the pair, not each alone.
            names.append(_STATEMENT_OVERLAP[min(shared, 2)])
            if signals.rep_asked_question:
                names.append("stmt.answers")
            if ends_q:
                names.append("uptalk.echo" if shared else "uptalk.new")
        if shared:
            share = shared / len(stems)
            names.append(_SHARE[0] if share < 0.34 else _SHARE[1] if share < 0.67 else _SHARE[2])
    if signals.rep_text is None and form == "statement" and ends_q:
        names.append("uptalk.new")  # with nothing said before, there is nothing to give back
    asks = ends_q and (form == "inverted" or (form == "wh" and "form.wh_subject" not in names))
    for_account = (
        form == "wh"
        and "rx.closed_wh" not in shown
        and "rx.scale" not in names
        and (w0.partition("'")[0] in ("how", "why") or lx.ACCOUNT_WHAT.match(head) is not None)
    )
    return Cues(
        core,
        words,
        names,
        shown,
        asks=asks,
        asks_for_account=for_account,
        offers_to_rep=to_rep,
        offers=offers,
        takes_over=offers and not to_rep and not ends_q and "modal.i_offer_work" in names,
        prescribes=not ends_q
        and form == "statement"
        and (later_prescribes or _prescribes(opening)),
    )


_OVERLAP = ("ctx.overlap0", "ctx.overlap1", "ctx.overlap2", "ctx.overlap3")
_STATEMENT_OVERLAP = ("stmt.overlap0", "stmt.overlap1", "stmt.overlap2")
_SHARE = ("ctx.share_low", "ctx.share_mid", "ctx.share_high")


def _length(n: int) -> str:
    if n <= 2:
        return "1" if n == 1 else "2"
    return "4" if n <= 4 else "8" if n <= 8 else "16" if n <= 16 else "more"


def _drop_false_starts(core: str) -> str:
    """Without the first go of a false start ("have you, have you tried": "have you tried")."""
    parts = core.split(", ")
    kept = [parts[0]]
    changed = False
    for part in parts[1:]:
        before = kept[-1]
        ending = before.rsplit(" ", 3)[-3:]
        for k in range(len(ending), 0, -1):
            said = " ".join(ending[-k:])
            if part == said or part.startswith(said + " "):
                kept[-1] = before[: len(before) - len(said)].rstrip()
                changed = True
                break
        if not kept[-1]:
            kept.pop()
        kept.append(part)
    return ", ".join(kept) if changed else core


def _skip(words: list[str], start: int) -> int:
    """The index of the first word from `start` that is not padding ("just", "maybe")."""
    last = len(words) - 1
    i = start
    while i < last and words[i] in lx.PADDING:
        i += 1
    return i


def _form(words: list[str], n: int, w0: str, w1: str, ends_q: bool, names: list[str]) -> str:
    """The unit's grammatical form: "wh", "inverted", "instruction" or "statement"."""
    head, apostrophe, _ = w0.partition("'")
    if head in WH_WORDS:
        # "what's", "how'd": the contraction is the auxiliary.
        if apostrophe or w1 in AUX_WORDS:
            names.append("form.wh_aux")
        else:
            names.append("form.wh_subject" if w1 in SUBJECT_WORDS else "form.wh_other")
        if ends_q:
            names.append("form.wh_q")
        return "wh"
    if w0 in AUX_WORDS and (w1 in _PERSON_SUBJECTS if w0 in _IMPERATIVE_AUX else True):
        names.append("form.inverted" if w1 in SUBJECT_WORDS else "form.aux_start")
        if ends_q:
            names.append("form.inverted_q")
        if w1 == "you":
            verb = words[_skip(words, 2)] if n > 2 else ""
            if verb in lx.INVITE_VERBS:
                names.append("form.inv_you_invite")
            elif verb in lx.MENTAL_VERBS:
                names.append("form.inv_you_mental")
            elif verb in lx.INSTRUCTION_VERBS:
                names.append("form.inv_you_action")
            else:
                names.append("form.inv_you_other")
        elif w1 == "i":
            names.append("form.inv_i")
        return "inverted"
    at = _skip(words, 0)
    verb = words[at]
    after = words[at + 1] if at + 1 < n else ""
    if verb in lx.INSTRUCTION_VERBS and after not in lx.FINITE and (after or verb not in _BARE):
        names.append("form.imperative")
        return "instruction"
    if (
        verb not in lx.NOT_VERB
        and (after in lx.OBJECT_START or after in _DETERMINERS)
        and not verb.endswith(("s", "ed", "ing", "ly"))
    ):
        names.append("form.imperative_guess")
        return "instruction"
    names.append("form.statement")
    # Who the statement is about: the rep, the coach, "it", or someone else.
    names.append(_SUBJECT.get(w0, "subject.other"))
    if ends_q:
        names.append("form.statement_q")
    return "statement"


def _patterns(core: str, w0: str, wh: bool, names: list[str], shown: dict[str, str]) -> None:
    """The principled question forms of lexicon.py that match this unit."""
    checks: list[tuple[str, re.Pattern[str]]] = [("rx.invite", lx.OPEN_INVITE)]
    if w0 in _LEADING_START:
        checks.append(("rx.leading", lx.LEADING))
    if wh:
        checks.append(("rx.closed_wh", lx.CLOSED_WH))
        checks.append(("rx.wh_question", lx.WH_QUESTION))
    if w0 in _POLITE_START:
        checks.append(("rx.polite_open", lx.POLITE_OPEN))
    if w0 in _EMBEDDED_START:
        checks.append(("rx.embedded_closed", lx.EMBEDDED_CLOSED))
    if w0 in _PLANNED_START:
        checks.append(("rx.planned", lx.PLANNED_FOR_YOU))
    for name, pattern in checks:
        m = pattern.match(core)
        if m:
            names.append(name)
            shown[name] = m.group(0)
    if "scale of" in core or "out of ten" in core or "out of 10" in core:
        names.append("rx.scale")
    if "your" in core and (
        "up to you" in core
        or "your call" in core
        or "your choice" in core
        or "your decision" in core
    ):
        names.append("rx.autonomy")


def _clauses(core: str, ends_q: bool, names: list[str]) -> bool:
    """How the clauses after a comma open: a later question or instruction is often the act.

    True when one of them tells the rep what to do ("..., you need to push Greg harder").
    """
    prescribes = False
    for part in core.split(",")[1:]:
        words = tokens(part)
        if not words:
            continue
        prescribes = prescribes or _prescribes(words)
        first = words[0]
        names.append("clause1." + first)
        if len(words) > 1:
            names.append(f"clause2.{first} {words[1]}")
        if first in lx.INSTRUCTION_VERBS and (len(words) < 2 or words[1] not in lx.FINITE):
            names.append("clause.imperative")
        elif first.partition("'")[0] in WH_WORDS:
            names.append("clause.wh_q" if ends_q else "clause.wh")
    return prescribes


# "You should", "you need to", "you must", "you have to", "you've got to", "you'd better".
_PRESCRIBING = frozenset(
    ("should", "need", "needs", "must", "have", "got", "gotta", "ought", "better")
)
_TO = frozenset(("to", "got"))


def _prescribes(words: list[str]) -> bool:
    """Whether a clause opens "you" + a modal of obligation + an action verb ("but you
    need to call her", "you should really push back")."""
    start = 1 if words and words[0] == "but" else 0
    start = _skip(words, start)
    if len(words) < start + 3 or words[start] not in _YOU_SUBJECTS:
        return False
    at = _skip(words, start + 1)
    if words[at] not in _PRESCRIBING:
        return False
    at += 1
    while at < len(words) and (words[at] in _TO or words[at] in lx.PADDING):
        at += 1
    # "You should be proud", "you need to be sure": a state, not a task; "you really
    # should." names none.
    return at < len(words) and words[at] in lx.INSTRUCTION_VERBS and words[at] != "be"


def _persons(words: list[str], n: int, names: list[str]) -> bool:
    """Who does what: "you should", "we need to", "I'll send", "let me", "want me to".

    True when the coach offers something and every offer is made to the rep ("I'll see
    you Friday", "let me ask you something"): the coach's own part of the conversation.
    """
    offers = to_rep = 0
    for i, w in enumerate(words):
        if w not in _PERSONS:
            continue
        if w in _SUBJECTS:
            if i + 1 < n:
                modal = words[_skip(words, i + 1)]
                if modal in _MODALS:
                    names.append(f"modal.{w}")
                    names.append(f"modal.{w}_{modal}")
            continue
        if w in _OFFERS or (w == "me" and i and words[i - 1] == "let"):
            made = _offer(words, i + 1, "would" if w == "i'd" else "offer", names)
        elif w == "i":
            if i + 1 >= n:
                continue
            if words[i + 1] in _FIRST_PERSON_MODALS:
                made = _offer(words, i + 2, "offer", names)
            elif words[_skip(words, i + 1)] in lx.INSTRUCTION_VERBS or words[i - 1] == "if":
                # "Why don't I take the call", "quicker if I just wrote it": the coach acting.
                made = _offer(words, i + 1, "act", names)
            else:
                continue
        elif w == "i'm":
            # "I'm going to ring them", "I'm gonna ring them", "I'm happy to draft it".
            if i + 1 < n and words[i + 1] == "gonna":
                made = _offer(words, i + 2, "offer", names)
            elif i + 2 < n and words[i + 1] in _INTENT and words[i + 2] == "to":
                made = _offer(words, i + 3, "offer", names)
            else:
                continue
        elif w == "me":
            if not (i and i + 1 < n and words[i + 1] == "to"):
                continue
            names.append("modal.me_to")
            made = False
        else:
            names.append("modal.myself")
            made = False
        if made is not None:
            offers += 1
            to_rep += made
    return offers > 0 and offers == to_rep


def _offer(words: list[str], start: int, kind: str, names: list[str]) -> bool | None:
    """Name an offer ("I'll send", "let me ask"); whether it is made to the rep, or None."""
    if start >= len(words):
        return None
    at = _skip(words, start)
    verb = words[at]
    # "I'll send you the notes", "let me ask you": said or sent to the rep, not work done
    # in the rep's place ("I'll make you a reading list", "I'll cover your shifts").
    to_rep = verb in lx.TO_REP_VERBS and at + 1 < len(words) and words[at + 1] == "you"
    talk = verb in lx.TALK_VERBS or to_rep
    names.append(f"modal.i_{kind}_{'talk' if talk else 'work'}")
    return to_rep


# Word classes as bits, so one pass over a unit's words finds all of them.
_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("class.you", lx.SECOND_PERSON_WORDS),
    ("class.me", _ME_WORDS),
    ("class.feeling", lx.FEELING_WORDS),
    ("class.praise", lx.PRAISE_WORDS),
    ("class.positive", lx.POSITIVE_WORDS),
    ("class.negative", lx.NEGATION_WORDS),
    ("class.generic", lx.GENERIC_WORDS),
    ("class.hedge", lx.HEDGE_WORDS),
    ("class.figure", lx.MEASURE_WORDS),
    ("class.number", lx.NUMBER_WORDS),
)
_PERSON_BIT = 1 << len(_CLASSES)
_FIGURE_BIT = 1 << 8
_NUMBER_BIT = 1 << 9


def _word_bits() -> dict[str, int]:
    bits: dict[str, int] = {}
    for k, (_, members) in enumerate(_CLASSES):
        for word in members:
            bits[word] = bits.get(word, 0) | 1 << k
    for word in _PERSONS:
        bits[word] = bits.get(word, 0) | _PERSON_BIT
    return bits


def _class_names(mask: int) -> tuple[str, ...]:
    if mask & _FIGURE_BIT:
        mask &= ~_NUMBER_BIT  # a figure that measures says more than a count in passing
    return tuple(name for k, (name, _) in enumerate(_CLASSES) if mask >> k & 1)


_WORD_BITS = _word_bits()
_CLASS_NAMES = tuple(_class_names(mask) for mask in range(1 << len(_CLASSES)))
_CLASS_MASK = (1 << len(_CLASSES)) - 1


def _reader_tables() -> dict[str, object]:
    """Everything `read_in_python` reads with, by the names `_speedups.CueReader` asks for."""
    return {
        "wh_words": WH_WORDS,
        "aux_words": AUX_WORDS,
        "subject_words": SUBJECT_WORDS,
        "imperative_aux": _IMPERATIVE_AUX,
        "person_subjects": _PERSON_SUBJECTS,
        "modals": _MODALS,
        "subjects": _SUBJECTS,
        "you_subjects": _YOU_SUBJECTS,
        "offers": _OFFERS,
        "first_person_modals": _FIRST_PERSON_MODALS,
        "persons": _PERSONS,
        "intent": _INTENT,
        "bare": _BARE,
        "determiners": _DETERMINERS,
        "leading_start": _LEADING_START,
        "polite_start": _POLITE_START,
        "embedded_start": _EMBEDDED_START,
        "planned_start": _PLANNED_START,
        "prescribing": _PRESCRIBING,
        "to": _TO,
        "subordinators": lx.SUBORDINATORS,
        "padding": lx.PADDING,
        "instruction_verbs": lx.INSTRUCTION_VERBS,
        "finite": lx.FINITE,
        "not_verb": lx.NOT_VERB,
        "object_start": lx.OBJECT_START,
        "invite_verbs": lx.INVITE_VERBS,
        "mental_verbs": lx.MENTAL_VERBS,
        "to_rep_verbs": lx.TO_REP_VERBS,
        "talk_verbs": lx.TALK_VERBS,
        "fillers": lx.FILLERS.match,
        "backchannel": lx.BACKCHANNEL.match,
        "open_invite": lx.OPEN_INVITE.match,
        "leading": lx.LEADING.match,
        "closed_wh": lx.CLOSED_WH.match,
        "wh_question": lx.WH_QUESTION.match,
        "polite_open": lx.POLITE_OPEN.match,
        "embedded_closed": lx.EMBEDDED_CLOSED.match,
        "planned_for_you": lx.PLANNED_FOR_YOU.match,
        "account_what": lx.ACCOUNT_WHAT.match,
        "digit": _DIGIT.search,
        "normalise": normalise,
        "without_disfluencies": _without_disfluencies,
        "drop_false_starts": _drop_false_starts,
        "stems_of": stems_of,
        "stem_cache": STEM_CACHE,
        "cues_type": Cues,
        "cues_fields": tuple(f.name for f in fields(Cues)),
        "subject_of": _SUBJECT,
        "word_bits": _WORD_BITS,
        "class_names": _CLASS_NAMES,
        "person_bit": _PERSON_BIT,
        "figure_bit": _FIGURE_BIT,
        "class_mask": _CLASS_MASK,
    }


# Where `_speedups` is built, `read` reads in C with these very tables.
reader = native.CueReader(_reader_tables()) if native is not None else None
