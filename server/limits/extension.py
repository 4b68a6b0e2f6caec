"""The GraphQL side of the limits: after validation and before execution, price the operation, refuse it when it
costs more than the role may ask for, then take its cost from the rate budgets. Every priced response carries
`extensions.cost`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from starlette.responses import Response
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from server.limits.cost import CostCache
from server.limits.rate import (
    MIN_CHARGE,
    RateLimiter,
    rate_limited_message,
    retry_after_header,
    throttle_status,
)
from server.observability import metrics


class QueryLimits(SchemaExtension):
    def __init__(self, *, execution_context: Any = None, costs: CostCache | None = None) -> None:
        super().__init__(execution_context=execution_context)
        self.costs = costs if costs is not None else CostCache(1)  # an empty LRU is falsy
        self.report: dict[str, Any] | None = None

    async def on_execute(self) -> AsyncIterator[None]:
        self.report, refusal = await limit_operation(self.execution_context, self.costs)
        if refusal is not None:
            refuse(self.execution_context, refusal)
        yield

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.report} if self.report is not None else {}


async def limit_operation(ec: Any, costs: CostCache) -> tuple[dict[str, Any] | None, GraphQLError | None]:
    """Price the operation about to execute, and take its cost from the rate budgets (or the least charge when it
    costs more than the role may ask for). Returns the report for `extensions.cost` (None outside the app) and the
    error to `refuse` it with, if any."""
    context = ec.context
    if getattr(context, "rt", None) is None:  # executed outside the app (no runtime, no settings)
        return None, None
    principal = context.principal
    role = principal.role.value.lower() if principal is not None else "anonymous"
    assert ec.graphql_document is not None  # parsed before execution
    cost = costs.cost(ec.schema._schema, ec.graphql_document, ec.operation_name, ec.variables)
    limit = context.rt.settings.query_cost_limit[role]
    report: dict[str, Any] = {"requestedQueryCost": cost.total, "limit": limit}
    metrics.graphql_cost(ec.operation_name, cost.total)
    too_costly = cost.total > limit
    # The app's limiter (the context's); an internal execution (a webhook's render) is charged to no one.
    rate: RateLimiter | None = getattr(context, "rate", None)
    throttle = None
    if rate is not None:
        client = context.request.client
        buckets = rate.graphql_buckets(
            role if principal else None,
            principal.user_id if principal else None,
            client.host if client else "unknown",
        )
        # A refused query still takes the least charge: a flood of them is rate limited like any other.
        throttle = await rate.take(context.rt.clock, buckets, MIN_CHARGE if too_costly else cost.total)
        report["throttleStatus"] = throttle_status(throttle)
    if throttle is not None and not throttle.allowed:
        retry_after = retry_after_header(throttle)
        if isinstance(context.response, Response):  # HTTP; a websocket stays open and gets the error
            context.response.status_code = 429
            context.response.headers["Retry-After"] = retry_after
        return report, GraphQLError(
            rate_limited_message(throttle),
            extensions={"code": "RATE_LIMITED", "retryAfter": int(retry_after), "cost": cost.total},
        )
    if too_costly:
        return report, GraphQLError(
            f"Query cost {cost.total} is over the limit of {limit}; the most expensive path is {cost.path} "
            f"({cost.path_cost}). Ask for fewer items (`first`) or fewer nested lists.",
            extensions={
                "code": "QUERY_TOO_COSTLY",
                "cost": cost.total,
                "limit": limit,
                "path": cost.path,
                "pathCost": cost.path_cost,
            },
        )
    return report, None


def refuse(ec: Any, error: GraphQLError) -> None:
    """Nothing runs: a query or mutation answers this error (with extensions.cost); a subscription ends with it."""
    if ec.operation_type is OperationType.SUBSCRIPTION:
        raise error
    ec.result = GraphQLExecutionResult(data=None, errors=[error])
