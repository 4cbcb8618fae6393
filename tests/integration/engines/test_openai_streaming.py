"""The OpenAI engine over respx: what it sends, and how a streamed reply comes back."""

from __future__ import annotations

import json

import httpx
import respx

from app.domain import Act
from app.engines.base import ReplyMeta
from tests.integration.engines.conftest import MakeEngine
from tests.support.rep_fixtures import (
    chunk,
    decision,
    rep_request,
    sent_body,
    sse_response,
    system_prompt,
)

ROUTE = "/chat/completions"


async def test_the_reply_streams_a_checked_sentence_at_a_time(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(
        return_value=sse_response(
            "Honestly", ", it's the", " usual. Pilot went", " great, you know?"
        )
    )
    meta = ReplyMeta()

    pieces = [p async for p in make_engine().reply(rep_request(), meta)]

    assert pieces == ["Honestly, it's the usual. ", "Pilot went great, you know?"]
    assert meta == ReplyMeta()


async def test_the_request_streams_the_configured_model_and_settings(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(return_value=sse_response("Sure."))
    engine = make_engine(temperature=0.3, max_tokens=120)

    [_ async for _ in engine.reply(rep_request())]

    body = sent_body(route.calls.last.request)
    assert body["model"] == "test-model"
    assert body["stream"] is True
    assert (body["temperature"], body["max_tokens"]) == (0.3, 120)
    assert route.calls.last.request.headers["authorization"] == "Bearer sk-test"


async def test_the_conversation_goes_as_coach_user_and_rep_assistant_after_the_system_prompt(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(return_value=sse_response("Mm, fair."))
    request = rep_request(coach=("Hey, how's it going?", "What's changed since the pilot?"))

    [_ async for _ in make_engine().reply(request)]

    messages = sent_body(route.calls.last.request)["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert messages[1]["content"] == "Hey, how's it going?"
    assert messages[3]["content"] == "What's changed since the pilot?"
    # The rep's opening line is context in the system prompt, so local chat templates
    # that insist on user-first alternation accept the conversation.
    assert (
        "You opened this chat by saying: Hey, thanks for grabbing time." in messages[0]["content"]
    )


async def test_chunks_without_choices_or_text_are_skipped(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    # Azure sends a first chunk with no choices (content-filter results); some servers
    # send a trailing usage chunk; role-only deltas carry no text.
    events = [
        {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m", "choices": []},
        chunk(None),
        chunk("Yeah, "),
        chunk("fair enough."),
        chunk(finish="stop"),
        {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m", "choices": []},
    ]
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    router.post(ROUTE).mock(
        return_value=httpx.Response(
            200, content=body.encode(), headers={"content-type": "text/event-stream"}
        )
    )

    assert [p async for p in make_engine().reply(rep_request())] == ["Yeah, fair enough."]


async def test_a_reply_cut_short_by_max_tokens_ends_at_its_last_full_sentence(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(
        return_value=sse_response("It's fine. ", "Honestly it's just the", finish="length")
    )
    meta = ReplyMeta()

    pieces = [p async for p in make_engine().reply(rep_request(), meta)]

    assert pieces == ["It's fine. "]
    assert meta.notes == ["dropped an unfinished last sentence (max tokens reached)"]


async def test_an_unpunctuated_reply_is_shown_whole_when_the_stream_ends(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    router.post(ROUTE).mock(return_value=sse_response("yeah ", "fair enough"))

    assert [p async for p in make_engine().reply(rep_request())] == ["yeah fair enough"]


async def test_a_handoff_decision_is_sent_as_this_turns_instruction(
    router: respx.MockRouter, make_engine: MakeEngine
) -> None:
    route = router.post(ROUTE).mock(return_value=sse_response("That'd be huge, honestly."))
    request = rep_request(decision("handoff", Act.TAKEOVER), coach=("I'll call Tom myself.",))

    [_ async for _ in make_engine().reply(request)]

    prompt = system_prompt(route.calls.last.request)
    assert "offered to do the work for you. Accept eagerly" in prompt
