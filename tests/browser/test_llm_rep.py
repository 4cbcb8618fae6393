"""The rep voiced by an OpenAI-compatible upstream (a local fake): streaming, failure, retry."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser.conftest import LiveServer, screenshot
from tests.support.fake_openai_server import FakeOpenAIServer, Reply, Status

SCENARIO = "stalled-procurement-champion-left"
QUESTION = "What is procurement actually waiting on right now?"
REPLY = (
    "Honestly, procurement is being procurement. Greg sent his redlines and since then "
    "it has just been quiet, you know? I keep thinking it will move on its own."
)


@pytest.fixture
def upstream() -> Iterator[FakeOpenAIServer]:
    """The fake OpenAI-compatible server the app's rep talks to."""
    with FakeOpenAIServer(default=Reply(REPLY)) as server:
        yield server


@pytest.fixture
def llm_server(server_factory: Callable[..., LiveServer], upstream: FakeOpenAIServer) -> LiveServer:
    """The app with COACHSIM_ENGINE=openai pointed at the fake upstream."""
    return server_factory(
        COACHSIM_ENGINE="openai",
        COACHSIM_OPENAI_BASE_URL=upstream.base_url,
        COACHSIM_OPENAI_API_KEY="sk-test",
        COACHSIM_MODEL="fake-rep",
        COACHSIM_TIMEOUT_SECONDS="5",
    )


def open_session(page: Any, server: LiveServer) -> None:
    page.goto(f"{server.url}/scenarios/{SCENARIO}")
    page.get_by_role("button", name="Start with Dana").click()
    page.wait_for_selector("#message")


def test_the_reply_streams_in_word_by_word(
    page: Any, llm_server: LiveServer, upstream: FakeOpenAIServer
) -> None:
    upstream.push(Reply(REPLY, delay=0.12, first_delay=0.8))
    open_session(page, llm_server)
    assert "Voiced by an LLM (fake-rep)" in page.locator(".practice-head").inner_text()
    page.fill("#message", QUESTION)
    page.press("#message", "Enter")

    # The coach's message is on screen while the rep has not said a word yet.
    page.locator(".turn-coach", has_text=QUESTION).wait_for()
    streaming = page.locator(".turn-rep.is-streaming")
    streaming.wait_for()
    assert streaming.locator("[data-stream]").inner_text() == ""

    # Then the reply grows a few words at a time before it is complete.
    page.wait_for_function(
        "() => { const s = document.querySelector('.is-streaming [data-stream]');"
        " return s && s.textContent.split(' ').length >= 4; }"
    )
    partial = streaming.locator("[data-stream]").inner_text()
    page.locator(".turn-rep:not(.is-streaming)", has_text="on its own").wait_for()
    final = page.locator(".turn-rep").last.locator(".text").inner_text()
    assert final == REPLY
    assert 0 < len(partial) < len(final)
    assert final.startswith(partial.strip())
    assert page.locator(".is-streaming").count() == 0


def test_a_failed_reply_says_so_and_retry_gets_it(
    page: Any, llm_server: LiveServer, upstream: FakeOpenAIServer
) -> None:
    open_session(page, llm_server)
    upstream.push(*[Status(503, "upstream overloaded")] * 3)
    page.fill("#message", QUESTION)
    page.press("#message", "Enter")

    failure = page.locator(".reply-failed")
    failure.wait_for(timeout=20_000)
    text = failure.inner_text()
    assert "Dana’s reply didn’t come through." in text
    assert "Your message is saved" in text
    assert page.locator(".turn-coach", has_text=QUESTION).count() == 1
    retry = failure.get_by_role("button", name="Retry")
    assert retry.is_visible()
    screenshot(page, "reply-failed-laptop", full_page=False)

    retry.click()
    page.locator(".turn-rep", has_text="on its own").wait_for()
    assert page.locator(".reply-failed").count() == 0
    assert page.locator(".turn-coach").count() == 1  # the same saved coach turn, not a new one

    # A reload shows exactly what was saved: opening, the coach turn, the retried reply.
    page.reload()
    speakers = page.locator(".log .turn").evaluate_all(
        "els => els.map(e => e.classList.contains('turn-coach') ? 'coach' : 'rep')"
    )
    assert speakers == ["rep", "coach", "rep"]


def test_after_a_failure_a_reload_still_offers_the_retry(
    page: Any, llm_server: LiveServer, upstream: FakeOpenAIServer
) -> None:
    open_session(page, llm_server)
    upstream.push(*[Status(500)] * 3)
    page.fill("#message", QUESTION)
    page.press("#message", "Enter")
    page.locator(".reply-failed").wait_for(timeout=20_000)
    page.reload()
    failure = page.locator(".reply-failed")
    assert "reply never arrived" in failure.inner_text()
    page.fill("#message", "Are you there?")
    page.press("#message", "Enter")
    page.locator("#composer-notice", has_text="retry the reply first").wait_for()
    failure.get_by_role("button", name="Retry").click()
    page.locator(".turn-rep", has_text="on its own").wait_for()
    assert page.locator(".turn-coach").count() == 1
