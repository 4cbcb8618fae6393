"""Shared test setup. The network guard: tests may only connect to this machine."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class NetworkBlockedError(RuntimeError):
    """A test tried to reach a host other than 127.0.0.1 / localhost."""


def is_loopback(host: object) -> bool:
    """Whether a host name or address stays on this machine."""
    if not isinstance(host, str | bytes):
        return False
    name = (host.decode() if isinstance(host, bytes) else host).strip("[]").lower()
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(what: str, host: object) -> NetworkBlockedError:
    return NetworkBlockedError(
        f"network guard: a test tried to {what} {host!r}; tests may only reach 127.0.0.1 "
        "(mock HTTP with respx, or start a server on 127.0.0.1)"
    )


@pytest.fixture(scope="session", autouse=True)
def network_guard() -> Iterator[None]:
    """Refuse DNS look-ups and connections to anything but loopback, for every test."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_loopback(address[0]):
            raise _refuse("connect to", address[0])

    def connect(self: socket.socket, address: Any) -> None:
        check(self, address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not is_loopback(host):
            raise _refuse("look up", host)
        return real_getaddrinfo(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        yield


BROWSER_DIR = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the browser tests last.

    Playwright's sync API keeps an event loop running on the main thread while the
    session-wide browser is open; async tests that ran after it would find a loop already
    running. Ordering the browser tests last keeps the two apart.
    """
    items.sort(key=lambda item: BROWSER_DIR in Path(str(item.path)).parents)
