"""Every document the web app sends (web/src/graphql) costs at most half of the limit of each role it is for."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import parse

from server.limits.cost import operation_cost
from server.settings import DEFAULT_QUERY_COST_LIMIT
from tests.contract.test_web_operations import CASES, VARIABLES
from tests.schema import built_schema
from tests.web_documents import document_text

HEADROOM = 0.5


def test_the_walk_finds_the_web_documents() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize(("path", "role"), CASES, ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_web_document_fits_well_inside_its_roles_limit(path: Path, role: str) -> None:
    document = parse(document_text(path))
    cost = operation_cost(built_schema()._schema, document, None, VARIABLES.get(path.stem, {}))
    assert 0 <= cost.total <= DEFAULT_QUERY_COST_LIMIT[role] * HEADROOM, (cost, path.name)
