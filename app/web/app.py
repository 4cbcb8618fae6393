"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app import __version__
from app.config import ROOT, Settings, get_settings
from app.content import ContentLibrary
from app.engines import get_engine
from app.services.identity import Identity
from app.services.sessions import SessionService
from app.storage import Database, upgrade
from app.web.errors import install_error_handlers
from app.web.limits import BodyLimit
from app.web.routes import api, catalog, health, pages, results
from app.web.shortcut import TurnShortcut

STATIC_DIR = ROOT / "static"


def create_app(settings: Settings | None = None, *, database: Database | None = None) -> FastAPI:
    """Build the app for these settings: content loaded once, the schema upgraded."""
    settings = settings or get_settings()
    library = ContentLibrary.load(settings.scenarios_dir, settings.rubrics_dir)
    db = database or Database(settings.database_url)
    upgrade(db.engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="Coachsim",
        version=__version__,
        description="Practise coaching a simulated sales rep and get scored on how you coached.",
        lifespan=lifespan,
        # The interactive docs pages load their scripts from a CDN, and nothing here may;
        # the OpenAPI document itself stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.library = library
    app.state.db = db
    app.state.identity = Identity(db, settings.secret_key.get_secret_value())
    app.state.sessions = SessionService(
        db, library, get_engine(settings), max_turn_chars=settings.max_turn_chars
    )
    # Added first so that it runs inside BodyLimit: an oversized body is refused before
    # anything reads it.
    app.add_middleware(TurnShortcut)
    app.add_middleware(BodyLimit)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=Path(STATIC_DIR)), name="static")
    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(catalog.router)
    app.include_router(pages.router)
    app.include_router(results.router)
    return app
