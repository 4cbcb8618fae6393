"""Rep engines: the director decides, an engine voices. `get_engine` picks one from settings."""

from __future__ import annotations

from app.config import Settings
from app.engines.base import EngineError, RepEngine, ReplyMeta, ReplyRequest
from app.engines.director import Director
from app.engines.scripted import ScriptedEngine

__all__ = [
    "Director",
    "EngineError",
    "RepEngine",
    "ReplyMeta",
    "ReplyRequest",
    "ScriptedEngine",
    "get_engine",
]


def get_engine(settings: Settings) -> RepEngine:
    """The engine the settings ask for (scripted when no LLM is configured)."""
    name = settings.resolved_engine
    if name == "scripted":
        return ScriptedEngine()
    # Imported here so the offline engine never pays for loading the openai SDK.
    from app.engines.openai_compat import build_openai_engine

    return build_openai_engine(settings)
