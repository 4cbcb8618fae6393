"""The JSON API, /api/v1: scenarios, sessions and their turns, scoring, the manager.

Routes stay thin: they translate HTTP to the sessions service and back. Refusals are
exceptions mapped to status codes in `app.web.errors`.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse

from app.domain import Transcript
from app.formats import TranscriptFormatError, parse_transcript
from app.services.identity import Manager
from app.services.sessions import (
    CoachSaved,
    InvalidTranscriptError,
    NotFoundError,
    ReplyChunk,
    ReplyFailed,
    RepSaved,
    SessionService,
    TurnEvent,
)
from app.services.views import ScoreResult, SessionListItem, SessionView, TurnPair
from app.web.api_models import (
    DisplayName,
    ErrorOut,
    ManagerOut,
    NewSession,
    NewTurn,
    ScenarioDetail,
    ScenarioSummary,
    ScoreRequest,
)
from app.web.deps import (
    IdentityDep,
    LibraryDep,
    ManagerDep,
    ManagerOrGuestDep,
    SessionsDep,
    remember_manager,
)

router = APIRouter(prefix="/api/v1", tags=["api"])

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No such scenario or session (for this manager)."}
}
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {
        "model": ErrorOut,
        "description": "The session has finished, the rep is still replying, or a reply "
        "is waiting to be retried.",
    }
}
REPLY_FAILED: dict[int | str, dict[str, Any]] = {
    502: {
        "description": "The rep's reply failed. The coach turn is saved (`coach`); POST to "
        "`retry` to ask again.",
        "content": {
            "application/json": {
                "example": {
                    "detail": "The language model did not answer in time.",
                    "coach": {"index": 4, "speaker": "coach", "text": "What happened?"},
                    "retry": "/api/v1/sessions/0f1e.../retry",
                }
            }
        },
    }
}
STREAM_DOC = (
    "With `?stream=true` the answer is `text/event-stream`: a `coach` event (the saved "
    'coach turn), `token` events (`{"text": ...}`) as the rep\'s reply streams, then '
    '`rep` (the saved rep turn) or `error` (`{"detail", "retry"}`).'
)


@router.get("/scenarios", response_model=list[ScenarioSummary], summary="List scenarios")
async def list_scenarios(library: LibraryDep) -> list[ScenarioSummary]:
    """Every scenario, easiest first."""
    return [ScenarioSummary.of(s.model) for s in library.scenarios_in_order()]


@router.get(
    "/scenarios/{scenario_id}",
    response_model=ScenarioDetail,
    responses=NOT_FOUND,
    summary="A scenario's briefing",
)
async def get_scenario(scenario_id: str, library: LibraryDep) -> ScenarioDetail:
    """What the manager knows going in, the rep's profile and the rubric that scores it."""
    loaded = library.scenarios.get(scenario_id)
    if loaded is None:
        raise NotFoundError(f"There is no scenario called {scenario_id!r}.")
    return ScenarioDetail.of_loaded(loaded, library.rubrics.get(loaded.model.rubric))


@router.post(
    "/sessions",
    status_code=201,
    response_model=SessionView,
    responses=NOT_FOUND,
    summary="Start a session",
)
async def start_session(
    body: NewSession, manager: ManagerOrGuestDep, sessions: SessionsDep
) -> SessionView:
    """Start practising a scenario; the response holds the rep's opening turn.

    A request without the manager cookie starts as a new guest and gets the cookie.
    """
    return await sessions.start_session(manager, body.scenario_id, body.mode)


@router.get("/sessions", response_model=list[SessionListItem], summary="Your sessions")
async def list_sessions(manager: ManagerDep, sessions: SessionsDep) -> list[SessionListItem]:
    """The manager's sessions, newest first, with scores once finished."""
    return await sessions.list_sessions(manager)


@router.get(
    "/sessions/{session_id}",
    response_model=SessionView,
    responses=NOT_FOUND,
    summary="A session with its turns",
)
async def get_session(session_id: str, manager: ManagerDep, sessions: SessionsDep) -> SessionView:
    """Every turn so far and, once finished, the scorecard. Another manager's is 404."""
    return await sessions.get_session(manager, session_id)


@router.post(
    "/sessions/{session_id}/turns",
    status_code=201,
    response_model=TurnPair,
    responses={**NOT_FOUND, **CONFLICT, **REPLY_FAILED},
    summary="Say something to the rep",
    description="Saves the coach turn, then gets and saves the rep's reply. " + STREAM_DOC,
)
async def take_turn(
    session_id: str,
    body: NewTurn,
    manager: ManagerDep,
    sessions: SessionsDep,
    stream: bool = Query(False, description="Stream the reply as server-sent events."),
) -> Response | TurnPair:
    """Save the coach's turn, then the rep's reply; both come back."""
    # A plain turn (JSON body, no query) is usually answered by `app.web.shortcut` with
    # `turn_response` before it gets here; this route answers the rest and documents all.
    owner = _owner(manager, session_id)
    if stream:
        events = await sessions.stream_turn(owner, session_id, body.text)
        return await _event_stream(events, session_id)
    return await turn_response(sessions, owner, session_id, body.text)


