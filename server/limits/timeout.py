"""A time limit per request: the GraphQL operation (HTTP, or one websocket operation) is cancelled when it runs
longer than MATCHUP_REQUEST_TIMEOUT_SECONDS, and its database work is stopped with it (server/limits/statements.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from starlette.responses import Response

from server.limits.statements import DEADLINE

TIMEOUT_STATUS = 504
STUCK_FRAMES = 12

log = logging.getLogger("matchup.limits")


def stuck_at(error: BaseException) -> list[str]:
    """Where the operation was waiting when its time limit cancelled it: the innermost frames ("file:line in
    function") of the cancellation that went through it, which the timeout's TimeoutError carries as its context."""
    cancelled = error.__context__ if isinstance(error.__context__, asyncio.CancelledError) else error
    frames = traceback.extract_tb(cancelled.__traceback__)[-STUCK_FRAMES:]
    return [f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]


def timeout_error(seconds: float) -> GraphQLError:
    return GraphQLError(
        f"The request took longer than the time limit of {seconds:g} s and was stopped; nothing after that "
        f"point was done. Ask for less (fewer items or nested lists) or retry later.",
        extensions={"code": "REQUEST_TIMEOUT", "timeoutSeconds": seconds},
    )


class TimeLimitedExecution:
    """Mixed into the strawberry Schema: both execute() (HTTP) and websocket operations run through
    _execute_operation; subscriptions are long-lived by design and are not limited here."""

    async def _execute_operation(self, execution_context: Any, *args: Any, **kwargs: Any) -> Any:
        execute = super()._execute_operation  # type: ignore[misc]
        return await within_time_limit(execution_context, lambda: execute(execution_context, *args, **kwargs))


async def within_time_limit(execution_context: Any, run: Callable[[], Awaitable[Any]]) -> Any:
    """run() (an operation's execution), cancelled when it takes longer than the request time limit; then its
    result is the REQUEST_TIMEOUT error (HTTP 504)."""
    context = execution_context.context
    if getattr(context, "rt", None) is None:  # executed outside the app (no runtime, no settings)
        return await run()
    seconds = context.rt.settings.request_timeout_seconds
    token = DEADLINE.set(time.monotonic() + seconds)
    scope = asyncio.timeout(seconds)
    try:
        async with scope:
            return await run()
    except TimeoutError as error:
        if not scope.expired():
            raise
        log.warning(
            "request stopped by its time limit of %gs",
            seconds,
            extra={"fields": {"stuck_at": stuck_at(error)}},
        )
        if isinstance(context.response, Response):
            context.response.status_code = TIMEOUT_STATUS
        result = GraphQLExecutionResult(data=None, errors=[timeout_error(seconds)])
        execution_context.result = result
        return result
    finally:
        DEADLINE.reset(token)
