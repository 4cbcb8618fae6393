"""Errors as a client expects them: JSON under /api, a readable page everywhere else.

Service refusals map to status codes here, once: not found 404, a state conflict 409, a
refused turn or transcript 422 (the shape of FastAPI's own validation errors), a failed
rep reply 502 with the saved coach turn and where to retry.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.services.identity import InvalidNameError
from app.services.sessions import (
    ConflictError,
    InvalidTranscriptError,
    NotFoundError,
    ReplyFailedError,
    SessionError,
    TurnRejectedError,
)
from app.web.templating import templates

API_PREFIX = "/api/"
log = logging.getLogger("coachsim.web")

TITLES = {
    400: "Bad request",
    401: "Who are you?",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    409: "Not now",
    413: "Too large",
    422: "Check what you sent",
    502: "The rep could not reply",
    500: "Something broke on our side",
}


def is_api(request: Request) -> bool:
    """Whether the request is for the JSON API."""
    return request.url.path.startswith(API_PREFIX)


def error_page(request: Request, status_code: int, message: str) -> Response:
    """The HTML error page (a 404 page, not a traceback)."""
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status_code": status_code,
            "title": TITLES.get(status_code, "Something went wrong"),
            "message": message,
            "engine": None,
        },
        status_code=status_code,
    )


def field_error(field: str, message: str, kind: str, **ctx: Any) -> dict[str, Any]:
    """One field-level error in the shape FastAPI's validation errors use."""
    error: dict[str, Any] = {"type": kind, "loc": ["body", field], "msg": message}
    if ctx:
        error["ctx"] = ctx
    return error


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if is_api(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    message = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "")
    if exc.status_code == 404 and message == "Not Found":
        message = "There is nothing at this address."
    return error_page(request, exc.status_code, message)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if is_api(request):
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(str(e.get("msg", "")) for e in exc.errors())
    return error_page(request, 422, problems or "Some of what you sent is not valid.")


def _status(exc: SessionError | InvalidNameError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConflictError):
        return 409
    if isinstance(exc, ReplyFailedError):
        return 502
    return 422


async def service_error(request: Request, exc: Exception) -> Response:
    """The response to a service's refusal: JSON under /api, the error page elsewhere."""
    assert isinstance(exc, SessionError | InvalidNameError)
    status_code = _status(exc)
    if not is_api(request):
        return error_page(request, status_code, str(exc))
    body: dict[str, Any]
    if isinstance(exc, TurnRejectedError):
        kind = "string_too_short" if exc.kind == "empty" else "string_too_long"
        ctx = {"min_length": 1} if exc.kind == "empty" else {"max_length": exc.limit}
        body = {"detail": [field_error("text", str(exc), kind, **ctx)]}
    elif isinstance(exc, InvalidNameError):
        body = {"detail": [field_error("display_name", str(exc), "value_error")]}
    elif isinstance(exc, InvalidTranscriptError):
        body = {"detail": [field_error(exc.field, str(exc), "value_error")]}
    elif isinstance(exc, ReplyFailedError):
        body = {
            "detail": str(exc),
            "coach": exc.coach.model_dump(mode="json"),
            "retry": f"/api/v1/sessions/{exc.session_id}/retry",
        }
    else:
        body = {"detail": str(exc)}
    return JSONResponse(body, status_code=status_code)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if is_api(request):
        return JSONResponse({"detail": TITLES[500]}, status_code=500)
    return error_page(request, 500, "The error has been logged. Your saved turns are safe.")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on an app."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(SessionError, service_error)
    app.add_exception_handler(InvalidNameError, service_error)
    app.add_exception_handler(Exception, _unexpected)
