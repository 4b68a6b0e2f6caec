"""The cost table (server/schema/costs.py) covers the schema: every list of objects has a bound, every entry a field."""

from __future__ import annotations

from graphql import get_named_type, get_nullable_type, is_composite_type, is_list_type, is_object_type

from server.schema import costs
from tests.schema import sdl_schema


def test_every_list_of_objects_is_bounded_and_every_entry_names_a_field() -> None:
    schema = sdl_schema()
    unbounded, fields = [], set()
    for type_name, type_ in schema.type_map.items():
        if type_name.startswith("__") or not is_object_type(type_):
            continue
        for name, field in type_.fields.items():
            fields.add(f"{type_name}.{name}")
            if not (
                is_list_type(get_nullable_type(field.type)) and is_composite_type(get_named_type(field.type))
            ):
                continue
            if "first" in field.args or (name == "edges" and type_name.endswith("Connection")):
                continue
            if costs.list_bound(type_name, name) is None:
                unbounded.append(f"{type_name}.{name}")
    assert unbounded == [], "declare a bound in server/schema/costs.py LIST_BOUNDS"
    wildcard_names = {key.split(".", 1)[1] for key in costs.LIST_BOUNDS if key.startswith("*.")}
    stale = [
        key for key in [*costs.WEIGHTS, *costs.LIST_BOUNDS] if not key.startswith("*.") and key not in fields
    ]
    assert stale == []
    assert all(any(f.endswith(f".{name}") for f in fields) for name in wildcard_names)
