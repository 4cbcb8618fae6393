"""The FastAPI application factory."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app import __version__
from app.config import ROOT, Settings, get_settings
from app.content import ContentLibrary
from app.web.routes import catalog, health

STATIC_DIR = ROOT / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for these settings; content is loaded (and validated) once, here."""
    settings = settings or get_settings()
    library = ContentLibrary.load(settings.scenarios_dir, settings.rubrics_dir)
    app = FastAPI(
        title="Coachsim",
        version=__version__,
        description="Practise coaching a simulated sales rep and get scored on how you coached.",
    )
    app.state.settings = settings
    app.state.library = library
    app.mount("/static", StaticFiles(directory=Path(STATIC_DIR)), name="static")
    app.include_router(health.router)
    app.include_router(catalog.router)
    return app
