"""The catalog of scenarios, each scenario's briefing, and the display-name prompt."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.content import ContentLibrary, Loaded
from app.domain import Scenario
from app.services.identity import MAX_NAME_CHARS, InvalidNameError, Manager
from app.web.deps import IdentityDep, LibraryDep, ManagerDep, SettingsDep, remember_manager
from app.web.htmx import page_or_fragment
from app.web.templating import templates

router = APIRouter(include_in_schema=False)

DIFFICULTIES = ("easy", "medium", "hard")


def safe_next(target: str | None) -> str:
    """A same-site path to go back to; anything else (an absolute URL, //host) is '/'."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def tag_counts(scenarios: list[Loaded[Scenario]]) -> list[tuple[str, int]]:
    """Every tag with how many scenarios carry it, most used first."""
    counts = Counter(tag for s in scenarios for tag in s.model.tags)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def filter_scenarios(
    library: ContentLibrary, difficulty: str | None, tag: str | None
) -> list[Loaded[Scenario]]:
    """The catalog's scenarios matching a difficulty and a tag (either may be empty)."""
    return [
        s
        for s in library.scenarios_in_order()
        if (not difficulty or s.model.difficulty == difficulty) and (not tag or tag in s.model.tags)
    ]


@router.get("/", response_class=HTMLResponse, name="catalog")
async def catalog(
    request: Request,
    library: LibraryDep,
    settings: SettingsDep,
    manager: ManagerDep,
    difficulty: Annotated[str | None, Query()] = None,
    tag: Annotated[str | None, Query(max_length=80)] = None,
) -> Response:
    """Every scenario with its rep, difficulty, time box and tags; filterable (HTMX or not)."""
    difficulty = difficulty if difficulty in DIFFICULTIES else None
    every = library.scenarios_in_order()
    tags = tag_counts(every)
    tag = tag if tag in dict(tags) else None
    context: dict[str, Any] = {
        "scenarios": filter_scenarios(library, difficulty, tag),
        "total": len(every),
        "difficulties": DIFFICULTIES,
        "tags": tags,
        "difficulty": difficulty,
        "tag": tag,
        "engine": settings.resolved_engine,
        "manager": manager,
        "ask_name": manager is None or manager.display_name is None,
        "name_error": None,
        "max_name": MAX_NAME_CHARS,
    }
    return page_or_fragment(request, "catalog.html", "_partials/scenario_list.html", context)


@router.get("/scenarios/{scenario_id}", response_class=HTMLResponse, name="briefing")
async def briefing(
    request: Request,
    scenario_id: str,
    library: LibraryDep,
    settings: SettingsDep,
    manager: ManagerDep,
) -> Response:
    """What the manager knows going in, the rep's profile and how it will be scored."""
    loaded = library.scenarios.get(scenario_id)
    if loaded is None:
        raise HTTPException(status_code=404, detail=f"There is no scenario called {scenario_id!r}.")
    return templates.TemplateResponse(
        request,
        "briefing.html",
        {
            "scenario": loaded,
            "rubric": library.rubrics.get(loaded.model.rubric),
            "engine": settings.resolved_engine,
            "manager": manager,
            "ask_name": manager is None or manager.display_name is None,
            "max_name": MAX_NAME_CHARS,
        },
    )


@router.get("/welcome", response_class=HTMLResponse, name="welcome")
async def welcome(
    request: Request,
    settings: SettingsDep,
    manager: ManagerDep,
    next: Annotated[str | None, Query()] = None,
) -> Response:
    """The display-name form (first visit, or to change the name)."""
    return _welcome_page(request, settings.resolved_engine, manager, safe_next(next), None, 200)


@router.post("/welcome", response_class=HTMLResponse)
async def set_name(
    request: Request,
    settings: SettingsDep,
    identity: IdentityDep,
    manager: ManagerDep,
    display_name: Annotated[str, Form()] = "",
    next: Annotated[str | None, Form()] = None,
) -> Response:
    """Save the display name in the signed cookie and go back where the manager was."""
    target = safe_next(next)
    try:
        if manager is None:
            manager = await identity.create(display_name)
        else:
            manager = await identity.rename(manager, display_name)
    except InvalidNameError as exc:
        engine = settings.resolved_engine
        return _welcome_page(request, engine, manager, target, str(exc), 422)
    response = RedirectResponse(target, status_code=303)
    remember_manager(request, response, manager)
    return response


def _welcome_page(
    request: Request,
    engine: str,
    manager: Manager | None,
    target: str,
    error: str | None,
    status_code: int,
) -> Response:
    return templates.TemplateResponse(
        request,
        "welcome.html",
        {
            "engine": engine,
            "manager": manager,
            "next": target,
            "name_error": error,
            "max_name": MAX_NAME_CHARS,
        },
        status_code=status_code,
    )
