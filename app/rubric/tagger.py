"""Tag coach turns with dialogue acts, unit by unit, with the reason for every decision.

A turn is split into units (segment.py). Each unit is read for its cues (cues.py): how it
opens, its form, who does what with which modal, a few word classes, and what the rep said
just before. A few rules decide on their own, because the form settles the act: a unit
that is only a filler or an acknowledgement is `other`, a short check after a reflection
("is that right?") belongs to the reflection, a stated offer by the coach to do a task is
a takeover, and an obligation put on the rep with a task named is advice. Every other
unit is decided by the act model (model.py), a logistic regression trained on labelled
coach utterances by scripts/train_act_model.py, within the acts its form leaves open
(`_LIMITS`); its reason lists the cues that decided. Advice after the rep
asked for help, or said yes to the coach's offer of advice, is marked as permitted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields

from app.domain.acts import PRIMARY_PRIORITY, Act, Speaker
from app.domain.transcript import TaggedTurn, Transcript, Turn, Unit
from app.rubric import context as context_reading
from app.rubric import cues as cue_reading
from app.rubric import lexicon as lx
from app.rubric.context import CONTEXT_WINDOW, NO_CONTEXT, Signals
from app.rubric.cues import Cues, read, read_in_python
from app.rubric.model import ActModel, describers, shipped_model
from app.rubric.segment import split_units, split_units_in_python, splitter
from app.rubric.speedups import native

__all__ = ["Tagger", "primary_act", "tag_transcript", "tag_turn", "tag_units"]

_FILLER = "only a filler or acknowledgement"
_CHECK = "checks the reflection just given ('is that right?')"
# In the labelled sets, 94% of such units are takeovers, whatever came before them.
_TAKES_OVER = "the coach offers to do a task ('I'll' / 'let me' + a task), stated, not asked"
# "You need to multithread this": an obligation put on the rep, with the task named.
_PRESCRIBES = "tells the rep what to do ('you should' / 'you need to' + an action)"
_RANK = {act: rank for rank, act in enumerate(PRIMARY_PRIORITY)}
# What the form of a unit leaves open, whatever its words weigh:
# - asked in question form ("What would help?", "Could you call them?"), it asks, leads,
#   offers to take over, or is a greeting formula, never a statement act;
QUESTION_FORM_ACTS = frozenset(
    {Act.OPEN_QUESTION, Act.CLOSED_QUESTION, Act.LEADING_QUESTION, Act.TAKEOVER, Act.OTHER}
)
# - with no rep turn before it, a unit has nothing to give back, so it is not a
#   reflection ("You did the hard part" is praise; "The budget's frozen?" asks);
_NO_ECHO = frozenset(Act) - {Act.REFLECTION}
# - a takeover needs the coach to say they will do it ("I'll", "let me", "want me to",
#   "why don't I", "send it to me", "myself"); offers made only to the rep ("I'll see you
#   Friday", "let me ask you something") are the coach's own part of the conversation.
_NO_TAKEOVER = frozenset(Act) - {Act.TAKEOVER}
# - asked with "how" or "why" (not "how many", "how long", or on a scale), or asking
#   what the rep thinks or plans ("what's your plan?"), it cannot be answered yes or no,
#   so it is not a closed question (in the labelled sets, 2 of 64 how/why units were
#   marked closed).
_NOT_CLOSED = frozenset(Act) - {Act.CLOSED_QUESTION}
Limit = tuple[frozenset[Act], str]
# In the order of the bits that say which apply (see `Tagger.unit`).
_LIMIT_BITS: tuple[Limit, ...] = (
    (QUESTION_FORM_ACTS, "asked as a question"),
    (_NOT_CLOSED, "asks for an account, which yes or no cannot answer"),
    (_NO_ECHO, "the rep has said nothing before it to give back"),
    (_NO_TAKEOVER, "no offer by the coach to do the rep's work"),
)


def _limits(applying: int) -> tuple[frozenset[Act] | None, tuple[Limit, ...]]:
    """The acts the limits whose bits are set leave open (None: all), and those limits."""
    applied = tuple(limit for k, limit in enumerate(_LIMIT_BITS) if applying >> k & 1)
    among = frozenset.intersection(*(acts for acts, _ in applied)) if applied else None
    return among, applied


# Every combination worked out once: a unit's four answers index it.
_LIMITS = tuple(_limits(applying) for applying in range(1 << len(_LIMIT_BITS)))


class Tagger:
    """Tags units with one act model (the shipped one unless another is given).

    Where the C speed-ups are built, units, turns and transcripts are tagged in C
    (_unit_tagger.c) with the same results as the Python here, which is the definition;
    `speedups=False` keeps every step in Python.
    """

    __slots__ = ("_native", "_read", "_split", "model")

    def __init__(self, model: ActModel, *, speedups: bool = True) -> None:
        self.model = model
        self._read: Callable[[str, Signals], Cues] = read if speedups else read_in_python
        self._split: Callable[[str], list[str]] = split_units if speedups else split_units_in_python
        self._native = _unit_tagger(model) if speedups else None

    def unit(self, text: str, signals: Signals, previous: Act | None = None) -> Unit:
        """One unit's act and reason; `previous` is the act of the unit before it."""
        if self._native is not None:
            return self._native.unit(text, signals, previous)
        return self.unit_in_python(text, signals, previous)

    def unit_in_python(self, text: str, signals: Signals, previous: Act | None = None) -> Unit:
        """`unit` as defined here, even where the speed-ups tag in C."""
        cues = self._read(text, signals)
        if cues.filler_only:
            act, why = Act.OTHER, _FILLER
        elif previous is Act.REFLECTION and lx.CHECK.match(cues.core):
            act, why = Act.REFLECTION, _CHECK
        elif cues.takes_over:
            act, why = Act.TAKEOVER, _TAKES_OVER
        elif cues.prescribes:
            act, why = Act.ADVICE, _PRESCRIBES
        else:
            among, applied = _LIMITS[
                cues.asks
                | cues.asks_for_account << 1
                | (signals.rep_text is None) << 2
                | (cues.offers_to_rep or not cues.offers) << 3
            ]
            decision = self.model.decide(cues.names, cues.shown, among, cues.words)
            act, why = decision.act, decision.reason
            if decision.ruled_out is not None:
                # Say which reading of the form overruled the words.
                note = next(n for acts, n in applied if decision.ruled_out not in acts)
                why += f"; not {decision.ruled_out.value}: {note}"
        permitted = False
        if act is Act.ADVICE and signals.has_context:
            if signals.help_asked:
                permitted, why = True, why + "; permitted: the rep asked for help"
            elif signals.permission_given:
                permitted = True
                why += f"; permitted: the rep said yes to '{signals.permission_given}'"
        return Unit(text=text, act=act, reason=f"{why} → {act.value}", permitted=permitted)

    def transcript(self, turns: Sequence[Turn]) -> list[TaggedTurn]:
        """Tag every turn (1-based index); coach turns read the turns before them."""
        if self._native is not None and isinstance(turns, list):
            return self._native.transcript(turns)
        tagged: list[TaggedTurn] = []
        for i, turn in enumerate(turns):
            if turn.speaker is Speaker.COACH:
                window = turns[max(0, i - CONTEXT_WINDOW) : i]
                tagged.append(self.turn(turn.text, window, index=i + 1))
            else:
                tagged.append(TaggedTurn(index=i + 1, speaker=turn.speaker, text=turn.text))
        return tagged

    def turn(self, text: str, context: Sequence[Turn] = (), index: int = 0) -> TaggedTurn:
        """Tag one coach turn: its units and its primary act."""
        units = self.units(text, context)
        return TaggedTurn(
            index=index, speaker=Speaker.COACH, text=text, units=units, act=primary_act(units)
        )

    def units(self, text: str, context: Sequence[Turn] = ()) -> list[Unit]:
        """Split a coach turn into units and tag each with an act and the reason for it."""
        if self._native is not None:
            return self._native.units(text, context)
        signals = Signals.read(context) if context else NO_CONTEXT
        units: list[Unit] = []
        previous: Act | None = None
        for piece in self._split(text):
            unit = self.unit_in_python(piece, signals, previous)
            units.append(unit)
            previous = unit.act
        if len(units) > 1:
            acts = {u.act for u in units}
            if Act.AFFIRMATION in acts:
                units = [_echo_as_praise(u) for u in units]
            elif Act.INFORMATION in acts:
                units = [_acknowledgement(u) for u in units]
        return units


