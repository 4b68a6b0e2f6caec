"""The test run's stall watch (tests/plugins/stall_watch.py) reports a blocked event loop with the main thread's
stack, and keeps nothing of that stack: a frame it held would keep the stalled test's locals (an app, its
schema) alive for the rest of the worker's run, which tests/schema/test_schema_freed.py then finds as a leak."""

from __future__ import annotations

import asyncio
import gc
import time
import weakref
from pathlib import Path

from tests.plugins.stall_watch import StallWatch


class Held:
    """Something only the stalled frame refers to."""


def stall_holding(held: Held, seconds: float) -> None:
    time.sleep(seconds)  # blocks the event loop, as a long synchronous call does


async def _until_reported(log: Path) -> str:
    for _ in range(500):  # polls for the report; the stall itself is what the watch measures
        if log.exists() and "stall_holding" in log.read_text():
            return log.read_text()
        await asyncio.sleep(0.01)
    raise AssertionError(f"no stall reported in {log}")


def test_a_reported_stall_keeps_nothing_of_the_stalled_stack(tmp_path: Path) -> None:
    log = tmp_path / "stalls.log"
    watch = StallWatch(log, beat=0.01, stall=0.1)
    loop = asyncio.new_event_loop()
    watch.watch(loop)
    watch.start()
    held = [Held()]
    kept = weakref.ref(held[0])

    async def stalled() -> str:
        stall_holding(held[0], 0.5)
        return await _until_reported(log)

    try:
        report = loop.run_until_complete(stalled())
    finally:
        loop.close()
        watch.stop()
    assert "event loop blocked for" in report and "in stall_holding" in report
    held.clear()
    gc.collect()
    assert kept() is None, "the watch still holds the stalled frame (and its locals)"
