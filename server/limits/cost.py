"""Static query cost, computed from the validated document before anything runs.

The weights and list bounds are declared beside the schema (server/schema/costs.py). Fragments (named and
inline) and aliases count where they are spread; `@skip`/`@include` are ignored (the cost is an upper bound);
a fragment's cost is computed once per type and page size however often it is spread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_composite_type,
    is_list_type,
)
from graphql.pyutils import Undefined

from server.lru import LRU
from server.schema import costs


@dataclass(frozen=True, slots=True)
class Cost:
    total: int
    path: str  # the most expensive path, by response keys (aliases), e.g. "products.edges.node.shop"
    path_cost: int  # the cost of the first field on that path


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> Cost:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    operation = next(
        (
            o
            for o in operations
            if operation_name is None or (o.name is not None and o.name.value == operation_name)
        ),
        None,
    )
    if operation is None:
        return Cost(0, "", 0)
    root = schema.get_root_type(operation.operation)
    if root is None:
        return Cost(0, "", 0)
    walker = _Walker(schema, document, operation, variables or {})
    total, path, head = walker.selection(root, operation.selection_set, None)
    return Cost(total, ".".join(path), head)


class _Walker:
    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.defaults = {v.variable.name.value: v.default_value for v in operation.variable_definitions or ()}
        self.variables = variables
        self.memo: dict[tuple[str, str, int | None], tuple[int, list[str], int]] = {}

    def selection(
        self, parent: Any, selection_set: SelectionSetNode | None, page: int | None
    ) -> tuple[int, list[str], int]:
        """(cost, most expensive path, cost of its head) of a selection set on `parent`."""
        total, best, best_cost = 0, [], 0
        if selection_set is None:
            return 0, [], 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                cost, path = self.field(parent, node, page)
                head = cost
            elif isinstance(node, InlineFragmentNode):
                target = (
                    self.schema.get_type(node.type_condition.name.value) if node.type_condition else parent
                )
                cost, path, head = self.selection(target, node.selection_set, page)
            elif isinstance(node, FragmentSpreadNode):
                cost, path, head = self.spread(node.name.value, page)
            else:  # pragma: no cover - graphql-core has no other selection kinds
                continue
            total += cost
            if cost > best_cost:
                best, best_cost = path, head
        return total, best, best_cost

    def spread(self, name: str, page: int | None) -> tuple[int, list[str], int]:
        fragment = self.fragments.get(name)
        if fragment is None:
            return 0, [], 0
        key = (name, fragment.type_condition.name.value, page)
        if key not in self.memo:
            self.memo[key] = (0, [], 0)  # a cycle (refused by validation anyway) counts nothing
            target = self.schema.get_type(fragment.type_condition.name.value)
            self.memo[key] = self.selection(target, fragment.selection_set, page)
        return self.memo[key]

    def field(self, parent: Any, node: FieldNode, page: int | None) -> tuple[int, list[str]]:
        name = node.name.value
        key = node.alias.value if node.alias else name
        if name == "__typename":
            return 0, []
        if name in ("__schema", "__type"):
            return costs.INTROSPECTION_WEIGHT, [key]
        definition = getattr(parent, "fields", {}).get(name)
        if definition is None:  # validation refuses unknown fields; nothing to count
            return 0, []
        named = get_named_type(definition.type)
        if not is_composite_type(named):
            return costs.weight(parent.name, name, leaf=True), []
        first = self.argument(node, definition, "first") if "first" in definition.args else None
        multiplier = 1
        if is_list_type(get_nullable_type(definition.type)):
            if name in ("edges", "nodes") and parent.name.endswith("Connection") and page is not None:
                multiplier = page
            elif first is not None:
                multiplier = first
            else:
                multiplier = costs.list_bound(parent.name, name) or costs.UNKNOWN_PAGE
        child_page = first if named.name.endswith("Connection") else None
        inner, path, _ = self.selection(named, node.selection_set, child_page)
        return multiplier * (costs.weight(parent.name, name, leaf=False) + inner), [key, *path]

    def argument(self, node: FieldNode, definition: Any, name: str) -> int:
        value: Any = Undefined
        for argument in node.arguments or ():
            if argument.name.value != name:
                continue
            literal = argument.value
            if isinstance(literal, VariableNode):
                var = literal.name.value
                default = self.defaults.get(var)
                if var in self.variables:
                    value = self.variables[var]
                elif isinstance(default, IntValueNode):
                    value = int(default.value)
                else:
                    value = None
            elif isinstance(literal, IntValueNode):
                value = int(literal.value)
            else:
                value = None
        if value is Undefined:
            value = definition.args[name].default_value
        if isinstance(value, bool) or not isinstance(value, int):
            return costs.UNKNOWN_PAGE
        return max(value, 0)


class CostCache(LRU[Cost]):
    """operation_cost per (document, operation name, the variables the price can depend on), bounded (LRU).

    Keyed by the document's identity (LRU.per_document). A price reads a variable only as a page size (`first`):
    an int counts by value, anything else (absent from the request or not an int) by its kind alone.
    """

    def cost(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation_name: str | None,
        variables: dict[str, Any] | None,
    ) -> Cost:
        return self.per_document(
            (id(schema), operation_name, _variables_key(variables)),
            document,
            lambda: operation_cost(schema, document, operation_name, variables),
        )


def _variables_key(variables: dict[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    if not variables:
        return ()
    return tuple(
        sorted(
            (name, value if type(value) is int else ("int?", value is None))
            for name, value in variables.items()
        )
    )
