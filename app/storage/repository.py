"""Repository functions: every query the app makes, each on a connection it is handed.

Callers own the transaction (`Database.run` / `Database.call` open one per call), so a
service decides what is saved together. Functions return plain frozen records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Table, bindparam, exists, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.storage.driver import DriverStatement
from app.storage.tables import content_versions, managers, sessions, turns

Kind = Literal["scenario", "rubric"]


def utcnow() -> dt.datetime:
    """The current time in UTC, as stored."""
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite keeps no time zone; everything is written in UTC, so say so on the way out.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class ManagerRecord:
    """A manager as stored."""

    id: str
    display_name: str | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A practice session as stored, without its turns."""

    id: str
    manager_id: str
    scenario_id: str
    scenario_hash: str
    rubric_id: str
    rubric_hash: str
    mode: str
    status: str
    engine: str
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    scorecard: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One saved turn: coach turns carry act and units, rep turns the decision."""

    seq: int
    speaker: str
    text: str
    created_at: dt.datetime
    act: str | None = None
    units: list[dict[str, Any]] | None = None
    decision: dict[str, Any] | None = None
    engine_meta: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A session for a history list: the record plus how many turns it has."""

    session: SessionRecord
    turn_count: int


# Statements are built once and executed with their values as parameters: a statement
# built with `.values(...)` per call is a new object whose cache key SQLAlchemy has to
# work out again from every value, which cost more than running it.
_INSERTS_IGNORING_DUPLICATES = {
    (name, table.name): dialect.insert(table).on_conflict_do_nothing()
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
    for table in (managers, content_versions)
}


def _insert_ignoring_duplicates(
    connection: Connection, table: Table, values: Mapping[str, Any]
) -> None:
    dialect = "postgresql" if connection.dialect.name == "postgresql" else "sqlite"
    connection.execute(_INSERTS_IGNORING_DUPLICATES[dialect, table.name], values)


# --- managers ---------------------------------------------------------------------------


def create_manager(
    connection: Connection, manager_id: str, display_name: str | None
) -> ManagerRecord:
    """Save a new manager."""
    record = ManagerRecord(manager_id, display_name, utcnow())
    connection.execute(
        managers.insert(),
        {"id": record.id, "display_name": record.display_name, "created_at": record.created_at},
    )
    return record


def ensure_manager(connection: Connection, manager_id: str, display_name: str | None) -> None:
    """Save the manager unless it exists (a signed cookie can outlive a database reset)."""
    _insert_ignoring_duplicates(
        connection,
        managers,
        {"id": manager_id, "display_name": display_name, "created_at": utcnow()},
    )


def rename_manager(connection: Connection, manager_id: str, display_name: str) -> bool:
    """Change a manager's display name; False when there is no such manager."""
    result = connection.execute(
        update(managers).where(managers.c.id == manager_id).values(display_name=display_name)
    )
    return result.rowcount == 1


def get_manager(connection: Connection, manager_id: str) -> ManagerRecord | None:
    """The manager with this id, if any."""
    row = connection.execute(select(managers).where(managers.c.id == manager_id)).first()
    if row is None:
        return None
    return ManagerRecord(row.id, row.display_name, _utc(row.created_at))


# --- content versions -------------------------------------------------------------------


def ensure_content(
    connection: Connection, content_hash: str, kind: Kind, content_id: str, text: str
) -> None:
    """Keep this exact version of a scenario or rubric (once per hash)."""
    _insert_ignoring_duplicates(
        connection,
        content_versions,
        {
            "hash": content_hash,
            "kind": kind,
            "content_id": content_id,
            "text": text,
            "created_at": utcnow(),
        },
    )


def get_content_text(connection: Connection, content_hash: str) -> str | None:
    """The stored text of a content version."""
    text: str | None = connection.execute(
        select(content_versions.c.text).where(content_versions.c.hash == content_hash)
    ).scalar_one_or_none()
    return text


# --- sessions ---------------------------------------------------------------------------


def insert_session(connection: Connection, record: SessionRecord) -> None:
    """Save a new session."""
    connection.execute(
        sessions.insert(),
        {
            "id": record.id,
            "manager_id": record.manager_id,
            "scenario_id": record.scenario_id,
            "scenario_hash": record.scenario_hash,
            "rubric_id": record.rubric_id,
            "rubric_hash": record.rubric_hash,
            "mode": record.mode,
            "status": record.status,
            "engine": record.engine,
            "started_at": record.started_at,
            "finished_at": record.finished_at,
            "scorecard": record.scorecard,
        },
    )


