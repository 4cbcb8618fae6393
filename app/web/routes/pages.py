"""The practice conversation in the browser: start, chat with streamed replies, retry, finish.

Turn and retry posts serve two kinds of client from one route. A page with JavaScript asks
for `text/event-stream` and gets the saved coach turn, the rep's reply token by token and
the saved rep turn as rendered fragments; a plain form post gets the whole turn done and a
redirect back to the conversation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from app.config import Settings
from app.content import ContentLibrary
from app.domain import Speaker
from app.services.identity import MAX_NAME_CHARS, Identity, InvalidNameError, Manager
from app.services.sessions import (
    CoachSaved,
    ConflictError,
    NotFoundError,
    ReplyChunk,
    ReplyFailed,
    RepSaved,
    SessionService,
    TurnEvent,
    TurnRejectedError,
)
from app.services.views import SessionView, TurnView
from app.web import present
from app.web.deps import (
    IdentityDep,
    LibraryDep,
    ManagerDep,
    SessionsDep,
    SettingsDep,
    remember_manager,
)
from app.web.templating import templates

router = APIRouter(include_in_schema=False)

EVENT_STREAM = "text/event-stream"
PENDING_MESSAGE = "Your last message is saved, but the reply never arrived. Press Retry."


def engine_label(engine: str, settings: Settings) -> str:
    """Who voices the rep, in words."""
    if engine == "scripted":
        return "the scripted engine (offline)"
    return f"an LLM ({settings.model})"


def owner_of(manager: Manager | None, session_id: str) -> Manager:
    """The manager asking for a session; 404 for a request with no manager."""
    # No cookie means no sessions: the same 404 as a session that is someone else's.
    if manager is None:
        raise NotFoundError(f"There is no session {session_id!r}.")
    return manager


def _wants_stream(request: Request) -> bool:
    return EVENT_STREAM in request.headers.get("accept", "")


# --- starting --------------------------------------------------------------------------


@router.post("/sessions", response_class=HTMLResponse)
async def start(
    request: Request,
    library: LibraryDep,
    settings: SettingsDep,
    sessions: SessionsDep,
    identity: IdentityDep,
    manager: ManagerDep,
    scenario_id: Annotated[str, Form(max_length=120)],
    mode: Annotated[Literal["drill", "certification"], Form()] = "drill",
    display_name: Annotated[str | None, Form()] = None,
) -> Response:
    """Start a session from the briefing; a first-time visitor may name themselves here."""
    try:
        manager = await _named(identity, manager, display_name)
    except InvalidNameError as exc:
        loaded = library.scenarios.get(scenario_id)
        if loaded is None:
            raise NotFoundError(f"There is no scenario called {scenario_id!r}.") from None
        return templates.TemplateResponse(
            request,
            "briefing.html",
            {
                "scenario": loaded,
                "rubric": library.rubrics.get(loaded.model.rubric),
                "engine": settings.resolved_engine,
                "manager": manager,
                "ask_name": True,
                "name_error": str(exc),
                "max_name": MAX_NAME_CHARS,
            },
            status_code=422,
        )
    view = await sessions.start_session(manager, scenario_id, mode)
    response = RedirectResponse(f"/sessions/{view.id}", status_code=303)
    remember_manager(request, response, manager)
    return response


async def _named(identity: Identity, manager: Manager | None, name: str | None) -> Manager:
    if name is not None and name.strip():
        if manager is None:
            return await identity.create(name)
        if manager.display_name is None:
            return await identity.rename(manager, name)
    return manager if manager is not None else await identity.create()


# --- the conversation ------------------------------------------------------------------


def _practice_context(
    view: SessionView,
    library: ContentLibrary,
    settings: Settings,
    manager: Manager,
    *,
    error: str | None = None,
    draft: str = "",
) -> dict[str, Any]:
    loaded = library.scenarios.get(view.scenario_id)
    scenario = loaded.model if loaded is not None else None
    rep_name = scenario.rep.name if scenario is not None else "The rep"
    drill = view.mode == "drill"
    nudges = {
        t.index: text
        for t in view.turns
        if drill and t.speaker is Speaker.COACH and (text := present.nudge(t, rep_name))
    }
    return {
        "session": view,
        "scenario": scenario,
        "rep_name": rep_name,
        "manager": manager,
        "engine": view.engine,
        "engine_label": engine_label(view.engine, settings),
        "time_box_minutes": scenario.time_box_minutes if scenario is not None else 15,
        "elapsed_seconds": max(0, int((dt.datetime.now(dt.UTC) - view.started_at).total_seconds())),
        "nudges": nudges,
        "drill": drill,
        "pending_message": PENDING_MESSAGE if view.reply_pending else None,
        "error": error,
        "draft": draft,
        "max_chars": settings.max_turn_chars,
    }


@router.get("/sessions/{session_id}", response_class=HTMLResponse, name="practice")
async def practice(
    request: Request,
    session_id: str,
    library: LibraryDep,
    settings: SettingsDep,
    sessions: SessionsDep,
    manager: ManagerDep,
) -> Response:
    """The conversation; a finished session goes to its scorecard."""
    owner = owner_of(manager, session_id)
    view = await sessions.get_session(owner, session_id)
    if view.status == "finished":
        return RedirectResponse(f"/sessions/{session_id}/scorecard", status_code=303)
    context = _practice_context(view, library, settings, owner)
    return templates.TemplateResponse(request, "practice.html", context)


@router.post("/sessions/{session_id}/turns", response_class=HTMLResponse)
async def send_turn(
    request: Request,
    session_id: str,
    library: LibraryDep,
    settings: SettingsDep,
    sessions: SessionsDep,
    manager: ManagerDep,
    text: Annotated[str, Form()] = "",
    nudges: Annotated[str | None, Form()] = None,
) -> Response:
    """Save the coach's message and get the rep's reply (streamed to pages with JavaScript)."""
    owner = owner_of(manager, session_id)
    try:
        events = await sessions.stream_turn(owner, session_id, text)
    except (TurnRejectedError, ConflictError) as exc:
        return await _refused(request, exc, session_id, library, settings, sessions, owner, text)
    return await _respond(request, events, session_id, sessions, library, owner, nudges == "on")


@router.post("/sessions/{session_id}/retry", response_class=HTMLResponse)
async def retry(
    request: Request,
    session_id: str,
    library: LibraryDep,
    settings: SettingsDep,
    sessions: SessionsDep,
    manager: ManagerDep,
) -> Response:
    """Ask again for the rep's reply to the saved coach message that has none."""
    owner = owner_of(manager, session_id)
    try:
        events = await sessions.stream_retry(owner, session_id)
    except ConflictError as exc:
        return await _refused(request, exc, session_id, library, settings, sessions, owner, "")
    return await _respond(request, events, session_id, sessions, library, owner, False)


