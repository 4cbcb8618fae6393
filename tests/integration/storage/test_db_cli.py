"""`coachsim db upgrade` creates the tables, and says when there is nothing to do."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.storage import Database, current_revision, head_revision


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """COACHSIM_DATABASE_URL pointing at the test database, settings read afresh."""
    monkeypatch.setenv("COACHSIM_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def test_db_upgrade_creates_the_schema_then_reports_it_up_to_date(configured: str) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["db", "upgrade"])
    assert first.exit_code == 0, first.output
    assert f"to {head_revision()}" in first.output
    db = Database(configured)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()
    second = runner.invoke(cli, ["db", "upgrade"])
    assert second.exit_code == 0
    assert "up to date" in second.output
    current = runner.invoke(cli, ["db", "current"])
    assert f"database: {head_revision()}" in current.output


def test_db_upgrade_refuses_an_unsupported_url_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COACHSIM_DATABASE_URL", "mysql://root@127.0.0.1/coachsim")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["db", "upgrade"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "unsupported database URL" in result.output
    assert "Traceback" not in result.output
