"""A real HTTP webhook receiver on 127.0.0.1 (the standard library's threading server): records every request
and answers from a per-path script of status codes (then 200), or holds a request until released."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: str
    status: int


@dataclass
class Receiver:
    base: str
    received: list[Received] = field(default_factory=list)
    scripts: dict[str, list[int]] = field(default_factory=dict)  # path -> statuses to answer first
    hold: dict[str, threading.Event] = field(default_factory=dict)  # path -> answer only once set
    arrived: list[str] = field(default_factory=list)  # paths, as requests arrive (before any hold)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def at(self, path: str) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.path == path]


@contextmanager
def receiver() -> Iterator[Receiver]:
    state = Receiver(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("content-length", "0"))).decode()
            with state.lock:
                state.arrived.append(self.path)
            gate = state.hold.get(self.path)
            if gate is not None:
                gate.wait(60)
            with state.lock:
                script = state.scripts.get(self.path) or []
                status = script.pop(0) if script else 200
                state.received.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body, status)
                )
            self.send_response(status)
            self.send_header("content-type", "text/plain")
            self.end_headers()
            self.wfile.write(b"ok" if status < 300 else b"try again")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        for gate in state.hold.values():
            gate.set()
        server.shutdown()
        server.server_close()
