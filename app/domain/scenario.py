"""A coaching scenario: the rep, the situation, what the rep hides and how they react.

The director runs on this data alone: every rule it needs (how each coach act moves the
rep's openness, which facts unlock to which moves and topics, when the rep commits) is
authored here, so a new scenario needs no code.
"""

from __future__ import annotations

import re
import string
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.domain.acts import Act

Difficulty = Literal["easy", "medium", "hard"]
Disclosure = Literal["partial", "full"]

# Placeholders an authored line may use; the actor fills them in.
PLACEHOLDERS = frozenset({"manager", "rep", "account"})
_ID = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"


class Strict(BaseModel):
    """Content models refuse unknown fields so a typo in YAML is an error, not a no-op."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_placeholders(text: str) -> str:
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None and name not in PLACEHOLDERS:
            allowed = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
            raise ValueError(f"unknown placeholder {{{name}}}; use one of {allowed}")
    return text


Line = Annotated[str, Field(min_length=1)]


class Persona(Strict):
    """The rep the manager coaches."""

    name: str = Field(min_length=1)
    role: str
    tenure: str
    personality: str
    motivations: list[str] = Field(min_length=1)
    speaking_style: str = Field(description="How the rep talks: register, length, habits.")
    coachability: float = Field(
        ge=0.0, le=1.0, description="Openness at the start, 0 closed to 1 fully open."
    )


class Stakeholder(Strict):
    """A person on the customer side (or inside) who matters to the situation."""

    name: str
    role: str
    stance: str = Field(description="e.g. champion, blocker, unknown, economic buyer")
    note: str = ""


class Situation(Strict):
    """The deal or situation the coaching conversation is about."""

    account: str
    stage: str
    value: str = Field(description='Deal value as the team says it, e.g. "$180k ARR".')
    close_date: str = ""
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    history: list[str] = Field(min_length=1)


class Objective(Strict):
    """What a good coach helps the rep discover and commit to."""

    summary: str
    must_discover: list[str] = Field(
        min_length=1, description="Hidden fact ids the rep must surface for the objective."
    )
    commitment: str = Field(description="The kind of plan the rep should own by the end.")


class HiddenFact(Strict):
    """Something the rep knows but will not volunteer."""

    id: str = Field(pattern=_ID)
    fact: str = Field(description="The truth, in the narrator's words (never shown as-is).")
    cues: list[str] = Field(
        min_length=1,
        description="Words or phrases in the coach's turn that make this fact relevant "
        "(lower-case; matched as whole words or phrases).",
    )
    unlocked_by: list[Act] = Field(
        min_length=1, description="Coach acts that can draw this fact out."
    )
    min_openness: float = Field(
        default=0.4, ge=0.0, le=1.0, description="Openness the rep needs to say it fully."
    )
    partial: Line = Field(description="What the rep says when only hinting at it.")
    full: list[Line] = Field(min_length=1, description="Ways the rep discloses it fully.")

    @field_validator("cues")
    @classmethod
    def _lower_cues(cls, cues: list[str]) -> list[str]:
        return [c.strip().lower() for c in cues]

    @field_validator("partial")
    @classmethod
    def _partial_placeholders(cls, text: str) -> str:
        return _check_placeholders(text)

    @field_validator("full")
    @classmethod
    def _full_placeholders(cls, lines: list[str]) -> list[str]:
        return [_check_placeholders(t) for t in lines]


class Reaction(Strict):
    """How the rep reacts to one kind of coach move."""

    openness: float = Field(
        default=0.0, ge=-1.0, le=1.0, description="Change in openness when this move lands."
    )
    lines: list[Line] = Field(min_length=2, description="Authored lines, varied in turn.")

    @field_validator("lines")
    @classmethod
    def _placeholders(cls, lines: list[str]) -> list[str]:
        return [_check_placeholders(t) for t in lines]


class Reactions(Strict):
    """The rep's reaction to every coach act; all nine are required."""

    open_question: Reaction
    closed_question: Reaction
    leading_question: Reaction
    reflection: Reaction
    affirmation: Reaction
    advice: Reaction
    information: Reaction
    takeover: Reaction
    other: Reaction


class Moves(Strict):
    """Lines for the rep's moves that do not answer to a single coach act."""

    commit: list[Line] = Field(
        min_length=2, description="The rep commits to a plan they found themselves."
    )
    commit_cues: list[str] = Field(
        min_length=1,
        description="Words in a coach question that invite a commitment (next step, plan...).",
    )
    guarded: list[Line] = Field(
        min_length=2, description="Asked about a hidden topic while openness is too low."
    )
    pushback: list[Line] = Field(
        min_length=2, description="Openness has fallen so low the rep pushes back."
    )
    reclaim: list[Line] = Field(
        min_length=2,
        description="After a handoff, a good question makes the rep take the work back.",
    )

    @field_validator("commit", "guarded", "pushback", "reclaim")
    @classmethod
    def _placeholders(cls, lines: list[str]) -> list[str]:
        return [_check_placeholders(t) for t in lines]

    @field_validator("commit_cues")
    @classmethod
    def _lower(cls, cues: list[str]) -> list[str]:
        return [c.strip().lower() for c in cues]


class Scenario(Strict):
    """One coaching situation, authored as YAML in scenarios/."""

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    summary: str
    difficulty: Difficulty
    tags: list[str] = Field(default_factory=list)
    time_box_minutes: int = Field(ge=1, le=120)
    rubric: str = Field(description="Id of the rubric that scores this scenario by default.")
    rep: Persona
    situation: Situation
    briefing: str = Field(description="What the manager knows going in.")
    objective: Objective
    opening_line: str = Field(min_length=1)
    hidden_facts: list[HiddenFact] = Field(min_length=1)
    reactions: Reactions
    moves: Moves

    @model_validator(mode="after")
    def _facts_consistent(self) -> Scenario:
        ids = [f.id for f in self.hidden_facts]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"hidden fact ids repeat: {', '.join(dupes)}")
        unknown = [i for i in self.objective.must_discover if i not in ids]
        if unknown:
            raise ValueError(
                f"objective.must_discover names unknown hidden facts: {', '.join(unknown)}"
            )
        return self

    def reaction(self, act: Act) -> Reaction:
        """The authored reaction to a coach act."""
        reaction: Reaction = getattr(self.reactions, act.value)
        return reaction

    def fact(self, fact_id: str) -> HiddenFact:
        """The hidden fact with this id."""
        for f in self.hidden_facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)


def cue_pattern(cue: str) -> re.Pattern[str]:
    """A whole-word (or whole-phrase) matcher for a cue."""
    return re.compile(r"(?<![a-z0-9])" + re.escape(cue) + r"(?![a-z0-9])")
