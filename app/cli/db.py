"""`coachsim db`: the database schema (the web app also upgrades it when it starts)."""

from __future__ import annotations

import typer

from app.config import get_settings

db_cli = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


def _url_for_humans(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@db_cli.command("upgrade")
def upgrade_command(
    revision: str = typer.Argument("head", help="Revision to upgrade to (default: latest)."),
) -> None:
    """Create or upgrade the tables in COACHSIM_DATABASE_URL (SQLite under var/ by default)."""
    from app.storage import Database, current_revision, upgrade

    settings = get_settings()
    try:
        db = Database(settings.database_url)
        try:
            before = current_revision(db.engine)
            upgrade(db.engine, revision)
            after = current_revision(db.engine)
        finally:
            db.close()
    except Exception as exc:  # a CLI reports one line, never a traceback
        typer.echo(f"error: cannot upgrade the database: {exc}", err=True)
        raise typer.Exit(2) from None
    where = _url_for_humans(settings.database_url)
    if before == after:
        typer.echo(f"{where} is up to date (revision {after}).")
    else:
        typer.echo(f"{where} upgraded from {before or 'empty'} to {after}.")


@db_cli.command("current")
def current_command() -> None:
    """Show the schema revision of the database and the latest one this version ships."""
    from app.storage import Database, current_revision, head_revision

    settings = get_settings()
    db = Database(settings.database_url)
    try:
        current = current_revision(db.engine)
    finally:
        db.close()
    typer.echo(f"database: {current or 'empty'}; latest: {head_revision()}")


def register(cli: typer.Typer) -> None:
    """Add `coachsim db` to the CLI."""
    cli.add_typer(db_cli, name="db")
