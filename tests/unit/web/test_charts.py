"""Server-drawn SVG charts: accessible, escaped, and drawing the numbers they are given."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from app.web.charts import LevelPoint, act_mix_chart, level_chart, level_trend, openness_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def test_act_mix_bars_are_proportional_and_described_in_text() -> None:
    chart = act_mix_chart(
        {"open_question": 4, "advice": 2, "takeover": 0}, coach_words=30, rep_words=90
    )
    root = parse(chart)
    assert root.get("role") == "img"
    widths = {
        r.get("class"): float(r.get("width", 0))
        for r in root.iter(f"{SVG}rect")
        if (r.get("class") or "").startswith("act-fill-")
    }
    assert widths["act-fill-open_question"] == 2 * widths["act-fill-advice"] > 0
    assert widths["act-fill-takeover"] == 0
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert "Open question 4" in (desc.text or "")
    assert "25%" in (desc.text or "")  # 30 of 120 words


def test_level_chart_puts_higher_levels_higher_and_links_each_session() -> None:
    points = [
        LevelPoint("1 Mar", "Deal <one>, 1 Mar", 1, "/sessions/a/scorecard"),
        LevelPoint("2 Mar", "Deal two, 2 Mar", 3, "/sessions/b/scorecard"),
    ]
    chart = level_chart("Asks open questions", points, chart_id="p-open")
    root = parse(chart)
    dots = list(root.iter(f"{SVG}circle"))
    assert float(dots[1].get("cy", 0)) < float(dots[0].get("cy", 0))
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["/sessions/a/scorecard", "/sessions/b/scorecard"]
    assert "Deal &lt;one&gt;" in chart  # titles are escaped
    assert root.find(f"{SVG}polyline") is not None


def test_a_single_session_is_a_dot_without_a_line() -> None:
    root = parse(level_chart("X", [LevelPoint("1 Mar", "d", 2)], chart_id="x"))
    assert root.find(f"{SVG}polyline") is None
    assert len(list(root.iter(f"{SVG}circle"))) == 1


def test_trend_words() -> None:
    assert level_trend([LevelPoint("", "", 1), LevelPoint("", "", 3)]).startswith("up 2 levels")
    assert level_trend([LevelPoint("", "", 3), LevelPoint("", "", 2)]).startswith("down 1 level ")
    assert level_trend([LevelPoint("", "", 2)]) == "one session so far"


def test_openness_chart_plots_every_rep_turn() -> None:
    chart = openness_chart([(1, 0.45), (3, 0.2), (5, 0.9)], "Dana", chart_id="o")
    root = parse(chart)
    assert len(list(root.iter(f"{SVG}circle"))) == 3
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', chart)]
    assert ys[2] < ys[0] < ys[1]  # more open is higher
