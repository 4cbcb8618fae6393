"""A manager's whole loop in a real browser: catalog, briefing, a session, scorecard, history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.browser.conftest import LAPTOP, PHONE, LiveServer, screenshot

SCENARIO = "stalled-procurement-champion-left"
SCRIPTS = Path(__file__).resolve().parents[1] / "scenario_scripts"


def script(style: str) -> list[str]:
    """The asking or telling playthrough of the scenario."""
    lines: list[str] = yaml.safe_load((SCRIPTS / f"{SCENARIO}.yaml").read_text())[style]
    return lines


def send(page: Any, text: str) -> None:
    """Type a message, press Enter, and wait for the rep's saved reply."""
    before = page.locator(".log .turn:not(.is-streaming)").count()
    page.fill("#message", text)
    page.press("#message", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.log .turn:not(.is-streaming)').length >= n",
        arg=before + 2,
    )


def no_sideways_scroll(page: Any) -> bool:
    """The page fits the viewport's width (nothing forces a horizontal scroll)."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def practise_through_the_api(page: Any, server: LiveServer, style: str) -> None:
    """An earlier session of this browser's manager, played and finished over the JSON API."""
    api = f"{server.url}/api/v1/sessions"
    created = page.request.post(api, data={"scenario_id": SCENARIO, "mode": "drill"})
    assert created.status == 201
    session_id = created.json()["id"]
    for line in script(style):
        assert page.request.post(f"{api}/{session_id}/turns", data={"text": line}).status == 201
    assert page.request.post(f"{api}/{session_id}/finish").ok


def test_catalog_to_briefing_to_session_to_scorecard_to_history(
    page: Any, live_server: LiveServer
) -> None:
    practise_through_the_api(page, live_server, "telling")
    page.goto(live_server.url + "/")
    assert page.locator(".scenario-card").count() >= 10
    screenshot(page, "catalog-laptop")

    # Filtering swaps the list in place (no page load) and keeps the URL shareable.
    page.evaluate("window.__samePage = true")
    total = page.locator(".scenario-card").count()
    page.click("label[for=difficulty-hard]")
    page.wait_for_url("**/?difficulty=hard*")
    page.wait_for_function(f"document.querySelectorAll('.scenario-card').length < {total}")
    assert page.evaluate("window.__samePage") is True
    pills = page.locator(".scenario-card .pill").all_inner_texts()
    assert pills
    assert {p.lower() for p in pills} == {"hard"}
    page.click("label[for=difficulty-all]")
    page.wait_for_function(f"document.querySelectorAll('.scenario-card').length == {total}")

    page.click(f"a[href='/scenarios/{SCENARIO}']")
    page.wait_for_url(f"**/scenarios/{SCENARIO}")
    assert page.locator("h1").inner_text().startswith("Stalled at procurement")
    assert page.get_by_text("How you’ll be scored").is_visible()
    screenshot(page, "briefing-laptop")

    page.fill("#start-display-name", "Alex")
    page.get_by_role("button", name="Start with Dana").click()
    page.wait_for_selector("#message")
    assert "Voiced by the scripted engine" in page.locator(".practice-head").inner_text()
    assert page.locator(".log .turn-rep").count() == 1
    timer = page.locator("[data-elapsed]")
    first_reading = timer.inner_text()
    for line in script("asking"):
        send(page, line)
    assert page.locator(".log .turn-coach").count() == len(script("asking"))
    assert page.locator(".nudge").count() == 0  # asking draws no nudges
    page.wait_for_function(
        "t => document.querySelector('[data-elapsed]').textContent !== t", arg=first_reading
    )
    screenshot(page, "practice-laptop", full_page=False)

    page.get_by_role("button", name="End session").click()
    page.wait_for_url("**/scorecard")
    assert "Passed" in page.locator(".score-box").inner_text()
    units = page.locator(".transcript .unit")
    assert units.count() >= len(script("asking"))
    # The reason shows on hover.
    reason = units.first.locator(".unit-reason")
    assert not reason.is_visible()
    units.first.hover()
    reason.wait_for(state="visible")
    # Evidence links jump to the turn they cite.
    link = page.locator(".evidence a").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{target}")
    assert page.locator(f"{target}").is_visible()
    assert page.locator(".moments .moment").count() >= 3
    screenshot(page, "scorecard-laptop")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    page.wait_for_url("**/history")
    rows = page.locator(".sessions-table tbody tr")
    assert rows.count() == 2
    assert "Passed" in rows.first.inner_text()  # newest first
    assert "Not passed" in rows.nth(1).inner_text()
    assert page.locator(".progress-card svg").count() >= 5
    assert page.locator(".progress-card .chart-line").count() >= 5
    asks = page.locator(".progress-card", has_text="Asks more than tells").inner_text()
    assert "since your first session" in asks
    assert "up " in asks  # telling first, then asking
    screenshot(page, "history-laptop")


