"""The turns a criterion cites: what pulled its level up and what pulled it down.

Each evidence kind of a rubric criterion has a "for" side (turns that show the good
habit) and an "against" side (turns that show the opposite). A criterion at level 3 or 4
cites its "for" side first; at level 1 or 2 its "against" side, so the quotes always
explain the level that was given. Rep turns are cited only as the rep's words (disclosures
and next steps) and are marked as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from app.domain.acts import ASKING_ACTS, QUESTION_ACTS, Act, Speaker
from app.domain.transcript import TaggedTurn, Unit
from app.rubric.grow import GROW_STAGES, grow_stages
from app.rubric.metrics import CoachUnit, Reading

MAX_EVIDENCE = 3
MAX_QUOTE = 200


def quote(text: str) -> str:
    """A turn or unit as the scorecard quotes it: one line, long ones cut at a word."""
    line = " ".join(text.split())
    if len(line) <= MAX_QUOTE:
        return line
    return line[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"


class Transcript:
    """The tagged turns read once (metrics, coach units, turn sizes): what evidence cites."""

    __slots__ = (
        "_by_index",
        "_quotes",
        "_stages",
        "by_act",
        "coach_units",
        "metrics",
        "regular",
        "sizes",
        "told",
        "turns",
    )

    def __init__(self, reading: Reading) -> None:
        self.turns = reading.turns
        self.metrics = reading.metrics
        self.coach_units = reading.coach_units
        self.by_act = reading.by_act
        self.told = reading.told
        self.sizes = reading.sizes
        self.regular = reading.regular
        self._stages: dict[int, tuple[str, ...]] | None = None
        self._by_index: dict[int, TaggedTurn] | None = None
        # Several criteria often cite the same unit: each text is quoted once.
        self._quotes: dict[str, str] = {}

    def quote(self, text: str) -> str:
        """The text as the scorecard quotes it (see `quote`)."""
        quoted = self._quotes.get(text)
        if quoted is None:
            quoted = self._quotes[text] = quote(text)
        return quoted

    def units(self, acts: frozenset[Act], note: str = "") -> Iterator[Cite]:
        """Coach units with one of these acts, as evidence."""
        if len(acts) == 1:
            (act,) = acts
            items: Iterable[CoachUnit] = self.by_act[act]
        else:
            items = (item for item in self.coach_units if item.unit.act in acts)
        return _unit_cites(items, note)

    def telling(self, note: str = "") -> Iterator[Cite]:
        """Coach units that told (unsolicited advice, leading questions, takeovers)."""
        return _unit_cites(self.told, note)

    def turn(self, index: int) -> TaggedTurn:
        """The turn at this 1-based position."""
        return self.turns[index - 1]

    def find(self, index: int) -> TaggedTurn | None:
        """The turn whose index is this one (the last, should several claim it)."""
        if self._by_index is None:
            self._by_index = {turn.index: turn for turn in self.turns}
        return self._by_index.get(index)

    def stages(self, unit: Unit) -> tuple[str, ...]:
        """The GROW stages of a unit, as the metrics already read them for questions."""
        if self._stages is None:
            self._stages = {id(item.unit): item.stages for item in self.coach_units}
        found = self._stages.get(id(unit))
        return grow_stages(unit.text) if found is None else found


# The fields of a scorecard's Evidence, as a plain dict: the scorecard is validated whole,
# once, instead of model by model.
EvidenceData = dict[str, object]


class Cite(NamedTuple):
    """A candidate piece of evidence; only the ones a criterion keeps become Evidence."""

    turn: int
    text: str
    note: str
    act: Act | None = None
    speaker: Speaker = Speaker.COACH


_cite = tuple.__new__  # a Cite without NamedTuple's argument handling, for the many unit cites
_COACH = Speaker.COACH
_ACT_NOTES = {act: act.value.replace("_", " ") for act in Act}
_PERMITTED_NOTE = "advice given with permission (not counted as telling)"


def _act_note(unit: Unit) -> str:
    if unit.permitted and unit.act is Act.ADVICE:
        return _PERMITTED_NOTE
    return _ACT_NOTES[unit.act]


def _unit_cites(items: Iterable[CoachUnit], note: str) -> Iterator[Cite]:
    for item in items:
        unit = item.unit
        yield _cite(Cite, (item.turn, unit.text, note or _act_note(unit), unit.act, _COACH))


_OPEN = frozenset({Act.OPEN_QUESTION})
_CLOSED_OR_LEADING = frozenset({Act.CLOSED_QUESTION, Act.LEADING_QUESTION})
_REFLECTION = frozenset({Act.REFLECTION})
_REFLECTION_ACT = Act.REFLECTION
_TAKEOVER = frozenset({Act.TAKEOVER})
_AFFIRMATION = frozenset({Act.AFFIRMATION})
_CLOSED = frozenset({Act.CLOSED_QUESTION})


def _questions(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return t.units(ASKING_ACTS), t.telling()


def _open_questions(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return t.units(_OPEN), t.units(_CLOSED_OR_LEADING)


def _reflections(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    def unreflected() -> Iterator[Cite]:
        for turn in t.turns:
            units = turn.units
            if not units or _REFLECTION_ACT in [u.act for u in units]:
                continue
            for unit in units:
                if unit.act in QUESTION_ACTS:
                    yield Cite(
                        turn=turn.index,
                        text=unit.text,
                        act=unit.act,
                        note="a question with no reflection in its turn",
                    )

    return t.units(_REFLECTION), unreflected()


def _telling_kind(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return t.units(_OPEN, "asked instead of telling"), t.telling()


def _takeovers(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return (
        t.units(_OPEN, "left the work with the rep"),
        t.units(_TAKEOVER, "takeover: the manager does the rep's work"),
    )


def _advice(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    def given(permitted: bool, note: str) -> Iterator[Cite]:
        for item in t.by_act[Act.ADVICE]:
            unit = item.unit
            if unit.permitted is permitted:
                yield Cite(item.turn, unit.text, note or _act_note(unit), unit.act)

    return given(True, ""), given(False, "unsolicited advice")


def _affirmations(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return t.units(_AFFIRMATION), iter(())


def _stacked(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    stacked = set(t.metrics.stacked_turns)

    def single() -> Iterator[Cite]:
        for turn in t.turns:
            if not turn.units:
                continue
            asks = [u for u in turn.units if u.act in QUESTION_ACTS]
            if turn.index not in stacked and len(asks) == 1:
                yield Cite(
                    turn=turn.index,
                    text=asks[0].text,
                    act=asks[0].act,
                    note="one question, then waited",
                )

    def many() -> Iterator[Cite]:
        for index in t.metrics.stacked_turns:
            asks = [u.text for u in t.turn(index).units if u.act in QUESTION_ACTS]
            yield Cite(
                turn=index,
                text=" ".join(asks),
                act=t.turn(index).act,
                note=f"{len(asks)} questions in one turn",
            )

    return single(), many()


def _rep_next_step(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    detail = t.metrics.rep_ownership_detail

    def owned() -> Iterator[Cite]:
        if detail.stated and detail.turn is not None:
            note = (
                "the rep's own next step, before any telling"
                if detail.before_or_after_telling == "before"
                else "the rep's next step, named after being told"
            )
            yield Cite(turn=detail.turn, text=detail.quote or "", note=note, speaker=Speaker.REP)

    def told() -> Iterator[Cite]:
        if detail.told_turn is not None:
            for item in t.told:
                if item.turn == detail.told_turn:
                    yield Cite(item.turn, item.unit.text, _act_note(item.unit), item.unit.act)
        if not detail.stated:
            for item in t.coach_units:  # the metrics read each question's GROW stages
                if "will" in item.stages:
                    yield Cite(
                        item.turn,
                        item.unit.text,
                        "asked for a commitment, but the rep named no concrete step",
                        item.unit.act,
                    )

    return owned(), told()


def _grow(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    grow = t.metrics.grow

    def covered() -> Iterator[Cite]:
        for stage in GROW_STAGES:
            turns = grow.turns[stage]
            if not turns:
                continue
            unit = next(
                u for u in t.turn(turns[0]).units if u.act in ASKING_ACTS and stage in t.stages(u)
            )
            yield Cite(
                turn=turns[0],
                text=unit.text,
                act=unit.act,
                note=f"{stage.capitalize()} question",
            )

    def uncovered() -> Iterator[Cite]:
        if grow.missing:
            missing = ", ".join(s.capitalize() for s in grow.missing)
            yield from t.telling(f"told where a question could have covered {missing}")

    return covered(), uncovered()


def _discovery(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    detail = t.metrics.discovery_detail

    def found() -> Iterator[Cite]:
        for fact in detail.found if detail else ():
            yield Cite(
                turn=fact.turn,
                text=fact.quote,
                speaker=Speaker.REP,
                note=f"the rep disclosed {fact.id} ({fact.disclosure})",
            )

    def missed() -> Iterator[Cite]:
        if detail and detail.missing:
            hidden = ", ".join(detail.missing)
            yield from t.telling(f"told instead of exploring; still hidden: {hidden}")
            yield from t.units(_CLOSED, f"closed question; still hidden: {hidden}")

    return found(), missed()


def _talk(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    def longest(speaker: Speaker, note: str) -> Iterator[Cite]:
        # Longest first, then earliest by index; the position breaks ties between equal
        # indexes, and stands for the index when the two run together.
        sized: Sequence[tuple[int, ...]] = t.sizes[speaker]
        if not t.regular:
            sized = [(n, t.turns[p - 1].index, p) for n, p in sized]
        for ranked in sorted(sized):
            turn = t.turns[ranked[-1] - 1]
            yield Cite(
                turn=turn.index,
                text=turn.text,
                act=turn.act,
                speaker=speaker,
                note=f"{-ranked[0]} words; {note}",
            )

    return (
        longest(Speaker.REP, "the rep doing the talking"),
        longest(Speaker.COACH, "the manager's longest turn"),
    )


_KINDS: dict[str, Callable[[Transcript], tuple[Iterator[Cite], Iterator[Cite]]]] = {
    "questions": _questions,
    "open_questions": _open_questions,
    "reflections": _reflections,
    "telling": _telling_kind,
    "takeovers": _takeovers,
    "advice": _advice,
    "affirmations": _affirmations,
    "stacked_questions": _stacked,
    "rep_next_step": _rep_next_step,
    "grow": _grow,
    "discovery": _discovery,
    "talk": _talk,
}


def cite(kind: str, level: int, t: Transcript) -> list[EvidenceData]:
    """Up to MAX_EVIDENCE turns explaining a level for this evidence kind."""
    good, bad = _KINDS[kind](t)
    first, then = (good, bad) if level >= 3 else (bad, good)
    chosen: list[Cite] = []
    seen: set[tuple[int, str]] = set()
    for source in (first, then):
        for item in source:
            key = (item.turn, item.text)
            if key in seen:
                continue
            seen.add(key)
            chosen.append(item)
            if len(chosen) == MAX_EVIDENCE:
                break
        if len(chosen) == MAX_EVIDENCE:
            break
    quoted = t.quote
    return [
        {"turn": turn, "quote": quoted(text), "act": act, "note": note, "speaker": speaker}
        for turn, text, note, act, speaker in chosen or _fallback(t)
    ]


def _fallback(t: Transcript) -> Iterator[Cite]:
    # Nothing of either kind: the coach's first turns are what the level rests on.
    coach = [x for x in t.turns if x.speaker is Speaker.COACH][:1]
    for turn in coach:
        yield Cite(
            turn=turn.index,
            text=turn.text,
            act=turn.act,
            note="nothing of this kind in the transcript",
        )
