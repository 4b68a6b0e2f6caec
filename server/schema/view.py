"""The GraphQL endpoint: HTTP + graphql-transport-ws, authentication into the context."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from server.auth.authenticate import principal_for_token, token_from_connection_params, token_from_headers
from server.loaders.registry import LoaderRegistry
from server.loaders.request_session import RequestSession
from server.runtime import Runtime
from server.schema.context import Context
from server.schema.extensions import classify_errors


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, schema: Any, rt: Runtime, *, ide: bool) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if ide else None,
            allow_queries_via_get=False,  # with cookie auth, no state-changing or reading GETs (CSRF)
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=50,
        )
        self.rt = rt

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        token = token_from_headers(request.headers, request.cookies, self.rt.settings.cookie_name)
        is_ws = isinstance(request, WebSocket)
        # HTTP: one pooled connection for every read of the request, handed back in run() (a websocket takes one
        # per batch: it must not hold a connection while it waits for events).
        reads = None if is_ws else RequestSession(self.rt.engine, autocommit=not self.rt.settings.is_sqlite)
        if reads is not None:
            request.scope["matchup.reads"] = reads
        principal = await principal_for_token(self.rt if reads is None else replace(self.rt, sessionmaker=reads), token)
        return Context(
            request=request, response=response, rt=self.rt, principal=principal,
            loaders=LoaderRegistry(self.rt, principal, cache=not is_ws, reads=reads),
        )

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        try:
            return await super().run(request, context, root_value)
        finally:
            reads = request.scope.get("matchup.reads") if not isinstance(request, WebSocket) else None
            if reads is not None:
                await reads.close()

    def encode_json(self, data: object) -> str:
        # orjson: the same compact JSON as json.dumps(separators=(",", ":")) (non-ASCII as UTF-8, not \u escapes),
        # several times faster on big pages. Text, not bytes: websocket messages must go out as text frames.
        return orjson.dumps(data).decode()

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        # Parse errors bypass the masking extension on the async path; classify them here as well.
        if result.errors:
            result.errors = classify_errors(result.errors)
        return await super().process_result(request, result)

    async def on_ws_connect(self, context: Context) -> Any:
        # A token in connectionParams wins over the cookie sent with the upgrade.
        token = token_from_connection_params(context.connection_params)
        if token is not None:
            context.act_as(await principal_for_token(self.rt, token))
        if context.principal is None:
            raise ConnectionRejectionError({"reason": "unauthenticated", "message": "Log in first"})
        return {"role": context.principal.role.value}
