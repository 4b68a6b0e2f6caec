"""Every GraphQL input, checked in one place after validation and before any resolver runs.

Walks the operation's argument values (literals, variables and variable defaults, inside input objects and
lists, through fragments) against their schema types and refuses the request with a validation error naming
the field and the argument path when:

- a list is longer than the general cap (settings.graphql_max_list_length), unless the field enforces its own
  cap (OWN_CAPS: those answer with a userError `TOO_MANY` from their service);
- a string contains NUL or invalid Unicode (a lone surrogate): no database column can store it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableNode,
    Visitor,
    get_operation_ast,
    visit,
)
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from server.hardening.json_body import string_problem
from server.lru import LRU, cached_on

# Lists whose field has its own cap, enforced by its service with a userError (code TOO_MANY), keyed by
# "InputType.field" or "ParentType.field(argument)".
OWN_CAPS = frozenset(
    {
        "CampaignTargetingInput.shopCodes",  # services/campaign_rules.MAX_TARGET_SHOPS
        "RegistrationCreateInput.items",  # services/campaign_rules.MAX_BATCH
        "RegistrationReviewInput.ids",  # services/campaign_rules.MAX_BATCH
        "ProductListCreateInput.items",  # services/product_lists.ITEMS_MAX
        "ProductListItemsSetInput.set",  # services/product_lists.ITEMS_MAX
        "ShowcaseAddInput.itemIds",  # services/showcase.MAX_ITEMS
        "ShowcaseRemoveInput.entryIds",  # services/showcase.MAX_ITEMS
        "PayoutRunInput.billIds",  # services/finance/payouts.MAX_BILLS (INVALID_COUNT)
        "NotificationsMarkReadInput.ids",  # resolvers/mutation/notifications_mark_read.MAX_IDS
    }
)


@dataclass(slots=True)
class InputProblem:
    field: str  # "Mutation.login"
    argument: list[str | int]  # ["input", "email"]
    reason: str  # NUL_CHARACTER | INVALID_UNICODE | TOO_MANY_ITEMS
    message: str
    limit: int | None = None

    def error(self) -> GraphQLError:
        where = ".".join(str(p) for p in self.argument)
        extensions: dict[str, Any] = {
            "code": "GRAPHQL_VALIDATION_FAILED",
            "field": self.field,
            "argument": self.argument,
            "reason": self.reason,
        }
        if self.limit is not None:
            extensions["limit"] = self.limit
        return GraphQLError(
            f'Argument "{where}" of field "{self.field}" {self.message}.', extensions=extensions
        )


class _Walker:
    def __init__(
        self, variables: dict[str, Any], defaults: dict[str, ValueNode | None], max_list: int
    ) -> None:
        self.variables = variables
        self.defaults = defaults
        self.max_list = max_list
        self.problems: list[InputProblem] = []
        self.field = ""

    def _report(self, path: list[str | int], reason: str, message: str, limit: int | None = None) -> None:
        self.problems.append(InputProblem(self.field, list(path), reason, message, limit))

    def _string(self, value: str, path: list[str | int]) -> None:
        problem = string_problem(value)
        if problem:
            self._report(path, "NUL_CHARACTER" if "NUL" in problem else "INVALID_UNICODE", problem)

    def _list(self, length: int, path: list[str | int], own_cap: bool) -> bool:
        if not own_cap and length > self.max_list:
            self._report(
                path,
                "TOO_MANY_ITEMS",
                f"has {length} items; at most {self.max_list} are allowed",
                self.max_list,
            )
            return False
        return True

    def node(
        self, node: ValueNode, type_: GraphQLInputType, path: list[str | int], own_cap: bool = False
    ) -> None:
        if isinstance(type_, GraphQLNonNull):
            type_ = type_.of_type
        if isinstance(node, VariableNode):
            name = node.name.value
            if name in self.variables:
                self.raw(self.variables[name], type_, path, own_cap)
            elif (default := self.defaults.get(name)) is not None:
                self.node(default, type_, path, own_cap)
        elif isinstance(type_, GraphQLList):
            items = node.values if isinstance(node, ListValueNode) else (node,)
            if self._list(len(items), path, own_cap):
                for index, item in enumerate(items):
                    self.node(item, type_.of_type, [*path, index])
        elif isinstance(type_, GraphQLInputObjectType) and isinstance(node, ObjectValueNode):
            for field in node.fields:
                name = field.name.value
                if name in type_.fields:
                    self.node(
                        field.value,
                        type_.fields[name].type,
                        [*path, name],
                        f"{type_.name}.{name}" in OWN_CAPS,
                    )
        elif isinstance(node, StringValueNode):
            self._string(node.value, path)

    def raw(self, value: Any, type_: GraphQLInputType, path: list[str | int], own_cap: bool = False) -> None:
        if isinstance(type_, GraphQLNonNull):
            type_ = type_.of_type
        if value is None:
            return
        if isinstance(type_, GraphQLList):
            items = value if isinstance(value, list) else [value]
            if self._list(len(items), path, own_cap):
                for index, item in enumerate(items):
                    self.raw(item, type_.of_type, [*path, index])
        elif isinstance(type_, GraphQLInputObjectType) and isinstance(value, dict):
            for name, item in value.items():
                if name in type_.fields:
                    self.raw(item, type_.fields[name].type, [*path, name], f"{type_.name}.{name}" in OWN_CAPS)
        elif isinstance(value, str):
            self._string(value, path)


def _fragments_used(
    document: DocumentNode, operation: OperationDefinitionNode
) -> list[FragmentDefinitionNode]:
    by_name = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    seen: dict[str, FragmentDefinitionNode] = {}

    def spreads(node: Any) -> Iterator[str]:
        found: list[str] = []

        class Collect(Visitor):
            def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: Any) -> None:
                found.append(spread.name.value)

        visit(node, Collect())
        return iter(found)

    pending = list(spreads(operation))
    while pending:
        name = pending.pop()
        if name in seen or name not in by_name:
            continue
        seen[name] = by_name[name]
        pending.extend(spreads(by_name[name]))
    return list(seen.values())


@dataclass(frozen=True, slots=True)
class _Site:
    """One argument written in the operation (or a fragment it uses): where, its value node and its type."""

    field: str
    name: str
    value: ValueNode
    type: GraphQLInputType
    own_cap: bool


def _argument_sites(
    schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode
) -> list[_Site]:
    sites: list[_Site] = []
    type_info = TypeInfo(schema)

    class Fields(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            field_def = type_info.get_field_def()
            parent = type_info.get_parent_type()
            if field_def is None or parent is None or not node.arguments:
                return
            field = f"{parent.name}.{node.name.value}"
            for argument in node.arguments:
                name = argument.name.value
                if (arg_def := field_def.args.get(name)) is not None:
                    sites.append(
                        _Site(field, name, argument.value, arg_def.type, f"{field}({name})" in OWN_CAPS)
                    )

    for definition in (operation, *_fragments_used(document, operation)):
        visit(definition, TypeInfoVisitor(type_info, Fields()))
    return sites


@cached_on  # the schema's own: the sites hold its input types
def document_sites(_schema: GraphQLSchema) -> LRU[Any]:
    """The sites of the schema's recently seen documents, so that a request walks only its values
    (LRU.per_document)."""
    return LRU(512)


def forget_documents(schema: GraphQLSchema) -> None:
    """Empties the cache of documents' argument sites (a benchmark's cold start)."""
    document_sites(schema).clear()


def _cached_sites(
    schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode
) -> list[_Site]:
    name = operation.name.value if operation.name else None
    return document_sites(schema).per_document(
        (name,), document, lambda: _argument_sites(schema, document, operation)
    )


def input_problems(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    *,
    max_list_length: int,
) -> list[InputProblem]:
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return []  # execution reports the missing or ambiguous operation
    defaults: dict[str, ValueNode | None] = {
        d.variable.name.value: d.default_value for d in operation.variable_definitions or ()
    }
    walker = _Walker(variables if isinstance(variables, dict) else {}, defaults, max_list_length)
    for site in _cached_sites(schema, document, operation):
        walker.field = site.field
        walker.node(site.value, site.type, [site.name], site.own_cap)
    return walker.problems


class InputGuard(SchemaExtension):
    """Runs input_problems after validation, before execution; its errors are validation errors (no `data`:
    HTTP 400 with application/graphql-response+json), so no resolver runs."""

    def __init__(self, *, max_list_length: int) -> None:
        super().__init__()
        self.max_list_length = max_list_length

    def on_execute(self) -> Iterator[None]:
        guard_inputs(self.execution_context, self.max_list_length)
        yield


def guard_inputs(ctx: Any, max_list_length: int) -> None:
    """input_problems of an operation about to execute; when there are any, its result is preset to their errors
    (a subscription's first error is raised: its result cannot be preset)."""
    # Without variables, only string literals (") and list literals ([) can break a rule: most documents the
    # web app sends skip the walk.
    literals = ctx.query is None or '"' in ctx.query or "[" in ctx.query
    if (
        ctx.graphql_document is not None
        and not ctx.pre_execution_errors
        and ctx.result is None
        and (ctx.variables or literals)
    ):
        problems = input_problems(
            ctx.schema._schema,
            ctx.graphql_document,
            ctx.operation_name,
            ctx.variables,
            max_list_length=max_list_length,
        )
        if problems:
            errors = [problem.error() for problem in problems[:10]]
            if ctx.operation_type is OperationType.SUBSCRIPTION:
                raise errors[0]  # a subscription's result cannot be preset; its error ends the operation
            ctx.result = ExecutionResult(data=None, errors=errors)
