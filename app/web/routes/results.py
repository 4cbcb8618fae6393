"""Results pages: a session's scorecard, and the manager's history with progress charts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.web import charts, present
from app.web.deps import LibraryDep, ManagerDep, SessionsDep, SettingsDep
from app.web.routes.pages import engine_label, owner_of
from app.web.templating import templates

router = APIRouter(include_in_schema=False)


@router.get("/sessions/{session_id}/scorecard", response_class=HTMLResponse, name="scorecard")
async def scorecard(
    request: Request,
    session_id: str,
    library: LibraryDep,
    settings: SettingsDep,
    sessions: SessionsDep,
    manager: ManagerDep,
) -> Response:
    """Overall, criteria with evidence, the annotated transcript, notes, feedback and charts."""
    owner = owner_of(manager, session_id)
    view = await sessions.get_session(owner, session_id)
    card = view.scorecard
    if card is None:
        return RedirectResponse(f"/sessions/{session_id}", status_code=303)
    loaded = library.scenarios.get(view.scenario_id)
    rep_name = loaded.model.rep.name if loaded is not None else "The rep"
    rubric = library.rubrics.get(view.rubric_id)
    good = {c.id: c.good_looks_like for c in rubric.model.criteria} if rubric else {}
    metrics = card.metrics
    decisions = {t.index: t.decision for t in view.turns if t.decision is not None}
    openness = [(i, d.openness_after) for i, d in sorted(decisions.items())]
    discovery = metrics.get("discovery_detail") or None
    return templates.TemplateResponse(
        request,
        "scorecard.html",
        {
            "session": view,
            "card": card,
            "rep_name": rep_name,
            "manager": owner,
            "engine": view.engine,
            "engine_label": engine_label(view.engine, settings),
            "good_looks_like": good,
            "decisions": decisions,
            "moments": present.key_moments(view.turns),
            "discovery": discovery,
            "act_chart": charts.act_mix_chart(
                metrics.get("counts", {}),
                coach_words=int(metrics.get("coach_words", 0)),
                rep_words=int(metrics.get("rep_words", 0)),
            ),
            "openness_chart": charts.openness_chart(openness, rep_name, chart_id="openness"),
            "key_numbers": _key_numbers(metrics),
        },
    )


def _key_numbers(metrics: dict[str, Any]) -> list[tuple[str, str]]:
    numbers = [
        ("Ask : tell", charts.number(metrics.get("ask_tell_ratio"))),
        ("Open questions", present.percent(metrics.get("open_question_share"))),
        ("Reflections per question", charts.number(metrics.get("reflection_to_question"))),
        ("Your share of the talk", present.percent(metrics.get("coach_talk_share"))),
        ("Stacked questions", str(metrics.get("question_stacking", 0))),
    ]
    grow = metrics.get("grow") or {}
    if grow:
        covered = ", ".join(grow.get("covered", [])) or "none"
        numbers.append(("GROW stages covered", covered))
    return numbers


@router.get("/history", response_class=HTMLResponse, name="history")
async def history(
    request: Request,
    library: LibraryDep,
    settings: SettingsDep,
    sessions: SessionsDep,
    manager: ManagerDep,
) -> Response:
    """The manager's sessions and each criterion's level over time."""
    items = await sessions.list_sessions(manager)
    lines = present.progress(items, [r.model for r in library.rubrics.values()])
    progress_charts = [
        (
            line,
            charts.level_chart(
                line.title,
                [
                    charts.LevelPoint(
                        label=f"#{n}, {p.when:%d %b}",
                        detail=f"{p.title}, {p.when:%d %b %Y}",
                        level=p.level,
                        href=f"/sessions/{p.session_id}/scorecard",
                    )
                    for n, p in enumerate(line.points, 1)
                ],
                chart_id=f"progress-{line.id}",
            ),
            charts.level_trend(
                [charts.LevelPoint("", "", p.level) for p in line.points],
            ),
        )
        for line in lines
    ]
    return templates.TemplateResponse(
        request,
        "history.html",
        {
            "items": items,
            "progress": progress_charts,
            "manager": manager,
            "engine": settings.resolved_engine,
        },
    )
