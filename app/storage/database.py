"""Engine setup and where database work runs.

The web app is async but the database work is synchronous SQLAlchemy, run off the event
loop on a small thread pool: one transaction per call, one thread hop per call. SQLite
gets a single database thread, because SQLite takes one writer at a time anyway and a
second writer thread would only wait in SQLite's busy handler, which sleeps in steps of
milliseconds and wrecks tail latency under load.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

T = TypeVar("T")

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    # In WAL mode NORMAL still survives a crash of the process (only power loss can cost
    # the last commits), and saves an fsync on every commit.
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)
POSTGRES_THREADS = 8


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def make_engine(url: str) -> Engine:
    """A SQLAlchemy engine for a SQLite or PostgreSQL URL, tuned for this app."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_size=POSTGRES_THREADS, max_overflow=0, pool_pre_ping=True)
    raise ValueError(
        f"unsupported database URL {parsed.render_as_string(hide_password=True)!r}: "
        "use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname"
    )


class Database:
    """An engine plus the threads its work runs on; `run` is the async entry point.

    Each thread keeps one connection open for its life instead of checking one out of
    the pool per transaction: on the hot path (one small INSERT) the checkout, reset and
    return cost as much as the INSERT itself.
    """

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        threads = 1 if self.dialect == "sqlite" else POSTGRES_THREADS
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="coachsim-db")
        self._local = threading.local()
        self._connections: list[Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> Connection:
        connection: Connection | None = getattr(self._local, "connection", None)
        if connection is not None and connection.invalidated:
            # The server went away (a PostgreSQL restart): start over on a new connection.
            connection.close()
            connection = None
        if connection is None or connection.closed:
            connection = self.engine.connect()
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection inside one transaction, committed on success (synchronous callers)."""
        with self.engine.begin() as connection:
            yield connection

    def call(self, work: Callable[..., T], *args: Any) -> T:
        """Run `work(connection, *args)` in one transaction, here and now."""
        connection = self._connection()
        with connection.begin():
            return work(connection, *args)

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """Run `work(connection, *args)` in one transaction on a database thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(self.call, work, *args))

    def submit(self, work: Callable[..., Any], *args: Any) -> None:
        """Queue `work(*args)` on a database thread without waiting for it."""
        self._executor.submit(work, *args)

    def close(self) -> None:
        """Stop the database threads and close every connection."""
        self._executor.shutdown(wait=True)
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()
        self.engine.dispose()
