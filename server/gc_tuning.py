"""Garbage collector tuning for a server process, applied once its start-up is done (the app lifespan).

Everything allocated while starting (modules, the schema, SQLAlchemy's mappers, compiled statements) lives as long
as the process. `gc.freeze()` moves it to the permanent generation, so no later collection walks it again: the full
collections that walked it took ~155 ms each under load. The young-generation threshold is raised from 700 to
THRESHOLDS[0] allocations: a GraphQL response allocates tens of thousands of short-lived objects, and collecting
every 700 of them spent time on objects that reference counting frees anyway.
"""

from __future__ import annotations

import gc

THRESHOLDS = (50_000, 20, 20)


def tune_after_start_up(enabled: bool) -> None:
    if not enabled:
        return
    gc.collect()  # what start-up left as garbage is freed first, not frozen
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
