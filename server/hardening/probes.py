"""/healthz: the process is alive (always 200). /readyz: the database and the broker answer (200), or 503 naming
which one is down, so a load balancer stops sending traffic to a process that cannot serve it."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.runtime import Runtime

log = logging.getLogger(__name__)


async def database_answers(rt: Runtime) -> str | None:
    """None when `SELECT 1` answers within the readiness timeout; otherwise why not."""
    try:
        async with asyncio.timeout(rt.settings.readiness_timeout_seconds):
            async with rt.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
    except TimeoutError:
        return f"no answer within {rt.settings.readiness_timeout_seconds:g} s"
    except Exception as error:  # noqa: BLE001 (any failure means "not ready"; the reason is reported)
        log.warning("readiness: database check failed: %r", error)
        return type(error).__name__
    return None


def probe_routes(rt: Runtime) -> list[Route]:
    async def healthz(request: Request) -> Response:
        return JSONResponse({"ok": True, "broker": "healthy" if rt.broker.healthy else "degraded"})

    async def readyz(request: Request) -> Response:
        database = await database_answers(rt)
        checks = {
            "database": {"ok": database is None, **({"error": database} if database else {})},
            "broker": {"ok": rt.broker.healthy, **({} if rt.broker.healthy else {"error": "not connected"})},
        }
        down = [name for name, check in checks.items() if not check["ok"]]
        return JSONResponse(
            {"ok": not down, "down": down, "checks": checks},
            status_code=503 if down else 200,
            headers={"cache-control": "no-store"},
        )

    return [Route("/healthz", healthz), Route("/readyz", readyz)]
