"""The one place that decides whether a request came from HTMX and wants a fragment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from starlette.responses import Response

from app.web.templating import templates


def is_htmx(request: Request) -> bool:
    """An HTMX request that wants a fragment (a history restore wants the whole page)."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true" and headers.get("HX-History-Restore-Request") != "true"
    )


def vary_on_htmx(response: Response) -> Response:
    """Say that the response depends on HX-Request, so caches keep page and fragment apart."""
    vary = [v.strip() for v in response.headers.get("Vary", "").split(",") if v.strip()]
    if "HX-Request" not in vary:
        vary.append("HX-Request")
    response.headers["Vary"] = ", ".join(vary)
    return response


def page_or_fragment(
    request: Request,
    page: str,
    fragment: str,
    context: Mapping[str, Any],
    *,
    status_code: int = 200,
) -> Response:
    """Render the whole page, or for HTMX only the fragment the page includes."""
    name = fragment if is_htmx(request) else page
    response = templates.TemplateResponse(request, name, dict(context), status_code=status_code)
    return vary_on_htmx(response)
