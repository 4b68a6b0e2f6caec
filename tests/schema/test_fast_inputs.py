"""Input objects built by server/schema/fast_inputs.py equal what Strawberry builds without it: fields present,
absent (implicit None, declared defaults, default factories), nested inputs and lists of them, enums, custom
scalars, renamed fields, nulls (None, or Some(None) for a Maybe), and the same errors for values the conversion rejects."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import pytest
import strawberry

from server.schema.build import build_schema
from server.schema.fast_inputs import install_fast_inputs
from server.settings import Settings


@strawberry.enum
class Size(enum.Enum):
    SMALL = "small"
    LARGE = "large"


@strawberry.input
class Line:
    sku: str
    quantity: int = 1


@strawberry.input
class Order:
    reference: strawberry.ID
    size: Size | None = None
    sizes: list[Size] | None = None
    placed_at: datetime | None = None
    note: str | None = strawberry.field(default="none", name="comment")
    tags: list[str] = strawberry.field(default_factory=lambda: ["new"])
    lines: list[Line] | None = None
    gift: Line | None = None
    rush: bool | None = None
    memo: strawberry.Maybe[str | None] = None  # null is Some(None), not None


@strawberry.type
class Query:
    @strawberry.field
    def echo(self, order: Order) -> str:
        return repr(order)


CASES: list[dict[str, Any]] = [
    {"reference": "r1"},
    {"reference": "r2", "size": "LARGE", "sizes": ["SMALL", "LARGE"], "comment": None, "rush": False},
    {"reference": "r3", "placedAt": "2026-12-05T07:15:00+07:00", "tags": []},
    {"reference": "r4", "lines": [{"sku": "A"}, {"sku": "B", "quantity": 3}], "gift": {"sku": "G"}},
    {"reference": "r5", "gift": None, "lines": None, "sizes": None},
    {"reference": "r6", "memo": None, "rush": None, "comment": None},
    {"reference": "r7", "memo": "gift wrap"},
]


@pytest.mark.parametrize("order", CASES)
def test_same_value_as_strawberry(order: dict[str, Any]) -> None:
    plain = strawberry.Schema(query=Query)
    answer = plain.execute_sync("query($o: Order!) { echo(order: $o) }", {"o": order})
    fast = strawberry.Schema(query=Query)
    assert install_fast_inputs(fast) == 2
    try:
        fast_answer = fast.execute_sync("query($o: Order!) { echo(order: $o) }", {"o": order})
    finally:
        Order.__strawberry_definition__.from_input = None  # type: ignore[attr-defined]
        Line.__strawberry_definition__.from_input = None  # type: ignore[attr-defined]
    assert answer.errors is None
    assert fast_answer.errors is None
    assert fast_answer.data == answer.data


def test_the_same_errors_for_rejected_values() -> None:
    bad = {"reference": "r", "placedAt": "not a time", "lines": [{"sku": "A", "quantity": "x"}]}
    plain = strawberry.Schema(query=Query)
    expected = plain.execute_sync("query($o: Order!) { echo(order: $o) }", {"o": bad})
    fast = strawberry.Schema(query=Query)
    install_fast_inputs(fast)
    try:
        got = fast.execute_sync("query($o: Order!) { echo(order: $o) }", {"o": bad})
    finally:
        Order.__strawberry_definition__.from_input = None  # type: ignore[attr-defined]
        Line.__strawberry_definition__.from_input = None  # type: ignore[attr-defined]
    assert expected.errors and got.errors
    assert [e.message for e in got.errors] == [e.message for e in expected.errors]


def test_every_input_of_the_app_schema_builds_its_own_value() -> None:
    schema = build_schema(Settings())
    inputs = [
        c.definition
        for c in schema.schema_converter.type_map.values()
        if getattr(c.definition, "is_input", False)
    ]
    assert inputs
    assert all(d.from_input is not None for d in inputs)
