"""The added validation rules (depth and alias limits, one login per operation, no introspection outside dev) as
one extension whose rule classes are built once per schema, so that the validation cache hits.

The validation cache (server/schema/validation_cache.py) keys its LRU on (schema, document, validation rule
classes). QueryDepthLimiter and MaxAliasesLimiter create a new rule class every time they are constructed, and
extensions are constructed per request, so with them the key changed on every request and the cache never hit. Here the classes are created once
and every request's extension adds those same classes. One extension rather than one per rule: Strawberry runs
every extension's hooks on every request.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from graphql import (
    ASTValidationRule,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    ValidationContext,
    Visitor,
    visit,
)
from strawberry.extensions import AddValidationRules, MaxAliasesLimiter, QueryDepthLimiter

from server.hardening.production import introspection_rules
from server.schema.login_once import OneLoginPerOperation
from server.settings import Settings


class _SpreadNames(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.names.add(node.name.value)


def _spreads_unknown_fragment(context: ValidationContext) -> bool:
    document = context.document
    defined = {d.name.value for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    spreads = _SpreadNames()
    visit(document, spreads)
    return not spreads.names <= defined


def _depth_rule(rule: type[ASTValidationRule]) -> type[ASTValidationRule]:
    """Strawberry's depth rule looks fragments up by name and raised a KeyError (an internal error) on a spread of
    one the document does not define; such a document gets graphql-core's "Unknown fragment" error instead."""

    class DepthLimit(rule):  # type: ignore[misc,valid-type]
        def __init__(self, context: ValidationContext) -> None:
            if _spreads_unknown_fragment(context):
                ASTValidationRule.__init__(self, context)
            else:
                super().__init__(context)

    return DepthLimit


def limit_rules(settings: Settings) -> Callable[[], AddValidationRules]:
    rules = [
        *map(_depth_rule, QueryDepthLimiter(max_depth=settings.graphql_max_depth).validation_rules),
        *MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases).validation_rules,
        *introspection_rules(settings),
        OneLoginPerOperation,
    ]
    return partial(AddValidationRules, rules)