def test_telling_draws_nudges_that_can_be_switched_off(page: Any, live_server: LiveServer) -> None:
    page.goto(f"{live_server.url}/scenarios/{SCENARIO}")
    page.get_by_role("button", name="Start with Dana").click()
    page.wait_for_selector("#message")
    telling = script("telling")
    send(page, telling[1])
    nudge = page.locator(".nudge").first
    assert "What question could get Dana there?" in nudge.inner_text()
    page.get_by_label("Live nudges").uncheck()
    assert not nudge.is_visible()
    send(page, telling[2])
    assert page.locator(".nudge").count() == 1  # the server sent none for this turn
    page.reload()
    page.wait_for_selector("#message")
    assert not page.get_by_label("Live nudges").is_checked()  # remembered
    assert not page.locator(".nudge").first.is_visible()


def test_empty_and_oversized_messages_are_refused_in_the_page(
    page: Any, live_server: LiveServer
) -> None:
    page.goto(f"{live_server.url}/scenarios/{SCENARIO}")
    page.get_by_role("button", name="Start with Dana").click()
    page.wait_for_selector("#message")
    page.press("#message", "Enter")
    assert "message is empty" in page.locator("#composer-notice").inner_text()
    page.fill("#message", "x" * 2500)
    page.click("[data-send]")
    assert "keep it to 2000" in page.locator("#composer-notice").inner_text()
    assert page.locator(".log .turn").count() == 1
    page.reload()
    assert page.locator(".log .turn").count() == 1  # nothing was saved


def test_every_page_reads_well_on_a_phone(browser: Any, live_server: LiveServer) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert no_sideways_scroll(page)
        screenshot(page, "catalog-phone")
        page.goto(f"{live_server.url}/scenarios/{SCENARIO}")
        assert no_sideways_scroll(page)
        screenshot(page, "briefing-phone")
        page.fill("#start-display-name", "Alex")
        page.get_by_role("button", name="Start with Dana").click()
        page.wait_for_selector("#message")
        for line in script("telling")[:5]:
            send(page, line)
        assert no_sideways_scroll(page)
        assert page.locator("#composer").is_visible()
        screenshot(page, "practice-phone", full_page=False)
        page.get_by_role("button", name="End session").click()
        page.wait_for_url("**/scorecard")
        assert no_sideways_scroll(page)
        screenshot(page, "scorecard-phone")
        page.goto(live_server.url + "/history")
        assert no_sideways_scroll(page)
        screenshot(page, "history-phone")
        page.goto(live_server.url + "/sessions/no-such-session")
        assert "Not found" in page.locator("h1").inner_text()
        screenshot(page, "not-found-phone")
    finally:
        context.close()


def test_unknown_ids_show_a_404_page(page: Any, live_server: LiveServer) -> None:
    response = page.goto(live_server.url + "/sessions/0123456789abcdef")
    assert response is not None
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Not found"
    assert page.get_by_role("link", name="Back to the scenarios").is_visible()
    page.set_viewport_size(LAPTOP)
    screenshot(page, "not-found-laptop")


def test_the_loop_works_without_javascript(browser: Any, live_server: LiveServer) -> None:
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.click("label[for=difficulty-medium]")
        page.get_by_role("button", name="Apply").click()
        page.wait_for_url("**/?difficulty=medium*")
        pills = page.locator(".scenario-card .pill").all_inner_texts()
        assert {p.lower() for p in pills} == {"medium"}

        page.click(f"a[href='/scenarios/{SCENARIO}']")
        page.get_by_role("button", name="Start with Dana").click()
        page.wait_for_url("**/sessions/*")
        page.fill("#message", script("asking")[1])
        page.get_by_role("button", name="Send").click()
        page.wait_for_url("**#composer")
        assert page.locator(".log .turn").count() == 3
        page.get_by_role("button", name="End session").click()
        page.wait_for_url("**/scorecard")
        assert page.locator(".transcript .unit").count() >= 1
    finally:
        context.close()