def _unit_tagger(model: ActModel) -> native.UnitTagger | None:
    """The C unit tagger for `model`, with this module's rules and reasons; None where the
    speed-ups are not built or the model decides in Python."""
    cue_reader, context_reader = cue_reading.reader, context_reading.reader
    if model.native is None or cue_reader is None or context_reader is None or splitter is None:
        return None
    limits = tuple(
        (
            model.mask(among),
            tuple(next((n for acts, n in applied if act not in acts), None) for act in model.acts),
        )
        for among, applied in _LIMITS
    )
    return native.UnitTagger(
        cue_reader,
        model.native,
        {
            "acts": model.acts,
            "labels": model.labels,
            "other": Act.OTHER,
            "reflection": Act.REFLECTION,
            "takeover": Act.TAKEOVER,
            "advice": Act.ADVICE,
            "filler": _FILLER,
            "check_reason": _CHECK,
            "takes_over": _TAKES_OVER,
            "prescribes": _PRESCRIBES,
            "check": lx.CHECK.match,
            "limits": limits,
            "unit_type": Unit,
            "unit_fields": tuple(f.name for f in fields(Unit)),
            "read_signals": context_reader.read,
            "no_context": NO_CONTEXT,
            "split_units": splitter.split,
            "affirmation": Act.AFFIRMATION,
            "information": Act.INFORMATION,
            "echo_as_praise": _echo_as_praise,
            "acknowledgement": _acknowledgement,
            "coach": Speaker.COACH,
            "turn_type": TaggedTurn,
            "turn_fields": tuple(f.name for f in fields(TaggedTurn)),
            "ranks": _RANK,
            "window": CONTEXT_WINDOW,
            **describers(),
        },
    )


