"""Feedback: at most two behaviours to change, each on a real coach turn with a rewrite,
plus one specific strength.

Two items, not more: the weakest learners do worse when feedback piles up (Luo et al.
2021). The behaviours are ranked by the level of the criterion they pull down, then by how
much they cost the rep's thinking (a takeover before advice before a leading question...).
Only coach units are ever quoted or rewritten; rep turns are never graded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from app.domain.acts import QUESTION_ACTS, Act, Speaker
from app.domain.transcript import TaggedTurn, Unit
from app.rubric.evidence import Transcript
from app.rubric.metrics import CoachUnit
from app.rubric.rewrite import (
    GENERIC,
    asks_permission,
    rewrite_advice,
    rewrite_closed,
    rewrite_leading,
    rewrite_takeover,
)

MAX_ITEMS = 2
# The fields of a FeedbackItem or a Strength: the scorecard is validated whole, at the end.
FeedbackData = dict[str, object]


@dataclass(frozen=True, slots=True)
class _Behaviour:
    key: str
    title: str
    why: str
    metrics: tuple[str, ...]  # criteria on these metrics are pulled down by this behaviour


_TAKEOVER = _Behaviour(
    "takeover",
    "Leave the work with the rep instead of taking it over",
    "Doing the rep's work solves this deal and teaches nothing: the rep leaves without a "
    "plan of their own, and expects you to step in next time.",
    ("takeover_count", "telling_count", "ask_tell_ratio", "rep_ownership"),
)
_ADVICE = _Behaviour(
    "advice",
    "Ask instead of telling",
    "Unasked-for advice hands the rep your answer; a question lets them find one they "
    "will own and act on.",
    ("unsolicited_advice_count", "telling_count", "ask_tell_ratio", "first_telling_turn"),
)
_LEADING = _Behaviour(
    "leading",
    "Ask an open question instead of a leading one",
    "A leading question is advice in disguise: the rep hears your answer and agrees "
    "without thinking it through.",
    ("count.leading_question", "telling_count", "ask_tell_ratio", "open_question_share"),
)
_STACKED = _Behaviour(
    "stacked",
    "Ask one question at a time",
    "Several questions at once let the rep answer the easiest one; ask one, then wait "
    "(ICF: one question at a time).",
    ("question_stacking",),
)
_CLOSED = _Behaviour(
    "closed",
    "Ask open questions instead of closed ones",
    "A closed question gets a yes, a no or a fact; an open one gets the rep thinking "
    "and talking (MITI: at least half of questions open).",
    ("open_question_share", "count.closed_question"),
)
_PRIORITY = (_TAKEOVER, _ADVICE, _LEADING, _STACKED, _CLOSED)


def _any(unit: Unit) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class _Example:
    turn: int
    unit: str
    rewrite: str

    @property
    def specific(self) -> bool:
        return self.rewrite not in GENERIC


def _examples_of(
    items: Iterable[CoachUnit], rewrite: Callable[[str], str], keep: Callable[[Unit], bool] = _any
) -> Iterator[_Example]:
    for item in items:
        if keep(item.unit):
            yield _Example(item.turn, item.unit.text, rewrite(item.unit.text))


def _first_specific(examples: Iterator[_Example]) -> _Example | None:
    """The first example whose rewrite names something from the turn, else the first one."""
    first = None
    for example in examples:
        if example.specific:
            return example
        first = first or example
    return first


def _best_question(t: Transcript, units: Sequence[Unit]) -> str:
    """The one question to keep from a stacked turn, made open if it was not."""
    asks = [u for u in units if u.act in QUESTION_ACTS]
    open_ones = [u for u in asks if u.act is Act.OPEN_QUESTION]
    if open_ones:
        # Prefer the question that moves the conversation along GROW, then the fuller one.
        best = max(open_ones, key=lambda u: (len(t.stages(u)), len(u.text.split())))
        return " ".join(best.text.split())
    first = asks[0]
    if first.act is Act.LEADING_QUESTION:
        return rewrite_leading(first.text)
    return rewrite_closed(first.text)


def _stacked_examples(t: Transcript) -> Iterator[_Example]:
    for index in t.metrics.stacked_turns:
        turn = t.find(index)
        if turn is None:
            raise KeyError(index)
        asked = " ".join(u.text for u in turn.units if u.act in QUESTION_ACTS)
        yield _Example(index, asked, _best_question(t, turn.units))


def _examples(key: str, t: Transcript) -> Iterator[_Example]:
    by_act = t.by_act
    if key == "takeover":
        return _examples_of(by_act[Act.TAKEOVER], rewrite_takeover)
    if key == "advice":
        return _examples_of(by_act[Act.ADVICE], rewrite_advice, lambda u: not u.permitted)
    if key == "leading":
        return _examples_of(by_act[Act.LEADING_QUESTION], rewrite_leading)
    if key == "stacked":
        return _stacked_examples(t)
    if t.metrics.open_question_share >= 0.5:
        return iter(())  # closed questions are fine in a conversation that is mostly open
    return _examples_of(
        by_act[Act.CLOSED_QUESTION], rewrite_closed, lambda u: not asks_permission(u.text)
    )


def _criterion_level(behaviour: _Behaviour, levels: dict[str, int]) -> int:
    return min((levels[m] for m in behaviour.metrics if m in levels), default=5)


def feedback_items(t: Transcript, levels: dict[str, int]) -> list[FeedbackData]:
    """At most two behaviours to change, weakest criterion first, each with a rewrite.

    `levels` holds the lowest level scored on each metric.
    """
    ranked = sorted(enumerate(_PRIORITY), key=lambda p: (_criterion_level(p[1], levels), p[0]))
    items: list[FeedbackData] = []
    for _, behaviour in ranked:
        # Rewrites are built one candidate at a time, only until a specific one turns up.
        example = _first_specific(_examples(behaviour.key, t))
        if example is None:
            continue
        items.append(
            {
                "behaviour": behaviour.title,
                "turn": example.turn,
                "quote": t.quote(example.unit),
                "rewrite": example.rewrite,
                "why": behaviour.why,
            }
        )
        if len(items) == MAX_ITEMS:
            break
    return items


def strength(t: Transcript) -> FeedbackData | None:
    """One specific thing the coach did well, citing the coach turn that did it."""
    metrics = t.metrics

    def coach_before(index: int) -> TaggedTurn | None:
        previous = t.find(index - 1)
        return previous if previous is not None and previous.speaker is Speaker.COACH else None

    def asked(turn: TaggedTurn | None, acts: frozenset[Act]) -> Unit | None:
        if turn is None:
            return None
        return next((u for u in turn.units if u.act in acts), None)

    inviting = frozenset({Act.OPEN_QUESTION, Act.REFLECTION})
    own = metrics.rep_ownership_detail
    if own.stated and own.before_or_after_telling == "before" and own.turn is not None:
        turn = coach_before(own.turn)
        unit = asked(turn, inviting)
        if turn is not None and unit is not None:
            return _strength(
                "Your question got the rep to name their own next step before you suggested one.",
                turn.index,
                t.quote(unit.text),
            )
    for fact in metrics.discovery_detail.found if metrics.discovery_detail else ():
        turn = coach_before(fact.turn)
        unit = asked(turn, inviting)
        if turn is not None and unit is not None and fact.disclosure == "full":
            return _strength(
                f"This drew out what the rep had been holding back ({fact.id}).",
                turn.index,
                t.quote(unit.text),
            )
    for act, text in (
        (
            Act.REFLECTION,
            "You gave the rep's meaning back to them, so they kept thinking out loud.",
        ),
        (Act.AFFIRMATION, "You recognised something specific the rep had done well."),
    ):
        said = t.by_act[act]
        if said:
            return _strength(text, said[0].turn, t.quote(said[0].unit.text))
    opens = t.by_act[Act.OPEN_QUESTION]
    for item in opens:
        if item.stages:
            stage = item.stages[0].capitalize()
            return _strength(
                f"An open question that explored the {stage} stage and left the thinking "
                "to the rep.",
                item.turn,
                t.quote(item.unit.text),
            )
    if opens:
        return _strength(
            "An open question that left the thinking to the rep.",
            opens[0].turn,
            t.quote(opens[0].unit.text),
        )
    return None


def _strength(text: str, turn: int, quoted: str) -> FeedbackData:
    return {"text": text, "turn": turn, "quote": quoted}


def build_feedback(
    t: Transcript, levels: dict[str, int]
) -> tuple[list[FeedbackData], FeedbackData | None]:
    """The scorecard's feedback items and its one strength, as FeedbackItem/Strength fields."""
    return feedback_items(t, levels), strength(t)
