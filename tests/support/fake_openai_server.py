"""A small OpenAI-compatible chat-completions server on 127.0.0.1, for tests and demos.

Each POST /v1/chat/completions plays the next behaviour of a script (then the default):
a streamed `Reply` (with optional delays), an HTTP error `Status` (429 with Retry-After,
500...), a `CutStream` that drops the connection mid-reply, a `Malformed` chunk, or a
`Hang` that never answers. Requests are recorded for assertions. GET /v1/models lists
the one model. In a test:

    with FakeOpenAIServer([Reply("Honestly? It's fine.")]) as server:
        settings = Settings(openai_base_url=server.base_url, ...)

From a shell (for `coachsim play --engine openai` by hand, or a subprocess test):

    python -m tests.support.fake_openai_server --reply "Okay." --reply "Sure." --delay 0.05
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import FrameType, TracebackType
from typing import Any

MODEL = "fake-rep"
_WORD = re.compile(r"\s*\S+")


@dataclass(frozen=True)
class Reply:
    """A streamed (or, if not asked to stream, whole) chat completion."""

    text: str
    words_per_chunk: int = 1
    delay: float = 0.0
    first_delay: float = 0.0
    finish_reason: str = "stop"
    pause_after: int | None = None  # chunks to send, then wait for `server.resume()`


@dataclass(frozen=True)
class Status:
    """An HTTP error with an OpenAI-style JSON body."""

    status: int
    message: str = "fake server error"
    headers: dict[str, str] = field(default_factory=dict)
    code: str | None = None


@dataclass(frozen=True)
class CutStream:
    """Stream `text`, then drop the connection without finishing the response."""

    text: str


@dataclass(frozen=True)
class Malformed:
    """Stream `text`, then a data line that is not valid JSON."""

    text: str = ""
    raw: str = '{"choices": [{"delta": {"content": "unterminated'


@dataclass(frozen=True)
class Hang:
    """Accept the request and say nothing for `seconds`, then drop the connection."""

    seconds: float = 30.0


Behaviour = Reply | Status | CutStream | Malformed | Hang


@dataclass(frozen=True)
class RecordedRequest:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat messages sent, if any."""
        messages: list[dict[str, Any]] = self.body.get("messages", [])
        return messages

    @property
    def system_prompt(self) -> str:
        """The content of the first system message ('' if none)."""
        for message in self.messages:
            if message.get("role") == "system":
                return str(message.get("content", ""))
        return ""


def _chunks(text: str, words_per_chunk: int) -> Iterator[str]:
    words = _WORD.findall(text)
    for i in range(0, len(words), max(1, words_per_chunk)):
        yield "".join(words[i : i + words_per_chunk])


class FakeOpenAIServer:
    """An OpenAI-compatible streaming server in a background thread, bound to 127.0.0.1."""

    def __init__(
        self,
        script: Iterable[Behaviour | str] = (),
        *,
        default: Behaviour | str = Reply("Okay."),
        port: int = 0,
    ) -> None:
        self._script: deque[Behaviour] = deque(self._as_behaviour(b) for b in script)
        self._default = self._as_behaviour(default)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._resume = threading.Event()
        self.completed = 0
        self.requests: list[RecordedRequest] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread: threading.Thread | None = None

    @staticmethod
    def _as_behaviour(item: Behaviour | str) -> Behaviour:
        return Reply(item) if isinstance(item, str) else item

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The OpenAI base URL to configure a client with."""
        return f"http://127.0.0.1:{self.port}/v1"

    def push(self, *behaviours: Behaviour | str) -> None:
        """Queue more behaviours for the next requests."""
        with self._lock:
            self._script.extend(self._as_behaviour(b) for b in behaviours)

    def resume(self) -> None:
        """Let a reply held by `pause_after` go on."""
        self._resume.set()

    def start(self) -> FakeOpenAIServer:
        """Serve in a daemon thread until `stop`."""
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake any hanging handlers and close the socket."""
        self._stopping.set()
        self._resume.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _next(self) -> Behaviour:
        with self._lock:
            return self._script.popleft() if self._script else self._default

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(_Handler):
            owner = server

        return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    owner: FakeOpenAIServer

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        self._record({})
        if self.path.rstrip("/").endswith("/models"):
            models = {
                "object": "list",
                "data": [{"id": MODEL, "object": "model", "owned_by": "me"}],
            }
            self._json(200, models)
        else:
            self._json(404, _error("not found", "not_found_error"))

    def do_POST(self) -> None:
        try:
            self._post()
        except (BrokenPipeError, ConnectionResetError):
            # The client went away (a test stopped reading): nothing left to answer.
            self.close_connection = True

    def _post(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = {}
        self._record(body)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, _error("not found", "not_found_error"))
            return
        behaviour = self.owner._next()
        if isinstance(behaviour, Status):
            body_json = _error(behaviour.message, "fake_error", behaviour.code)
            self._json(behaviour.status, body_json, behaviour.headers)
        elif isinstance(behaviour, Hang):
            self.owner._stopping.wait(behaviour.seconds)
            self._drop()
        elif isinstance(behaviour, Reply) and not body.get("stream"):
            self._json(200, _completion(behaviour.text, body.get("model", MODEL), behaviour))
        else:
            self._stream(behaviour, str(body.get("model", MODEL)))

    def _record(self, body: dict[str, Any]) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        self.owner._record(RecordedRequest(self.command, self.path, headers, body))

    def _json(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, behaviour: Reply | CutStream | Malformed, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        stamp = int(time.time())
        start = {"role": "assistant", "content": ""}
        self._event(_chunk(model, stamp, start, None))
        if isinstance(behaviour, Reply):
            if behaviour.first_delay and self.owner._stopping.wait(behaviour.first_delay):
                return self._drop()
            for i, piece in enumerate(_chunks(behaviour.text, behaviour.words_per_chunk)):
                if i and i == behaviour.pause_after:
                    self.owner._resume.wait()
                if i and behaviour.delay and self.owner._stopping.wait(behaviour.delay):
                    return self._drop()
                self._event(_chunk(model, stamp, {"content": piece}, None))
            self._event(_chunk(model, stamp, {}, behaviour.finish_reason))
            self._send(b"data: [DONE]\n\n")
            self._send(b"")  # the terminating zero-length chunk
            with self.owner._lock:
                self.owner.completed += 1
            return None
        for piece in _chunks(behaviour.text, 1):
            self._event(_chunk(model, stamp, {"content": piece}, None))
        if isinstance(behaviour, Malformed):
            self._send(f"data: {behaviour.raw}\n\n".encode())
            self._send(b"")
            return None
        return self._drop()

    def _event(self, payload: dict[str, Any]) -> None:
        self._send(f"data: {json.dumps(payload)}\n\n".encode())

    def _send(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _drop(self) -> None:
        """Close the connection abruptly, as a crashed or cut-off upstream would."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _chunk(model: str, stamp: int, delta: dict[str, str], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": stamp,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _completion(text: str, model: str, reply: Reply) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": reply.finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def _error(message: str, kind: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


def main(argv: list[str] | None = None) -> None:
    """Serve scripted replies on 127.0.0.1 until interrupted; print the base URL first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    parser.add_argument("--reply", action="append", default=[], help="a reply, in order")
    parser.add_argument("--default", default="Okay.", help="the reply once the list runs out")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between words")
    args = parser.parse_args(argv)
    script = [Reply(text, delay=args.delay) for text in args.reply]
    server = FakeOpenAIServer(script, default=Reply(args.default, delay=args.delay), port=args.port)
    done = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with server:
        print(server.base_url, flush=True)
        done.wait()


if __name__ == "__main__":
    main()
