"""Test databases: a fresh SQLite file, or a fresh PostgreSQL schema, per test.

PostgreSQL runs when COACHSIM_TEST_DATABASE_URL names a server (for example
postgresql+psycopg://postgres@127.0.0.1:5432/test) and is skipped, with that reason,
otherwise. Each test gets its own schema, dropped afterwards, so tests never see each
other's rows and can run in any order.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_ENV = "COACHSIM_TEST_DATABASE_URL"
PG_SKIP = (
    f"PostgreSQL tests need {PG_ENV}, e.g. "
    "postgresql+psycopg://postgres@127.0.0.1:5432/test (.ci/run sets it when a server answers)"
)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def sqlite_url(directory: Path) -> str:
    """A SQLite database file in a test's own folder."""
    return f"sqlite:///{directory / 'coachsim.db'}"


def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections see only a new, empty schema (dropped when done)."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    schema = f"coachsim_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def database_url_for(backend: str, directory: Path) -> Iterator[str]:
    """A fresh database URL for the backend a test is parametrized with."""
    if backend == "sqlite":
        yield sqlite_url(directory)
    else:
        yield from postgres_schema_url()
