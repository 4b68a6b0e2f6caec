"""The GraphQL endpoint: HTTP + graphql-transport-ws, authentication into the context."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult

from server.auth.authenticate import principal_for_token, token_from_connection_params, token_from_headers
from server.loaders.registry import LoaderRegistry
from server.runtime import Runtime
from server.schema.context import Context
from server.schema.extensions import classify_errors
from server.schema.session_sockets import SessionClosingWSHandler, SessionSockets


class GraphQLView(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = SessionClosingWSHandler  # closes a socket when its session ends

    def __init__(self, schema: Any, rt: Runtime, *, ide: bool) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if ide else None,
            allow_queries_via_get=False,  # with cookie auth, no state-changing or reading GETs (CSRF)
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=50,
        )
        self.rt = rt
        self.session_sockets = SessionSockets(rt)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        token = token_from_headers(request.headers, request.cookies, self.rt.settings.cookie_name)
        principal = await principal_for_token(self.rt, token)
        is_ws = isinstance(request, WebSocket)
        return Context(
            request=request, response=response, rt=self.rt, principal=principal,
            loaders=LoaderRegistry(self.rt, principal, cache=not is_ws),
        )

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
