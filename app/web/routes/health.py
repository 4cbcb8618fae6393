"""Liveness: answers 200 with the version when the app can serve."""

from __future__ import annotations

from fastapi import APIRouter

from app import __version__

router = APIRouter()


@router.get("/healthz", tags=["ops"])
async def healthz() -> dict[str, str]:
    """The app is up; reports its version."""
    return {"status": "ok", "version": __version__}