def _session(row: Any) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        manager_id=row.manager_id,
        scenario_id=row.scenario_id,
        scenario_hash=row.scenario_hash,
        rubric_id=row.rubric_id,
        rubric_hash=row.rubric_hash,
        mode=row.mode,
        status=row.status,
        engine=row.engine,
        started_at=_utc(row.started_at),
        finished_at=_utc(row.finished_at) if row.finished_at is not None else None,
        scorecard=row.scorecard,
    )


def get_session(connection: Connection, session_id: str) -> SessionRecord | None:
    """The session with this id, without its turns."""
    row = connection.execute(select(sessions).where(sessions.c.id == session_id)).first()
    return _session(row) if row is not None else None


def get_session_with_turns(
    connection: Connection, session_id: str
) -> tuple[SessionRecord, list[TurnRecord]] | None:
    """The session and all its turns in order: two queries, whatever the length."""
    session = get_session(connection, session_id)
    if session is None:
        return None
    return session, get_turns(connection, session_id)


def finish_session(
    connection: Connection, session_id: str, scorecard: dict[str, Any]
) -> dt.datetime | None:
    """Mark an active session finished with its scorecard; None if it was not active."""
    now = utcnow()
    result = connection.execute(
        update(sessions)
        .where(sessions.c.id == session_id, sessions.c.status == "active")
        .values(status="finished", finished_at=now, scorecard=scorecard)
    )
    return now if result.rowcount == 1 else None


def list_sessions(
    connection: Connection, manager_id: str, *, limit: int = 200
) -> list[SessionSummary]:
    """A manager's sessions, newest first, with turn counts (one query)."""
    # A correlated count per listed session walks the (session_id, seq) index; grouping
    # the whole turns table would read every session's turns.
    turn_count = (
        select(func.count())
        .where(turns.c.session_id == sessions.c.id)
        .correlate(sessions)
        .scalar_subquery()
    )
    query = (
        select(sessions, turn_count.label("turn_count"))
        .where(sessions.c.manager_id == manager_id)
        .order_by(sessions.c.started_at.desc(), sessions.c.id)
        .limit(limit)
    )
    return [SessionSummary(_session(row), int(row.turn_count)) for row in connection.execute(query)]


# --- turns ------------------------------------------------------------------------------


_TURN_COLUMNS = (
    "session_id",
    "seq",
    "speaker",
    "text",
    "act",
    "units",
    "decision",
    "engine_meta",
    "created_at",
)
# INSERT ... SELECT ... WHERE the session is active: a turn can never land in a finished
# session, even when the finish and the turn race from two requests or two processes.
# Saving a turn is the statement of every request, so it runs as driver SQL.
_INSERT_TURN_IF_ACTIVE = DriverStatement(
    turns.insert().from_select(
        list(_TURN_COLUMNS),
        select(*(bindparam(name, type_=turns.c[name].type) for name in _TURN_COLUMNS)).where(
            exists().where(sessions.c.id == bindparam("session_id"), sessions.c.status == "active")
        ),
    )
)


def insert_turn(connection: Connection, session_id: str, turn: TurnRecord) -> bool:
    """Save one turn of an active session; False (nothing saved) if it is not active.

    The (session_id, seq) constraint refuses a second turn at the same place.
    """
    result = _INSERT_TURN_IF_ACTIVE.execute(
        connection,
        {
            "session_id": session_id,
            "seq": turn.seq,
            "speaker": turn.speaker,
            "text": turn.text,
            "act": turn.act,
            "units": turn.units,
            "decision": turn.decision,
            "engine_meta": turn.engine_meta,
            "created_at": turn.created_at,
        },
    )
    return result.rowcount == 1


def get_turns(connection: Connection, session_id: str) -> list[TurnRecord]:
    """A session's turns in order."""
    query = select(turns).where(turns.c.session_id == session_id).order_by(turns.c.seq)
    return [
        TurnRecord(
            seq=row.seq,
            speaker=row.speaker,
            text=row.text,
            created_at=_utc(row.created_at),
            act=row.act,
            units=row.units,
            decision=row.decision,
            engine_meta=row.engine_meta,
        )
        for row in connection.execute(query)
    ]


def count_turns(connection: Connection, session_id: str | None = None) -> int:
    """How many turns are saved, in one session or in all of them."""
    query = select(func.count()).select_from(turns)
    if session_id is not None:
        query = query.where(turns.c.session_id == session_id)
    return int(connection.execute(query).scalar_one())
