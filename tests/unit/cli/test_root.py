"""The coachsim command itself: version and the list of commands."""

from __future__ import annotations

from typer.testing import CliRunner

from app import __version__
from app.cli import cli


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"coachsim {__version__}"


def test_help_lists_every_command_with_one_line_help() -> None:
    result = CliRunner().invoke(cli, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    registered = {c.name for c in cli.registered_commands}
    assert {"serve", "validate", "schema"} <= registered
    for name in registered:
        assert name is not None
        assert name in result.stdout
