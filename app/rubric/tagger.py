"""Tag coach turns with dialogue acts, unit by unit, with the reason for every decision.

The tagger is a short, ordered list of explainable rules over cue phrases (see lexicon.py)
plus two signals from context: how much of the rep's last turn a statement gives back
(reflections), and whether the rep asked for help or granted permission before advice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.acts import PRIMARY_PRIORITY, Act, Speaker
from app.domain.transcript import TaggedTurn, Transcript, Turn, Unit
from app.rubric import lexicon as lx
from app.rubric.overlap import content_stems, shared_stems
from app.rubric.segment import split_units

__all__ = ["primary_act", "tag_transcript", "tag_turn", "tag_units"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})
_SPACE = re.compile(r"\s+")
_TRAIL = " .!?,;:-\"')(…"
_SO_LEAD = re.compile(r"^(?:\W*(?:um+|uh+|okay|ok|right|yeah|and|well|oh)\b[\s,]*)*so\b")

# How many earlier turns a coach turn looks back over: its rep turn and the coach turn
# before it are all the rules read, so long transcripts stay linear.
CONTEXT_WINDOW = 4


@dataclass(frozen=True, slots=True)
class _Context:
    rep_stems: frozenset[str]
    help_asked: bool
    permission_given: str | None  # the coach's permission question the rep said yes to


_EMPTY = _Context(frozenset(), help_asked=False, permission_given=None)


def _read_context(context: Sequence[Turn]) -> _Context:
    rep_at = None
    for i in range(len(context) - 1, max(-1, len(context) - 1 - CONTEXT_WINDOW), -1):
        if context[i].speaker is Speaker.REP:
            rep_at = i
            break
    if rep_at is None:
        return _EMPTY
    rep = context[rep_at].text.translate(_QUOTES).lower()
    permission = None
    if rep_at > 0 and context[rep_at - 1].speaker is Speaker.COACH:
        coach = context[rep_at - 1].text.translate(_QUOTES).lower()
        asked = lx.PERMISSION_ASK.search(coach)
        if asked and lx.REP_YES.match(rep) and not lx.REP_NO.match(rep):
            permission = _cue(asked.group(0))
    return _Context(
        rep_stems=content_stems(rep),
        help_asked=lx.REP_ASKS_HELP.search(rep) is not None,
        permission_given=permission,
    )


def _cue(text: str, words: int = 5) -> str:
    parts = text.strip(" ,;").split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _because(why: str, act: Act) -> str:
    return f"{why} → {act.value}"


def _statement_act(core: str, body: str, so_lead: bool, ctx: _Context) -> tuple[Act, str]:
    """Classify a unit that is not a question."""
    affirm = lx.AFFIRMATION.search(core)
    if affirm:
        return Act.AFFIRMATION, f"praises the rep specifically ('{_cue(affirm.group(0))}')"

    reflect = lx.REFLECTION.search(core)
    advice = lx.ADVICE.search(core)
    if advice and lx.NOT_ADVICE.search(core):
        advice = None
    if advice and (reflect is None or advice.start() <= reflect.start()):
        return Act.ADVICE, f"tells the rep what to do ('{_cue(advice.group(0))}')"

    if lx.NOT_ADVICE_IMPERATIVE.match(core):
        return Act.OTHER, "an invitation or reassurance, not an instruction"
    imperative = lx.IMPERATIVE.match(core)
    if imperative and reflect is None:
        return Act.ADVICE, f"starts with the instruction '{_cue(imperative.group(0), 3)}'"

    shared = shared_stems(body, ctx.rep_stems)
    if reflect:
        why = f"gives back the rep's meaning ('{_cue(reflect.group(0), 4)}')"
        if shared:
            why += f" and repeats their words ({', '.join(sorted(shared)[:3])})"
        return Act.REFLECTION, why
    if imperative:
        return Act.ADVICE, f"starts with the instruction '{_cue(imperative.group(0), 3)}'"
    if len(shared) >= 2 or (shared and (so_lead or lx.SECOND_PERSON.match(core))):
        return Act.REFLECTION, f"restates the rep's last turn ({', '.join(sorted(shared)[:3])})"
    if so_lead and lx.SO_RESTATE.match("so " + core):
        return Act.REFLECTION, "a 'so ...' statement summing up what the rep said"

    info = lx.INFORMATION.search(core)
    if info:
        return Act.INFORMATION, f"states a fact or experience ('{_cue(info.group(0), 4)}')"
    if lx.SECOND_PERSON.match(core):
        return Act.REFLECTION, "describes the rep's situation in the second person"
    if len(body.split()) <= 2:
        return Act.OTHER, "too short to carry an act"
    return Act.INFORMATION, "a statement about the situation, not about the rep"


def _question_act(core: str, body: str, ends_q: bool, ctx: _Context) -> tuple[Act, str] | None:
    """Classify a unit that asks, or None when it does not ask."""
    lead = lx.LEADING.match(core)
    if lead:
        cue = _cue(lead.group(0), 4)
        return (
            Act.LEADING_QUESTION,
            f"starts with '{cue}' + a proposed action: advice as a question",
        )
    invite = lx.OPEN_INVITE.match(core)
    if invite:
        mark = "" if ends_q else " (no '?' needed)"
        return Act.OPEN_QUESTION, f"invites the rep to talk ('{_cue(invite.group(0), 4)}'){mark}"
    if lx.WH_QUESTION.match(core) or (ends_q and lx.OPEN_WH.match(core)):
        closed = lx.CLOSED_WH.match(core)
        if closed:
            return Act.CLOSED_QUESTION, f"asks for a short fact ('{_cue(closed.group(0), 3)}')"
        if lx.OPEN_WH.match(core):
            word = core.split(None, 1)[0]
            return Act.OPEN_QUESTION, f"a '{word}' question that asks the rep to explain"
        return Act.CLOSED_QUESTION, "a question that asks for a short fact"
    if lx.AUX_QUESTION.match(core) or (ends_q and lx.AUX_START.match(core)):
        if lx.POLITE_OPEN.match(core):
            return Act.OPEN_QUESTION, "a yes/no form that invites a full answer ('can you tell')"
        head = " ".join(core.split()[:2])
        return Act.CLOSED_QUESTION, f"starts with '{head}': a yes/no question"
    if lx.POLITE_OPEN.match(core):
        return Act.OPEN_QUESTION, "asks for the rep's thoughts or options"
    if not ends_q:
        return None

    tag = lx.TAG_QUESTION.search(core)
    stem = core[: tag.start()] if tag else core
    act, why = _statement_act(stem, stem.rstrip(_TRAIL), False, ctx)
    if act is Act.ADVICE:
        return Act.LEADING_QUESTION, f"advice with a question tag: {why}"
    if act is Act.REFLECTION:
        return Act.REFLECTION, f"a statement ending in '?' that {why.split(' ', 1)[1]}"
    if act is Act.AFFIRMATION:
        return act, why
    shared = shared_stems(body, ctx.rep_stems)
    if shared:
        words = ", ".join(sorted(shared)[:3])
        return Act.REFLECTION, f"a statement ending in '?' that repeats the rep's words ({words})"
    return Act.CLOSED_QUESTION, "a statement with a rising '?': asks the rep to confirm"


def _tag_one(text: str, ctx: _Context, previous: Act | None) -> tuple[Act, str]:
    s = _SPACE.sub(" ", text.translate(_QUOTES).lower()).strip()
    if lx.BACKCHANNEL.match(s):
        return Act.OTHER, "only a filler or acknowledgement"
    core = lx.FILLERS.sub("", s, count=1) or s
    body = core.rstrip(_TRAIL)
    if not body:
        return Act.OTHER, "only a filler or acknowledgement"
    ends_q = s.rstrip(" \"')").endswith("?")
    so_lead = _SO_LEAD.match(s) is not None

    if previous is Act.REFLECTION and lx.CHECK.match(core):
        return Act.REFLECTION, "checks the reflection just given ('is that right?')"

    take = lx.TAKEOVER.search(core)
    if take and not lx.NOT_TAKEOVER.match(core, take.start("act")):
        return Act.TAKEOVER, f"the coach offers to do the rep's work ('{_cue(take.group('act'))}')"

    if lx.SOCIAL.match(core) and not lx.AFFIRMATION.match(core):
        return Act.OTHER, "greeting, thanks, small talk or logistics"

    asked = _question_act(core, body, ends_q, ctx)
    if asked is not None:
        return asked
    return _statement_act(core, body, so_lead, ctx)


def _unit(text: str, ctx: _Context, previous: Act | None) -> Unit:
    act, why = _tag_one(text, ctx, previous)
    permitted = False
    if act is Act.ADVICE:
        if ctx.help_asked:
            permitted, why = True, why + "; permitted: the rep asked for help"
        elif ctx.permission_given:
            permitted = True
            why += f"; permitted: the rep said yes to '{ctx.permission_given}'"
    return Unit.model_construct(text=text, act=act, reason=_because(why, act), permitted=permitted)


def tag_units(text: str, context: Sequence[Turn] = ()) -> list[Unit]:
    """Split a coach turn into units and tag each with an act and the reason for it."""
    ctx = _read_context(context) if context else _EMPTY
    units: list[Unit] = []
    previous: Act | None = None
    for piece in split_units(text):
        unit = _unit(piece, ctx, previous)
        units.append(unit)
        previous = unit.act
    return units


_RANK = {act: rank for rank, act in enumerate(PRIMARY_PRIORITY)}


def primary_act(units: Sequence[Unit]) -> Act:
    """The act that matters most for coaching in a turn (PRIMARY_PRIORITY); OTHER if none."""
    if not units:
        return Act.OTHER
    return min((u.act for u in units), key=_RANK.__getitem__)


def tag_turn(text: str, context: Sequence[Turn] = (), index: int = 0) -> TaggedTurn:
    """Tag one coach turn: its units and its primary act."""
    units = tag_units(text, context)
    return TaggedTurn.model_construct(
        index=index, speaker=Speaker.COACH, text=text, units=units, act=primary_act(units)
    )


def tag_transcript(transcript: Transcript) -> list[TaggedTurn]:
    """Tag every turn; coach turns are read with the turns before them as context."""
    turns = transcript.turns
    tagged: list[TaggedTurn] = []
    for i, turn in enumerate(turns):
        if turn.speaker is Speaker.COACH:
            window = turns[max(0, i - CONTEXT_WINDOW) : i]
            tagged.append(tag_turn(turn.text, window, index=i + 1))
        else:
            tagged.append(
                TaggedTurn.model_construct(
                    index=i + 1, speaker=turn.speaker, text=turn.text, units=[], act=None
                )
            )
    return tagged
