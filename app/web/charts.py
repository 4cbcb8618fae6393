"""Charts drawn on the server as inline SVG: no JavaScript, printable, readable by screen readers.

Colours come from the page's CSS through class names (`act-fill-<act>`), so the transcript,
the legend and the charts share one palette. Every chart carries a title and a description
for assistive technology, and the pages show the same numbers as text beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from app.domain import Act
from app.web.present import act_label

# Act groups as the scorecard explains them: what a manager was doing with each unit.
ACT_GROUPS: tuple[tuple[str, tuple[Act, ...]], ...] = (
    ("Asking", (Act.OPEN_QUESTION, Act.CLOSED_QUESTION)),
    ("Listening", (Act.REFLECTION, Act.AFFIRMATION)),
    ("Telling", (Act.LEADING_QUESTION, Act.ADVICE, Act.TAKEOVER)),
    ("Other", (Act.INFORMATION, Act.OTHER)),
)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(chart_id: str, title: str, desc: str, width: int, height: int, body: str) -> Markup:
    return Markup(
        f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>{body}</svg>'
    )


def act_mix_chart(
    counts: Mapping[str, int], *, coach_words: int, rep_words: int, chart_id: str = "act-mix"
) -> Markup:
    """Bars of how many coach units fell in each act, grouped, plus who did the talking."""
    label_w, bar_x, bar_w, row_h, width = 120, 128, 180, 22, 360
    peak = max([counts.get(a.value, 0) for _, acts in ACT_GROUPS for a in acts] + [1])
    parts: list[str] = []
    described: list[str] = []
    y = 4
    for group, acts in ACT_GROUPS:
        parts.append(f'<text class="chart-group" x="0" y="{y + 13}">{escape(group)}</text>')
        y += row_h
        for act in acts:
            n = counts.get(act.value, 0)
            length = round(bar_w * n / peak, 1)
            label = act_label(act.value)
            described.append(f"{label} {n}")
            parts.append(
                f'<text class="chart-label" x="{label_w - 6}" y="{y + 12}" '
                f'text-anchor="end">{escape(label)}</text>'
                f'<rect class="chart-track" x="{bar_x}" y="{y + 2}" width="{bar_w}" '
                f'height="{row_h - 8}" rx="3"/>'
                f'<rect class="act-fill-{act.value}" x="{bar_x}" y="{y + 2}" '
                f'width="{length}" height="{row_h - 8}" rx="3"/>'
                f'<text class="chart-value" x="{bar_x + bar_w + 8}" y="{y + 12}">{n}</text>'
            )
            y += row_h
        y += 6
    total = coach_words + rep_words
    coach_share = coach_words / total if total else 0.0
    split = round((bar_w + label_w) * coach_share, 1)
    y += 6
    parts.append(f'<text class="chart-group" x="0" y="{y + 13}">Who talked</text>')
    y += row_h
    full = bar_w + label_w
    parts.append(
        f'<rect class="talk-rep" x="0" y="{y}" width="{full}" height="16" rx="3"/>'
        f'<rect class="talk-coach" x="0" y="{y}" width="{split}" height="16" rx="3"/>'
        f'<text class="chart-value" x="{full + 8}" y="{y + 12}">'
        f"{round(coach_share * 100)}%</text>"
    )
    y += 34
    parts.append(
        f'<text class="chart-note" x="0" y="{y - 6}">You: {coach_words} words · '
        f"Rep: {rep_words} words</text>"
    )
    desc = (
        "Coach units by act: "
        + ", ".join(described)
        + f". You spoke {round(coach_share * 100)}% of the words ({coach_words} of {total})."
    )
    return _svg(chart_id, "What you did, unit by unit", desc, width, y, "".join(parts))


@dataclass(frozen=True, slots=True)
class LevelPoint:
    """One scored session on a criterion's progress line."""

    label: str
    detail: str
    level: int
    href: str | None = None


