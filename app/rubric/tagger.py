"""Tag coach turns with dialogue acts, unit by unit, with the reason for every decision.

Each unit goes through a short, ordered list of explainable rules: fillers and social
talk, takeover offers, questions (leading, open, closed, with or without "?"), then
statements (see statements.py). Context comes from the rep's last turn: how much of it a
statement gives back, whether the rep asked a question or for help, and whether the rep
said yes to the coach's offer of advice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.domain.acts import PRIMARY_PRIORITY, Act, Speaker
from app.domain.transcript import TaggedTurn, Transcript, Turn, Unit
from app.rubric import lexicon as lx
from app.rubric.context import CONTEXT_WINDOW, NO_CONTEXT, Signals, normalise
from app.rubric.segment import split_units
from app.rubric.statements import AFFIRMATION, decide, evidence, restatement

__all__ = ["primary_act", "tag_transcript", "tag_turn", "tag_units"]

_TRAIL = " .!?,;:-\"')(…"
_SO_LEAD = re.compile(r"^(?:\W*(?:um+|uh+|okay|ok|right|yeah|and|well|oh)\b[\s,]*)*so\b")
_CHOICE = re.compile(r"\bor\b[^,;]{0,30}\?\W*$")
_WH_START = re.compile(r"^(?:what|how|why|when|where|who|whom|whose|which)\b")
# Disfluencies inside a unit ("you're, um, feeling", "you're- you're") hide cue phrases.
_INNER_FILLER = re.compile(r"(?:,\s*)?\b(?:u+m+|u+h+|e+r+m*)\b,?|,\s*like,|\b([\w']+)- (?=\1\b)")


def _cue(text: str, words: int = 5) -> str:
    parts = text.strip(" ,;").split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a unit's own words decide; the rep's last turn settles the rest."""

    decided: tuple[Act, str] | None  # settled by form alone (a question, a greeting...)
    core: str = ""  # normalised text without leading fillers
    so_lead: bool = False
    spoken_question: str | None = None  # a statement ending in "?": its text without a tag
    tag: str | None = None  # ... and its tag: "press" ("isn't it?") or "check" ("right?")
    check: bool = False  # a short check ("is that right?"), part of a reflection before it


def _question_act(core: str, ends_q: bool) -> tuple[Act, str] | None:
    """Classify a unit by its question form, or None when the form does not ask."""
    lead = lx.LEADING.match(core)
    if lead:
        cue = _cue(lead.group(0), 4)
        return (
            Act.LEADING_QUESTION,
            f"starts with '{cue}' + a proposed action: advice as a question",
        )
    if lx.EMBEDDED_CLOSED.match(core):
        return Act.CLOSED_QUESTION, "asks whether something is so ('I'm wondering if')"
    invite = lx.OPEN_INVITE.match(core)
    if invite:
        mark = "" if ends_q else " (no '?' needed)"
        return Act.OPEN_QUESTION, f"invites the rep to talk ('{_cue(invite.group(0), 4)}'){mark}"
    if lx.WH_QUESTION.match(core) or (ends_q and _WH_START.match(core)):
        if ends_q and _CHOICE.search(core):
            return Act.CLOSED_QUESTION, "offers a choice ('... or ...?')"
        closed = lx.CLOSED_WH.match(core)
        if closed:
            return Act.CLOSED_QUESTION, f"asks for a short fact ('{_cue(closed.group(0), 3)}')"
        word = core.split(None, 1)[0]
        return Act.OPEN_QUESTION, f"a '{word}' question that asks the rep to explain"
    if lx.AUX_QUESTION.match(core) or (ends_q and lx.AUX_START.match(core)):
        if lx.POLITE_OPEN.match(core):
            return Act.OPEN_QUESTION, "a yes/no form that invites a full answer ('can you tell')"
        head = " ".join(core.split()[:2])
        return Act.CLOSED_QUESTION, f"starts with '{head}': a yes/no question"
    if lx.POLITE_OPEN.match(core):
        return Act.OPEN_QUESTION, "asks for the rep's thoughts or options"
    return None


@lru_cache(maxsize=32768)
def _read(text: str) -> _Reading:
    """Everything about a unit that does not depend on context (cached: phrases recur)."""
    s = normalise(text)
    if (
        " um" in s
        or " uh" in s
        or " er" in s
        or s.startswith(("um", "uh", "er"))
        or (", like," in s or "- " in s)
    ):
        s = _INNER_FILLER.sub(" ", s)
    if lx.BACKCHANNEL.match(s):
        return _Reading((Act.OTHER, "only a filler or acknowledgement"))
    lead = lx.FILLERS.match(s)
    core = (s[lead.end() :] or s) if lead else s
    if not core.rstrip(_TRAIL):
        return _Reading((Act.OTHER, "only a filler or acknowledgement"))
    ends_q = s.rstrip(" \"')").endswith("?")
    so_lead = _SO_LEAD.match(s) is not None
    check = lx.CHECK.match(core) is not None
    if (lx.SOCIAL.match(core) or lx.SOCIAL.match(s)) and not AFFIRMATION.match(" " + core):
        return _Reading((Act.OTHER, "greeting, thanks, small talk or logistics"), check=check)

    padded = " " + core
    # Every takeover cue has the coach as "I" or "me" (or "happy to"): skip the search if not.
    maybe_me = " i " in padded or " i'" in padded or " me" in padded or "happy" in padded
    take = lx.TAKEOVER.search(padded) if maybe_me else None
    if take:
        at = take.start("act")
        if not lx.NOT_TAKEOVER_OBJECT.search(padded, at, at + 40):
            why = f"the coach offers to do the rep's work ('{_cue(take.group('act'))}')"
            return _Reading((Act.TAKEOVER, why), check=check)

    asked = _question_act(core, ends_q)
    if asked is not None:
        return _Reading(asked, check=check)
    if ends_q:
        tag = lx.TAG_QUESTION.search(core)
        stem = core[: tag.start()] if tag else core.rstrip(_TRAIL)
        kind = ("press" if lx.PRESS_TAG.search(core) else "check") if tag else None
        return _Reading(None, core, so_lead, spoken_question=stem, tag=kind, check=check)
    return _Reading(None, core, so_lead, check=check)


