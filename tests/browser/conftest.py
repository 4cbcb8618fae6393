"""Browser tests: the real server in a subprocess, driven by Playwright through Debian's chromium.

Playwright cannot download its own browser here, so the tests use /usr/bin/chromium and
skip, saying why, when it is not installed (`make browser-deps` installs it). Screenshots
of every page go to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def chromium_path() -> str | None:
    """Debian's chromium, if installed."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test here as a browser test, and skip them all when chromium is missing."""
    here = Path(__file__).parent
    missing = chromium_path() is None
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(
                    pytest.mark.skip(
                        reason="chromium is not installed (/usr/bin/chromium): run "
                        "`make browser-deps` or `apt-get install chromium`"
                    )
                )


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    """`coachsim serve` running in a subprocess on 127.0.0.1."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        """Stop the server by its PID."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_server(tmp: Path, **env: str) -> LiveServer:
    """Start the app on a free port with a fresh SQLite file; wait until /healthz answers."""
    port = free_port()
    log = tmp / "server.log"
    environment = {
        **os.environ,
        "COACHSIM_DATABASE_URL": f"sqlite:///{tmp / 'coachsim.db'}",
        "COACHSIM_ENGINE": "scripted",
        "COACHSIM_ENV": "test",
        **env,
    }
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"the server did not answer /healthz within 30 s:\n{log.read_text()}")


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Start servers with extra environment; every one is stopped after the test."""
    started: list[LiveServer] = []

    def start(**env: str) -> LiveServer:
        home = tmp_path / f"server{len(started)}"
        home.mkdir()
        server = start_server(home, **env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def live_server(server_factory: Callable[..., LiveServer]) -> LiveServer:
    """The app on the scripted engine."""
    return server_factory()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless chromium for the run (each test gets its own context)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    assert path is not None  # collection skips these tests otherwise
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh laptop-sized page with no cookies."""
    context = browser.new_context(viewport=LAPTOP)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot of the page as a test artifact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
