"""`coachsim serve`: run the web app with uvicorn."""

from __future__ import annotations

import typer

from app.config import get_settings


def serve(
    host: str | None = typer.Option(None, help="Interface to bind (default 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port to listen on (default 8000)."),
) -> None:
    """Run the web app on http://127.0.0.1:8000 (or COACHSIM_HOST / COACHSIM_PORT)."""
    import uvicorn

    from app.web.app import create_app
    from app.web.process import tune_garbage_collector

    settings = get_settings()
    if host is not None or port is not None:
        settings = settings.model_copy(
            update={"host": host or settings.host, "port": port or settings.port}
        )
    app = create_app(settings)
    typer.echo(
        f"Coachsim on http://{settings.host}:{settings.port} "
        f"(rep engine: {settings.resolved_engine})"
    )
    tune_garbage_collector()
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)


def register(cli: typer.Typer) -> None:
    """Add `serve` to the CLI."""
    cli.command("serve")(serve)
