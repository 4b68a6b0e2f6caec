"""Daily figures for charts, in a market's time zone.

A line counts on the local day (in the market's time zone) it was paid; its GMV and commission (estimated, and
actual once settled) go with it. The rollups keep those days (server/services/rollups/upkeep.py puts each line in
its local date in Python, so SQLite and PostgreSQL agree); a series reads one grouped statement over them. The
day boundaries (local midnights as UTC instants, 23 or 25 hours apart across a DST change) are computed here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Date, Select, Table, bindparam, select

from server.lru import LRU
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
_KEPT: LRU[Select[Any]] = LRU(256)  # per viewer, as the dashboard's (campaign.KEPT_STATEMENTS)


async def daily(
    rt: Runtime,
    narrowed: Callable[[], tuple[Table, list[ColumnElement[bool]]]],
    accounts: frozenset[LedgerAccount],
    zone: ZoneInfo,
    first: date,
    last: date,
    *,
    kept: Hashable | None = None,
    params: Mapping[str, Any] | None = None,
) -> list[Day]:
    """Every day from `first` to `last` (local dates, inclusive) with the figures of the lines paid on it, read
    from a per-day rollup narrowed to some of its rows: `narrowed()` gives the table (rollup_campaign_days or
    rollup_creator_days) and the predicates.

    With `kept`, the statement is built once per (kept, accounts) and run with `params` (the values of the bind
    parameters the predicates hold): the caller's key must say everything else `narrowed()` depends on."""

    def build() -> Select[Any]:
        table, where = narrowed()
        return (
            select(table.c.day, *summed(table, accounts))
            .where(*where, table.c.day >= FIRST_DAY, table.c.day <= LAST_DAY)
            .group_by(table.c.day)
        )

    stmt = build() if kept is None else _KEPT.get_or_build((kept, accounts), build)
    starts = day_starts(first, last, zone)
    async with rt.sessionmaker() as session:
        rows = (await session.execute(stmt, {**(params or {}), "first_day": first, "last_day": last})).all()
    found = {row._mapping["day"]: Numbers.from_mapping(row._mapping) for row in rows}  # pyright: ignore[reportPrivateUsage] -- Row._mapping is public API
    zero = Numbers.zero(accounts)
    days = [first + timedelta(days=n) for n in range(len(starts) - 1)]
    return [
        Day(date=day, start=start, numbers=found.get(day, zero))
        for day, start in zip(days, starts, strict=False)
    ]
