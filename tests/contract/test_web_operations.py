"""Every operation the web app sends (web/src/graphql/**/*.graphql) runs for each role its header names.

Queries and safe mutations execute against the two-tenant world and must return no errors, under a statement
budget; subscriptions and the login mutation are validated against the schema (they are exercised over a
real websocket and in the login tests).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, parse, validate

from server.schema.build import build_schema
from tests.conftest import make_settings
from tests.plugins.api import PASSWORD, Api, login_token

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "web" / "src" / "graphql").rglob("*.graphql"))
ROLE_TENANT = {"agency": "agency_a", "seller": "seller_a", "creator": "creator_a", "operator": "operator"}
STATEMENT_BUDGET = 12
VARIABLES = {"Login": {"input": {"email": "seller-a@test.local", "password": PASSWORD}}, "NotificationsMarkRead": {"ids": None}}


def _roles(path: Path) -> list[str]:
    match = re.match(r"#\s*roles:\s*(.+)", path.read_text().splitlines()[0])
    assert match, f"{path.relative_to(ROOT)} must start with '# roles: ...'"
    roles = [r.strip() for r in match.group(1).split(",")]
    assert set(roles) <= set(ROLE_TENANT), roles
    return roles


CASES = [(path, role) for path in DOCUMENTS for role in _roles(path)]


def test_the_web_app_has_operations() -> None:
    assert len(DOCUMENTS) >= 5


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_document_is_valid_against_the_schema(path: Path) -> None:
    schema = build_schema(make_settings("sqlite+aiosqlite:///:memory:"))._schema
    assert validate(schema, parse(path.read_text())) == []


@pytest.mark.parametrize(("path", "role"), CASES, ids=lambda v: v.stem if isinstance(v, Path) else v)
async def test_operation_runs_for_its_roles(http, world, queries, path: Path, role: str) -> None:
    document = parse(path.read_text())
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    name = operation.name.value if operation.name else path.stem
    if operation.operation.value == "subscription" or name == "Login":
        return  # validated above; executed over a websocket / in the login tests
    api = Api(http, await login_token(http, world[ROLE_TENANT[role]].email))
    queries.reset()
    body = await api.raw(path.read_text(), VARIABLES.get(name, {}))
    assert "errors" not in body, body["errors"]
    assert queries.count <= STATEMENT_BUDGET, queries.statements
