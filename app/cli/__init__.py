"""The `coachsim` command line. Each command lives in its own module and registers here."""

from __future__ import annotations

import typer

from app import __version__
from app.cli import classify, content, db, evaluate, play, score, serve

cli = typer.Typer(
    name="coachsim",
    help="Practise coaching a simulated sales rep and get scored on how you coached.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coachsim {__version__}")
        raise typer.Exit()


@cli.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Practise coaching a simulated sales rep and get scored on how you coached."""


for module in (serve, content, classify, score, evaluate, play, db):
    module.register(cli)


def main() -> None:
    """Entry point of the console script."""
    cli()
