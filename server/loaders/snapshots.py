"""A model's row read as plain columns and kept as a named tuple with the model's attribute names.

A page that joins what each row shows (server/resolvers/query/registration_rows.py) primes the loaders with those
rows. As ORM entities, each costs an instance, its state, its identity-map entry and the population of every
attribute; a page of 100 registrations builds 600 of them, which was a third of the page's database time. The
field resolvers only read column attributes, which a named tuple of the same names answers, read-only. The models
read this way have no relationships, properties or methods (a test keeps it so).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import inspect

__all__ = ["Snapshot", "columns_of", "snapshot_type"]


@cache
def snapshot_type(model: type) -> type[tuple[Any, ...]]:
    """The named tuple of `model`'s column attributes, in mapper order (its ``_fields``)."""
    keys = [attribute.key for attribute in inspect(model).column_attrs]
    return namedtuple(f"{model.__name__}Row", keys)  # noqa: PYI024 -- built per model at run time


@cache
def _primary_key_positions(model: type) -> tuple[int, ...]:
    fields = snapshot_type(model)._fields  # type: ignore[attr-defined]
    mapper = inspect(model)
    return tuple(fields.index(mapper.get_property_by_column(column).key) for column in mapper.primary_key)


def columns_of(model: type, entity: Any = None) -> list[Any]:
    """`model`'s columns as selected from `entity` (an alias of it; the model itself by default), in the order of
    its snapshot's fields."""
    source = model if entity is None else entity
    return [getattr(source, key) for key in snapshot_type(model)._fields]  # type: ignore[attr-defined]


class Snapshot:
    """Reads one model's snapshot out of a flat row of selected columns, from a given position."""

    __slots__ = ("keys", "kind", "width")

    def __init__(self, model: type) -> None:
        kind = snapshot_type(model)
        self.kind = kind
        self.width = len(kind._fields)  # type: ignore[attr-defined]
        self.keys = _primary_key_positions(model)

    def read(self, values: Sequence[Any], start: int) -> Any:
        """The snapshot at `values[start:start + width]`, or None when an outer join found no row (a null key)."""
        return self.read_all([values], start)[0]

    def read_all(self, rows: Sequence[Sequence[Any]], start: int) -> list[Any]:
        """The snapshot of each row (None where an outer join found no row), in one pass: no Python call per row."""
        kind, new, end = self.kind, tuple.__new__, start + self.width
        keys = [start + k for k in self.keys]
        if len(keys) == 1:
            key = keys[0]
            return [None if row[key] is None else new(kind, row[start:end]) for row in rows]
        return [None if all(row[k] is None for k in keys) else new(kind, row[start:end]) for row in rows]
