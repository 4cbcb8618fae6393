"""The catalog of scenarios and each scenario's briefing."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from app.web.deps import LibraryDep, SettingsDep
from app.web.templating import templates

router = APIRouter()


@router.get("/", response_class=HTMLResponse, name="catalog")
async def catalog(request: Request, library: LibraryDep, settings: SettingsDep) -> HTMLResponse:
    """Every scenario with its rep, difficulty, time box and tags."""
    return templates.TemplateResponse(
        request,
        "catalog.html",
        {"scenarios": library.scenarios_in_order(), "engine": settings.resolved_engine},
    )


@router.get("/scenarios/{scenario_id}", response_class=HTMLResponse, name="briefing")
async def briefing(
    request: Request, scenario_id: str, library: LibraryDep, settings: SettingsDep
) -> HTMLResponse:
    """What the manager knows going in, the rep's profile and how it will be scored."""
    loaded = library.scenarios.get(scenario_id)
    if loaded is None:
        raise HTTPException(status_code=404, detail=f"No scenario called {scenario_id!r}.")
    rubric = library.rubrics.get(loaded.model.rubric)
    return templates.TemplateResponse(
        request,
        "briefing.html",
        {"scenario": loaded, "rubric": rubric, "engine": settings.resolved_engine},
    )
