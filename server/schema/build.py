"""Schema assembly: the policy gate is attached to fields here, by the schema itself, not by hand."""

from __future__ import annotations

from functools import partial
from typing import Any

import strawberry
from strawberry.extensions import (
    MaxTokensLimiter,
    ParserCache,
)
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

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
from server.schema.root import Mutation, Query
from server.schema.subscription_root import Subscription
from server.schema.validation_cache import validation_cache
from server.schema.validation_rules import limit_rules
from server.settings import Settings


class GatedSchema(TimeLimitedExecution, strawberry.Schema):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        install_fast_resolvers(self)  # argument-less object fields skip Strawberry's generic chain
        install_fast_inputs(self)  # input objects built from a table per type

    def create_extensions_runner(self, execution_context: Any, extensions: list[Any]) -> CachedHooksRunner:
        # each hook's wrapping worked out once per extension class, not per request
        return CachedHooksRunner(execution_context=execution_context, extensions=extensions)

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
    return GatedSchema(
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
            partial(QueryLimits, costs=CostCache(settings.graphql_cache_size)),
            partial(ClassifyAndMaskErrors, suggestions=settings.suggestions_enabled),
        ],
    )
