"""A statement built for `any_viewer(role)` (the viewer's ids as bind parameters) and run with a viewer's
`viewer_values` is exactly the one built for that viewer: for every row scope of the policy table."""

from __future__ import annotations

import pytest
from sqlalchemy import ColumnElement, Select, literal, select
from sqlalchemy.dialects import postgresql

from server.auth.principal import Principal
from server.authz.decisions import any_viewer, row_scope, viewer_values
from server.authz.policy import ROW_SCOPES
from server.models.enums import Role

SCOPES = sorted(
    (type_name, role)
    for type_name, scopes in ROW_SCOPES.items()
    for role in Role
    if role.value in {audience.value for audience in scopes}
)


def _where(scope: ColumnElement[bool]) -> Select[int]:
    return select(literal(1)).where(scope)


def _sql(stmt: Select[int]) -> str:
    return str(stmt.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


@pytest.mark.parametrize(("type_name", "role"), SCOPES)
def test_a_scope_built_for_any_viewer_is_the_viewers_own(type_name: str, role: Role) -> None:
    viewer = Principal(user_id=918_273, role=role, organisation_id=564_738)
    shared = _where(row_scope(type_name, any_viewer(role))).params(viewer_values(viewer))
    assert _sql(shared) == _sql(_where(row_scope(type_name, viewer)))


def test_another_viewer_gets_another_statement() -> None:
    """The check above can fail: two viewers' scopes differ."""
    one, other = (Principal(user_id=n, role=Role.AGENCY, organisation_id=n) for n in (111_111, 222_222))
    shared = _where(row_scope("Registration", any_viewer(Role.AGENCY)))
    assert _sql(shared.params(viewer_values(one))) != _sql(_where(row_scope("Registration", other)))
