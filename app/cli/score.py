"""Placeholder: commands of this module are added by their issue."""

from __future__ import annotations

import typer


def register(cli: typer.Typer) -> None:
    """Add this module's commands to the CLI."""
