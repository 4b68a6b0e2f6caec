"""The per-request (HTTP) or per-connection (websocket) context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from server.auth.principal import Principal
from server.limits.rate import RateLimiter
from server.loaders.registry import LoaderRegistry
from server.runtime import Runtime


@dataclass(slots=True, kw_only=True)
class Context:
    request: Request | WebSocket
    response: Response | WebSocket | None
    rt: Runtime
    principal: Principal | None
    loaders: LoaderRegistry
    # The app's rate limiter, which the request is charged to; None only for an internal execution (a webhook's
    # render). No default: a context that forgot it would be charged to no one.
    rate: RateLimiter | None
    # Strawberry fills this for websockets only if the attribute exists.
    connection_params: Any = None

    @property
    def is_websocket(self) -> bool:
        return isinstance(self.request, WebSocket)

    def act_as(self, principal: Principal | None) -> None:
        """After login/logout within this request: later fields resolve for the new principal."""
        self.principal = principal
        self.loaders = LoaderRegistry(
            self.rt, principal, cache=not self.is_websocket, reads=self.loaders.reads
        )

    @property
    def reads(self) -> Runtime:
        """The runtime for reads: on HTTP its sessions share the request's one connection (never for writes)."""
        return self.loaders.rt


Info = strawberry.Info[Context, None]
