"""Keyboard alone: skip link, catalog, briefing, the chat (Enter / Shift+Enter), scorecard."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import LiveServer

SCENARIO = "stalled-procurement-champion-left"


def tab_until(page: Any, condition: str, *, limit: int = 120, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until `condition` (JS, given the focused element) holds."""
    key = "Shift+Tab" if back else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if focused(page, f"Boolean({condition})"):
            return
    raise AssertionError(f"never reached an element where {condition} after {limit} presses")


def focused(page: Any, expression: str) -> Any:
    """Evaluate an expression on the focused element."""
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


def test_a_whole_session_with_the_keyboard_alone(page: Any, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert focused(page, "el.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")

    # Focus is always visible.
    tab_until(page, "el.matches('input[name=difficulty]')")
    assert focused(page, "getComputedStyle(el.nextElementSibling).outlineStyle") != "none"
    page.keyboard.press("ArrowRight")  # radio group: next difficulty
    page.wait_for_url("**/?difficulty=easy*")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("document.querySelectorAll('.scenario-card').length >= 10")

    tab_until(page, f"el.getAttribute('href') === '/scenarios/{SCENARIO}'")
    assert focused(page, "getComputedStyle(el, '::after').outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/scenarios/{SCENARIO}")

    tab_until(page, "el.id === 'start-display-name'")
    page.keyboard.type("Kim")
    page.keyboard.press("Tab")
    assert focused(page, "el.value") == "drill"
    page.keyboard.press("ArrowDown")
    assert focused(page, "el.value + ':' + el.checked") == "certification:true"
    tab_until(page, "el.type === 'submit'", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_selector("#message")

    # The message box has focus; Shift+Enter is a new line, Enter sends.
    assert focused(page, "el.id") == "message"
    assert "Certification" in page.locator(".practice-head").inner_text()
    page.keyboard.type("What's going on with Halvorsen?")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("Take your time.")
    assert page.locator(".log .turn-coach").count() == 0
    assert page.input_value("#message") == "What's going on with Halvorsen?\nTake your time."
    page.keyboard.press("Enter")
    page.locator(".log .turn-rep:not(.is-streaming)").nth(1).wait_for()
    sent = page.locator(".log .turn-coach .text").inner_text()
    assert sent == "What's going on with Halvorsen?\nTake your time."
    assert focused(page, "el.id") == "message"  # ready for the next message
    page.keyboard.type("So what's your plan from here?")
    page.keyboard.press("Enter")
    page.locator(".log .turn-rep:not(.is-streaming)").nth(2).wait_for()

    tab_until(page, "el.textContent.trim() === 'End session'", back=True, limit=30)
    page.keyboard.press("Enter")
    page.wait_for_url("**/scorecard")

    # Evidence links work from the keyboard and land on the turn.
    tab_until(page, "(el.getAttribute('href') || '').startsWith('#turn-')", limit=60)
    target = focused(page, "el.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")

    # Each tagged unit takes focus and shows its act's reason while focused.
    page.goto(page.url.split("#")[0])
    tab_until(page, "el.classList.contains('unit')", limit=200)
    reason = focused(page, "el.querySelector('.unit-reason').textContent")
    assert ":" in reason
    assert focused(page, "getComputedStyle(el.querySelector('.unit-reason')).visibility") == (
        "visible"
    )
    assert focused(page, "el.getAttribute('aria-describedby')") == focused(
        page, "el.querySelector('.unit-reason').id"
    )
    assert focused(page, "el.querySelector('.act-tag').textContent.trim()") != ""
