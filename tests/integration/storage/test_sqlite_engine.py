"""SQLite is set up for a web app: WAL, foreign keys, a busy timeout, its folder created."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.storage import Database, make_engine


def test_sqlite_connections_use_wal_normal_sync_foreign_keys_and_a_busy_timeout(
    tmp_path: Path,
) -> None:
    db = Database(f"sqlite:///{tmp_path / 'nested' / 'folder' / 'coachsim.db'}")
    try:
        with db.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 1  # NORMAL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 5000
        assert (tmp_path / "nested" / "folder" / "coachsim.db").exists()
    finally:
        db.close()


def test_an_unsupported_database_url_is_refused_with_the_supported_forms() -> None:
    with pytest.raises(ValueError, match=r"sqlite:///.*postgresql\+psycopg://"):
        make_engine("mysql://user@localhost/coachsim")


def test_a_plain_postgresql_url_uses_psycopg_3() -> None:
    engine = make_engine("postgresql://postgres@127.0.0.1:5432/test")
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()
