"""Each mutation error enum declares exactly the codes its mutations can answer.

Both directions fail: a code a service raises that the enum lacks would be turned into a masked internal error
(server/resolvers/errors.py maps codes through the enum), and a declared code nothing raises promises clients
an answer that never comes. What "can answer" means is a static call graph from each mutation's resolver file
(tests/schema/error_codes.py).
"""

from __future__ import annotations

from collections import defaultdict

import graphql

from . import sdl_schema
from .error_codes import _modules, reachable_codes


def _error_enum(payload: graphql.GraphQLNamedType) -> graphql.GraphQLEnumType | None:
    assert isinstance(payload, graphql.GraphQLObjectType)
    field = payload.fields.get("userErrors")
    if field is None:
        return None
    error_type = graphql.get_named_type(field.type)
    assert isinstance(error_type, graphql.GraphQLObjectType | graphql.GraphQLInterfaceType)
    code = graphql.get_named_type(error_type.fields["code"].type)
    assert isinstance(code, graphql.GraphQLEnumType)
    return code


def _mutations_by_enum() -> dict[str, list[str]]:
    mutation = sdl_schema().mutation_type
    assert mutation is not None
    out: dict[str, list[str]] = defaultdict(list)
    for name, field in mutation.fields.items():
        enum = _error_enum(graphql.get_named_type(field.type))
        if enum is not None:
            out[enum.name].append(name)
    return out


def _resolver_modules() -> dict[str, str]:
    """GraphQL mutation name -> the module its resolver is defined in (root.py names each resolver)."""
    from strawberry.utils.str_converters import to_camel_case

    from server.schema.root import Mutation

    out = {}
    for field in Mutation.__strawberry_definition__.fields:
        assert field.base_resolver is not None, f"{field.python_name}: a mutation without a resolver"
        out[field.graphql_name or to_camel_case(field.python_name)] = (
            field.base_resolver.wrapped_func.__module__
        )
    return out


def _raised(enum_name: str, mutations: list[str]) -> set[str]:
    codes: set[str] = set()
    modules = _resolver_modules()
    for mutation in mutations:
        module = modules[mutation]
        assert module in _modules(), f"{mutation}: resolver module {module} not in the call graph"
        raised, members = reachable_codes(module)
        codes |= raised | {member for enum, member in members if enum == enum_name}
    return codes


def test_every_mutation_has_an_error_enum_that_the_graph_can_check() -> None:
    assert sum(len(m) for m in _mutations_by_enum().values()) >= 30


def test_every_raised_code_is_declared_and_every_declared_code_is_raised() -> None:
    problems = []
    for enum_name, mutations in sorted(_mutations_by_enum().items()):
        enum = sdl_schema().get_type(enum_name)
        assert isinstance(enum, graphql.GraphQLEnumType)
        declared = set(enum.values)
        raised = _raised(enum_name, mutations)
        problems += [
            f"{enum_name}.{c}: raised by {sorted(mutations)} but not declared"
            for c in sorted(raised - declared)
        ]
        problems += [f"{enum_name}.{c}: declared but never raised" for c in sorted(declared - raised)]
    assert problems == []


def test_the_graph_sees_through_helpers() -> None:
    """Codes raised deep down (a collector method, a helper returning a DomainError) are found: the test above
    would otherwise pass by finding nothing."""
    codes, _ = reachable_codes("server.resolvers.mutation.campaign_create")
    assert {"MESSENGER_REQUIRED", "UNKNOWN_SHOP_CODES", "START_IN_PAST"} <= codes
    codes, _ = reachable_codes("server.resolvers.mutation.campaign_update")
    assert {"NOT_FOUND", "CHANGE_PENDING", "CONFLICT"} <= codes
    codes, _ = reachable_codes("server.resolvers.mutation.tax_info_submit")
    assert "WRONG_FORM" in codes  # `"WRONG_FORM" if wrong else "REQUIRED"`
    codes, _ = reachable_codes("server.resolvers.mutation.registration_create")
    assert {"REGISTRATION_NOT_OPEN_YET", "REGISTRATION_ENDED", "CAMPAIGN_CLOSED"} <= codes
    assert "RATE_LOCKED" not in codes
