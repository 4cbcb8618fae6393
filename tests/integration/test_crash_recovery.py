"""Nothing acknowledged is lost when the server is killed mid-session (SIGKILL).

The real server runs as a subprocess on a temporary SQLite database. A client keeps
taking turns in one session while the server is killed; after a restart every turn the
server had answered is there, in order, and the session carries on.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.server import running_server

pytestmark = pytest.mark.slow

SCENARIO = "stalled-procurement-champion-left"
LINES = (
    "What's going on with the deal?",
    "So since the champion left, nobody owns it over there.",
    "You should call their CFO.",
    "Who else cares about this project?",
    "What would you like to do next, and by when?",
)


class TurnTaker(threading.Thread):
    """Takes turns in one session until the server stops answering."""

    def __init__(self, client: httpx.Client, session_id: str) -> None:
        super().__init__(daemon=True)
        self.client = client
        self.session_id = session_id
        self.acknowledged: list[tuple[int, str, str]] = []
        self.attempted: list[str] = []

    def run(self) -> None:
        n = 0
        while True:
            text = f"{LINES[n % len(LINES)]} ({n})"
            n += 1
            self.attempted.append(text)
            try:
                response = self.client.post(
                    f"/api/v1/sessions/{self.session_id}/turns", json={"text": text}
                )
            except httpx.TransportError:
                return
            if response.status_code != 201:
                return
            pair: dict[str, Any] = response.json()
            for turn in (pair["coach"], pair["rep"]):
                self.acknowledged.append((turn["index"], turn["speaker"], turn["text"]))


def test_every_acknowledged_turn_survives_a_sigkill_and_the_session_continues(
    tmp_path: Path,
) -> None:
    database_url = f"sqlite:///{tmp_path / 'coachsim.db'}"
    log = tmp_path / "server.log"

    with running_server(database_url, log) as server:
        client = httpx.Client(base_url=server.base_url, timeout=10.0)
        started = client.post("/api/v1/sessions", json={"scenario_id": SCENARIO})
        assert started.status_code == 201
        session = started.json()
        opening = session["turns"][0]
        taker = TurnTaker(client, session["id"])
        taker.start()
        while len(taker.acknowledged) < 20 and taker.is_alive():
            time.sleep(0.01)
        server.kill()  # mid-session, with a turn most likely in flight
        taker.join(timeout=10)
        cookies = dict(client.cookies)
        client.close()

    acknowledged = [(opening["index"], "rep", opening["text"]), *taker.acknowledged]
    assert len(acknowledged) >= 21

    with (
        running_server(database_url, log) as server,
        httpx.Client(base_url=server.base_url, cookies=cookies, timeout=10.0) as client,
    ):
        view = client.get(f"/api/v1/sessions/{session['id']}").json()
        saved = [(t["index"], t["speaker"], t["text"]) for t in view["turns"]]
        assert saved[: len(acknowledged)] == acknowledged
        # Past the acknowledged turns there can only be the one in flight at the kill:
        # its coach turn alone (waiting for a reply) or with its reply.
        in_flight = saved[len(acknowledged) :]
        assert len(in_flight) <= 2
        if in_flight:
            assert in_flight[0][1:] == ("coach", taker.attempted[-1])
        assert view["reply_pending"] == (len(in_flight) == 1)

        if view["reply_pending"]:
            retried = client.post(f"/api/v1/sessions/{session['id']}/retry")
            assert retried.status_code == 201
            assert retried.json()["coach"]["index"] == in_flight[0][0]

        next_turn = client.post(
            f"/api/v1/sessions/{session['id']}/turns", json={"text": "What will you do first?"}
        )
        assert next_turn.status_code == 201
        after = client.get(f"/api/v1/sessions/{session['id']}").json()["turns"]
        assert [t["index"] for t in after] == list(range(1, len(after) + 1))
        assert after[-2]["text"] == "What will you do first?"
        finished = client.post(f"/api/v1/sessions/{session['id']}/finish")
        assert finished.status_code == 200
        assert finished.json()["scenario_id"] == SCENARIO
