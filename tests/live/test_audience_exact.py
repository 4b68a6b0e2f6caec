"""The audience key is exact: whatever a subscription resolver reads of the principal, directly or through a row
scope it applies itself, is part of the key of that subscription, for every role that may subscribe. (Types the
payload reaches are covered by construction: their row scopes are traced.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from server.authz.decisions import field_access
from server.authz.rules import Access, role_audience
from server.live.audience import key_fields, principal_reads
from server.models.enums import Role
from server.schema.build import build_schema
from server.settings import Settings

RESOLVERS = Path(__file__).resolve().parents[2] / "server" / "resolvers" / "subscription"
SCHEMA = build_schema(Settings(_env_file=None))._schema  # type: ignore[call-arg]


def _field_name(path: Path) -> str:
    head, *rest = path.stem.split("_")
    return head + "".join(part.title() for part in rest)


def _reads(path: Path) -> tuple[set[str], set[str]]:
    """(principal attributes read, types whose row scope the resolver applies itself)."""
    attrs: set[str] = set()
    scoped: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute):
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id == "principal") or (
                isinstance(owner, ast.Attribute) and owner.attr == "principal"
            ):
                attrs.add(node.attr)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "row_scope":
            first = node.args[0]
            assert isinstance(first, ast.Constant), f"{path.name}: row_scope with a computed type name"
            scoped.add(first.value)
    return attrs, scoped


@pytest.mark.parametrize(
    "path", sorted(p for p in RESOLVERS.glob("*.py") if p.stem != "__init__"), ids=lambda p: p.stem
)
def test_what_a_subscription_resolver_reads_of_the_principal_is_in_its_key(path: Path) -> None:
    field = _field_name(path)
    assert field in SCHEMA.subscription_type.fields, field  # type: ignore[union-attr]
    attrs, scoped = _reads(path)
    roles = [r for r in Role if field_access("Subscription", field, role_audience(r)) is not Access.DENY]
    assert roles, field
    for role in roles:
        key = set(key_fields(SCHEMA, (field,), role))
        needed = {a if a not in ("agency_id", "shop_id", "creator_id") else "organisation_id" for a in attrs}
        for type_name in scoped:
            needed |= principal_reads(type_name, role)
        assert needed <= key, (field, role, needed - key)
