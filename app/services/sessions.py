"""Practice sessions: start, take turns (streamed or not), retry a reply, finish, look up.

The one place where the practice conversation, the rep engine, the rubric and storage
meet. The order of saving is the point of this module: a coach turn is committed before
the rep's reply is requested, and the rep turn once it is complete. A reply that fails
leaves the coach turn saved and the session waiting for that reply; `retry_reply` asks
again for the same coach turn and saves nothing twice.

Live conversations are kept in memory (a bounded LRU keyed by session id) so that a turn
costs one tagger call, one director step and two small INSERTs; on a miss, or after a
restart, the conversation is rebuilt from the saved turns by replaying the coach turns.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field

from sqlalchemy import Connection

from app.content import ContentLibrary
from app.domain import Scenario, Speaker, Transcript, Turn
from app.engines.base import EngineError, RepEngine
from app.services.content_versions import ContentVersions
from app.services.identity import Manager
from app.services.practice import PracticeSession, PracticeTurn
from app.services.scoring import score_outside, score_session
from app.services.session_errors import (
    ConflictError,
    InvalidTranscriptError,
    NotFoundError,
    ReplyFailedError,
    SessionError,
    TurnRejectedError,
    check_turn_text,
)
from app.services.turn_events import CoachSaved, ReplyChunk, ReplyFailed, RepSaved, TurnEvent
from app.services.views import (
    Mode,
    ScoreResult,
    SessionListItem,
    SessionView,
    Speakers,
    TurnPair,
    TurnView,
    list_item,
)
from app.storage import Database, SessionRecord, TurnRecord, utcnow
from app.storage import repository as repo
from app.storage.writer import GroupWriter

__all__ = [
    "CoachSaved",
    "ConflictError",
    "InvalidTranscriptError",
    "NotFoundError",
    "RepSaved",
    "ReplyChunk",
    "ReplyFailed",
    "ReplyFailedError",
    "SessionError",
    "SessionService",
    "TurnEvent",
    "TurnRejectedError",
    "check_turn_text",
]

DEFAULT_CACHE_SIZE = 1024


@dataclass(eq=False)
class _Live:
    """A session being practised: its record and the in-memory conversation."""

    record: SessionRecord
    practice: PracticeSession
    last_coach: TurnView | None = None
    busy: bool = field(default=False)


def _coach_record(turn: PracticeTurn) -> TurnRecord:
    return TurnRecord(
        seq=turn.index,
        speaker=Speaker.COACH.value,
        text=turn.text,
        created_at=utcnow(),
        act=turn.act.value if turn.act else None,
        units=[u.as_record() for u in turn.units],
    )


def _rep_record(turn: PracticeTurn) -> TurnRecord:
    return TurnRecord(
        seq=turn.index,
        speaker=Speaker.REP.value,
        text=turn.text,
        created_at=utcnow(),
        decision=turn.decision.model_dump(mode="json") if turn.decision else None,
        engine_meta={"fell_back": True} if turn.fell_back else None,
    )


def _view(turn: PracticeTurn, record: TurnRecord) -> TurnView:
    # Built from the in-memory turn, not re-parsed from JSON. Validating objects that are
    # already models is a type check in pydantic's compiled core: cheaper than
    # `model_construct`, which copies every field in Python.
    return TurnView(
        index=turn.index,
        speaker=turn.speaker,
        text=turn.text,
        created_at=record.created_at,
        act=turn.act,
        acts=[u.act for u in turn.units],
        units=list(turn.units),
        decision=turn.decision,
        fell_back=turn.fell_back,
    )


def _save_new_session(
    connection: Connection,
    manager: Manager,
    record: SessionRecord,
    contents: list[tuple[str, repo.Kind, str, str]],
    opening: TurnRecord,
) -> None:
    repo.ensure_manager(connection, manager.id, manager.display_name)
    for content_hash, kind, content_id, text in contents:
        repo.ensure_content(connection, content_hash, kind, content_id, text)
    repo.insert_session(connection, record)
    repo.insert_turn(connection, record.id, opening)


class SessionService:
    """Starts, runs, finishes and lists practice sessions for managers."""

    def __init__(
        self,
        db: Database,
        library: ContentLibrary,
        engine: RepEngine,
        *,
        max_turn_chars: int,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        self.db = db
        self._writer = GroupWriter(db)
        self.library = library
        self.engine = engine
        self.max_turn_chars = max_turn_chars
        self._cache: OrderedDict[str, _Live] = OrderedDict()
        self._cache_size = cache_size
        self._saved_content: set[str] = set()
        self._versions = ContentVersions(library, db)

    # --- starting ---------------------------------------------------------------------

    async def start_session(self, manager: Manager, scenario_id: str, mode: Mode) -> SessionView:
        """Start practising a scenario: saves the session and the rep's opening turn."""
        scenario = self.library.scenarios.get(scenario_id)
        if scenario is None:
            raise NotFoundError(f"There is no scenario called {scenario_id!r}.")
        rubric = self.library.rubrics.get(scenario.model.rubric)
        if rubric is None:
            raise NotFoundError(
                f"The rubric {scenario.model.rubric!r} that scores this scenario is missing."
            )
        practice = PracticeSession(scenario.model, self.engine, manager_name=manager.display_name)
        opening = _rep_record(practice.start())
        record = SessionRecord(
            id=uuid.uuid4().hex,
            manager_id=manager.id,
            scenario_id=scenario.model.id,
            scenario_hash=scenario.hash,
            rubric_id=rubric.model.id,
            rubric_hash=rubric.hash,
            mode=mode,
            status="active",
            engine=self.engine.name,
            started_at=utcnow(),
        )
        contents = [
            (loaded.hash, kind, loaded.model.id, loaded.text)
            for kind, loaded in (("scenario", scenario), ("rubric", rubric))
            if loaded.hash not in self._saved_content
        ]
        await self.db.run(_save_new_session, manager, record, contents, opening)
        self._saved_content.update(c[0] for c in contents)
        self._remember(_Live(record, practice))
        return SessionView.build(record, [opening], scenario.model.title)

    # --- turns ------------------------------------------------------------------------

    async def stream_turn(
        self, manager: Manager, session_id: str, text: str
    ) -> AsyncGenerator[TurnEvent, None]:
        """Save the coach's turn, then stream the rep's reply and save it when complete.

        Refusals (empty or long text, unknown session, finished or busy session) raise
        before anything is saved or yielded.
        """
        text = check_turn_text(text, self.max_turn_chars)
        live = await self._live(manager, session_id)
        _check_can_talk(live, reply_pending=False)
        return self._turn_events(live, text)

    async def _turn_events(self, live: _Live, text: str) -> AsyncGenerator[TurnEvent, None]:
        # Checked again here, with no await before `busy` is set: another request may
        # have started on this session since `stream_turn` returned.
        _check_can_talk(live, reply_pending=False)
        live.busy = True
        try:
            yield CoachSaved(await self._save_coach_turn(live, text))
            async for event in self._reply_events(live):
                yield event
        finally:
            live.busy = False

    async def stream_retry(
        self, manager: Manager, session_id: str
    ) -> AsyncGenerator[TurnEvent, None]:
        """Ask again for the rep's reply to the saved coach turn that has none."""
        live = await self._live(manager, session_id)
        _check_can_talk(live, reply_pending=True)
        return self._retry_events(live)

    async def _retry_events(self, live: _Live) -> AsyncGenerator[TurnEvent, None]:
        _check_can_talk(live, reply_pending=True)
        live.busy = True
        try:
            yield CoachSaved(await self._pending_coach_turn(live))
            async for event in self._reply_events(live):
                yield event
        finally:
            live.busy = False

    async def _reply_events(self, live: _Live) -> AsyncGenerator[TurnEvent, None]:
        try:
            async for chunk in live.practice.retry():
                yield ReplyChunk(chunk)
        except EngineError as exc:
            yield ReplyFailed(str(exc))
            return
        except BaseException:
            # An unexpected failure or a dropped stream: whatever the conversation holds in
            # memory, the database is the truth; rebuild from it next time.
            self._forget(live.record.id)
            raise
        yield RepSaved(await self._save_rep_turn(live))

    async def take_turn(self, manager: Manager, session_id: str, text: str) -> TurnPair:
        """Save the coach's turn, get the rep's reply and save it; both turns returned."""
        text = check_turn_text(text, self.max_turn_chars)
        live = await self._live(manager, session_id)
        _check_can_talk(live, reply_pending=False)
        live.busy = True
        try:
            coach = await self._save_coach_turn(live, text)
            return TurnPair(coach=coach, rep=await self._reply(live, coach))
        finally:
            live.busy = False

    async def retry_reply(self, manager: Manager, session_id: str) -> TurnPair:
        """Re-request the rep's reply to the saved coach turn that has none yet."""
        live = await self._live(manager, session_id)
        _check_can_talk(live, reply_pending=True)
        live.busy = True
        try:
            coach = await self._pending_coach_turn(live)
            return TurnPair(coach=coach, rep=await self._reply(live, coach))
        finally:
            live.busy = False

    async def _reply(self, live: _Live, coach: TurnView) -> TurnView:
        """The rep's whole reply, saved; ReplyFailedError leaves the coach turn waiting."""
        try:
            async for _chunk in live.practice.retry():
                pass
        except EngineError as exc:
            raise ReplyFailedError(str(exc), live.record.id, coach) from exc
        except BaseException:
            self._forget(live.record.id)
            raise
        return await self._save_rep_turn(live)

    async def _save_coach_turn(self, live: _Live, text: str) -> TurnView:
        turn = live.practice.add_coach_turn(text)
        record = _coach_record(turn)
        await self._save(live, record)
        live.last_coach = _view(turn, record)
        return live.last_coach

    async def _save_rep_turn(self, live: _Live) -> TurnView:
        turn = live.practice.transcript()[-1]
        record = _rep_record(turn)
        await self._save(live, record)
        return _view(turn, record)

    async def _pending_coach_turn(self, live: _Live) -> TurnView:
        if live.last_coach is None:
            turns = await self.db.run(repo.get_turns, live.record.id)
            live.last_coach = TurnView.from_record(turns[-1])
        return live.last_coach

    async def _save(self, live: _Live, record: TurnRecord) -> None:
        try:
            saved = await self._writer.write(repo.insert_turn, live.record.id, record)
        except BaseException:
            self._forget(live.record.id)
            raise
        if not saved:
            self._forget(live.record.id)
            raise ConflictError("This session has finished; start a new one to keep practising.")

    # --- finishing and reading --------------------------------------------------------

    async def finish(self, manager: Manager, session_id: str) -> ScoreResult:
        """End the session and score it; finishing again returns the same scorecard."""
        live = self._cache.get(session_id)
        if live is not None and live.record.manager_id == manager.id and live.busy:
            raise ConflictError("The rep is still replying; finish once the reply is in.")
        loaded = await self.db.run(repo.get_session_with_turns, session_id)
        if loaded is None or loaded[0].manager_id != manager.id:
            raise _not_found(session_id)
        record, turns = loaded
        if record.scorecard is not None:
            return ScoreResult.model_validate(record.scorecard)
        if not any(t.speaker == Speaker.COACH.value for t in turns):
            raise ConflictError(
                "Say something to the rep before ending: there is nothing to score."
            )
        scenario = await self._versions.scenario(record.scenario_id, record.scenario_hash)
        rubric = await self._versions.rubric(record.rubric_id, record.rubric_hash)
        speakers = Speakers(
            coach=manager.display_name,
            rep=scenario.rep.name,
            note="a Coachsim session: the manager coached, the simulated rep replied",
        )
        result = ScoreResult.of(score_session(record, turns, scenario, rubric), speakers)
        finished = await self.db.run(
            repo.finish_session, session_id, result.model_dump(mode="json")
        )
        self._forget(session_id)
        if finished is None:
            # Someone else finished it first: theirs is the scorecard of record.
            again = await self.db.run(repo.get_session, session_id)
            if again is not None and again.scorecard is not None:
                return ScoreResult.model_validate(again.scorecard)
        return result

    async def get_session(self, manager: Manager | None, session_id: str) -> SessionView:
        """The session with all its turns and its scorecard, if it is this manager's."""
        loaded = await self.db.run(repo.get_session_with_turns, session_id)
        if manager is None or loaded is None or loaded[0].manager_id != manager.id:
            raise _not_found(session_id)
        record, turns = loaded
        return SessionView.build(record, turns, self._versions.title(record.scenario_id))

    async def list_sessions(self, manager: Manager | None) -> list[SessionListItem]:
        """The manager's sessions, newest first."""
        if manager is None:
            return []
        summaries = await self.db.run(repo.list_sessions, manager.id)
        return [
            list_item(s.session, s.turn_count, self._versions.title(s.session.scenario_id))
            for s in summaries
        ]

    def score_transcript(
        self, transcript: Transcript, *, rubric_id: str | None = None, speakers_note: str = ""
    ) -> ScoreResult:
        """Score a conversation that did not happen here (POST /api/v1/score)."""
        return score_outside(
            self.library, transcript, rubric_id=rubric_id, speakers_note=speakers_note
        )

    # --- internals --------------------------------------------------------------------

    async def _live(self, manager: Manager, session_id: str) -> _Live:
        live = self._cache.get(session_id)
        if live is not None:
            if live.record.manager_id != manager.id:
                raise _not_found(session_id)
            self._cache.move_to_end(session_id)
            return live
        loaded = await self.db.run(repo.get_session_with_turns, session_id)
        if loaded is None or loaded[0].manager_id != manager.id:
            raise _not_found(session_id)
        record, turns = loaded
        if record.status != "active":
            raise ConflictError("This session has finished; start a new one to keep practising.")
        live = self._cache.get(session_id)  # another request may have rebuilt it meanwhile
        if live is None:
            scenario = await self._versions.scenario(record.scenario_id, record.scenario_hash)
            live = self._cache.get(session_id) or self._rebuild(manager, record, turns, scenario)
            self._remember(live)
        return live

    def _rebuild(
        self,
        manager: Manager,
        record: SessionRecord,
        turns: list[TurnRecord],
        scenario: Scenario,
    ) -> _Live:
        practice = PracticeSession.resume(
            scenario,
            self.engine,
            [Turn(speaker=Speaker(t.speaker), text=t.text) for t in turns],
            manager_name=manager.display_name,
        )
        last = turns[-1] if turns else None
        last_coach = (
            TurnView.from_record(last)
            if last is not None and last.speaker == Speaker.COACH.value
            else None
        )
        return _Live(record, practice, last_coach)

    def _remember(self, live: _Live) -> None:
        self._cache[live.record.id] = live
        self._cache.move_to_end(live.record.id)
        excess = len(self._cache) - self._cache_size
        if excess > 0:
            # Oldest first, never one mid-reply (its turn is still being saved).
            idle = [key for key, entry in self._cache.items() if not entry.busy][:excess]
            for key in idle:
                del self._cache[key]

    def _forget(self, session_id: str) -> None:
        self._cache.pop(session_id, None)

    @property
    def cached_sessions(self) -> int:
        """How many live conversations are held in memory."""
        return len(self._cache)


def _check_can_talk(live: _Live, *, reply_pending: bool) -> None:
    if live.record.status != "active":
        raise ConflictError("This session has finished; start a new one to keep practising.")
    if live.busy:
        raise ConflictError("The rep is still replying to your last message.")
    if live.practice.reply_pending and not reply_pending:
        raise ConflictError(
            "The rep has not answered your last message yet: retry the reply first."
        )
    if reply_pending and not live.practice.reply_pending:
        raise ConflictError("There is no message waiting for the rep's reply.")


def _not_found(session_id: str) -> NotFoundError:
    return NotFoundError(f"There is no session {session_id!r}.")
