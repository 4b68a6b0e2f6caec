"""Snapshots (server/loaders/snapshots.py) stand in for ORM entities on the pages that prime loaders: they must
answer every attribute the entity answers, and the models read that way must have nothing but column attributes
(a relationship, property or method would be missing on the snapshot)."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from server import models
from server.loaders.snapshots import Snapshot, columns_of, snapshot_type

READ_AS_SNAPSHOTS = (
    models.Registration,
    models.Campaign,
    models.Product,
    models.Shop,
    models.Organisation,
    models.Bookmark,
)


@pytest.mark.parametrize("model", READ_AS_SNAPSHOTS, ids=lambda m: m.__name__)
def test_the_model_has_only_column_attributes(model: type) -> None:
    mapper = inspect(model)
    assert not mapper.relationships
    extras = [
        name
        for name, value in vars(model).items()
        if not name.startswith("_") and (isinstance(value, property) or callable(value))
    ]
    assert extras == []
    assert set(snapshot_type(model)._fields) == {a.key for a in mapper.column_attrs}  # type: ignore[attr-defined]


@pytest.mark.parametrize("model", READ_AS_SNAPSHOTS, ids=lambda m: m.__name__)
def test_a_snapshot_reads_its_columns_and_a_missing_row_as_none(model: type) -> None:
    snapshot = Snapshot(model)
    fields = snapshot_type(model)._fields  # type: ignore[attr-defined]
    assert [c.key for c in columns_of(model)] == [
        inspect(model).get_property(f).columns[0].key for f in fields
    ]
    values = ("before", *(f"value of {f}" for f in fields), "after")
    read = snapshot.read(values, 1)
    assert read is not None
    assert all(getattr(read, f) == f"value of {f}" for f in fields)
    empty = ("before", *(None for _ in fields), "after")
    assert snapshot.read(empty, 1) is None


@pytest.mark.parametrize("model", READ_AS_SNAPSHOTS, ids=lambda m: m.__name__)
def test_read_all_reads_each_row_as_read_does(model: type) -> None:
    snapshot = Snapshot(model)
    fields = snapshot_type(model)._fields  # type: ignore[attr-defined]
    present = ("before", *(f"value of {f}" for f in fields), "after")
    missing = ("before", *(None for _ in fields), "after")
    rows = [present, missing, tuple(v if v is None else f"{v}!" for v in present)]
    read = snapshot.read_all(rows, 1)
    assert read == [snapshot.read(row, 1) for row in rows]
    assert read[1] is None
    assert all(type(r) is snapshot_type(model) for r in (read[0], read[2]))
