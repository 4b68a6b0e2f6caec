"""Daily figures for charts, in a market's time zone.

A line counts on the local day (in the market's time zone) it was paid; its GMV and commission (estimated, and
actual once settled) go with it. The rollups keep those days (server/services/rollups/upkeep.py puts each line in
its local date in Python, so SQLite and PostgreSQL agree); a series reads one grouped statement over them. The
day boundaries (local midnights as UTC instants, 23 or 25 hours apart across a DST change) are computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Date, Select, Table, bindparam, select

from server.models.enums import MARKET_TIMEZONE, LedgerAccount, Market
from server.runtime import Runtime
from server.services.performance.numbers import Numbers
from server.services.performance.rollup_figures import summed

MAX_DAYS = 366
DEFAULT_DAYS = 30


def market_zone(market: Market) -> ZoneInfo:
    return ZoneInfo(MARKET_TIMEZONE[market])


def local_date(at: datetime, zone: ZoneInfo) -> date:
    return at.astimezone(zone).date()


def day_starts(first: date, last: date, zone: ZoneInfo) -> list[datetime]:
    """The UTC instants of the local midnights from `first` to the day after `last`: one more than the days."""
    days = (last - first).days + 1
    return [
        datetime.combine(first + timedelta(days=n), time(0), tzinfo=zone).astimezone(UTC)
        for n in range(days + 1)
    ]


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    start: datetime  # the local midnight, as a UTC instant
    numbers: Numbers


FIRST_DAY, LAST_DAY = bindparam("first_day", type_=Date), bindparam("last_day", type_=Date)


def day_statement(
    table: Table, where: list[ColumnElement[bool]], accounts: frozenset[LedgerAccount]
) -> Select[Any]:
    """The figures per day of a per-day rollup (`table`: rollup_campaign_days or rollup_creator_days) narrowed by
    `where`, between the bind parameters first_day and last_day (daily gives them): built once, it can be kept."""
    return (
        select(table.c.day, *summed(table, accounts))
        .where(*where, table.c.day >= FIRST_DAY, table.c.day <= LAST_DAY)
        .group_by(table.c.day)
    )


async def daily(
    rt: Runtime,
    stmt: Select[Any],
    params: Mapping[str, Any],
    accounts: frozenset[LedgerAccount],
    zone: ZoneInfo,
    first: date,
    last: date,
) -> list[Day]:
    """Every day from `first` to `last` (local dates, inclusive) with the figures of the lines paid on it: `stmt`
    (a day_statement) run with `params`, the values of the other bind parameters it holds."""
    starts = day_starts(first, last, zone)
    async with rt.sessionmaker() as session:
        rows = (await session.execute(stmt, {**params, "first_day": first, "last_day": last})).all()
    found = {row._mapping["day"]: Numbers.from_mapping(row._mapping) for row in rows}  # pyright: ignore[reportPrivateUsage] -- Row._mapping is public API
    zero = Numbers.zero(accounts)
    days = [first + timedelta(days=n) for n in range(len(starts) - 1)]
    return [
        Day(date=day, start=start, numbers=found.get(day, zero))
        for day, start in zip(days, starts, strict=False)
    ]
