"""The database side of the request time limit (server/limits/timeout.py), without any web imports:
- PostgreSQL: every connection has `statement_timeout` set to the request time limit, so the server stops a
  statement on its own (a cancelled request also cancels its running statement through asyncpg);
- SQLite: a progress handler interrupts a statement once the deadline of the request that sent it has passed.
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from server.settings import Settings

# time.monotonic() by which the current request's statements must be done; None outside requests.
DEADLINE: ContextVar[float | None] = ContextVar("matchup_request_deadline", default=None)

SQLITE_PROGRESS_STEPS = 1000  # virtual machine instructions between two deadline checks


class Interrupts:
    """How many SQLite statements this process stopped because their request ran out of time."""

    count = 0


def install_statement_time_limits(engine: AsyncEngine, settings: Settings) -> None:
    if settings.is_sqlite:
        _install_sqlite(engine)
    else:
        _install_postgres(engine, settings)


def _install_postgres(engine: AsyncEngine, settings: Settings) -> None:
    milliseconds = max(1, int(settings.request_timeout_seconds * 1000))

    @event.listens_for(engine.sync_engine, "connect")
    def _statement_timeout(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute(f"SET statement_timeout = {milliseconds}")
        cursor.close()


def _install_sqlite(engine: AsyncEngine) -> None:
    from sqlalchemy.util import await_

    @event.listens_for(engine.sync_engine, "connect")
    def _progress_handler(dbapi_conn: Any, record: Any) -> None:
        deadline: list[float | None] = [None]
        record.info["matchup_deadline"] = deadline

        def check() -> int:
            at = deadline[0]
            if at is None or time.monotonic() <= at:
                return 0
            Interrupts.count += 1
            return 1

        await_(dbapi_conn.driver_connection.set_progress_handler(check, SQLITE_PROGRESS_STEPS))

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _arm(conn: Any, cursor: Any, statement: Any, parameters: Any, context: Any, executemany: Any) -> None:
        holder = conn.info.get("matchup_deadline")
        if holder is not None:
            holder[0] = DEADLINE.get()
