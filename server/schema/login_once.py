"""One `login` per request: an operation that selects `login` more than once (by alias, fragments or not) is
refused at validation, before any field runs, so a single request can never make the server hash more than one
password. (Batched requests are refused by the endpoint: batching is off.)"""

from __future__ import annotations

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValidationRule,
)

LOGIN_FIELD = "login"
CODE = "LOGIN_ONCE_PER_REQUEST"


class OneLoginPerOperation(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: object) -> None:
        if node.operation is not OperationType.MUTATION:
            return
        found = self._count(node.selection_set, set())
        if found > 1:
            self.report_error(
                GraphQLError(
                    f"`{LOGIN_FIELD}` can be selected once per request; this operation selects it {found} times.",
                    node,
                    extensions={"code": CODE, "field": LOGIN_FIELD, "limit": 1, "found": found},
                )
            )

    def _count(self, selection_set: SelectionSetNode | None, seen: set[str]) -> int:
        found = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                found += selection.name.value == LOGIN_FIELD
            elif isinstance(selection, InlineFragmentNode):
                found += self._count(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.context.get_fragment(name)
                if fragment is not None and name not in seen:  # a cycle is reported by the standard rules
                    found += self._count(fragment.selection_set, seen | {name})
        return found
