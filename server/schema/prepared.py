"""Prepared operations: a query or mutation whose document this schema has already parsed and validated without
error runs without Strawberry's per-request extension pipeline.

For every operation Strawberry makes eight extension objects, their four context managers and exit stacks, then
runs the parse and validation hooks (two cache lookups here) and the others around execution. For a document it has
seen and validated, that is the same answer every time, and cost 5-10 % of a 20-row page's CPU and a third of
`{ __typename }`'s (bench/README.md). So the first request of a
document goes through Strawberry as ever, and `GatedSchema` remembers it when it parsed and validated clean
(`remember`); later requests of the same text and operation name run the per-request steps as plain calls, in the
order the extensions run them:

1. observability around the operation (server/observability/graphql.py),
2. within the request time limit (server/limits/timeout.py): the input guard (server/hardening/input_guard.py),
   then the price and rate charge (server/limits/extension.py), then graphql-core's execution, its errors logged
   as Strawberry logs them,
3. errors classified and masked (server/schema/extensions.py),
4. `extensions.cost` from the price's report.

Validation depends only on the document and the schema's rules, which are fixed when the schema is built, so a
remembered document is a validated one. Subscriptions are not prepared: they run through `subscribe`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graphql import DocumentNode
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.execution import optimized_is_awaitable
from strawberry.schema._graphql_core import execution_context_class_kwargs
from strawberry.schema.schema import _coerce_error
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.utils.await_maybe import await_maybe

from server.hardening.input_guard import guard_inputs
from server.limits.cost import CostCache
from server.limits.extension import limit_operation, refuse
from server.limits.timeout import within_time_limit
from server.lru import LRU
from server.observability.graphql import observed_operation
from server.schema.extensions import mask_result

if TYPE_CHECKING:
    import strawberry

PREPARED_TYPES = frozenset({OperationType.QUERY, OperationType.MUTATION})


@dataclass(frozen=True, slots=True)
class Prepared:
    document: DocumentNode
    operation_type: OperationType


class PreparedOperations:
    """One schema's remembered documents (an LRU of `size`), and the settings their per-request steps need (the
    same the schema's extensions are built with)."""

    def __init__(self, *, size: int, max_list_length: int, costs: CostCache, suggestions: bool) -> None:
        self._documents: LRU[Prepared] = LRU(size)
        self.max_list_length = max_list_length
        self.costs = costs
        self.suggestions = suggestions

    def __len__(self) -> int:
        return len(self._documents)

    def remember(self, context: ExecutionContext) -> None:
        """After Strawberry parsed and validated `context`'s document without error."""
        document = context.graphql_document
        if context.query is None or document is None or context.pre_execution_errors:
            return
        operation_type = context.operation_type
        if operation_type in PREPARED_TYPES:
            # the name the request gave (an init-only field, kept as this attribute): the key `find` looks up
            provided_name = context._provided_operation_name  # noqa: SLF001
            self._documents.put((context.query, provided_name), Prepared(document, operation_type))

    def find(
        self, query: str | None, operation_name: str | None, allowed: Iterable[OperationType]
    ) -> Prepared | None:
        if query is None:
            return None
        prepared = self._documents.get((query, operation_name))
        if prepared is None or prepared.operation_type not in allowed:
            return None  # Strawberry's path refuses a disallowed type as it always has
        return prepared

    async def execute(  # noqa: PLR0913 - Schema.execute's arguments
        self,
        schema: strawberry.Schema,
        prepared: Prepared,
        *,
        query: str,
        variable_values: dict[str, Any] | None,
        context_value: Any,
        root_value: Any,
        operation_name: str | None,
        allowed_operation_types: Iterable[OperationType],
        operation_extensions: dict[str, Any] | None,
    ) -> ExecutionResult:
        ec = ExecutionContext(
            query=query,
            schema=schema,
            allowed_operations=allowed_operation_types,
            context=context_value,
            root_value=root_value,
            variables=variable_values,
            provided_operation_name=operation_name,
            operation_extensions=operation_extensions,
        )
        ec.graphql_document = prepared.document
        report: dict[str, Any] | None = None

        async def run() -> Any:
            nonlocal report
            guard_inputs(ec, self.max_list_length)
            report, refusal = await limit_operation(ec, self.costs)
            if refusal is not None:
                refuse(ec, refusal)
            if ec.result:
                result = ec.result
            else:
                result = ec.result = await await_maybe(
                    schema._get_execute_function()(  # noqa: SLF001 - the function Strawberry runs
                        schema._schema,  # noqa: SLF001
                        prepared.document,
                        root_value=root_value,
                        variable_values=variable_values,
                        operation_name=operation_name,
                        context_value=context_value,
                        is_awaitable=optimized_is_awaitable,
                        operation_extensions=operation_extensions,
                        **execution_context_class_kwargs(schema.execution_context_class),
                    )
                )
            if isinstance(result, GraphQLExecutionResult) and result.errors:
                ec.pre_execution_errors = result.errors
                schema._process_errors(result.errors, ec)  # noqa: SLF001 - logged as Strawberry logs them
            return result

        try:
            with observed_operation(ec):
                result = await within_time_limit(ec, run)
                mask_result(ec.result, suggestions=self.suggestions)
        except Exception as error:  # noqa: BLE001 - answered as Strawberry answers an operation that raised
            coerced = _coerce_error(error)
            ec.pre_execution_errors = [coerced]
            schema._process_errors([coerced], ec)  # noqa: SLF001
            return self._answer(ec, None, [coerced], report)
        if result.errors:
            ec.pre_execution_errors = result.errors
        return self._answer(ec, result.data, result.errors, report)

    @staticmethod
    def _answer(
        ec: ExecutionContext, data: Any, errors: Any, report: dict[str, Any] | None
    ) -> ExecutionResult:
        answer = ExecutionResult(
            data=data, errors=errors, extensions={"cost": report} if report is not None else {}
        )
        ec.result = answer
        return answer