def _spoken_question(reading: _Reading, signals: Signals) -> tuple[Act, str]:
    """A statement spoken as a question: a suggestion or a view pressed with a tag leads, a
    restatement of the rep reflects, anything else asks the rep to confirm a fact."""
    stem = reading.spoken_question or ""
    ev = evidence(stem, reading.so_lead)
    act, why = decide(ev, signals)
    if act is Act.ADVICE:
        return Act.LEADING_QUESTION, f"advice with a question tag: {why}"
    if reading.tag is not None and lx.PLANNED_FOR_YOU.match(stem):
        return Act.LEADING_QUESTION, "the rep's next step stated for them, with a tag: a reminder"
    if act is Act.AFFIRMATION:
        return act, why
    restated = restatement(ev, signals)
    if restated:
        return Act.REFLECTION, f"a restatement ending in '?': {restated}"
    if reading.tag == "press":
        return Act.LEADING_QUESTION, "the coach's own view with a tag that presses for agreement"
    return Act.CLOSED_QUESTION, "a statement with a rising '?': asks the rep to confirm"


def _classify(text: str, signals: Signals, previous: Act | None) -> tuple[Act, str]:
    reading = _read(text)
    if previous is Act.REFLECTION and reading.check:
        return Act.REFLECTION, "checks the reflection just given ('is that right?')"
    if reading.decided is not None:
        return reading.decided
    if reading.spoken_question is not None:
        return _spoken_question(reading, signals)
    return decide(evidence(reading.core, reading.so_lead), signals)


def _unit(text: str, signals: Signals, previous: Act | None) -> Unit:
    act, why = _classify(text, signals, previous)
    permitted = False
    if act is Act.ADVICE and signals.has_context:
        if signals.help_asked:
            permitted, why = True, why + "; permitted: the rep asked for help"
        elif signals.permission_given:
            permitted = True
            why += f"; permitted: the rep said yes to '{signals.permission_given}'"
    return Unit(text=text, act=act, reason=f"{why} → {act.value}", permitted=permitted)


def tag_units(text: str, context: Sequence[Turn] = ()) -> list[Unit]:
    """Split a coach turn into units and tag each with an act and the reason for it."""
    signals = Signals.read(context) if context else NO_CONTEXT
    units: list[Unit] = []
    previous: Act | None = None
    for piece in split_units(text):
        unit = _unit(piece, signals, previous)
        units.append(unit)
        previous = unit.act
    if len(units) > 1:
        acts = {u.act for u in units}
        if Act.AFFIRMATION in acts:
            units = [_echo_as_praise(u) for u in units]
        elif Act.INFORMATION in acts:
            units = [_acknowledgement(u) for u in units]
    return units


def _acknowledgement(unit: Unit) -> Unit:
    # "That's a common one. Raised enzymes often come down...": a few words of
    # acknowledgement before a fact are not a reflection that outranks the fact.
    if unit.act is not Act.REFLECTION or len(unit.text.split()) > 5:
        return unit
    why = "a brief acknowledgement before the information in this turn"
    return Unit(text=unit.text, act=Act.OTHER, reason=f"{why} → other")


def _echo_as_praise(unit: Unit) -> Unit:
    # "You were scared and you stayed anyway. That took courage.": what the rep did, said
    # back beside the praise, is the evidence the praise recognises, not a reflection of
    # its own; the turn's point is the recognition.
    if unit.act is not Act.REFLECTION:
        return unit
    why = "says back what the rep did, as the evidence for the praise in this turn"
    return Unit(text=unit.text, act=Act.AFFIRMATION, reason=f"{why} → affirmation")


_RANK = {act: rank for rank, act in enumerate(PRIMARY_PRIORITY)}


def primary_act(units: Sequence[Unit]) -> Act:
    """The act that matters most for coaching in a turn (PRIMARY_PRIORITY); OTHER if none."""
    if not units:
        return Act.OTHER
    return min((u.act for u in units), key=_RANK.__getitem__)


def tag_turn(text: str, context: Sequence[Turn] = (), index: int = 0) -> TaggedTurn:
    """Tag one coach turn: its units and its primary act."""
    units = tag_units(text, context)
    return TaggedTurn(
        index=index, speaker=Speaker.COACH, text=text, units=units, act=primary_act(units)
    )


def tag_transcript(transcript: Transcript) -> list[TaggedTurn]:
    """Tag every turn (1-based index); coach turns read the turns before them as context."""
    turns = transcript.turns
    tagged: list[TaggedTurn] = []
    for i, turn in enumerate(turns):
        if turn.speaker is Speaker.COACH:
            window = turns[max(0, i - CONTEXT_WINDOW) : i]
            tagged.append(tag_turn(turn.text, window, index=i + 1))
        else:
            tagged.append(TaggedTurn(index=i + 1, speaker=turn.speaker, text=turn.text))
    return tagged