def level_chart(title: str, points: Sequence[LevelPoint], *, chart_id: str) -> Markup:
    """A criterion's level (1-4) across sessions, oldest on the left."""
    width, height, left, right, top, bottom = 320, 150, 58, 14, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom

    def y_of(level: int) -> float:
        return round(top + plot_h * (4 - level) / 3, 1)

    def x_of(i: int) -> float:
        # Inset from the axes so the first and last dots don't sit on the level labels.
        if len(points) == 1:
            return round(left + plot_w / 2, 1)
        return round(left + 12 + (plot_w - 24) * i / (len(points) - 1), 1)

    parts: list[str] = []
    for level in (1, 2, 3, 4):
        y = y_of(level)
        parts.append(
            f'<line class="chart-grid" x1="{left}" x2="{width - right}" y1="{y}" y2="{y}"/>'
            f'<text class="chart-label" x="{left - 8}" y="{y + 4}" text-anchor="end">'
            f"Level {level}</text>"
        )
    if len(points) > 1:
        path = " ".join(f"{x_of(i)},{y_of(p.level)}" for i, p in enumerate(points))
        parts.append(f'<polyline class="chart-line" points="{path}"/>')
    for i, p in enumerate(points):
        dot = (
            f'<circle class="chart-dot level-{p.level}" cx="{x_of(i)}" cy="{y_of(p.level)}" '
            f'r="5"><title>{escape(p.detail)}: level {p.level}</title></circle>'
        )
        parts.append(
            f'<a href="{escape(p.href)}" aria-label="{escape(p.detail)}: level {p.level}">{dot}</a>'
            if p.href
            else dot
        )
    if len(points) == 1:
        parts.append(
            f'<text class="chart-note" x="{x_of(0)}" y="{height - 8}" text-anchor="middle">'
            f"{escape(points[0].label)}</text>"
        )
    elif points:
        parts.append(
            f'<text class="chart-note" x="{x_of(0)}" y="{height - 8}" text-anchor="middle">'
            f"{escape(points[0].label)}</text>"
            f'<text class="chart-note" x="{x_of(len(points) - 1)}" y="{height - 8}" '
            f'text-anchor="middle">{escape(points[-1].label)}</text>'
        )
    desc = (
        f"{title}: "
        + "; ".join(f"{p.detail} level {p.level}" for p in points)
        + ("." if points else "no scored sessions yet.")
    )
    return _svg(chart_id, f"{title} over time", desc, width, height, "".join(parts))


def openness_chart(points: Sequence[tuple[int, float]], rep_name: str, *, chart_id: str) -> Markup:
    """How open the rep was after each of their turns (0 closed, 1 fully open)."""
    width, height, left, right, top, bottom = 420, 130, 44, 12, 10, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    first = points[0][0] if points else 1
    last = points[-1][0] if points else 1
    span = max(last - first, 1)

    def xy(turn: int, value: float) -> tuple[float, float]:
        return (
            round(left + plot_w * (turn - first) / span, 1),
            round(top + plot_h * (1 - value), 1),
        )

    parts: list[str] = []
    for value, name in ((0.0, "closed"), (0.5, ""), (1.0, "open")):
        _, y = xy(first, value)
        parts.append(
            f'<line class="chart-grid" x1="{left}" x2="{width - right}" y1="{y}" y2="{y}"/>'
        )
        if name:
            parts.append(
                f'<text class="chart-label" x="{left - 6}" y="{y + 4}" '
                f'text-anchor="end">{name}</text>'
            )
    if points:
        line = " ".join("{},{}".format(*xy(t, v)) for t, v in points)
        x0, _ = xy(points[0][0], 0.0)
        x1, base = xy(points[-1][0], 0.0)
        parts.append(f'<polygon class="chart-area" points="{x0},{base} {line} {x1},{base}"/>')
        parts.append(f'<polyline class="chart-line" points="{line}"/>')
        for t, v in points:
            x, y = xy(t, v)
            parts.append(
                f'<circle class="chart-dot" cx="{x}" cy="{y}" r="3">'
                f"<title>Turn {t}: {round(v * 100)}% open</title></circle>"
            )
        parts.append(
            f'<text class="chart-note" x="{left}" y="{height - 6}">turn {first}</text>'
            f'<text class="chart-note" x="{width - right}" y="{height - 6}" '
            f'text-anchor="end">turn {last}</text>'
        )
    desc = f"{rep_name}'s openness after each reply: " + ", ".join(
        f"turn {t} {round(v * 100)}%" for t, v in points
    )
    return _svg(
        chart_id, f"How open {rep_name} was, turn by turn", desc, width, height, "".join(parts)
    )


def level_trend(points: Sequence[LevelPoint]) -> str:
    """A few words on where the line is heading, for the text beside the chart."""
    if len(points) < 2:
        return "one session so far"
    change = points[-1].level - points[0].level
    if change > 0:
        return f"up {change} level{'s' if change > 1 else ''} since your first session"
    if change < 0:
        return f"down {-change} level{'s' if change < -1 else ''} since your first session"
    return "level with your first session"


def number(value: float | None) -> str:
    """A metric value for the page: short, without trailing zeros."""
    return "n/a" if value is None else _num(value)
