"""CPU seconds a measured stretch of a benchmark costs: this process (time.process_time) plus the PostgreSQL
backends serving its database, read from /proc when that server runs on this machine. On a shared, loaded machine
events/s swing with everybody else's work; the CPU a piece of work takes moves far less, so it is the steadier
figure of what a configuration costs.

    meter = CpuMeter(rt)
    await meter.start()
    ...  # the measured work
    seconds = await meter.stop()  # (this process, its backends or None when /proc does not show them)
"""

from __future__ import annotations

import os
import time

from sqlalchemy import text

from server.runtime import Runtime

_TICK = os.sysconf("SC_CLK_TCK")
_BACKENDS = text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")


def process_seconds(pid: int) -> float | None:
    """utime + stime of a process, or None when /proc does not show it (another machine, or it ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK


class CpuMeter:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self._process = 0.0
        self._backends: dict[int, float | None] = {}

    async def _read_backends(self) -> dict[int, float | None]:
        async with self.rt.engine.connect() as conn:
            pids = (await conn.execute(_BACKENDS)).scalars().all()
        return {pid: process_seconds(pid) for pid in pids}

    async def start(self) -> None:
        self._backends = await self._read_backends()
        self._process = time.process_time()

    async def stop(self) -> tuple[float, float | None]:
        process = time.process_time() - self._process
        after = await self._read_backends()
        seen = {pid: s for pid, s in after.items() if s is not None}
        if not seen:
            return process, None
        # A backend that connected during the stretch counts from zero (it did all its work in it).
        return process, sum(s - (self._backends.get(pid) or 0.0) for pid, s in seen.items())
