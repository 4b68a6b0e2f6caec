"""The shared column types read back what was stored on both backends: UTCDateTime an aware datetime in UTC
(PostgreSQL's timestamptz columns without a per-value conversion, asyncpg already answering them in UTC),
enum_column the enum's member (looked up without SQLAlchemy's per-value Python calls, same members and errors)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Enum, literal_column, select, text

from server.models import Base, Registration
from server.models.base import StoredEnum, UTCDateTime
from server.models.enums import RegistrationStatus
from server.runtime import Runtime

T = datetime(2026, 11, 21, 9, 30, 15, 123456, tzinfo=UTC)


def _stored_enums() -> list[StoredEnum]:
    return [c.type for t in Base.metadata.sorted_tables for c in t.columns if isinstance(c.type, StoredEnum)]


async def test_a_timestamptz_reads_as_utc_whatever_the_session_time_zone(rt: Runtime) -> None:
    async with rt.engine.connect() as conn:
        if rt.settings.is_sqlite:
            stored = literal_column("'2026-11-21 09:30:15.123456'", UTCDateTime())  # as SQLite stores it
        else:
            await conn.execute(text("SET TIME ZONE 'Asia/Bangkok'"))
            stored = literal_column("timestamptz '2026-11-21 16:30:15.123456+07'", UTCDateTime())
        value = (await conn.execute(select(stored))).scalar_one()
    assert value == T
    assert value.tzinfo is UTC


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_a_timestamp_without_zone_typed_utc_is_still_made_aware(rt: Runtime) -> None:
    async with rt.engine.connect() as conn:
        value = (
            await conn.execute(
                select(literal_column("timestamp '2026-11-21 09:30:15.123456'", UTCDateTime()))
            )
        ).scalar_one()
    assert value == T
    assert value.tzinfo is UTC


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_timestamptz_columns_have_no_result_processor_on_asyncpg(rt: Runtime) -> None:
    dialect = rt.engine.dialect
    assert UTCDateTime()._cached_result_processor(dialect, 1184) is None  # timestamptz: nothing to do
    assert UTCDateTime()._cached_result_processor(dialect, 1114) is not None  # timestamp: made aware


def test_every_enum_column_uses_the_stored_enum() -> None:
    enums = [c.type for t in Base.metadata.sorted_tables for c in t.columns if isinstance(c.type, Enum)]
    assert enums
    assert all(isinstance(e, StoredEnum) for e in enums)


async def test_an_enum_column_reads_the_members_sqlalchemys_enum_reads(rt: Runtime) -> None:
    dialect = rt.engine.dialect
    for stored in _stored_enums():
        assert stored.enum_class is not None
        generic = Enum.result_processor(stored, dialect, None)
        fast = stored.dialect_impl(dialect).result_processor(dialect, None)
        assert fast is not None and generic is not None
        for member in stored.enum_class:
            assert fast(member.value) is generic(member.value) is member
        assert fast(None) is generic(None) is None
        with pytest.raises(LookupError) as mine:
            fast("NOT_A_VALUE")
        with pytest.raises(LookupError) as theirs:
            generic("NOT_A_VALUE")
        assert str(mine.value) == str(theirs.value)


async def test_an_enum_column_reads_its_member_from_the_database(rt: Runtime) -> None:
    status = Registration.__table__.c.status.type
    async with rt.engine.connect() as conn:
        value = (await conn.execute(select(literal_column("'APPROVED'", status)))).scalar_one()
        missing = (await conn.execute(select(literal_column("NULL", status)))).scalar_one()
    assert value is RegistrationStatus.APPROVED
    assert missing is None