async def _refused(
    request: Request,
    exc: TurnRejectedError | ConflictError,
    session_id: str,
    library: ContentLibrary,
    settings: Settings,
    sessions: SessionService,
    manager: Manager,
    draft: str,
) -> Response:
    status_code = 409 if isinstance(exc, ConflictError) else 422
    if _wants_stream(request):
        return templates.TemplateResponse(
            request, "_partials/notice.html", {"message": str(exc)}, status_code=status_code
        )
    view = await sessions.get_session(manager, session_id)
    if view.status == "finished":
        return RedirectResponse(f"/sessions/{session_id}/scorecard", status_code=303)
    context = _practice_context(view, library, settings, manager, error=str(exc), draft=draft)
    return templates.TemplateResponse(request, "practice.html", context, status_code=status_code)


async def _respond(
    request: Request,
    events: AsyncGenerator[TurnEvent, None],
    session_id: str,
    sessions: SessionService,
    library: ContentLibrary,
    manager: Manager,
    with_nudges: bool,
) -> Response:
    if not _wants_stream(request):
        async with aclosing(events):
            async for _ in events:
                pass
        return RedirectResponse(f"/sessions/{session_id}#composer", status_code=303)
    # Wait for the saved coach turn before answering, so a failed save is an HTTP error
    # rather than a stream that breaks after its first byte.
    try:
        view_ctx = await _fragment_context(sessions, library, session_id, manager, with_nudges)
        first = await anext(events)
    except BaseException:
        await events.aclose()
        raise

    async def body() -> AsyncIterator[bytes]:
        async with aclosing(events):
            yield _encode(first, view_ctx)
            async for event in events:
                yield _encode(event, view_ctx)

    return StreamingResponse(
        body(),
        status_code=201,
        media_type=EVENT_STREAM,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _fragment_context(
    sessions: SessionService,
    library: ContentLibrary,
    session_id: str,
    manager: Manager,
    with_nudges: bool,
) -> dict[str, Any]:
    view = await sessions.get_session(manager, session_id)
    loaded = library.scenarios.get(view.scenario_id)
    rep_name = loaded.model.rep.name if loaded is not None else "The rep"
    return {
        "session_id": session_id,
        "rep_name": rep_name,
        "manager": manager,
        "nudges_on": with_nudges and view.mode == "drill",
    }


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def _turn_html(turn: TurnView, ctx: dict[str, Any]) -> str:
    return templates.get_template("_partials/turn.html").render(turn=turn, **ctx)


def _encode(event: TurnEvent, ctx: dict[str, Any]) -> bytes:
    if isinstance(event, ReplyChunk):
        return _sse("token", {"text": event.text})
    if isinstance(event, CoachSaved):
        html = _turn_html(event.turn, ctx)
        tip = present.nudge(event.turn, ctx["rep_name"]) if ctx["nudges_on"] else None
        if tip:
            html += templates.get_template("_partials/nudge.html").render(nudge=tip)
        return _sse("coach", {"index": event.turn.index, "html": html})
    if isinstance(event, RepSaved):
        return _sse("rep", {"index": event.turn.index, "html": _turn_html(event.turn, ctx)})
    assert isinstance(event, ReplyFailed)
    html = templates.get_template("_partials/reply_failed.html").render(
        message=event.message, session_id=ctx["session_id"], rep_name=ctx["rep_name"]
    )
    return _sse("failed", {"html": html})


@router.post("/sessions/{session_id}/finish", response_class=HTMLResponse)
async def finish(
    request: Request,
    session_id: str,
    library: LibraryDep,
    settings: SettingsDep,
    sessions: SessionsDep,
    manager: ManagerDep,
) -> Response:
    """End the session, score it, and show the scorecard."""
    owner = owner_of(manager, session_id)
    try:
        await sessions.finish(owner, session_id)
    except ConflictError as exc:
        view = await sessions.get_session(owner, session_id)
        context = _practice_context(view, library, settings, owner, error=str(exc))
        return templates.TemplateResponse(request, "practice.html", context, status_code=409)
    return RedirectResponse(f"/sessions/{session_id}/scorecard", status_code=303)
