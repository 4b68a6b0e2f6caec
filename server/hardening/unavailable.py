"""Is this exception "a dependency is down" (answer 503 SERVICE_UNAVAILABLE, retry later) rather than a bug?

True for: the database refusing or dropping connections (connection refused, reset, timed out, the server
shutting down or restarting, the database gone), SQLAlchemy's pool timing out, and a connection SQLAlchemy
invalidated as a disconnect. A cancelled statement (statement timeout) is not "down": the limits say so.
"""

from __future__ import annotations

import errno
import socket
import sqlite3

from sqlalchemy import exc as sa_exc

try:  # asyncpg is installed with the app, but the embedded default never loads it
    import asyncpg.exceptions as pg
except ImportError:  # pragma: no cover
    pg = None

SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
MESSAGE = "The database is unavailable; try again shortly"
_SQLITE_DOWN = {"unable to open database file", "database is locked", "disk I/O error"}
_NETWORK_ERRNOS = {
    errno.ECONNREFUSED,
    errno.ECONNRESET,
    errno.ENETUNREACH,
    errno.EHOSTUNREACH,
    errno.ECONNABORTED,
}


def _down(error: BaseException) -> bool:
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, sa_exc.TimeoutError):  # the pool: no connection within pool_timeout
        return True
    # Refused, reset, unreachable, unknown host (not any OSError: a missing file is a bug). TimeoutError is left
    # out: the request time limit raises it too.
    if isinstance(error, (ConnectionError, socket.gaierror)) or (
        type(error) is OSError and (error.errno in _NETWORK_ERRNOS or "Connect call failed" in str(error))
    ):
        return True
    if isinstance(error, sqlite3.OperationalError) and str(error) in _SQLITE_DOWN:
        return True  # the embedded default: its file cannot be opened, or another writer holds it too long
    return pg is not None and isinstance(
        error,
        (
            pg.PostgresConnectionError,
            pg.InvalidCatalogNameError,
            pg.TooManyConnectionsError,
            pg.CannotConnectNowError,
            pg.AdminShutdownError,
            pg.CrashShutdownError,
        ),
    )


def is_unavailable(error: BaseException | None) -> bool:
    """Walks the cause chain (SQLAlchemy wraps the driver error in .orig and __cause__)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if _down(error):
            return True
        error = getattr(error, "orig", None) or error.__cause__
    return False
