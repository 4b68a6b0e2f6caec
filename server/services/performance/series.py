"""Daily figures for charts, in a market's time zone.

The day boundaries are computed here, in Python, as UTC instants (local midnights, so a day is 23 or 25 hours
across a DST change), and each line is put in its day by a CASE on paid_at that bisects those boundaries in the
database: one grouped statement, no time-zone function of either database, so SQLite and PostgreSQL agree.
A line counts on the day it was paid; its GMV and commission (estimated, and actual once settled) go with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, literal_column, select

from server.models.enums import MARKET_TIMEZONE, LedgerAccount, Market
from server.runtime import Runtime
from server.services.performance.numbers import Entry, Line, Numbers, money_aggregates, order_aggregates

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
        datetime.combine(first + timedelta(days=n), time(0), tzinfo=zone).astimezone(UTC) for n in range(days + 1)
    ]


def day_index(column: ColumnElement[datetime], starts: Sequence[datetime]) -> ColumnElement[int]:
    """The n for which starts[n] <= column < starts[n + 1] (the caller keeps column within the range): a CASE
    bisecting the boundaries, so each row makes log2(days) comparisons."""

    def within(lo: int, hi: int) -> ColumnElement[int]:  # the day is in [lo, hi)
        if hi - lo == 1:
            return literal_column(str(lo))
        mid = (lo + hi) // 2
        return case((column < starts[mid], within(lo, mid)), else_=within(mid, hi))

    return within(0, len(starts) - 1)


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    start: datetime  # the local midnight, as a UTC instant
    numbers: Numbers


async def daily(
    rt: Runtime, lines: list[ColumnElement[bool]], accounts: frozenset[LedgerAccount], zone: ZoneInfo,
    first: date, last: date,
) -> list[Day]:
    """Every day from `first` to `last` (local dates, inclusive) with the figures of the `lines` paid on it."""
    starts = day_starts(first, last, zone)
    paid = (
        select(
            Line.id, Line.order_id, Line.status, Line.paid_at, Line.creator_id, Line.unit_price_minor,
            Line.quantity, Line.refunded_amount_minor, day_index(Line.paid_at, starts).label("day"),
        )
        .where(*lines, Line.paid_at >= starts[0], Line.paid_at < starts[-1])
        .cte("paid_in_range")
    )
    by_day = (
        select(paid.c.day, *order_aggregates(paid.c, with_creators=False)).group_by(paid.c.day).subquery("by_day")
    )
    columns: list[Any] = list(by_day.c)
    joined: Any = by_day
    if accounts:
        money = (
            select(paid.c.day.label("day"), *money_aggregates(accounts))
            .select_from(Entry)
            .join(paid, paid.c.id == Entry.order_line_id)
            .where(Entry.account.in_(accounts))
            .group_by(paid.c.day)
            .subquery("money_by_day")
        )
        columns += [c for c in money.c if c.name != "day"]
        joined = by_day.outerjoin(money, money.c.day == by_day.c.day)
    async with rt.sessionmaker() as session:
        rows = (await session.execute(select(*columns).select_from(joined))).all()
    found = {int(row._mapping["day"]): Numbers.from_mapping(row._mapping) for row in rows}
    zero = Numbers.zero(accounts)
    return [
        Day(date=first + timedelta(days=n), start=start, numbers=found.get(n, zero))
        for n, start in enumerate(starts[:-1])
    ]
