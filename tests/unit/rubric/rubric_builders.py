"""Hand-made tagged transcripts for the metrics, scoring and feedback tests.

The tests of what the engine does with tags build the tags themselves, so they do not
move when the tagger improves.
"""

from __future__ import annotations

from pathlib import Path

from app.content import load_rubric, load_scenario
from app.content.loader import Loaded
from app.domain import Act, Rubric, Scenario, Speaker, TaggedTurn, Unit
from app.domain.acts import PRIMARY_PRIORITY

ROOT = Path(__file__).resolve().parents[3]
SCENARIO_FILE = ROOT / "tests" / "data" / "transcripts" / "quiet-deal.scenario.yaml"

OQ, CQ, LQ = Act.OPEN_QUESTION, Act.CLOSED_QUESTION, Act.LEADING_QUESTION
RF, AF, AD = Act.REFLECTION, Act.AFFIRMATION, Act.ADVICE
INF, TK, OT = Act.INFORMATION, Act.TAKEOVER, Act.OTHER
PERMITTED = "permitted"


class Builder:
    """Appends turns with running 1-based indexes: `b.coach((OQ, "What..."))`, `b.rep("...")`."""

    def __init__(self) -> None:
        self.turns: list[TaggedTurn] = []

    def coach(self, *units: tuple[Act, str] | tuple[Act, str, str]) -> Builder:
        """A coach turn made of (act, text) units; a third item 'permitted' marks advice."""
        made = [
            Unit(text=u[1], act=u[0], reason="test", permitted=len(u) > 2 and u[2] == PERMITTED)
            for u in units
        ]
        primary = min((u.act for u in made), key=PRIMARY_PRIORITY.index)
        self.turns.append(
            TaggedTurn(
                index=len(self.turns) + 1,
                speaker=Speaker.COACH,
                text=" ".join(u.text for u in made),
                units=made,
                act=primary,
            )
        )
        return self

    def rep(self, text: str) -> Builder:
        """A rep turn."""
        self.turns.append(TaggedTurn(index=len(self.turns) + 1, speaker=Speaker.REP, text=text))
        return self


def scenario() -> Scenario:
    """The quiet-deal test scenario: two hidden facts with known wording."""
    return load_scenario(SCENARIO_FILE).model


def rubric(rubric_id: str) -> Loaded[Rubric]:
    """One of the shipped rubrics, as loaded from its file."""
    return load_rubric(ROOT / "rubrics" / f"{rubric_id}.yaml")


def telling_session() -> list[TaggedTurn]:
    """The manager tells, leads and takes over; the rep complies and hands the work off."""
    return (
        Builder()
        .rep("Hey, can you email Lena Park for me? Acme has gone quiet.")
        .coach((TK, "Sure, I'll email Lena Park today."), (AD, "You should also call Ravi."))
        .rep("Great, thanks. That would help.")
        .coach((LQ, "Have you tried sending them a mutual action plan?"))
        .rep("I guess I could.")
        .coach(
            (AD, "Next time lead with ROI."),
            (CQ, "Did finance sign off?"),
            (CQ, "Is Ravi still on board?"),
        )
        .rep("No.")
        .coach((AD, "You need to multithread this deal."))
        .rep("Sure, I'll try that.")
        .turns
    )


def asking_session() -> list[TaggedTurn]:
    """The manager asks, reflects and waits; the rep finds the problem and owns the plan."""
    return (
        Builder()
        .rep("Hey, can you email Lena Park for me? Acme has gone quiet.")
        .coach(
            (OT, "Thanks for raising it early."),
            (OQ, "What would a good outcome look like for you?"),
        )
        .rep("Honestly I just want to know if this deal is real before the forecast call.")
        .coach((OQ, "What has changed since the demo went well?"))
        .rep(
            "The budget is frozen. Bad quarter, so the board froze new software spend until "
            "July. I found out last week and did not want to say it."
        )
        .coach((RF, "So the deal you forecast is waiting on a board meeting in July."))
        .rep(
            "Right, and Ravi moved to the Berlin office last month and he doesn't own the "
            "project anymore."
        )
        .coach(
            (AF, "You did the hard part by finding that out."),
            (OQ, "What options do you see from here?"),
        )
        .rep("I could find out who owns the project now, or ask Lena what the board needs to see.")
        .coach((OQ, "What will you do first, and by when?"))
        .rep(
            "I'll email Lena tomorrow to ask who owns the project now and book a call with "
            "them this week."
        )
        .turns
    )
