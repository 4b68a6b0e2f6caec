"""Reading the policy table: the access an audience has to a field, and the row scope of a type."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, bindparam, false

from server.auth.principal import Principal
from server.authz.policy import FIELD_RULES, RECEIPT_LEGS, ROW_SCOPES, TYPE_ACCESS
from server.authz.rules import Access, Audience, ReceiptView, Rule, audience_of
from server.models.enums import Role

ROOT_TYPES = frozenset({"Query", "Mutation", "Subscription"})


@cache
def field_access(type_name: str, field_name: str, audience: Audience) -> Access:
    """Default deny: an unknown type or field, or a type the audience may not reach, is DENY."""
    if audience not in TYPE_ACCESS.get(type_name, frozenset()):
        return Access.DENY
    rule = FIELD_RULES.get(type_name, {}).get(field_name)
    return Access.DENY if rule is None else rule.access(audience)


def field_rule(type_name: str, field_name: str) -> Rule | None:
    return FIELD_RULES.get(type_name, {}).get(field_name)


def sees_field(type_name: str, field_name: str, principal: Principal | None, source: object) -> bool:
    """The decision on one row: ALLOW everywhere, OWN_ORGANISATION when the row is the viewer's organisation's."""
    access = field_access(type_name, field_name, audience_of(principal))
    if access is Access.OWN_ORGANISATION:
        rule = field_rule(type_name, field_name)
        return rule is not None and rule.owns(principal, source)
    return access is Access.ALLOW


@cache
def needs_gate(type_name: str, field_name: str) -> bool:
    """Root fields are always gated; an object field only when someone who reaches the type may not see it."""
    if type_name in ROOT_TYPES:
        return True
    reachers = TYPE_ACCESS.get(type_name, frozenset())
    return not reachers or any(field_access(type_name, field_name, a) is not Access.ALLOW for a in reachers)


def row_scope(type_name: str, principal: Principal | None) -> ColumnElement[bool]:
    """The SQL predicate limiting `type_name` rows to what the principal may see (no rows by default)."""
    scope = ROW_SCOPES.get(type_name, {}).get(audience_of(principal))
    if principal is None or scope is None:
        return false()
    return scope(principal)


VIEWER_USER_ID, VIEWER_ORGANISATION_ID = "viewer_user_id", "viewer_organisation_id"


@cache
def any_viewer(role: Role) -> Principal:
    """A principal of `role` whose ids are bind parameters: a select built under its row scopes (they read only the
    role and the ids) serves every viewer of the role, run with `viewer_values` of the one it runs for. A page
    statement kept per role instead of per viewer keeps one entry for all of them (~0.5 MiB each, compiled)."""
    ids: Any = (
        bindparam(VIEWER_USER_ID, type_=BigInteger),
        bindparam(VIEWER_ORGANISATION_ID, type_=BigInteger),
    )
    return Principal(user_id=ids[0], role=role, organisation_id=ids[1])


def viewer_values(principal: Principal) -> dict[str, int]:
    """The bind parameters' values for a statement built for any_viewer(principal.role)."""
    return {VIEWER_USER_ID: principal.user_id, VIEWER_ORGANISATION_ID: principal.organisation_id}


def can_reach(type_name: str, principal: Principal | None) -> bool:
    return audience_of(principal) in TYPE_ACCESS.get(type_name, frozenset())


def _allowed_fields(type_name: str, audience: Audience) -> frozenset[str]:
    return frozenset(
        name
        for name in FIELD_RULES.get(type_name, {})
        if field_access(type_name, name, audience) is Access.ALLOW
    )


@cache
def receipt_view(audience: Audience) -> ReceiptView | None:
    """What `audience` sees of the receipts of its lines; None: no receipt at all (default deny)."""
    legs = RECEIPT_LEGS.get(audience)
    if legs is None:
        return None
    return ReceiptView(
        legs, _allowed_fields("OrderLineReceipt", audience), _allowed_fields("ReceiptAmounts", audience)
    )
