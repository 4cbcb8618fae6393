"""How the pages say things: act and move labels, nudges, transcript segments, progress lines.

Pure functions over the service views and domain models, so the templates stay declarative
and the wording is tested in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain import Act, Decision, Rubric, Unit
from app.domain.acts import TELLING_ACTS
from app.services.views import SessionListItem, TurnView

ACT_LABELS: dict[str, str] = {
    Act.OPEN_QUESTION.value: "Open question",
    Act.CLOSED_QUESTION.value: "Closed question",
    Act.LEADING_QUESTION.value: "Leading question",
    Act.REFLECTION.value: "Reflection",
    Act.AFFIRMATION.value: "Affirmation",
    Act.ADVICE.value: "Advice",
    Act.INFORMATION.value: "Information",
    Act.TAKEOVER.value: "Takeover",
    Act.OTHER.value: "Other",
}

ACT_HINTS: dict[str, str] = {
    Act.OPEN_QUESTION.value: "invites the rep to think and explain",
    Act.CLOSED_QUESTION.value: "yes/no or a short fact",
    Act.LEADING_QUESTION.value: "advice dressed as a question",
    Act.REFLECTION.value: "gives back the rep's meaning",
    Act.AFFIRMATION.value: "recognises the rep's effort or strength",
    Act.ADVICE.value: "telling: a directive or unasked-for suggestion",
    Act.INFORMATION.value: "a neutral fact the rep may not have",
    Act.TAKEOVER.value: "doing the rep's work for them",
    Act.OTHER.value: "greetings, small talk, logistics",
}

MOVE_LABELS: dict[str, str] = {
    "open": "Opened the conversation",
    "respond": "Answered",
    "disclose": "Opened up",
    "guarded": "Stayed guarded",
    "comply": "Went along without owning it",
    "handoff": "Handed the work to you",
    "reclaim": "Took the work back",
    "pushback": "Pushed back",
    "commit": "Committed to a plan",
}

# Moves worth calling out on the scorecard: the rep changed course because of the coaching.
KEY_MOVES = frozenset({"disclose", "guarded", "comply", "handoff", "reclaim", "pushback", "commit"})


def act_label(act: str | None) -> str:
    """The on-screen name of an act."""
    return ACT_LABELS.get(act or "", "Not tagged")


def move_label(move: str) -> str:
    """The on-screen name of a rep move."""
    return MOVE_LABELS.get(move, move.replace("_", " ").capitalize())


def humanize(slug: str) -> str:
    """A fact or criterion id as words: 'champion-left' -> 'Champion left'."""
    return slug.replace("-", " ").replace("_", " ").capitalize()


def percent(value: float | None) -> str:
    """A share as a whole percentage."""
    return "n/a" if value is None else f"{round(value * 100)}%"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a coach turn: a tagged unit, or the plain text between units."""

    text: str
    unit: Unit | None = None


def segments(text: str, units: Sequence[Unit]) -> list[Segment]:
    """The turn's text split into its tagged units, keeping the words between them."""
    out: list[Segment] = []
    cursor = 0
    for unit in units:
        at = text.find(unit.text, cursor)
        if at < 0:
            # The tagger normalised this unit; show the units alone rather than guess.
            return _joined(units)
        if at > cursor:
            out.append(Segment(text[cursor:at]))
        out.append(Segment(unit.text, unit))
        cursor = at + len(unit.text)
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def _joined(units: Sequence[Unit]) -> list[Segment]:
    out: list[Segment] = []
    for i, unit in enumerate(units):
        if i:
            out.append(Segment(" "))
        out.append(Segment(unit.text, unit))
    return out


def nudge(turn: TurnView, rep_name: str) -> str | None:
    """A drill-mode nudge after a telling or takeover turn; None when the turn asked."""
    telling = [u for u in turn.units if u.act in TELLING_ACTS and not u.permitted]
    if not telling:
        return None
    rep_name = rep_name.split(" ")[0]
    acts = {u.act for u in telling}
    if Act.TAKEOVER in acts:
        return (
            f"That was a takeover: you offered to do {rep_name}'s work. "
            f"What could you ask so {rep_name} owns the next step?"
        )
    if Act.ADVICE in acts:
        return f"That was advice. What question could get {rep_name} there?"
    return (
        "That was a leading question: advice dressed as a question. "
        f"What would an open question sound like, one that lets {rep_name} find it?"
    )


@dataclass(frozen=True, slots=True)
class Moment:
    """A rep turn where the coaching changed what the rep did, with the director's note."""

    turn: int
    move: str
    label: str
    note: str
    openness_before: float
    openness_after: float


def key_moments(turns: Iterable[TurnView]) -> list[Moment]:
    """The rep turns whose move shows the coaching landing (or not), in order."""
    return [
        Moment(
            turn=t.index,
            move=t.decision.move,
            label=move_label(t.decision.move),
            note=director_note(t.decision),
            openness_before=t.decision.openness_before,
            openness_after=t.decision.openness_after,
        )
        for t in turns
        if t.decision is not None and t.decision.move in KEY_MOVES
    ]


def director_note(decision: Decision) -> str:
    """The director's note for a reader: 'comply: you told...' reads 'You told...'."""
    head, sep, rest = decision.note.partition(": ")
    if not sep:
        text = decision.note
    elif head.startswith("disclosed "):
        text = f"{humanize(head.removeprefix('disclosed '))} came out: {rest}"
    elif " " not in head:
        text = rest  # the move's own name, already shown as the moment's label
    else:
        text = decision.note
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    """One finished session on a criterion's line."""

    session_id: str
    when: dt.datetime
    title: str
    level: int


@dataclass(frozen=True, slots=True)
class CriterionProgress:
    """A criterion's level in every finished session that scored it, oldest first."""

    id: str
    title: str
    points: list[ProgressPoint]


def progress(
    items: Sequence[SessionListItem], rubrics: Iterable[Rubric]
) -> list[CriterionProgress]:
    """Each criterion's level over the manager's finished sessions, in rubric order."""
    titles: dict[str, str] = {}
    for rubric in rubrics:
        for criterion in rubric.criteria:
            titles.setdefault(criterion.id, criterion.title)
    finished = sorted(
        (i for i in items if i.levels), key=lambda i: (i.finished_at or i.started_at, i.id)
    )
    lines: dict[str, list[ProgressPoint]] = {}
    for item in finished:
        for criterion_id, level in item.levels.items():
            lines.setdefault(criterion_id, []).append(
                ProgressPoint(
                    session_id=item.id,
                    when=item.finished_at or item.started_at,
                    title=item.scenario_title or humanize(item.scenario_id),
                    level=level,
                )
            )
    order = {cid: n for n, cid in enumerate(titles)}
    return [
        CriterionProgress(cid, titles.get(cid, humanize(cid)), points)
        for cid, points in sorted(lines.items(), key=lambda kv: (order.get(kv[0], 10**6), kv[0]))
    ]
