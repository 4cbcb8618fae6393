"""Request dependencies: settings and content, taken from the app that was built."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.config import Settings
from app.content import ContentLibrary


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_library(request: Request) -> ContentLibrary:
    """The validated scenarios and rubrics."""
    library: ContentLibrary = request.app.state.library
    return library


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
LibraryDep = Annotated[ContentLibrary, Depends(get_library)]
