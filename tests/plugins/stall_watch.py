"""Names what stalls a test's event loop. A request that normally takes milliseconds has, rarely and only under
the full suite, hit the 10 s request time limit; this watch says whether the loop was blocked (and by which
code) or the whole process was not scheduled, so such a stall can be fixed rather than retried.

A thread beats the running test loop every BEAT seconds through call_soon_threadsafe. A beat answered more than
STALL seconds late means the loop ran something that did not yield: the main thread's stack is taken while it
does. The watch thread waking far later than it asked means the process (its GIL) or the machine did not run
it. Every finding goes to var/test-stalls/<pid>.log and the run's terminal summary prints them all. The watch
never fails a test.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
import time
import traceback
import weakref
from pathlib import Path

import pytest

BEAT = 0.25
STALL = 2.0
STACK_FRAMES = 25
LOG_DIR = Path(__file__).resolve().parents[2] / "var" / "test-stalls"


class StallWatch:
    def __init__(self, log: Path, beat: float = BEAT, stall: float = STALL) -> None:
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        self._answered = time.monotonic()
        self._test = "(between tests)"
        self._log = log
        self._beat_every, self._stall = beat, stall
        self._stopped = threading.Event()

    def watch(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = weakref.ref(loop)
        self._answered = time.monotonic()

    def testing(self, nodeid: str) -> None:
        self._test = nodeid

    def start(self) -> None:
        threading.Thread(target=self._run, name="stall-watch", daemon=True).start()

    def stop(self) -> None:
        self._stopped.set()

    def _beat(self) -> None:
        self._answered = time.monotonic()

    def _run(self) -> None:
        main = threading.main_thread().ident
        reported_since: float | None = None
        woke = time.monotonic()
        while not self._stopped.wait(self._beat_every):
            now = time.monotonic()
            unscheduled = now - woke > self._stall
            if unscheduled:
                self._write(f"process not scheduled for {now - woke:.1f} s (GIL held or machine paused)")
            woke = now
            loop = self._loop() if self._loop is not None else None
            if loop is None or not loop.is_running() or loop.is_closed():
                reported_since = None
                continue
            late = now - self._answered
            if late > self._stall and reported_since != self._answered:
                reported_since = self._answered
                stack = _stack_of(main or 0)
                where = "resumed at (this thread was not run meanwhile)" if unscheduled else "is at"
                self._write(f"event loop blocked for {late:.1f} s; the main thread {where}:\n{stack}")
            with contextlib.suppress(RuntimeError):  # closed between the check and the call
                loop.call_soon_threadsafe(self._beat)

    def _write(self, what: str) -> None:
        line = f"{time.strftime('%H:%M:%S')} [{self._test}] {what}\n"
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        with self._log.open("a") as out:
            out.write(line)


def _stack_of(thread: int) -> str:
    """The thread's stack as text. The frame stays in this call: held any longer (a local of the watch's loop), it
    would keep the stalled test's locals, an app and its schema, alive for the rest of the run."""
    frame = sys._current_frames().get(thread)  # noqa: SLF001 - the only way to see another thread's stack
    return "".join(traceback.format_stack(frame)[-STACK_FRAMES:]) if frame else "(no frame)\n"


WATCH = StallWatch(LOG_DIR / f"{os.getpid()}.log")


def watched_loop() -> asyncio.AbstractEventLoop:
    loop = asyncio.new_event_loop()
    WATCH.watch(loop)
    return loop


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, object]:
    return {"watched": watched_loop}


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the controller (or a run without xdist) starts afresh
        for old in LOG_DIR.glob("*.log"):
            old.unlink()
    WATCH.start()


def pytest_runtest_setup(item: pytest.Item) -> None:
    WATCH.testing(item.nodeid)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if hasattr(terminalreporter.config, "workerinput"):
        return
    findings = [path.read_text() for path in sorted(LOG_DIR.glob("*.log"))]
    if any(findings):
        terminalreporter.section("event-loop stalls (tests/plugins/stall_watch.py)")
        for text in findings:
            terminalreporter.write(text)
