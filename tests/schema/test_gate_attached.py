"""The schema attaches the PolicyGate itself: every field the policy restricts carries exactly one gate, for
the GraphQL type it is on; a field without a gate is one that everyone who reaches its type may see."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from server.auth.principal import Principal
from server.authz.decisions import ROOT_TYPES, field_access, needs_gate
from server.authz.errors import PublicError
from server.authz.gate import PolicyGate
from server.authz.policy import FIELD_RULES, TYPE_ACCESS
from server.authz.rules import Access, Audience
from server.models.enums import Role

from . import AUDIENCES, built_schema, call, object_types, sdl_schema


def _strawberry_fields(type_name: str) -> dict[str, object]:
    """GraphQL field name -> the StrawberryField the built schema resolves it with."""
    schema = built_schema()
    definition = schema.get_type_by_name(type_name)
    assert definition is not None, type_name
    graphql_names = set(object_types(sdl_schema())[type_name].fields)
    by_name = {schema.config.name_converter.get_graphql_name(f): f for f in definition.fields}
    return {name: field for name, field in by_name.items() if name in graphql_names}


def _gate_problems() -> list[str]:
    problems = []
    for type_name, type_ in sorted(object_types(sdl_schema()).items()):
        fields = _strawberry_fields(type_name)
        assert set(fields) == set(type_.fields), type_name
        for field_name, field in fields.items():
            gates = [e for e in field.extensions if isinstance(e, PolicyGate)]  # type: ignore[attr-defined]
            where = f"{type_name}.{field_name}"
            if any(g.type_name != type_name for g in gates):
                problems.append(f"{where}: gate(s) for {[g.type_name for g in gates]}, not for {type_name}")
            if needs_gate(type_name, field_name) and len(gates) != 1:
                problems.append(f"{where}: restricted but has {len(gates)} PolicyGate(s)")
            if not needs_gate(type_name, field_name) and gates:
                problems.append(f"{where}: visible to everyone who reaches {type_name} yet gated")
    return problems


def test_every_restricted_field_has_exactly_one_gate_for_its_type() -> None:
    problems = _gate_problems()
    assert not problems, "\n".join(problems)


def test_ungated_fields_are_visible_to_every_audience_that_reaches_the_type() -> None:
    """Read straight from the table (not through needs_gate): an ungated field leaks nothing."""
    problems = []
    for type_name in sorted(object_types(sdl_schema())):
        for field_name, field in _strawberry_fields(type_name).items():
            if any(isinstance(e, PolicyGate) for e in field.extensions):  # type: ignore[attr-defined]
                continue
            rule = FIELD_RULES.get(type_name, {}).get(field_name)
            reachers = TYPE_ACCESS.get(type_name, frozenset())
            if type_name in ROOT_TYPES or rule is None or not reachers or not reachers <= rule.everywhere:
                problems.append(
                    f"{type_name}.{field_name}: no gate, but rule {rule} for reachers {sorted(reachers)}"
                )
    assert not problems, "\n".join(problems)


# --- the attached gate is the one that runs, and decides as the table says ---------------------------------


def _principal(audience: Audience) -> Principal | None:
    return (
        None
        if audience is Audience.ANONYMOUS
        else Principal(user_id=1, role=Role(audience.value), organisation_id=1)
    )


def _gated_fields() -> list[tuple[str, str, PolicyGate]]:
    out = []
    for type_name in sorted(object_types(sdl_schema())):
        for field_name, field in _strawberry_fields(type_name).items():
            out += [(type_name, field_name, e) for e in field.extensions if isinstance(e, PolicyGate)]  # type: ignore[attr-defined]
    return out


async def _run_gate(gate: PolicyGate, info: object, source: object = None) -> tuple[list[object], list[str]]:
    """The gate's sync and async paths around a resolver that records its calls: (results, calls)."""
    calls: list[str] = []

    def next_sync(source: object, info: object, **kwargs: object) -> str:
        calls.append("sync")
        return "value"

    async def next_async(source: object, info: object, **kwargs: object) -> str:
        calls.append("async")
        return "value"

    results: list[object] = []
    for is_async in (False, True):
        try:
            if is_async:
                results.append(await gate.resolve_async(next_async, source, info))
            else:
                results.append(gate.resolve(next_sync, source, info))
        except PublicError as error:
            results.append(error.extensions["code"])
    return results, calls


