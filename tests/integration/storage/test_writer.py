"""Group commit: concurrent turns share transactions, yet each is committed when awaited."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import Connection, event
from sqlalchemy.exc import IntegrityError

from app.storage import Database, SessionRecord, TurnRecord, utcnow
from app.storage import repository as repo
from app.storage.writer import GroupWriter


def _prepare(db: Database) -> None:
    def setup(connection: Connection) -> None:
        repo.ensure_manager(connection, "m1", None)
        repo.ensure_content(connection, "a" * 64, "scenario", "s", "id: s\n")
        repo.insert_session(
            connection,
            SessionRecord(
                "s1", "m1", "s", "a" * 64, "s", "a" * 64, "drill", "active", "scripted", utcnow()
            ),
        )

    db.call(setup)


def _turn(seq: int) -> TurnRecord:
    return TurnRecord(seq, "coach", f"Question {seq}?", utcnow(), act="open_question", units=[])


def test_concurrent_writes_are_all_committed_in_fewer_transactions(db: Database) -> None:
    _prepare(db)
    commits = 0

    def count(_connection: object) -> None:
        nonlocal commits
        commits += 1

    event.listen(db.engine, "commit", count)
    writer = GroupWriter(db)

    async def main() -> list[bool]:
        return await asyncio.gather(
            *(writer.write(repo.insert_turn, "s1", _turn(seq)) for seq in range(1, 41))
        )

    assert asyncio.run(main()) == [True] * 40
    assert db.call(repo.count_turns, "s1") == 40
    assert 1 <= commits < 40


def test_a_write_that_fails_fails_alone(db: Database) -> None:
    _prepare(db)
    db.call(repo.insert_turn, "s1", _turn(5))
    writer = GroupWriter(db)

    async def main() -> list[bool | BaseException]:
        return await asyncio.gather(
            *(writer.write(repo.insert_turn, "s1", _turn(seq)) for seq in range(1, 9)),
            return_exceptions=True,
        )

    results = asyncio.run(main())
    assert isinstance(results[4], IntegrityError)
    assert [r for i, r in enumerate(results) if i != 4] == [True] * 7
    saved = [t.seq for t in db.call(repo.get_turns, "s1")]
    assert saved == list(range(1, 9))


def test_a_write_is_committed_by_the_time_it_returns(db: Database) -> None:
    _prepare(db)
    writer = GroupWriter(db)

    async def main() -> int:
        await writer.write(repo.insert_turn, "s1", _turn(1))
        with db.engine.connect() as other:  # a separate connection sees only committed rows
            return repo.count_turns(other, "s1")

    assert asyncio.run(main()) == 1


def test_a_lone_failing_write_raises_its_own_error(db: Database) -> None:
    writer = GroupWriter(db)

    def broken(_connection: Connection) -> None:
        raise ValueError("cannot save this")

    async def main() -> None:
        await writer.write(broken)

    with pytest.raises(ValueError, match="cannot save this"):
        asyncio.run(main())
