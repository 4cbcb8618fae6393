"""Decide which named speaker is the coach and which the rep, and say why.

Exports of real calls name people, not roles. The coach is the speaker given with
`coach_name`; otherwise the speaker who asks more questions (managers coach by asking),
with ties going to the one who spoke fewer words, then to the one who spoke first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.acts import Speaker
from app.formats.errors import TranscriptFormatError

ROLE_WORDS: dict[str, Speaker] = {
    "coach": Speaker.COACH,
    "manager": Speaker.COACH,
    "rep": Speaker.REP,
}

_QUESTION_START = re.compile(
    r"^(?:what|how|why|when|where|who|which|tell me|talk me|walk me|can you|could you|"
    r"would you|do you|did you|have you|is|are|was|were|do|does|did|have|has|will|would|"
    r"should|could|can)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


@dataclass(frozen=True, slots=True)
class RawTurn:
    """A turn as a reader found it: who (as written), what, and the line it starts on."""

    name: str
    text: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class RoleMap:
    """Which written speaker is the coach, which are the rep, and why."""

    roles: dict[str, Speaker]
    coach_name: str | None
    rep_name: str | None
    note: str


def questions_asked(text: str) -> int:
    """How many sentences of a turn are questions (with or without a question mark)."""
    count = 0
    for sentence in _SENTENCE.findall(text):
        stripped = sentence.strip()
        if stripped.endswith("?") or _QUESTION_START.match(stripped):
            count += 1
    return count


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def assign_roles(turns: Sequence[RawTurn], coach_name: str | None = None) -> RoleMap:
    """Map every written speaker to coach or rep, or raise naming the problem."""
    if not turns:
        raise TranscriptFormatError("empty transcript: no turns found")
    first_line: dict[str, int | None] = {}
    shown: dict[str, str] = {}
    for turn in turns:
        key = _key(turn.name)
        if key not in shown:
            shown[key] = " ".join(turn.name.split())
            first_line[key] = turn.line
    names = list(shown)

    if coach_name is not None:
        wanted = _key(coach_name)
        if wanted not in shown:
            known = ", ".join(shown[n] for n in names)
            raise TranscriptFormatError(
                f"coach {coach_name!r} is not a speaker here; speakers: {known}"
            )
        reps = [shown[n] for n in names if n != wanted]
        roles = {n: Speaker.COACH if n == wanted else Speaker.REP for n in names}
        rep_label = ", ".join(reps) or "nobody"
        note = f"coach: {shown[wanted]} (given); rep: {rep_label}"
        return RoleMap(roles, shown[wanted], reps[0] if len(reps) == 1 else None, note)

    labelled = [n for n in names if n in ROLE_WORDS]
    if labelled and len(labelled) < len(names):
        odd = next(n for n in names if n not in ROLE_WORDS)
        raise TranscriptFormatError(
            f"unknown speaker {shown[odd]!r}: use 'coach' and 'rep' for every turn, or "
            "names for every turn",
            first_line[odd],
        )
    if labelled:
        roles = {n: ROLE_WORDS[n] for n in names}
        if Speaker.COACH not in roles.values():
            raise TranscriptFormatError("no coach turns: speakers are only " + ", ".join(names))
        return RoleMap(roles, None, None, "speakers labelled coach and rep")
    if len(names) > 2:
        third = names[2]
        listed = ", ".join(shown[n] for n in names)
        raise TranscriptFormatError(
            f"{len(names)} speakers ({listed}) and no mapping: name the coach "
            f"(--coach NAME) to score this transcript",
            first_line[third],
        )
    if len(names) == 1:
        raise TranscriptFormatError(
            f"only one speaker ({shown[names[0]]}): cannot tell the coach from the rep; "
            "name the coach (--coach NAME)"
        )

    asked = dict.fromkeys(names, 0)
    words = dict.fromkeys(names, 0)
    for turn in turns:
        asked[_key(turn.name)] += questions_asked(turn.text)
        words[_key(turn.name)] += len(turn.text.split())
    a, b = names
    # More questions first; then fewer words (coaches should talk less); then who spoke first.
    coach = min(names, key=lambda n: (-asked[n], words[n], names.index(n)))
    rep = b if coach == a else a
    if asked[a] != asked[b]:
        why = f"asked more questions: {asked[coach]} vs {asked[rep]}"
    elif words[a] != words[b]:
        why = (
            f"same number of questions, {asked[coach]}; fewer words: {words[coach]} vs {words[rep]}"
        )
    else:
        why = "same questions and words; spoke first"
    return RoleMap(
        {coach: Speaker.COACH, rep: Speaker.REP},
        shown[coach],
        shown[rep],
        f"coach: {shown[coach]} ({why}); rep: {shown[rep]}",
    )


def merge_runs(turns: Sequence[RawTurn]) -> list[RawTurn]:
    """Join consecutive turns of the same speaker (split cues, repeated name lines)."""
    merged: list[RawTurn] = []
    for turn in turns:
        if merged and _key(merged[-1].name) == _key(turn.name):
            last = merged[-1]
            merged[-1] = RawTurn(last.name, f"{last.text} {turn.text}", last.line)
        else:
            merged.append(turn)
    return merged


def role_of(roles: RoleMap, name: str) -> Speaker:
    """The role of a written speaker name."""
    return roles.roles[_key(name)]
