"""Web app under load: the real server (`coachsim serve`, one worker) over loopback.

`run()` starts the server on a temporary SQLite database and a free port, then drives it
from a separate client process (so the client does not share the server's interpreter):
one client alone, then 50 concurrent sessions for a fixed time, then the same 50-way
load against GET /healthz. Afterwards it counts the turns in the database and compares
them with the turns the server acknowledged.

Run alone: `python -m bench web_bench`. The client half is `python -m bench.web_bench client`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SINGLE_SECONDS = 6.0
LOAD_SECONDS = 15.0
WARMUP_SECONDS = 2.0
CONCURRENCY = 50
TURNS_PER_SESSION = 20
# The load comes from two client processes: one Python process spends about as much CPU
# per request as the server does, and would otherwise be what the benchmark measures.
CLIENT_PROCESSES = 2

# A mix of asking and telling, so the director and tagger take their different paths.
COACH_LINES = (
    "What's going on with this one?",
    "So the deal has stalled since the demo.",
    "What have you tried so far?",
    "You need to get in front of the CFO.",
    "What would happen if you asked them directly?",
    "That sounds frustrating after all the work you put in.",
    "Who else is involved in the decision?",
    "Have you thought about sending a mutual plan?",
    "What do you think is really holding it up?",
    "I'll call their VP myself.",
    "What would you do differently next time?",
    "What's your next step, and by when?",
)

TARGETS = {
    "single_p50_ms": 10.0,
    "load_turns_per_s": 400.0,
    "load_p99_ms": 250.0,
    "ratio_to_healthz": 0.25,
}


# --- the client process -------------------------------------------------------------------


def _percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


class _Connection:
    """One keep-alive HTTP/1.1 connection, driven through httpcore, httpx's async core.

    The full httpx client (request and response models, cookie jar, URL joining) costs
    about as much CPU per request as the server spends on a whole turn; on a 2-core
    machine shared with the server, that would measure the client. httpcore is the layer
    httpx sends requests with; the identity cookie is kept by hand.
    """

    def __init__(self, base: str) -> None:
        import httpcore

        self.base = base
        self.host = base.split("://", 1)[1].encode()
        self.cookie: bytes | None = None
        self.pool = httpcore.AsyncConnectionPool(max_connections=1, max_keepalive_connections=1)

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        """Send one request; the status and the whole response body."""
        headers = [(b"host", self.host)]
        content = b""
        if body is not None:
            content = json.dumps(body).encode()
            headers.append((b"content-type", b"application/json"))
            headers.append((b"content-length", str(len(content)).encode()))
        if self.cookie:
            headers.append((b"cookie", self.cookie))
        response = await self.pool.request(
            method.encode(), self.base + path, headers=headers, content=content
        )
        for name, value in response.headers:
            if name.lower() == b"set-cookie":
                self.cookie = value.split(b";", 1)[0]
        return response.status, response.content

    async def close(self) -> None:
        """Close the connection."""
        await self.pool.aclose()


async def _turn_worker(
    base: str, scenarios: list[str], worker: int, stop_at: float, warm_until: float
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    acknowledged = 0  # turns the server said it saved: openings + 2 per answered turn
    connection = _Connection(base)
    line = worker
    try:
        while time.perf_counter() < stop_at:
            scenario = scenarios[worker % len(scenarios)]
            status, data = await connection.request(
                "POST", "/api/v1/sessions", {"scenario_id": scenario, "mode": "drill"}
            )
            if status != 201:
                errors += 1
                continue
            acknowledged += 1
            turns_path = f"/api/v1/sessions/{json.loads(data)['id']}/turns"
            for _ in range(TURNS_PER_SESSION):
                if time.perf_counter() >= stop_at:
                    break
                text = COACH_LINES[line % len(COACH_LINES)]
                line += 1
                started = time.perf_counter()
                status, _ = await connection.request("POST", turns_path, {"text": text})
                elapsed = time.perf_counter() - started
                sent += 1
                if status == 201:
                    acknowledged += 2
                    if started >= warm_until:
                        latencies.append(elapsed)
                elif started >= warm_until:
                    errors += 1
    finally:
        await connection.close()
    return {"latencies": latencies, "errors": errors, "acknowledged": acknowledged, "sent": sent}


async def _health_worker(base: str, stop_at: float, warm_until: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    connection = _Connection(base)
    try:
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            status, _ = await connection.request("GET", "/healthz")
            elapsed = time.perf_counter() - started
            sent += 1
            if started < warm_until:
                continue
            if status == 200:
                latencies.append(elapsed)
            else:
                errors += 1
    finally:
        await connection.close()
    return {"latencies": latencies, "errors": errors, "acknowledged": 0, "sent": sent}


async def _drive(base: str, kind: str, clients: int, seconds: float, first: int) -> dict[str, Any]:
    connection = _Connection(base)
    try:
        _, data = await connection.request("GET", "/api/v1/scenarios")
    finally:
        await connection.close()
    scenarios = [s["id"] for s in json.loads(data)]
    begin = time.perf_counter()
    warm_until = begin + WARMUP_SECONDS
    stop_at = warm_until + seconds
    if kind == "turns":
        jobs = [
            _turn_worker(base, scenarios, first + i, stop_at, warm_until) for i in range(clients)
        ]
    else:
        jobs = [_health_worker(base, stop_at, warm_until) for _ in range(clients)]
    results = await asyncio.gather(*jobs)
    measured = max(time.perf_counter(), stop_at) - warm_until
    return {
        "seconds": measured,
        "latencies": [x for r in results for x in r["latencies"]],
        "errors": sum(r["errors"] for r in results),
        "acknowledged": sum(r["acknowledged"] for r in results),
        "sent": sum(r["sent"] for r in results),
    }


def client_main(argv: list[str]) -> None:
    """Entry point of the client process: prints one JSON result line."""
    parser = argparse.ArgumentParser(prog="bench.web_bench client")
    parser.add_argument("--base", required=True)
    parser.add_argument("--kind", choices=["turns", "healthz"], required=True)
    parser.add_argument("--clients", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--first", type=int, default=0, help="Index of the first client.")
    args = parser.parse_args(argv)
    result = asyncio.run(_drive(args.base, args.kind, args.clients, args.seconds, args.first))
    print(json.dumps(result))


# --- the orchestrating process --------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(database_url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`coachsim serve` on 127.0.0.1:port with the scripted engine; waits until it answers."""
    env = {
        **os.environ,
        "COACHSIM_DATABASE_URL": database_url,
        "COACHSIM_ENGINE": "scripted",
        "COACHSIM_HOST": "127.0.0.1",
        "COACHSIM_PORT": str(port),
    }
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start listening within 30 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server we started, by its PID."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def _server_cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) the server process has used so far, where /proc has it."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _main_thread_schedule(pid: int) -> tuple[float, float] | None:
    """Seconds the server's main thread has spent running and waiting for a CPU so far."""
    try:
        run, wait, _ = Path(f"/proc/{pid}/schedstat").read_text().split()
    except (OSError, ValueError):
        return None
    return int(run) / 1e9, int(wait) / 1e9


