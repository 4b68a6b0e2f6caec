"""The GraphQL endpoint: HTTP + graphql-transport-ws, authentication into the context."""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from functools import lru_cache
from typing import Any, cast

import orjson
import strawberry
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.http import parse_content_type as content_types
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UNSET

from server.auth.authenticate import principal_for_token, token_from_connection_params, token_from_headers
from server.auth.principal_cache import PrincipalCache
from server.hardening.graphql_http import (
    REQUEST_ERROR_CODES,
    RETRY_AFTER_SECONDS,
    RequestError,
    error_response,
    response_media_type,
    result_status,
)
from server.hardening.json_body import BadJson, decode_json
from server.hardening.unavailable import MESSAGE, SERVICE_UNAVAILABLE, is_unavailable
from server.limits.rate import RateLimiter
from server.live.fanout import LiveFanout
from server.live.handler import LiveTransportWSHandler
from server.loaders.registry import LoaderRegistry
from server.loaders.request_session import RequestSession
from server.lru import LRU
from server.observability.request_context import set_organisation
from server.runtime import Runtime
from server.schema.context import Context
from server.schema.extensions import classify_errors
from server.schema.prepared import PreparedOperations
from server.schema.session_sockets import SessionClosingWSHandler, SessionSockets

log = logging.getLogger("matchup.graphql")


@lru_cache(maxsize=64)
def _mime_type(content_type: str) -> str:
    """A Content-Type header's media type, parsed as Strawberry's view parses it (with email.message, 2 % of a small
    page's CPU), once per distinct header: a client sends the same few."""
    return content_types.parse_content_type(content_type)[0]


LISTEN_RETRY_SECONDS = 5.0
_POST_OPERATIONS = frozenset(OperationType.from_http("POST"))
_KNOWN_ACCEPTS = 64


class GraphQLWSHandler(SessionClosingWSHandler, LiveTransportWSHandler):
    """Shared live feeds, and sockets that close when their session ends."""


