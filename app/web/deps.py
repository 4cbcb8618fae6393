"""Request dependencies: settings, content, services and who is asking.

All are `async def` on purpose: FastAPI runs a plain `def` dependency on a worker thread,
a thread hop per dependency per request, which under load costs more than the request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from app.config import Settings
from app.content import ContentLibrary
from app.services.identity import COOKIE_MAX_AGE, COOKIE_NAME, Identity, Manager
from app.services.sessions import SessionService


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_library(request: Request) -> ContentLibrary:
    """The validated scenarios and rubrics."""
    library: ContentLibrary = request.app.state.library
    return library


async def get_sessions(request: Request) -> SessionService:
    """The practice sessions service."""
    service: SessionService = request.app.state.sessions
    return service


async def get_identity(request: Request) -> Identity:
    """Manager identity: the signed cookie and the managers table."""
    identity: Identity = request.app.state.identity
    return identity


def current_manager(request: Request) -> Manager | None:
    """The manager the request's signed cookie names, or None (no cookie, or forged)."""
    identity: Identity = request.app.state.identity
    return identity.from_cookie(request.cookies.get(COOKIE_NAME))


async def get_manager(request: Request) -> Manager | None:
    """`current_manager` as a dependency (async, so it runs without a thread hop)."""
    return current_manager(request)


def remember_manager(request: Request, response: Response, manager: Manager) -> None:
    """Set the signed cookie that names this manager on a response."""
    identity: Identity = request.app.state.identity
    settings: Settings = request.app.state.settings
    response.set_cookie(
        COOKIE_NAME,
        identity.cookie_value(manager),
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=settings.env == "production",
    )


async def manager_or_guest(request: Request, response: Response) -> Manager:
    """The cookie's manager; a request without one becomes a new guest (cookie set)."""
    manager = current_manager(request)
    if manager is None:
        identity: Identity = request.app.state.identity
        manager = await identity.create()
        remember_manager(request, response, manager)
    return manager


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
LibraryDep = Annotated[ContentLibrary, Depends(get_library)]
SessionsDep = Annotated[SessionService, Depends(get_sessions)]
IdentityDep = Annotated[Identity, Depends(get_identity)]
ManagerDep = Annotated[Manager | None, Depends(get_manager)]
ManagerOrGuestDep = Annotated[Manager, Depends(manager_or_guest)]