def _load(base: str, kind: str, clients: int, seconds: float, server_pid: int) -> dict[str, Any]:
    """Run `clients` simulated users from client processes; merged figures."""
    processes = min(CLIENT_PROCESSES, clients)
    shares = [clients // processes + (i < clients % processes) for i in range(processes)]
    firsts = [sum(shares[:i]) for i in range(processes)]
    cpu_before = _server_cpu_seconds(server_pid)
    schedule_before = _main_thread_schedule(server_pid)
    wall_before = time.perf_counter()
    running = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.web_bench",
                "client",
                *("--base", base, "--kind", kind),
                *("--clients", str(share), "--seconds", str(seconds), "--first", str(first)),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for share, first in zip(shares, firsts, strict=True)
    ]
    parts = []
    for process in running:
        out, _ = process.communicate(timeout=seconds + 120)
        if process.returncode != 0:
            raise RuntimeError(f"a load client failed with status {process.returncode}")
        parts.append(json.loads(out.strip().splitlines()[-1]))
    cpu_after = _server_cpu_seconds(server_pid)
    schedule_after = _main_thread_schedule(server_pid)
    wall = time.perf_counter() - wall_before
    running = waiting = float("nan")
    if schedule_before is not None and schedule_after is not None:
        running = (schedule_after[0] - schedule_before[0]) / wall
        waiting = (schedule_after[1] - schedule_before[1]) / wall
    latencies = sorted(x for p in parts for x in p["latencies"])
    sent = sum(p["sent"] for p in parts)
    cpu_ms = (
        (cpu_after - cpu_before) * 1000 / sent
        if cpu_before is not None and cpu_after is not None and sent
        else float("nan")
    )
    return {
        "kind": kind,
        "clients": clients,
        "requests": len(latencies),
        "per_second": sum(len(p["latencies"]) / p["seconds"] for p in parts),
        "p50_ms": _percentile(latencies, 50) * 1000,
        "p95_ms": _percentile(latencies, 95) * 1000,
        "p99_ms": _percentile(latencies, 99) * 1000,
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
        "errors": sum(p["errors"] for p in parts),
        "acknowledged": sum(p["acknowledged"] for p in parts),
        "server_cpu_ms": cpu_ms,
        "main_running": running,
        "main_waiting": waiting,
        "server_cores": (
            (cpu_after - cpu_before) / wall
            if cpu_before is not None and cpu_after is not None
            else float("nan")
        ),
    }