def _echo_as_praise(unit: Unit) -> Unit:
    # "Ninety days. You've done every single one of them.": what the rep did, said back
    # beside praise, is the evidence the praise recognises, not a reflection of its own.
    if unit.act is not Act.REFLECTION:
        return unit
    why = "says back what the rep did, as the evidence for the praise in this turn"
    return Unit(text=unit.text, act=Act.AFFIRMATION, reason=f"{why} → affirmation")


def _acknowledgement(unit: Unit) -> Unit:
    # "That's a common one. Raised enzymes often come down...": a few words of
    # acknowledgement before a fact are not a reflection that outranks the fact.
    if unit.act is not Act.REFLECTION or unit.text.count(" ") > 4:
        return unit
    why = "a brief acknowledgement before the information in this turn"
    return Unit(text=unit.text, act=Act.OTHER, reason=f"{why} → other")


_shipped: Tagger | None = None


def _tagger() -> Tagger:
    global _shipped
    if _shipped is None:
        _shipped = Tagger(shipped_model())
    return _shipped


def tag_units(text: str, context: Sequence[Turn] = ()) -> list[Unit]:
    """Split a coach turn into units and tag each with an act and the reason for it."""
    return _tagger().units(text, context)


def primary_act(units: Sequence[Unit]) -> Act:
    """The act that matters most for coaching in a turn (PRIMARY_PRIORITY); OTHER if none."""
    if not units:
        return Act.OTHER
    return min((u.act for u in units), key=_RANK.__getitem__)


def tag_turn(text: str, context: Sequence[Turn] = (), index: int = 0) -> TaggedTurn:
    """Tag one coach turn: its units and its primary act."""
    return _tagger().turn(text, context, index)


def tag_transcript(transcript: Transcript) -> list[TaggedTurn]:
    """Tag every turn (1-based index); coach turns read the turns before them as context."""
    return _tagger().transcript(transcript.turns)
