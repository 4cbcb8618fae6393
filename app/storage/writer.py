"""Group commit for the hot path: turns saved by concurrent requests share a transaction.

A turn is saved with `await writer.write(work, *args)`, which returns only once the
transaction holding it has committed, so "committed before the reply is requested"
holds for every caller. While the database thread is committing one batch, the writes
that arrive queue up and go in the next, so under load a thread hop and a commit are
shared by many turns instead of paid by each; a lone request still gets its own.

If a batch fails, its writes are retried one by one, each in its own transaction, so a
write that cannot be saved (a duplicate turn) fails alone and the others still commit.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection

from app.storage.database import Database

T = TypeVar("T")
# Enough to amortise the commit, small enough that one batch never holds the lock long.
MAX_BATCH = 64

_Write = tuple[Callable[..., Any], tuple[Any, ...], "asyncio.Future[Any]"]
_Outcome = tuple["asyncio.Future[Any]", bool, Any]


class GroupWriter:
    """Runs writes on the database thread, committing whatever is queued together."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._queue: list[_Write] = []
        self._lock = threading.Lock()
        self._draining = False

    async def write(self, work: Callable[..., T], *args: Any) -> T:
        """Run `work(connection, *args)` in a transaction; return once it has committed."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        with self._lock:
            self._queue.append((work, args, future))
            start = not self._draining
            self._draining = True
        if start:
            self._db.submit(self._drain, loop)
        return await future

    def _take(self) -> list[_Write]:
        with self._lock:
            batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
            if not batch:
                self._draining = False
            return batch

    def _drain(self, loop: asyncio.AbstractEventLoop) -> None:
        # On a database thread: commit one batch, then queue up behind other database work
        # (reads, new sessions) for the next, so a steady stream of turns starves nothing.
        batch = self._take()
        if not batch:
            return
        loop.call_soon_threadsafe(_settle, self._commit(batch))
        with self._lock:
            more = bool(self._queue)
            self._draining = more
        if more:
            self._db.submit(self._drain, loop)

    def _commit(self, batch: list[_Write]) -> list[_Outcome]:
        try:
            return self._db.call(_run_all, batch)
        except Exception as exc:
            if len(batch) == 1:
                return [(batch[0][2], False, exc)]
            return [self._alone(write) for write in batch]

    def _alone(self, write: _Write) -> _Outcome:
        work, args, future = write
        try:
            return (future, True, self._db.call(work, *args))
        except Exception as exc:  # handed to the awaiting request, not lost
            return (future, False, exc)


def _run_all(connection: Connection, batch: list[_Write]) -> list[_Outcome]:
    return [(future, True, work(connection, *args)) for work, args, future in batch]


def _settle(outcomes: list[_Outcome]) -> None:
    for future, ok, value in outcomes:
        if future.done():  # the request was cancelled; its write is saved all the same
            continue
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)
