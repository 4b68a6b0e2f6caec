"""The added validation rules (depth and alias limits, one login per operation, no introspection outside dev) as
one extension whose rule classes are built once per schema, so that the validation cache hits.

Strawberry's ValidationCache keys its LRU on (schema, document, validation rule classes). QueryDepthLimiter and
MaxAliasesLimiter create a new rule class every time they are constructed, and extensions are constructed per
request, so with them the key changed on every request and the cache never hit. Here the classes are created once
and every request's extension adds those same classes. One extension rather than one per rule: Strawberry runs
every extension's hooks on every request.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from strawberry.extensions import AddValidationRules, MaxAliasesLimiter, QueryDepthLimiter

from server.hardening.production import introspection_rules
from server.schema.login_once import OneLoginPerOperation
from server.settings import Settings


def limit_rules(settings: Settings) -> Callable[[], AddValidationRules]:
    rules = [
        *QueryDepthLimiter(max_depth=settings.graphql_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases).validation_rules,
        *introspection_rules(settings),
        OneLoginPerOperation,
    ]
    return partial(AddValidationRules, rules)
