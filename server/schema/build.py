"""Schema assembly: the policy gate is attached to fields here, by the schema itself, not by hand."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any, cast

import strawberry
from strawberry.extensions import (
    MaxTokensLimiter,
    ParserCache,
)
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField
from strawberry.types.graphql import OperationType

from server.authz.decisions import needs_gate
from server.authz.gate import PolicyGate
from server.hardening.input_guard import InputGuard
from server.limits.cost import CostCache
from server.limits.extension import QueryLimits
from server.limits.timeout import TimeLimitedExecution
from server.observability.graphql import ObserveOperations
from server.schema.extension_runner import CachedHooksRunner
from server.schema.extensions import ClassifyAndMaskErrors
from server.schema.fast_execution import FastExecutionContext
from server.schema.fast_inputs import install_fast_inputs
from server.schema.fast_resolvers import install_fast_resolvers
from server.schema.prepared import PreparedOperations
from server.schema.root import Mutation, Query
from server.schema.subscription_root import Subscription
from server.schema.validation_cache import validation_cache
from server.schema.validation_rules import limit_rules
from server.settings import Settings


class GatedSchema(TimeLimitedExecution, strawberry.Schema):
    def __init__(self, *args: Any, prepared: PreparedOperations | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # documents validated before run without the extension pipeline (server/schema/prepared.py)
        self.prepared = prepared
        install_fast_resolvers(self)  # argument-less object fields skip Strawberry's generic chain
        install_fast_inputs(self)  # input objects built from a table per type

    def create_extensions_runner(self, execution_context: Any, extensions: list[Any]) -> CachedHooksRunner:
        # each hook's wrapping worked out once per extension class, not per request
        return CachedHooksRunner(execution_context=execution_context, extensions=extensions)

    async def _prepare_operation_async(self, context: ExecutionContext, extensions_runner: Any) -> Any:
        errors = await super()._prepare_operation_async(context, extensions_runner)
        if errors is None and self.prepared is not None:
            self.prepared.remember(context)
        return errors

    async def execute(  # noqa: PLR0913, PLR0917 - Strawberry's signature
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        allowed = (
            DEFAULT_ALLOWED_OPERATION_TYPES if allowed_operation_types is None else allowed_operation_types
        )
        prepared = None if self.prepared is None else self.prepared.find(query, operation_name, allowed)
        if prepared is None:
            return await super().execute(
                query,
                variable_values,
                context_value,
                root_value,
                operation_name,
                allowed_operation_types,
                operation_extensions,
            )
        return await self.prepared.execute(  # type: ignore[union-attr]
            self,
            prepared,
            query=cast("str", query),
            variable_values=variable_values,
            context_value=context_value,
            root_value=root_value,
            operation_name=operation_name,
            allowed_operation_types=allowed,
            operation_extensions=operation_extensions,
        )

    def get_fields(self, type_definition: StrawberryObjectDefinition) -> list[StrawberryField]:
        fields = super().get_fields(type_definition)
        if type_definition.is_input or type_definition.is_interface:
            return fields
        type_name = self.config.name_converter.from_object(
            type_definition
        )  # "ProductConnection", not "Connection"
        for field in fields:
            name = self.config.name_converter.get_graphql_name(field)
            if needs_gate(type_name, name) and not any(
                isinstance(e, PolicyGate) and e.type_name == type_name for e in field.extensions
            ):
                field.extensions.append(PolicyGate(type_name))
        return fields


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema for these settings. It holds no per-app state: the rate limiter a request is charged to comes
    with its context (server/schema/context.py)."""
    costs = CostCache(settings.graphql_cache_size)
    return GatedSchema(
        prepared=PreparedOperations(
            size=settings.graphql_cache_size,
            max_list_length=settings.graphql_max_list_length,
            costs=costs,
            suggestions=settings.suggestions_enabled,
        ),
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        execution_context_class=FastExecutionContext,  # scalar attributes completed directly
        extensions=[
            ObserveOperations,  # first: its span and duration enclose the others (server/observability/graphql.py)
            partial(ParserCache, maxsize=settings.graphql_cache_size),
            validation_cache(settings.graphql_cache_size),  # per schema (server/schema/validation_cache.py)
            partial(MaxTokensLimiter, max_token_count=settings.graphql_max_tokens),
            limit_rules(
                settings
            ),  # depth, alias, login-once, introspection: built once so the validation cache hits
            partial(InputGuard, max_list_length=settings.graphql_max_list_length),
            partial(QueryLimits, costs=costs),
            partial(ClassifyAndMaskErrors, suggestions=settings.suggestions_enabled),
        ],
    )
