"""Guardrails in the engine: retry with a correction, then the scripted line; never unsay."""

from __future__ import annotations

import httpx
import pytest
import respx

from app.domain import Act
from app.engines.base import ReplyMeta, ReplyRequest
from app.engines.scripted import scripted_line
from tests.integration.engines.conftest import MakeEngine
from tests.support.rep_fixtures import decision, rep_request, sse_response, system_prompt

ROUTE = "/chat/completions"
LEAK = "Yeah. Priya left, she's at a retailer now."


async def collect(engine: MakeEngine, request: ReplyRequest, meta: ReplyMeta) -> list[str]:
    return [p async for p in engine().reply(request, meta)]


async def test_a_broken_first_try_is_retried_with_a_correction_and_never_shown(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(
        side_effect=[
            sse_response("*sighs* Honestly? ", "It's fine."),
            sse_response("Honestly? ", "It's fine."),
        ]
    )
    meta = ReplyMeta()

    pieces = await collect(make_engine, rep_request(), meta)

    assert pieces == ["Honestly? ", "It's fine."]
    assert (meta.retries, meta.fell_back) == (1, False)
    assert meta.notes == ["guardrail: adds a stage direction: '*sighs*'"]
    first, second = (call.request for call in route.calls)
    assert "rejected" not in system_prompt(first)
    assert (
        "Your previous draft of this reply was rejected (adds a stage direction)"
        in system_prompt(second)
    )


async def test_two_broken_tries_fall_back_to_the_scripted_line_for_the_same_decision(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(
        side_effect=[
            sse_response("As an AI, I don't have deals."),
            sse_response("Great question! Next time, try asking me what changed."),
        ]
    )
    request = rep_request(decision(variant=2), manager_name="Sam")
    meta = ReplyMeta()

    pieces = await collect(make_engine, request, meta)

    assert "".join(pieces) == scripted_line(request.scenario, request.decision, "Sam")
    assert meta.fell_back is True
    assert meta.notes == [
        "guardrail: speaks as an AI: 'As an AI'",
        "guardrail: coaches the manager: 'Great question'",
        "fell back to the scripted line for respond",
    ]
    assert route.call_count == 2


async def test_a_failed_corrective_retry_still_falls_back_instead_of_erroring(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(
        side_effect=[sse_response("- Call Priya\n- Email Greg"), *[httpx.Response(503)] * 3]
    )
    request = rep_request()
    meta = ReplyMeta()

    pieces = await collect(make_engine, request, meta)

    assert "".join(pieces) == scripted_line(request.scenario, request.decision)
    assert meta.fell_back is True
    assert any(note.startswith("corrective retry failed: ") for note in meta.notes)


async def test_an_unreleased_hidden_fact_in_the_first_sentence_is_never_shown(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(
        side_effect=[
            sse_response("Priya left three weeks ago, she's at a retailer. "),
            sse_response("It's just slow, honestly."),
        ]
    )
    meta = ReplyMeta()

    pieces = await collect(make_engine, rep_request(), meta)

    assert pieces == ["It's just slow, honestly."]
    assert meta.notes[0].startswith("guardrail: reveals a hidden fact: 'champion-left: ")


async def test_a_leak_after_clean_sentences_ends_the_reply_before_it(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(return_value=sse_response(LEAK, " Anyway."))
    meta = ReplyMeta()

    pieces = await collect(make_engine, rep_request(), meta)

    # What was shown stays; the sentence with the secret and everything after is dropped.
    assert pieces == ["Yeah. "]
    assert meta.fell_back is False
    assert meta.notes == [
        "guardrail: ended the reply at the last clean sentence "
        "(reveals a hidden fact: 'champion-left: left, retailer')"
    ]
    assert route.call_count == 1


async def test_the_fact_the_director_releases_this_turn_may_be_said(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(return_value=sse_response(LEAK))
    released = decision("disclose", Act.OPEN_QUESTION, fact_id="champion-left", disclosure="full")
    meta = ReplyMeta()

    pieces = await collect(make_engine, rep_request(released), meta)

    assert "".join(pieces) == LEAK
    assert meta.notes == []


async def test_a_fact_disclosed_earlier_may_be_spoken_of_again(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(return_value=sse_response(LEAK))

    pieces = await collect(make_engine, rep_request(disclosed=["champion-left"]), ReplyMeta())

    assert "".join(pieces) == LEAK


@pytest.mark.parametrize("counted_already", [False, True])
async def test_a_hint_allows_the_hint_but_not_the_whole_secret(
    router: respx.MockRouter, make_engine: MakeEngine, counted_already: bool
) -> None:
    # The director records a hint as disclosed before the reply is voiced, so the caller
    # may already list the fact; a hint this turn must still stay a hint.
    router.post(ROUTE).mock(
        return_value=sse_response(
            "Priya's been hard to get hold of lately. ", "She left for a retailer, actually."
        )
    )
    hint = decision("disclose", fact_id="champion-left", disclosure="partial", openness=0.45)
    meta = ReplyMeta()

    disclosed = ["champion-left"] if counted_already else []

    pieces = await collect(make_engine, rep_request(hint, disclosed=disclosed), meta)

    assert pieces == ["Priya's been hard to get hold of lately. "]
    assert "champion-left" in meta.notes[0]


async def test_lines_written_for_the_manager_are_cut(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(
        return_value=sse_response("Sure, I can try that.\n", "Manager: Great, what's next?")
    )
    meta = ReplyMeta()

    pieces = await collect(make_engine, rep_request(), meta)

    assert pieces == ["Sure, I can try that.\n"]
    assert "speaks for someone else" in meta.notes[0]


async def test_an_empty_reply_is_retried(router: respx.MockRouter, make_engine: MakeEngine) -> None:
    router.post(ROUTE).mock(side_effect=[sse_response("  "), sse_response("Yeah, fair.")])
    meta = ReplyMeta()

    assert await collect(make_engine, rep_request(), meta) == ["Yeah, fair."]
    assert meta.notes == ["guardrail: says nothing: ''"]


async def test_a_content_filter_stop_falls_back_like_any_refusal(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(return_value=sse_response("I", finish="content_filter"))
    request = rep_request()
    meta = ReplyMeta()

    pieces = await collect(make_engine, request, meta)

    assert "".join(pieces) == scripted_line(request.scenario, request.decision)
    assert meta.fell_back is True
