"""graphql-transport-ws with shared live feeds: subscriptions go through the process's LiveHub.

Queries and mutations sent over the socket run as before. A subscription joins the feed of its key (audience,
document, variables, operation name); the feed executes the subscription once per event with a context of its
own (the audience's principal, loaders on the bounded live sessions) and this handler sends each shared result,
encoded once, under the operation's id. A subscriber that falls ``live_queue_size`` results behind is dropped
and its socket closed with 1013 (try again later). When the broker connection was restored each operation gets
a ``next`` whose only content is an ``EVENTS_RESYNC`` error: refetch what you show.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from graphql import DocumentNode, FieldNode, GraphQLError, OperationType, get_operation_ast, parse
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
    _OperationStreamClosed,
)
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.utils.aio import aclosing

from server.live.audience import audience_key
from server.live.hub import RESYNC, SlowConsumer, Subscriber
from server.observability import metrics
from server.schema.context import Context

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Hashable

__all__ = ["RESYNC_CODE", "SLOW_CONSUMER_CLOSE", "LiveTransportWSHandler", "resync_payload"]

log = logging.getLogger(__name__)

RESYNC_CODE = "EVENTS_RESYNC"
SLOW_CONSUMER_CLOSE = 1013  # "Try Again Later": graphql-ws clients retry it (and refetch on reconnect)


def resync_payload() -> dict[str, Any]:
    return {
        "data": None,
        "errors": [
            {
                "message": "The live event connection was restored; events may have been missed: refetch what you show.",
                "extensions": {"code": RESYNC_CODE},
            }
        ],
    }


@lru_cache(maxsize=1000)
def _parse(query: str) -> DocumentNode | None:
    try:
        return parse(query)
    except GraphQLError:
        return None


def subscription_root_fields(query: str, operation_name: str | None) -> tuple[str, ...] | None:
    """The root fields of the subscription ``query`` selects (empty: not known statically, e.g. a fragment);
    None when it is not a (valid) subscription, which then runs the ordinary way."""
    if not isinstance(query, str):
        return None
    document = _parse(query)
    if document is None:
        return None
    try:
        operation = get_operation_ast(document, operation_name)
    except GraphQLError:
        return None
    if operation is None or operation.operation is not OperationType.SUBSCRIPTION:
        return None
    selections = operation.selection_set.selections
    if not all(isinstance(s, FieldNode) for s in selections):
        return ()
    return tuple(sorted({s.name.value for s in selections}))  # type: ignore[union-attr]


class _Shared:
    """One result of a feed, with its ``next`` payload encoded once for every subscriber."""

    __slots__ = ("encoded", "result")

    def __init__(self, result: Any, encoded: str | None) -> None:
        self.result = result
        self.encoded = encoded


class LiveTransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._closing: asyncio.Task[None] | None = None
        self._live: set[Subscriber] = set()  # this socket's subscribers in the hub

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        live = getattr(self.view, "live", None)
        fields = None if live is None else subscription_root_fields(operation.query, operation.operation_name)
        if live is None or fields is None:
            await super().run_operation(operation)
            return
        try:
            async with live.hub.join(
                self._feed_key(operation, fields), self._source(operation), self._on_slow
            ) as sub:
                self._live.add(sub)
                metrics.gauge(metrics.SUBSCRIPTIONS, 1)
                try:
                    await self._send_shared(operation, sub)
                finally:
                    metrics.gauge(metrics.SUBSCRIPTIONS, -1)
                    self._live.discard(sub)
            await operation.send_operation_message({"id": operation.id, "type": "complete"})
        except (_OperationStreamClosed, SlowConsumer, WebSocketDisconnected):
            return

    def _feed_key(self, operation: Operation[Context, None], fields: tuple[str, ...]) -> Hashable:
        variables = json.dumps(operation.variables or {}, sort_keys=True, separators=(",", ":"), default=str)
        audience = audience_key(self.schema._schema, self.context.principal, fields)  # type: ignore[attr-defined]
        return (audience, operation.query, variables, operation.operation_name)

    def _source(self, operation: Operation[Context, None]):  # noqa: ANN202
        view, query, variables, name = (
            self.view,
            operation.query,
            operation.variables,
            operation.operation_name,
        )
        base, principal = self.context, self.context.principal
        schema, root_value = self.schema, self.root_value

        async def source() -> AsyncIterator[_Shared]:
            context = view.live.context_for(base, principal)  # type: ignore[attr-defined]
            stream = await schema.stream(
                query,
                variable_values=variables,
                context_value=context,
                root_value=root_value,
                operation_name=name,
            )

            async def shared() -> AsyncIterator[_Shared]:
                async with aclosing(stream):
                    async for result in stream:
                        encoded = None
                        if isinstance(result, ExecutionResult) and not isinstance(result, PreExecutionError):
                            payload: dict[str, Any] = {"data": result.data}
                            if result.errors:
                                payload["errors"] = [err.formatted for err in result.errors]
                            # The feed is shared: one subscriber's rate budget (extensions.cost) is not the others'.
                            extensions = {k: v for k, v in (result.extensions or {}).items() if k != "cost"}
                            if extensions:
                                payload["extensions"] = extensions
                            encoded = view.encode_json_string(payload)
                        yield _Shared(result, encoded)

            return shared()

        return source

    async def _send_shared(self, operation: Operation[Context, None], sub: AsyncIterator[Any]) -> None:
        first = True
        prefix = '{"id":' + json.dumps(operation.id) + ',"type":"next","payload":'
        async for item in sub:
            if item is RESYNC:
                await self._send_text(operation, prefix + json.dumps(resync_payload()) + "}")
                continue
            result = item.result
            if first and isinstance(result, PreExecutionError):
                await self._handle_pre_execution_error(operation, result)
                return
            if not isinstance(result, ExecutionResult):
                await self._reject_incremental_delivery(operation)
                return
            first = False
            await self._send_text(operation, prefix + item.encoded + "}")

    async def _send_text(self, operation: Operation[Context, None], text: str) -> None:
        if operation.completed:
            return
        ws = getattr(self.websocket, "ws", None)
        if ws is None:  # another adapter: the generic path
            await self.websocket.send_json(json.loads(text))
            return
        try:
            await ws.send_text(text)
        except Exception as exc:  # the socket went away under us
            raise WebSocketDisconnected from exc

    def _on_slow(self) -> None:
        if self._closing is not None:
            return
        queue_size = self.view.live.hub.queue_size  # type: ignore[attr-defined]
        reason = f"Slow consumer: more than {queue_size} live results behind"
        log.warning("closing a live socket: %s", reason)
        for sub in list(self._live):  # the whole socket goes: none of its operations is fed any more
            self.view.live.hub.drop(sub)  # type: ignore[attr-defined]
        self._closing = asyncio.get_running_loop().create_task(self._close_slow(reason))

    async def _close_slow(self, reason: str) -> None:
        with contextlib.suppress(Exception):
            await self.websocket.close(code=SLOW_CONSUMER_CLOSE, reason=reason)

    async def shutdown(self) -> None:
        await super().shutdown()
        if self._closing is not None and not self._closing.done():
            self._closing.cancel()