@pytest.mark.parametrize("audience", AUDIENCES, ids=str)
async def test_gate_calls_the_resolver_only_when_the_table_allows(audience: Audience) -> None:
    """Every attached gate, sync and async, for this audience: ALLOW calls the resolver; DENY never does
    (null for object fields, FORBIDDEN/UNAUTHENTICATED for root fields)."""
    principal = _principal(audience)
    problems = []
    for type_name, field_name, gate in _gated_fields():
        access = field_access(type_name, field_name, audience)
        info = SimpleNamespace(field_name=field_name, context=SimpleNamespace(principal=principal))
        results, calls = await _run_gate(gate, info)
        if access is Access.ALLOW:
            expected_results, expected_calls = ["value", "value"], ["sync", "async"]
        elif type_name in ROOT_TYPES:
            code = "UNAUTHENTICATED" if principal is None else "FORBIDDEN"
            expected_results, expected_calls = [code, code], []
        else:
            expected_results, expected_calls = [None, None], []
        if (results, calls) != (expected_results, expected_calls):
            problems.append(f"{type_name}.{field_name} ({access.name}): got {results} calling {calls}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("audience", AUDIENCES, ids=str)
async def test_denied_root_fields_are_refused_through_the_schema(audience: Audience) -> None:
    """Executed by the real schema with no database in the context: a resolver that ran would crash, so the
    error code proves the attached gate answered first."""
    expected = "UNAUTHENTICATED" if audience is Audience.ANONYMOUS else "FORBIDDEN"
    context = SimpleNamespace(principal=_principal(audience), loaders=None, rt=None)
    for root, keyword in (("Query", "query"), ("Mutation", "mutation")):
        for field_name, field in object_types(sdl_schema())[root].fields.items():
            if field_access(root, field_name, audience) is not Access.DENY:
                continue
            result = await built_schema().execute(
                f"{keyword} {{ {call(field_name, field)} }}", context_value=context
            )
            codes = [e.extensions.get("code") for e in result.errors or []]
            assert codes == [expected], (root, field_name, result.errors)


@pytest.mark.parametrize("audience", AUDIENCES, ids=str)
async def test_own_organisation_fields_show_only_on_the_viewers_organisations_rows(
    audience: Audience,
) -> None:
    """OWN_ORGANISATION (a person's name): the resolver runs for a row whose owner attribute is the viewer's
    organisation, never for another organisation's row, one without an owner (the platform) or no row at all."""
    principal = _principal(audience)
    owned = [
        (t, f, gate)
        for t, f, gate in _gated_fields()
        if Access.OWN_ORGANISATION in {field_access(t, f, a) for a in AUDIENCES}
    ]
    assert {(t, f) for t, f, _ in owned} >= {
        ("TermsEvent", "actorPersonName"),
        ("DisputeMessage", "authorPersonName"),
    }
    problems = []
    for type_name, field_name, gate in owned:
        rule = FIELD_RULES[type_name][field_name]
        assert rule.owner is not None
        info = SimpleNamespace(field_name=field_name, context=SimpleNamespace(principal=principal))
        own_row = SimpleNamespace(**{rule.owner: 1})  # _principal's organisation
        for source, mine in (
            (own_row, True),
            (SimpleNamespace(**{rule.owner: 2}), False),
            (SimpleNamespace(**{rule.owner: None}), False),
        ):
            visible = mine and field_access(type_name, field_name, audience) is not Access.DENY
            expected = (["value", "value"], ["sync", "async"]) if visible else ([None, None], [])
            got = await _run_gate(gate, info, source)
            if got != expected:
                problems.append(f"{type_name}.{field_name} on {source}: got {got}, expected {expected}")
    assert not problems, "\n".join(problems)
