"""A practice conversation in memory: scenario, director state, turns and decisions.

No storage here. The web layer persists the turns and, after a restart, rebuilds the
conversation with `PracticeSession.resume`: replaying the saved coach turns through the
tagger and a fresh director reproduces the rep's state exactly, because both are
deterministic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.domain import Decision, Scenario, Scorecard, Speaker, TaggedTurn, Turn
from app.engines.base import RepEngine, ReplyMeta, ReplyRequest
from app.engines.director import Director
from app.engines.scripted import scripted_line
from app.rubric.scoring import RubricSource, score
from app.rubric.tagger import tag_turn

Tagger = Callable[..., TaggedTurn]


@dataclass(slots=True)
class PracticeTurn(TaggedTurn):
    """A turn of a practice conversation: coach turns carry their acts, rep turns the decision."""

    decision: Decision | None = None
    fell_back: bool = False

    def as_record(self) -> dict[str, Any]:
        """The turn as plain data for a transcript file: only the fields its speaker has."""
        record: dict[str, Any] = {"index": self.index, "speaker": self.speaker.value}
        record["text"] = self.text
        if self.speaker is Speaker.COACH:
            record["act"] = self.act.value if self.act else None
            record["units"] = [u.as_record() for u in self.units]
        else:
            record["decision"] = self.decision.model_dump(mode="json") if self.decision else None
            if self.fell_back:
                record["fell_back"] = True
        return record


class PracticeError(ValueError):
    """A turn the conversation cannot take; the message is fit to show the manager."""


class PracticeSession:
    """One manager coaching one scenario's rep, turn by turn."""

    def __init__(
        self,
        scenario: Scenario,
        engine: RepEngine,
        *,
        manager_name: str | None = None,
        tagger: Tagger = tag_turn,
    ) -> None:
        self.scenario = scenario
        self.engine = engine
        self.manager_name = manager_name
        self.director = Director(scenario)
        self._tagger = tagger
        self._turns: list[PracticeTurn] = []
        # The same conversation as plain turns, grown alongside `_turns`: the tagger and the
        # engine read it every turn, and rebuilding it each time cost as much as tagging.
        self._said: list[Turn] = []
        self._pending: Decision | None = None

    @classmethod
    def resume(
        cls,
        scenario: Scenario,
        engine: RepEngine,
        turns: Iterable[Turn],
        *,
        manager_name: str | None = None,
        tagger: Tagger = tag_turn,
    ) -> PracticeSession:
        """Rebuild a conversation from its saved turns, replaying the coach turns."""
        session = cls(scenario, engine, manager_name=manager_name, tagger=tagger)
        for turn in turns:
            if turn.speaker is Speaker.COACH:
                session.add_coach_turn(turn.text)
            elif not session._turns:
                session.start()
            elif session._pending is not None:
                session._record_rep(turn.text, session._pending)
        return session

    @property
    def started(self) -> bool:
        """Whether the rep has opened the conversation."""
        return bool(self._turns)

    @property
    def reply_pending(self) -> bool:
        """Whether the last coach turn still waits for the rep's reply (it failed or stopped)."""
        return self._pending is not None

    @property
    def disclosed(self) -> list[str]:
        """Ids of the hidden facts the rep has disclosed in full, in the order they came out."""
        return self.director.state.fully_disclosed

    @property
    def committed(self) -> bool:
        """Whether the rep has committed to a plan of their own."""
        return self.director.state.committed

    @property
    def objective_reached(self) -> bool:
        """The rep committed and every must-discover fact is out."""
        must = self.scenario.objective.must_discover
        return self.committed and all(f in self.disclosed for f in must)

    def start(self) -> PracticeTurn:
        """The rep's opening turn (recorded once; later calls return the same turn)."""
        if not self._turns:
            decision = self.director.opening()
            self._record_rep(scripted_line(self.scenario, decision, self.manager_name), decision)
        return self._turns[0]

    async def take_turn(self, text: str) -> AsyncIterator[str]:
        """Record the coach's turn, direct the rep, and stream the rep's reply as it comes."""
        self.add_coach_turn(text)
        async for chunk in self.retry():
            yield chunk

    async def retry(self) -> AsyncIterator[str]:
        """Stream the rep's reply to the last coach turn again (after a failure)."""
        decision = self._pending
        if decision is None:
            raise PracticeError("there is no coach turn waiting for a reply")
        meta = ReplyMeta()
        request = ReplyRequest(
            scenario=self.scenario,
            turns=tuple(self._said),
            decision=decision,
            disclosed=tuple(self.director.state.fully_disclosed),
            manager_name=self.manager_name,
        )
        parts: list[str] = []
        async for chunk in self.engine.reply(request, meta):
            parts.append(chunk)
            yield chunk
        self._record_rep("".join(parts).strip(), decision, fell_back=meta.fell_back)

    @property
    def coach_turn_count(self) -> int:
        """How many turns the coach has taken."""
        return sum(t.speaker is Speaker.COACH for t in self._turns)

    def transcript(self) -> list[PracticeTurn]:
        """Every turn so far, in order."""
        return list(self._turns)

    def decisions(self) -> dict[int, Decision]:
        """The director's decision behind each rep turn, by turn index."""
        return {t.index: t.decision for t in self._turns if t.decision is not None}

    def add_coach_turn(self, text: str) -> PracticeTurn:
        """Record and direct a coach turn without voicing the reply yet.

        Storage commits the returned turn before any engine is asked for words, so an
        engine failure can never lose what the coach said.
        """
        text = text.strip()
        if not text:
            raise PracticeError("say something to the rep first: the message is empty")
        self.start()
        tagged = self._tagger(text, context=tuple(self._said), index=len(self._turns) + 1)
        self._pending = self.director.direct(tagged)
        turn = PracticeTurn(
            index=len(self._turns) + 1,
            speaker=Speaker.COACH,
            text=text,
            units=tagged.units,
            act=tagged.act,
        )
        self._append(turn)
        return turn

    def _record_rep(self, text: str, decision: Decision, *, fell_back: bool = False) -> None:
        self._pending = None
        self._append(
            PracticeTurn(
                index=len(self._turns) + 1,
                speaker=Speaker.REP,
                text=text,
                decision=decision,
                fell_back=fell_back,
            )
        )

    def _append(self, turn: PracticeTurn) -> None:
        self._turns.append(turn)
        self._said.append(Turn(speaker=turn.speaker, text=turn.text))


def score_practice(session: PracticeSession, rubric: RubricSource) -> Scorecard:
    """Score a practice conversation; the director's log says which facts came out."""
    return score(session.transcript(), rubric, session.scenario, decisions=session.decisions())
