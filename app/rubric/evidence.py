"""The turns a criterion cites: what pulled its level up and what pulled it down.

Each evidence kind of a rubric criterion has a "for" side (turns that show the good
habit) and an "against" side (turns that show the opposite). A criterion at level 3 or 4
cites its "for" side first; at level 1 or 2 its "against" side, so the quotes always
explain the level that was given. Rep turns are cited only as the rep's words (disclosures
and next steps) and are marked as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from app.domain.acts import ASKING_ACTS, QUESTION_ACTS, Act, Speaker
from app.domain.scorecard import Evidence
from app.domain.transcript import TaggedTurn, Unit
from app.rubric.grow import GROW_STAGES, grow_stages
from app.rubric.metrics import Metrics, is_telling, word_count

MAX_EVIDENCE = 3
MAX_QUOTE = 200


def quote(text: str) -> str:
    """A turn or unit as the scorecard quotes it: one line, long ones cut at a word."""
    line = " ".join(text.split())
    if len(line) <= MAX_QUOTE:
        return line
    return line[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"


class Transcript:
    """The tagged turns and their metrics, the two things evidence is drawn from."""

    __slots__ = ("coach_units", "metrics", "turns")

    def __init__(self, turns: Sequence[TaggedTurn], metrics: Metrics) -> None:
        self.turns = turns
        self.metrics = metrics
        # One flat pass over the coach's units, shared by every criterion's evidence.
        self.coach_units: list[tuple[int, Unit]] = [
            (turn.index, unit)
            for turn in turns
            if turn.speaker is Speaker.COACH
            for unit in turn.units
        ]

    def units(self, keep: Callable[[Unit], bool], note: str = "") -> Iterator[Cite]:
        """Coach units that pass `keep`, as evidence."""
        for index, unit in self.coach_units:
            if keep(unit):
                yield Cite(index, unit.text, note or _act_note(unit), unit.act)

    def turn(self, index: int) -> TaggedTurn:
        """The turn with this 1-based index."""
        return self.turns[index - 1]


class Cite(NamedTuple):
    """A candidate piece of evidence; only the ones a criterion keeps become Evidence."""

    turn: int
    text: str
    note: str
    act: Act | None = None
    speaker: Speaker = Speaker.COACH

    def evidence(self) -> Evidence:
        """The scorecard's form of this citation."""
        return Evidence(
            turn=self.turn,
            quote=quote(self.text),
            act=self.act,
            note=self.note,
            speaker=self.speaker,
        )


def _act_note(unit: Unit) -> str:
    if unit.act is Act.ADVICE and unit.permitted:
        return "advice given with permission (not counted as telling)"
    return unit.act.value.replace("_", " ")


def _asking(t: Transcript) -> Iterator[Cite]:
    return t.units(lambda u: u.act in ASKING_ACTS)


def _telling(t: Transcript) -> Iterator[Cite]:
    return t.units(is_telling)


def _questions(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return _asking(t), _telling(t)


def _open_questions(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return (
        t.units(lambda u: u.act is Act.OPEN_QUESTION),
        t.units(lambda u: u.act in (Act.CLOSED_QUESTION, Act.LEADING_QUESTION)),
    )


def _reflections(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    def unreflected() -> Iterator[Cite]:
        for turn in t.turns:
            if any(u.act is Act.REFLECTION for u in turn.units):
                continue
            for unit in turn.units:
                if unit.act in QUESTION_ACTS:
                    yield Cite(
                        turn=turn.index,
                        text=unit.text,
                        act=unit.act,
                        note="a question with no reflection in its turn",
                    )

    return t.units(lambda u: u.act is Act.REFLECTION), unreflected()


def _telling_kind(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return t.units(lambda u: u.act is Act.OPEN_QUESTION, "asked instead of telling"), _telling(t)


def _takeovers(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return (
        t.units(lambda u: u.act is Act.OPEN_QUESTION, "left the work with the rep"),
        t.units(lambda u: u.act is Act.TAKEOVER, "takeover: the manager does the rep's work"),
    )


def _advice(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return (
        t.units(lambda u: u.act is Act.ADVICE and u.permitted),
        t.units(lambda u: u.act is Act.ADVICE and not u.permitted, "unsolicited advice"),
    )


def _affirmations(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    return t.units(lambda u: u.act is Act.AFFIRMATION), iter(())


def _stacked(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    stacked = set(t.metrics.stacked_turns)

    def single() -> Iterator[Cite]:
        for turn in t.turns:
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
            yield from (e for e in _telling(t) if e.turn == detail.told_turn)
        if not detail.stated:
            will_turns = set(t.metrics.grow.turns["will"])  # GROW already found them
            for index, unit in t.coach_units:
                if index in will_turns and unit.act in ASKING_ACTS and "will" in _stages(unit):
                    yield Cite(
                        index,
                        unit.text,
                        "asked for a commitment, but the rep named no concrete step",
                        unit.act,
                    )

    return owned(), told()


def _stages(unit: Unit) -> tuple[str, ...]:
    return grow_stages(unit.text)


def _grow(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    grow = t.metrics.grow

    def covered() -> Iterator[Cite]:
        for stage in GROW_STAGES:
            turns = grow.turns[stage]
            if not turns:
                continue
            unit = next(
                u for u in t.turn(turns[0]).units if u.act in ASKING_ACTS and stage in _stages(u)
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
            yield from t.units(is_telling, f"told where a question could have covered {missing}")

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
            yield from t.units(is_telling, f"told instead of exploring; still hidden: {hidden}")
            yield from t.units(
                lambda u: u.act is Act.CLOSED_QUESTION, f"closed question; still hidden: {hidden}"
            )

    return found(), missed()


def _talk(t: Transcript) -> tuple[Iterator[Cite], Iterator[Cite]]:
    def longest(speaker: Speaker, note: str) -> Iterator[Cite]:
        sized = [(word_count(x.text), x) for x in t.turns if x.speaker is speaker]
        sized.sort(key=lambda pair: (-pair[0], pair[1].index))
        for words, turn in sized:
            yield Cite(
                turn=turn.index,
                text=turn.text,
                act=turn.act,
                speaker=speaker,
                note=f"{words} words; {note}",
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


def cite(kind: str, level: int, t: Transcript) -> list[Evidence]:
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
    return [c.evidence() for c in chosen or _fallback(t)]


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
