"""Real server processes (uvicorn via `python -m server serve`) for multi-process and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerURL(str):
    """The server's base URL, with its process (to kill it in crash tests)."""

    process: subprocess.Popen[bytes]


@contextmanager
def server_process(
    env: dict[str, str], port: int | None = None, command: str = "serve", argv: list[str] | None = None
) -> Iterator[ServerURL]:
    """Matchup (`python -m server <command>`), or `argv` with {port} filled in (any server with a /healthz)."""
    port = port or free_port()
    full_env = {**os.environ, "MATCHUP_ENV": "test", **env}
    (ROOT / "var").mkdir(exist_ok=True)
    log = open(ROOT / "var" / f"server-{port}.log", "w")  # noqa: SIM115
    args = (
        [a.format(port=port) for a in argv]
        if argv
        else [sys.executable, "-m", "server", command, "--host", "127.0.0.1", "--port", str(port)]
    )
    proc = subprocess.Popen(
        args,
        cwd=ROOT,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = ServerURL(f"http://127.0.0.1:{port}")
    base.process = proc
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"server exited with {proc.returncode}: {(ROOT / 'var' / f'server-{port}.log').read_text()}"
                )
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("server did not become healthy")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
