"""What the GraphQL view holds for live subscriptions: the hub, and the runtime its feeds execute with."""

from __future__ import annotations

from typing import Any

from server.auth.principal import Principal
from server.live.hub import LiveHub
from server.live.sessions import BoundedSessions
from server.loaders.registry import LoaderRegistry
from server.runtime import Runtime
from server.schema.context import Context

__all__ = ["LiveFanout"]


class _LiveRuntime:
    """The process runtime, but every database session live work opens waits for one of the bounded slots."""

    def __init__(self, rt: Runtime, sessions: BoundedSessions) -> None:
        self._rt = rt
        self.sessionmaker = sessions

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rt, name)


class LiveFanout:
    def __init__(self, rt: Runtime) -> None:
        settings = rt.settings
        self.sessions = BoundedSessions(rt.sessionmaker, settings.live_db_sessions)
        self.rt: Runtime = _LiveRuntime(rt, self.sessions)  # type: ignore[assignment]
        self.hub = LiveHub(settings.live_queue_size)
        rt.broker.add_restore_listener(self.hub.resync)

    def context_for(self, base: Context, principal: Principal | None) -> Context:
        """The context a feed executes with: the subscriber's principal (the feed key holds what the policy reads
        of it), loaders without a cache (each event re-reads) on the bounded sessions."""
        return Context(
            request=base.request,
            response=base.response,
            rt=self.rt,
            principal=principal,
            loaders=LoaderRegistry(self.rt, principal, cache=False),
            connection_params=base.connection_params,
            rate=base.rate,
        )
