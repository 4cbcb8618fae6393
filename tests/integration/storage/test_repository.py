"""Repository functions against a real database: what is saved is what comes back."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading

import pytest
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from app.storage import Database, SessionRecord, TurnRecord, utcnow
from app.storage import repository as repo

UNITS = [
    {"text": "What changed?", "act": "open_question", "reason": "wh- question", "permitted": False}
]
DECISION = {"move": "disclose", "fact_id": "champion-left", "openness_after": 0.6}


def _session(
    session_id: str = "s1", manager_id: str = "m1", started: dt.datetime | None = None
) -> SessionRecord:
    return SessionRecord(
        id=session_id,
        manager_id=manager_id,
        scenario_id="stalled-deal",
        scenario_hash="a" * 64,
        rubric_id="ask-vs-tell",
        rubric_hash="b" * 64,
        mode="drill",
        status="active",
        engine="scripted",
        started_at=started or utcnow(),
    )


def _setup(connection: Connection, *sessions: SessionRecord) -> None:
    repo.ensure_content(connection, "a" * 64, "scenario", "stalled-deal", "id: stalled-deal\n")
    repo.ensure_content(connection, "b" * 64, "rubric", "ask-vs-tell", "id: ask-vs-tell\n")
    for record in sessions:
        repo.ensure_manager(connection, record.manager_id, None)
        repo.insert_session(connection, record)


def _coach(seq: int, text: str = "What changed?") -> TurnRecord:
    return TurnRecord(seq, "coach", text, utcnow(), act="open_question", units=UNITS)


def _rep(seq: int, text: str = "Our champion left.") -> TurnRecord:
    return TurnRecord(seq, "rep", text, utcnow(), decision=DECISION)


def test_a_session_and_its_turns_come_back_as_saved(db: Database) -> None:
    with db.begin() as connection:
        _setup(connection, _session())
        repo.insert_turn(connection, "s1", _rep(1, "Hey, got a minute?"))
        repo.insert_turn(connection, "s1", _coach(2))
        repo.insert_turn(connection, "s1", _rep(3))
    loaded = db.call(repo.get_session_with_turns, "s1")
    assert loaded is not None
    session, turns = loaded
    assert (session.scenario_id, session.status, session.scorecard) == (
        "stalled-deal",
        "active",
        None,
    )
    assert [(t.seq, t.speaker, t.text) for t in turns] == [
        (1, "rep", "Hey, got a minute?"),
        (2, "coach", "What changed?"),
        (3, "rep", "Our champion left."),
    ]
    assert turns[1].act == "open_question"
    assert turns[1].units == UNITS
    assert turns[1].decision is None
    assert turns[2].decision == DECISION
    assert turns[2].units is None
    assert all(t.created_at.tzinfo is not None for t in turns)
    assert session.started_at.utcoffset() == dt.timedelta(0)


def test_a_turn_comes_back_exactly_as_written(db: Database) -> None:
    written = TurnRecord(
        seq=2,
        speaker="rep",
        text='50% of \'em said "no" — %(text)s ? :name',
        created_at=dt.datetime(2025, 3, 4, 5, 6, 7, 891011, tzinfo=dt.UTC),
        decision={"move": "comply", "note": "ünïcode", "nested": {"list": [1, 2.5, None]}},
        engine_meta={"fell_back": True},
    )
    with db.begin() as connection:
        _setup(connection, _session())
        assert repo.insert_turn(connection, "s1", written) is True
    assert db.call(repo.get_turns, "s1") == [written]


def test_a_second_turn_at_the_same_place_is_refused(db: Database) -> None:
    with db.begin() as connection:
        _setup(connection, _session())
        repo.insert_turn(connection, "s1", _coach(2))
    with pytest.raises(IntegrityError), db.begin() as connection:
        repo.insert_turn(connection, "s1", _coach(2, "A different message"))
    assert db.call(repo.count_turns, "s1") == 1


def test_a_turn_for_a_session_that_does_not_exist_is_refused(db: Database) -> None:
    with db.begin() as connection:
        _setup(connection)
        assert repo.insert_turn(connection, "no-such-session", _coach(1)) is False
    assert db.call(repo.count_turns) == 0


def test_a_finished_session_takes_no_more_turns(db: Database) -> None:
    with db.begin() as connection:
        _setup(connection, _session())
        assert repo.insert_turn(connection, "s1", _coach(2)) is True
    finished_at = db.call(repo.finish_session, "s1", {"overall": 80.0, "passed": True})
    assert finished_at is not None
    assert db.call(repo.insert_turn, "s1", _rep(3)) is False
    assert db.call(repo.count_turns, "s1") == 1
    session = db.call(repo.get_session, "s1")
    assert session is not None
    assert (session.status, session.scorecard) == ("finished", {"overall": 80.0, "passed": True})


def test_finishing_twice_keeps_the_first_scorecard(db: Database) -> None:
    with db.begin() as connection:
        _setup(connection, _session())
    assert db.call(repo.finish_session, "s1", {"overall": 50.0}) is not None
    assert db.call(repo.finish_session, "s1", {"overall": 99.0}) is None
    session = db.call(repo.get_session, "s1")
    assert session is not None
    assert session.scorecard == {"overall": 50.0}


def test_a_session_for_an_unknown_manager_is_refused(db: Database) -> None:
    db.call(_setup)
    with pytest.raises(IntegrityError):
        db.call(repo.insert_session, _session(manager_id="nobody"))


def test_history_lists_only_the_managers_sessions_newest_first_with_turn_counts(
    db: Database,
) -> None:
    start = utcnow()
    older = _session("old", "m1", start - dt.timedelta(hours=2))
    newer = _session("new", "m1", start - dt.timedelta(hours=1))
    someone_else = _session("theirs", "m2", start)
    with db.begin() as connection:
        _setup(connection, older, newer, someone_else)
        for seq in (1, 2, 3):
            repo.insert_turn(connection, "old", _coach(seq))
        repo.insert_turn(connection, "theirs", _coach(1))
    history = db.call(repo.list_sessions, "m1")
    assert [(h.session.id, h.turn_count) for h in history] == [("new", 0), ("old", 3)]


def test_content_and_managers_are_saved_once_however_often_they_are_ensured(
    db: Database,
) -> None:
    with db.begin() as connection:
        for _ in range(3):
            repo.ensure_content(connection, "c" * 64, "scenario", "x", "id: x\n")
            repo.ensure_manager(connection, "m9", "Sam")
    assert db.call(repo.get_content_text, "c" * 64) == "id: x\n"
    manager = db.call(repo.get_manager, "m9")
    assert manager is not None
    assert manager.display_name == "Sam"


def test_renaming_a_manager_is_saved(db: Database) -> None:
    db.call(repo.create_manager, "m1", None)
    assert db.call(repo.rename_manager, "m1", "Priya") is True
    assert db.call(repo.rename_manager, "nobody", "Priya") is False
    manager = db.call(repo.get_manager, "m1")
    assert manager is not None
    assert manager.display_name == "Priya"


def test_async_work_runs_off_the_event_loop_thread_and_commits(db: Database) -> None:
    with db.begin() as connection:
        _setup(connection, _session())
    seen: list[str] = []

    def insert(connection: Connection) -> bool:
        seen.append(threading.current_thread().name)
        return repo.insert_turn(connection, "s1", _coach(2))

    async def main() -> bool:
        return await db.run(insert)

    assert asyncio.run(main()) is True
    assert seen
    assert seen[0] != threading.current_thread().name
    # Visible from a brand-new connection: the transaction was committed.
    with db.engine.connect() as other:
        assert repo.count_turns(other, "s1") == 1


def test_a_failed_transaction_saves_nothing(db: Database) -> None:
    with db.begin() as connection:
        _setup(connection, _session())

    def two_turns_then_fail(connection: Connection) -> None:
        repo.insert_turn(connection, "s1", _coach(2))
        repo.insert_turn(connection, "s1", _coach(2))  # violates (session_id, seq)

    with pytest.raises(IntegrityError):
        db.call(two_turns_then_fail)
    assert db.call(repo.count_turns, "s1") == 0
    # The thread's connection is usable again after the rollback.
    assert db.call(repo.insert_turn, "s1", _coach(2)) is True