@router.post(
    "/sessions/{session_id}/retry",
    status_code=201,
    response_model=TurnPair,
    responses={**NOT_FOUND, **CONFLICT, **REPLY_FAILED},
    summary="Ask again for the rep's reply",
    description="After a failed reply: asks again for the saved coach turn's reply, "
    "saving nothing twice. " + STREAM_DOC,
)
async def retry_reply(
    session_id: str,
    manager: ManagerDep,
    sessions: SessionsDep,
    stream: bool = Query(False, description="Stream the reply as server-sent events."),
) -> Response | TurnPair:
    """Re-request the rep's reply to the coach turn that has none."""
    owner = _owner(manager, session_id)
    if stream:
        events = await sessions.stream_retry(owner, session_id)
        return await _event_stream(events, session_id)
    return _created(await sessions.retry_reply(owner, session_id))


@router.post(
    "/sessions/{session_id}/finish",
    response_model=ScoreResult,
    responses={**NOT_FOUND, **CONFLICT},
    summary="End the session and score it",
)
async def finish(session_id: str, manager: ManagerDep, sessions: SessionsDep) -> ScoreResult:
    """The scorecard, as `coachsim score --format json` writes it; again returns the same."""
    return await sessions.finish(_owner(manager, session_id), session_id)


@router.post(
    "/score",
    response_model=ScoreResult,
    responses=NOT_FOUND,
    summary="Score a transcript",
)
async def score_transcript(body: ScoreRequest, sessions: SessionsDep) -> ScoreResult:
    """Score a conversation that did not happen in Coachsim."""
    if body.content is not None:
        try:
            read = parse_transcript(body.content, body.format, body.coach)
        except TranscriptFormatError as exc:
            raise InvalidTranscriptError(str(exc), field="content") from None
        transcript, note = read.transcript, read.speakers
        if body.scenario_id is not None:
            transcript = transcript.model_copy(update={"scenario_id": body.scenario_id})
    else:
        transcript = Transcript(turns=body.turns or [], scenario_id=body.scenario_id)
        note = ""
    return sessions.score_transcript(transcript, rubric_id=body.rubric_id, speakers_note=note)


@router.get("/me", response_model=ManagerOut, responses=NOT_FOUND, summary="Who am I")
async def who_am_i(manager: ManagerDep) -> ManagerOut:
    """The manager the cookie names; 404 before any session or name."""
    if manager is None:
        raise NotFoundError("No manager yet: set a display name or start a session.")
    return ManagerOut.of(manager)


@router.put("/me", response_model=ManagerOut, summary="Set your display name")
async def set_display_name(
    body: DisplayName,
    request: Request,
    response: Response,
    manager: ManagerDep,
    identity: IdentityDep,
) -> ManagerOut:
    """Name the manager (creating one if the request has no cookie) and set the cookie."""
    if manager is None:
        manager = await identity.create(body.display_name)
    else:
        manager = await identity.rename(manager, body.display_name)
    remember_manager(request, response, manager)
    return ManagerOut.of(manager)


async def turn_response(
    sessions: SessionService, manager: Manager | None, session_id: str, text: str
) -> Response:
    """A plain (not streamed) turn: both saved turns, 201."""
    pair = await sessions.take_turn(_owner(manager, session_id), session_id, text)
    return _created(pair)


def _created(pair: TurnPair) -> Response:
    # Serialised straight from the service's models: they are built from validated turns,
    # and validating them again against the response model would only repeat that work.
    return Response(pair.model_dump_json(), status_code=201, media_type="application/json")


def _owner(manager: Manager | None, session_id: str) -> Manager:
    # No cookie, no sessions: the same 404 as someone else's session.
    if manager is None:
        raise NotFoundError(f"There is no session {session_id!r}.")
    return manager


def _sse(event: str, data: Any) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def _encode(event: TurnEvent, session_id: str) -> bytes:
    if isinstance(event, ReplyChunk):
        return _sse("token", {"text": event.text})
    if isinstance(event, CoachSaved):
        return _sse("coach", event.turn.model_dump(mode="json"))
    if isinstance(event, RepSaved):
        return _sse("rep", event.turn.model_dump(mode="json"))
    assert isinstance(event, ReplyFailed)
    return _sse("error", {"detail": event.message, "retry": f"/api/v1/sessions/{session_id}/retry"})


async def _event_stream(
    events: AsyncGenerator[TurnEvent, None], session_id: str
) -> StreamingResponse:
    # The first event is the saved coach turn: wait for it here, so a refusal or a failed
    # save is an HTTP error, not a broken stream.
    try:
        first = await anext(events)
    except BaseException:
        await events.aclose()
        raise

    async def body() -> AsyncIterator[bytes]:
        async with aclosing(events):
            yield _encode(first, session_id)
            async for event in events:
                yield _encode(event, session_id)

    return StreamingResponse(
        body(),
        status_code=201,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
