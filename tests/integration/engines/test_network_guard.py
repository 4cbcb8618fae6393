"""The test suite's network guard: anything but loopback is refused before a packet leaves."""

from __future__ import annotations

import re
import socket

import httpx
import pytest


def chain(error: BaseException | None) -> str:
    """Every message down an exception's cause chain."""
    messages = []
    while error is not None:
        messages.append(str(error))
        error = error.__cause__ or error.__context__
    return " | ".join(messages)


def test_a_connection_to_a_public_address_is_refused() -> None:
    # 192.0.2.1 is reserved for documentation: even unguarded it would go nowhere.
    expected = re.escape("network guard: a test tried to connect to '192.0.2.1'")
    with socket.socket() as sock:
        sock.settimeout(1)
        with pytest.raises(RuntimeError, match=expected):
            sock.connect(("192.0.2.1", 80))


def test_a_dns_lookup_of_a_public_name_is_refused() -> None:
    expected = re.escape("network guard: a test tried to look up 'api.openai.com'")
    with pytest.raises(RuntimeError, match=expected):
        socket.getaddrinfo("api.openai.com", 443)


async def test_an_http_client_cannot_reach_the_internet() -> None:
    async with httpx.AsyncClient() as client:
        with pytest.raises(Exception) as raised:  # whatever the HTTP stack wraps it in
            await client.get("https://api.openai.com/v1/models")

    assert "network guard" in chain(raised.value)


def test_loopback_stays_open() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname(), timeout=1):
            pass
    assert socket.getaddrinfo("localhost", 80)
