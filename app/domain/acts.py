"""The coach act labels and the groupings that the metrics and the director share."""

from __future__ import annotations

from enum import StrEnum


class Act(StrEnum):
    """Dialogue act of one coach unit (see DESIGN.md, "Coach act labels")."""

    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"
    LEADING_QUESTION = "leading_question"
    REFLECTION = "reflection"
    AFFIRMATION = "affirmation"
    ADVICE = "advice"
    INFORMATION = "information"
    TAKEOVER = "takeover"
    OTHER = "other"


class Speaker(StrEnum):
    """Who said a turn."""

    COACH = "coach"
    REP = "rep"


ACTS: tuple[Act, ...] = tuple(Act)
ACT_NAMES: tuple[str, ...] = tuple(a.value for a in Act)

# Questions that genuinely ask (leading questions are telling in disguise).
ASKING_ACTS = frozenset({Act.OPEN_QUESTION, Act.CLOSED_QUESTION})
QUESTION_ACTS = frozenset({Act.OPEN_QUESTION, Act.CLOSED_QUESTION, Act.LEADING_QUESTION})
TELLING_ACTS = frozenset({Act.ADVICE, Act.LEADING_QUESTION, Act.TAKEOVER})
LISTENING_ACTS = frozenset({Act.REFLECTION, Act.AFFIRMATION})

# Which act wins the "primary act" of a turn that mixes several: the one that matters
# most for coaching. Takeover and telling dominate because one instance changes the
# conversation; "other" only wins when nothing else is there.
PRIMARY_PRIORITY: tuple[Act, ...] = (
    Act.TAKEOVER,
    Act.ADVICE,
    Act.LEADING_QUESTION,
    Act.OPEN_QUESTION,
    Act.CLOSED_QUESTION,
    Act.REFLECTION,
    Act.AFFIRMATION,
    Act.INFORMATION,
    Act.OTHER,
)

# Coarse groups used to compare with counselling corpora (MITI-style coding).
COARSE_GROUP: dict[Act, str] = {
    Act.OPEN_QUESTION: "question",
    Act.CLOSED_QUESTION: "question",
    Act.LEADING_QUESTION: "question",
    Act.REFLECTION: "reflection",
    Act.ADVICE: "input",
    Act.INFORMATION: "input",
    Act.TAKEOVER: "input",
    Act.AFFIRMATION: "other",
    Act.OTHER: "other",
}
