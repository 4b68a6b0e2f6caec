"""Websockets per login session, in this process, closed when the session ends.

Logout, revocation and expiry publish `channels.sessions_ended()` on the broker (server/services/sessions.py);
each process's GraphQL view listens on it and closes the sockets opened with those sessions: in-flight operations
are stopped first (no event reaches the socket after that), then the socket is closed with 4401 "Session ended".
A socket whose session expires is also closed at its next operation, whatever the sweeper has done."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from sqlalchemy import select
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler

from server import models
from server.events import channels
from server.runtime import Runtime
from server.schema.context import Context

log = logging.getLogger("matchup.sessions")

CLOSE_CODE = 4401
CLOSE_REASON = "Session ended"


class SessionSockets:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self._by_session: dict[int, set[SessionClosingWSHandler]] = {}
        self._listener: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def open_for(self, session_id: int) -> int:
        """How many sockets of this session are open here (for tests and diagnostics)."""
        return len(self._by_session.get(session_id, ()))

    async def ensure_listening(self) -> None:
        """Subscribes to the broker once (again after a broker restart); returns when the subscription is live."""
        async with self._lock:
            if self._listener is not None and not self._listener.done():
                return
            ready = asyncio.get_running_loop().create_future()
            self._listener = asyncio.create_task(self._listen(ready), name="matchup-session-sockets")
            await ready

    async def _listen(self, ready: asyncio.Future[None]) -> None:
        try:
            async with self.rt.broker.subscribe(channels.sessions_ended()) as events:
                ready.set_result(None)
                async for event in events:
                    ids = event.get("sessionIds")
                    if isinstance(ids, list):
                        await self.close_sessions([i for i in ids if isinstance(i, int)])
        except Exception as exc:  # noqa: BLE001 - never leave a connect waiting; the next connect retries
            if not ready.done():
                ready.set_exception(exc)
            else:
                log.exception("session listener stopped")
        finally:  # ended sessions may go unheard from now on: trust no token verified before
            self.rt.principals.clear()

    def add(self, session_id: int, handler: SessionClosingWSHandler) -> None:
        self._by_session.setdefault(session_id, set()).add(handler)

    def discard(self, session_id: int, handler: SessionClosingWSHandler) -> None:
        handlers = self._by_session.get(session_id)
        if handlers is not None:
            handlers.discard(handler)
            if not handlers:
                del self._by_session[session_id]

    @property
    def listening(self) -> bool:
        return self._listener is not None and not self._listener.done()

    async def close_sessions(self, session_ids: list[int]) -> int:
        # Tokens verified a moment ago stop answering here too (server/auth/principal_cache.py).
        self.rt.principals.drop_sessions(session_ids)
        closing = [h for sid in session_ids for h in self._by_session.pop(sid, ())]
        for handler in closing:
            await handler.end_session()
        return len(closing)


class SessionClosingWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws that registers an acknowledged socket under its session, and closes it when told
    or when the session has expired."""

    _session_id: int | None = None

    @property
    def _sockets(self) -> SessionSockets:
        return self.view.session_sockets  # type: ignore[attr-defined]

    async def handle_connection_init(self, message: Any) -> None:
        sockets = self._sockets
        await sockets.ensure_listening()  # before the session is read, so that no ending is missed
        await super().handle_connection_init(message)
        principal = self.context.principal
        if not self.connection_acknowledged or principal is None or principal.session_id is None:
            return
        self._session_id = principal.session_id
        sockets.add(principal.session_id, self)
        # Ended between reading the session and registering the socket: the announcement came too early.
        if not await _session_live(sockets.rt, principal.session_id):
            await sockets.close_sessions([principal.session_id])

    async def handle_subscribe(self, message: Any) -> None:
        principal = self.context.principal
        if (
            principal is not None
            and principal.expires_at is not None
            and principal.expires_at <= self._sockets.rt.clock.now()
        ):
            await self.end_session()
            return
        await super().handle_subscribe(message)

    async def end_session(self) -> None:
        if self._session_id is not None:
            self._sockets.discard(self._session_id, self)
        for operation_id in list(self.operations):
            await self.cleanup_operation(operation_id)
        with contextlib.suppress(Exception):  # the client may be gone already
            await self.websocket.close(code=CLOSE_CODE, reason=CLOSE_REASON)

    async def handle(self) -> None:
        try:
            await super().handle()
        finally:
            if self._session_id is not None:
                self._sockets.discard(self._session_id, self)


async def _session_live(rt: Runtime, session_id: int) -> bool:
    S = models.UserSession
    async with rt.sessionmaker() as s:
        found = await s.scalar(
            select(S.id).where(S.id == session_id, S.revoked_at.is_(None), S.expires_at > rt.clock.now())
        )
    return found is not None