def _count_turns(database_url: str) -> int:
    sys.path.insert(0, str(ROOT))
    from app.storage import Database
    from app.storage.repository import count_turns

    db = Database(database_url)
    try:
        return db.call(count_turns)
    finally:
        db.close()


def _mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def run() -> str:
    """Run the web benchmark and return its Markdown section."""
    with tempfile.TemporaryDirectory(prefix="coachsim-bench-") as tmp:
        database_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(database_url, port, Path(tmp) / "server.log")
        load_before = os.getloadavg()[0]
        try:
            single = _load(base, "turns", 1, SINGLE_SECONDS, server.pid)
            load = _load(base, "turns", CONCURRENCY, LOAD_SECONDS, server.pid)
            health = _load(base, "healthz", CONCURRENCY, LOAD_SECONDS, server.pid)
        finally:
            stop_server(server)
        saved = _count_turns(database_url)
    acknowledged = single["acknowledged"] + load["acknowledged"]
    lost = max(0, acknowledged - saved)
    ratio = load["per_second"] / health["per_second"] if health["per_second"] else 0.0
    return _report(single, load, health, ratio, acknowledged, saved, lost, load_before)


def _row(label: str, r: dict[str, Any]) -> str:
    return (
        f"| {label} | {r['clients']} | {r['requests']} | {r['per_second']:.0f} | "
        f"{r['p50_ms']:.2f} | {r['p95_ms']:.2f} | {r['p99_ms']:.2f} | {r['errors']} | "
        f"{r['server_cpu_ms']:.2f} |"
    )


def _report(
    single: dict[str, Any],
    load: dict[str, Any],
    health: dict[str, Any],
    ratio: float,
    acknowledged: int,
    saved: int,
    lost: int,
    load_before: float,
) -> str:
    checks = [
        (
            f"single-client turn p50 < {TARGETS['single_p50_ms']:.0f} ms",
            f"{single['p50_ms']:.2f} ms",
            single["p50_ms"] < TARGETS["single_p50_ms"],
        ),
        (
            f"{CONCURRENCY} sessions: ≥ {TARGETS['load_turns_per_s']:.0f} turns/s",
            f"{load['per_second']:.0f} turns/s",
            load["per_second"] >= TARGETS["load_turns_per_s"],
        ),
        (
            f"{CONCURRENCY} sessions: p99 < {TARGETS['load_p99_ms']:.0f} ms",
            f"{load['p99_ms']:.1f} ms",
            load["p99_ms"] < TARGETS["load_p99_ms"],
        ),
        (
            "turn throughput ≥ 1/4 of /healthz throughput",
            f"{ratio:.2f}",
            ratio >= TARGETS["ratio_to_healthz"],
        ),
        (
            "zero errors",
            f"{single['errors'] + load['errors']}",
            not single["errors"] + load["errors"],
        ),
        ("zero lost turns", f"{lost} lost ({saved} saved, {acknowledged} acknowledged)", lost == 0),
    ]
    lines = [
        "## Web app under load",
        "",
        "`coachsim serve` (one uvicorn worker with uvloop and httptools, scripted engine, "
        "SQLite in WAL mode) over loopback. The load comes from "
        f"{CLIENT_PROCESSES} separate client processes driving httpcore (the async HTTP core "
        "of httpx), one keep-alive connection per simulated manager. A turn is "
        "`POST /api/v1/sessions/{id}/turns`: commit the coach turn, tag it, direct the rep, "
        "voice the reply, commit the rep turn, answer with both. Each simulated manager "
        f"starts a new session every {TURNS_PER_SESSION} turns; the first "
        f"{WARMUP_SECONDS:.0f} s of each run are not measured. *Server CPU ms per request* is "
        "the server process's CPU time over the run divided by the requests it answered: "
        "what a request costs whatever else the machine is doing. The machine is shared: "
        f"its 1-minute load average was {load_before:.1f} when the run started.",
        "",
        "| run | clients | requests | per second | p50 ms | p95 ms | p99 ms | errors "
        "| server CPU ms per request |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        _row(f"turns, one client ({SINGLE_SECONDS:.0f} s)", single),
        _row(f"turns, {CONCURRENCY} sessions ({LOAD_SECONDS:.0f} s)", load),
        _row(f"GET /healthz, {CONCURRENCY} clients ({LOAD_SECONDS:.0f} s)", health),
        "",
        f"During the {CONCURRENCY}-session run the server used {load['server_cores']:.2f} "
        f"of a core; its event-loop thread was running {load['main_running']:.0%} of the "
        f"time and ready but waiting for a CPU {load['main_waiting']:.0%} of it. At "
        f"{load['server_cpu_ms']:.2f} ms of CPU per turn, one core to itself would serve "
        f"about {1000 / load['server_cpu_ms']:.0f} turns per second.",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *(f"| {name} | {value} | {_mark(ok)} |" for name, value, ok in checks),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["client"]:
        client_main(sys.argv[2:])
    else:
        print(run())
