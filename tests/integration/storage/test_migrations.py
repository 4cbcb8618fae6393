"""Migrations: the schema they build is the one the code expects, and upgrading is safe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.storage import Database, current_revision, head_revision, upgrade
from app.storage.tables import metadata


def test_upgrade_builds_every_table_on_an_empty_database(database_url: str) -> None:
    db = Database(database_url)
    try:
        assert current_revision(db.engine) is None
        upgrade(db.engine)
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"managers", "content_versions", "sessions", "turns"} <= tables
    finally:
        db.close()


def test_migrated_schema_matches_the_tables_the_code_uses(db: Database) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_upgrading_twice_changes_nothing(db: Database) -> None:
    before = current_revision(db.engine)
    upgrade(db.engine)
    assert current_revision(db.engine) == before == head_revision()