class GraphQLView(GraphQL[Context, None]):
    # Subscriptions run once per event per audience through the live hub (server/live/); a socket is closed
    # when its login session ends (server/schema/session_sockets.py).
    graphql_transport_ws_handler_class = GraphQLWSHandler

    def __init__(
        self, schema: Any, rt: Runtime, rate: RateLimiter, *, ide: bool, suggestions: bool = False
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if ide else None,
            allow_queries_via_get=False,  # with cookie auth, no state-changing or reading GETs (CSRF)
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=50,
        )
        self.rt = rt
        self.rate = rate
        self.live = LiveFanout(rt)
        self.suggestions = suggestions
        self.session_sockets = SessionSockets(rt)
        self._listen_retry_at = 0.0
        self._streaming_accepts: LRU[bool] = LRU(_KNOWN_ACCEPTS)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        token = token_from_headers(request.headers, request.cookies, self.rt.settings.cookie_name)
        is_ws = isinstance(request, WebSocket)
        # HTTP: one pooled connection for every read of the request, handed back in run() (a websocket takes one
        # per batch: it must not hold a connection while it waits for events).
        reads = (
            None
            if is_ws
            else RequestSession(
                self.rt.engine, autocommit=not self.rt.settings.is_sqlite, parked=self.rt.parked
            )
        )
        if reads is not None:
            request.scope["matchup.reads"] = reads
        reads_rt = self.rt if reads is None else replace(self.rt, sessionmaker=reads)
        principal = await principal_for_token(
            reads_rt, token, None if is_ws else await self._principal_cache()
        )
        set_organisation(None if principal is None else principal.organisation_id)  # for the log lines
        return Context(
            request=request,
            response=response,
            rt=self.rt,
            principal=principal,
            loaders=LoaderRegistry(reads_rt, principal, cache=not is_ws, reads=reads),
            rate=self.rate,
        )

    async def _principal_cache(self) -> PrincipalCache | None:
        """The process's cache of verified tokens, while this process hears ended sessions (else none)."""
        cache = self.rt.principals
        if not cache.enabled:
            return None
        if not self.session_sockets.listening:
            if time.monotonic() < self._listen_retry_at:
                return None
            try:
                await self.session_sockets.ensure_listening()
            except Exception:  # noqa: BLE001 - the broker is down: every request reads its session
                self._listen_retry_at = time.monotonic() + LISTEN_RETRY_SECONDS
                log.warning("not caching sessions: the broker does not answer", exc_info=True)
                return None
        return cache

    def encode_json(self, data: object) -> str:
        # orjson: the same compact JSON as json.dumps(separators=(",", ":")) (non-ASCII as UTF-8, not \u escapes),
        # several times faster on big pages. Text, not bytes: websocket messages must go out as text frames.
        return orjson.dumps(data).decode()

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        # Parse errors bypass the masking extension on the async path; classify them here as well.
        if result.errors:
            result.errors = classify_errors(result.errors, suggestions=self.suggestions)
        body = await super().process_result(request, result)
        if isinstance(request, Request):  # status and media type: server/hardening/graphql_http.py
            # the TypedDict strawberry declares is a plain dict of JSON values
            request.state.graphql_status = result_status(
                cast("dict[str, Any]", body), request.state.graphql_media
            )
        return body

    async def render_graphql_ide(self, request: Request) -> Response:
        response = await super().render_graphql_ide(request)
        # GraphiQL (dev only) loads from unpkg and runs an inline script; the app's own policy stays strict.
        response.headers["content-security-policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; "
            "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data: https:; connect-src 'self'; "
            "frame-ancestors 'none'"
        )
        return response

    def parse_json(self, data: str | bytes) -> Any:
        try:
            return decode_json(data)
        except BadJson as error:
            raise RequestError(400, error.code, error.message) from None

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        if self.is_websocket_request(request):
            return await super().run(request, context, root_value)
        try:
            return await self._run_http(request, context, root_value)
        finally:  # the request's pooled connection (get_context) goes back to the pool
            reads = request.scope.get("matchup.reads")
            if reads is not None:
                await reads.close()

    async def _run_http(self, request: Request, context: Any, root_value: Any) -> Response:
        media = request.state.graphql_media = response_media_type(request.headers.get("accept"))
        try:
            response = None
            if context is UNSET and root_value is UNSET:
                response = await self._prepared_response(request)
            if response is None:
                response = await super().run(request, context, root_value)
        except RequestError as error:
            return error_response(media, error)
        except HTTPException as error:
            code = REQUEST_ERROR_CODES.get(error.status_code, "BAD_REQUEST")
            return error_response(media, RequestError(error.status_code, code, error.reason))
        except Exception as error:
            if not is_unavailable(error):
                raise
            log.warning("GraphQL request refused, the database is unavailable: %r", error)
            return error_response(media, RequestError(503, SERVICE_UNAVAILABLE, MESSAGE))
        if response.headers.get("content-type", "").startswith("application/json"):
            response.headers["content-type"] = media
            status = getattr(request.state, "graphql_status", None)
            if status is not None and response.status_code == 200:
                response.status_code = status
                if status == 503:
                    response.headers["retry-after"] = RETRY_AFTER_SECONDS
        return response

    async def _prepared_response(self, request: Request) -> Response | None:
        """The answer to a POST of an operation the schema has prepared (server/schema/prepared.py), made without
        Strawberry's HTTP view: the steps that view takes for this one case, in its terms (sub-response, context,
        `process_result`, `create_response`). None for anything else (another method or content type, a streaming
        Accept, a batch, fields of the wrong type, a document not prepared), which the view answers as ever; the
        body read here is kept by the request for it."""
        prepared_operations: PreparedOperations | None = getattr(self.schema, "prepared", None)
        if prepared_operations is None or request.method != "POST":
            return None
        if "application/json" not in _mime_type(request.headers.get("content-type", "")):
            return None
        if self._streams(request.headers.get("accept", "")):
            return None
        data = self.parse_json(await request.body())
        if not isinstance(data, dict):
            return None
        query, variables = data.get("query"), data.get("variables")
        operation_name, extensions = data.get("operationName"), data.get("extensions")
        if not (
            isinstance(query, str)
            and isinstance(variables, dict | None)
            and isinstance(operation_name, str | None)
            and isinstance(extensions, dict | None)
        ):
            return None
        prepared = prepared_operations.find(query, operation_name, _POST_OPERATIONS)
        if prepared is None:
            return None
        sub_response = await self.get_sub_response(request)
        context = await self.get_context(request, response=sub_response)
        result = await prepared_operations.execute(
            cast("strawberry.Schema", self.schema),
            prepared,
            query=query,
            variable_values=variables,
            context_value=context,
            root_value=None,
            operation_name=operation_name,
            allowed_operation_types=_POST_OPERATIONS,
            operation_extensions=extensions,
        )
        return self.create_response(
            response_data=await self.process_result(request, result), sub_response=sub_response
        )

    def _streams(self, accept: str) -> bool:
        """Whether this Accept asks for a streamed answer (Strawberry's multipart or SSE transports)."""
        return self._streaming_accepts.get_or_build(
            accept, lambda: self._get_stream_transport_from_headers({"accept": accept}) is not None
        )

    async def on_ws_connect(self, context: Context) -> Any:
        # A token in connectionParams wins over the cookie sent with the upgrade.
        token = token_from_connection_params(context.connection_params)
        if token is not None:
            context.act_as(await principal_for_token(self.rt, token))
        if context.principal is None:
            raise ConnectionRejectionError({"reason": "unauthenticated", "message": "Log in first"})
        return {"role": context.principal.role.value}
