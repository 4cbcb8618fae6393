"""Building the OpenAI engine from settings: keys, base URLs, and what happens without them."""

from __future__ import annotations

import pytest
import respx

from app.config import Settings
from app.engines import get_engine
from app.engines.faults import EngineConfigError
from app.engines.openai_compat import OpenAIEngine, build_openai_engine
from tests.support.rep_fixtures import rep_request, sse_response

LLM_VARIABLES = (
    "COACHSIM_ENGINE",
    "COACHSIM_OPENAI_API_KEY",
    "COACHSIM_OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "COACHSIM_MODEL",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in LLM_VARIABLES:
        monkeypatch.delenv(name, raising=False)


async def first_request_headers(engine: OpenAIEngine, route: respx.Route) -> dict[str, str]:
    try:
        [_ async for _ in engine.reply(rep_request())]
    finally:
        await engine.aclose()
    return dict(route.calls.last.request.headers)


def test_no_key_and_no_base_url_names_the_variable_and_the_offline_engine() -> None:
    with pytest.raises(EngineConfigError) as raised:
        build_openai_engine(Settings(_env_file=None))

    message = str(raised.value)
    assert "COACHSIM_OPENAI_API_KEY" in message
    assert "COACHSIM_ENGINE=scripted" in message


def test_choosing_the_openai_engine_without_a_key_fails_the_same_way() -> None:
    with pytest.raises(EngineConfigError, match="COACHSIM_OPENAI_API_KEY"):
        get_engine(Settings(_env_file=None, engine="openai"))


async def test_openai_api_key_is_the_fallback_and_the_client_goes_through_httpx(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-openai-variable")
    engine = get_engine(Settings(_env_file=None))
    assert isinstance(engine, OpenAIEngine)

    # respx only sees httpx traffic: this proves the factory's client uses httpx.
    with respx.mock(base_url="https://api.openai.com/v1") as router:
        route = router.post("/chat/completions").mock(return_value=sse_response("Okay."))
        headers = await first_request_headers(engine, route)

    assert headers["authorization"] == "Bearer sk-from-openai-variable"


async def test_the_coachsim_variables_win_over_the_openai_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-generic")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://generic.test/v1")
    monkeypatch.setenv("COACHSIM_OPENAI_API_KEY", "sk-coachsim")
    monkeypatch.setenv("COACHSIM_OPENAI_BASE_URL", "http://coachsim.test/v1")
    engine = build_openai_engine(Settings(_env_file=None))

    with respx.mock(base_url="http://coachsim.test/v1") as router:
        route = router.post("/chat/completions").mock(return_value=sse_response("Okay."))
        headers = await first_request_headers(engine, route)

    assert headers["authorization"] == "Bearer sk-coachsim"
    assert engine.where == "http://coachsim.test/v1"


async def test_a_local_server_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    engine = build_openai_engine(Settings(_env_file=None))

    with respx.mock(base_url="http://localhost:11434/v1") as router:
        route = router.post("/chat/completions").mock(return_value=sse_response("Okay."))
        await first_request_headers(engine, route)

    assert route.call_count == 1


def test_the_engine_takes_its_model_and_limits_from_settings() -> None:
    settings = Settings(
        _env_file=None,
        openai_api_key="sk-x",
        model="llama3.1:8b",
        temperature=0.2,
        max_tokens=200,
        timeout_seconds=12,
    )

    engine = build_openai_engine(settings)

    assert (engine.model, engine.temperature, engine.max_tokens) == ("llama3.1:8b", 0.2, 200)
    assert engine.timeout == 12
    assert engine.policy.budget_seconds == 24
