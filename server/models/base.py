"""Declarative base and the column types every model shares. Imports nothing of the app."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import BigInteger, DateTime, Enum, Integer, MetaData, String, Table, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT in PostgreSQL; INTEGER in SQLite so that it is the rowid alias and autoincrements.
BigID = BigInteger().with_variant(Integer(), "sqlite")


# PostgreSQL's type OID of `timestamp with time zone`, as asyncpg reports a result column's type.
_TIMESTAMPTZ_OID = 1184


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        # asyncpg decodes a timestamptz as an aware datetime in datetime.UTC whatever the session's TimeZone (the
        # wire value is microseconds since the epoch, in UTC), which process_result_value returns as it is: such a
        # column needs no processing, and a page's rows carry many. Other columns (SQLite's text, a `timestamp`
        # without zone typed as this) are converted.
        if (
            dialect.driver == "asyncpg"
            and coltype == _TIMESTAMPTZ_OID
            and self.impl_instance.result_processor(dialect, coltype) is None
        ):
            return None
        return super().result_processor(dialect, coltype)

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class _ValueLookup(dict[Any, Any]):
    """A stored value -> its member (None -> None); a value not in the enum raises SQLAlchemy's own LookupError."""

    def __init__(self, type_: Enum) -> None:
        super().__init__(type_._object_lookup)
        self._missing = type_._object_value_for_elem

    def __missing__(self, value: Any) -> Any:
        return self._missing(value)


class StoredEnum(Enum):
    """enum_column's type: SQLAlchemy's Enum, whose result values are looked up with one C call each (the lookup's
    dict.__getitem__) instead of two Python calls; the same members, None and error for an unknown value."""

    cache_ok = True

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        if String.result_processor(self, dialect, coltype) is not None:
            return super().result_processor(dialect, coltype)  # a driver that converts VARCHAR: as Enum does
        return _ValueLookup(self).__getitem__


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum: VARCHAR + CHECK, storing the value."""
    return StoredEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), str: String()}
    # Every model here is mapped to a Table (DeclarativeBase types it as any FromClause).
    __table__: ClassVar[Table]  # pyright: ignore[reportIncompatibleVariableOverride] -- a Table, as said


class IdMixin:
    id: Mapped[int] = mapped_column(
        BigID, primary_key=True, autoincrement=True, sort_order=-1
    )  # first column


class CreatedMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
