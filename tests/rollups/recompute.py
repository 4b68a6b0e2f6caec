"""The rollups as they should be, recomputed from the order lines and ledger legs alone — with the definitions of
server/services/performance/numbers.py in SQL (count distinct orders, sums), the days in Python — to compare
with what upkeep and backfill keep."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from server import models
from server.models.enums import MARKET_TIMEZONE, LedgerAccount, OrderLineStatus
from server.models.rollup import METRICS, ROLLUP_TABLES, rollup_lines
from server.models.rollup_forecast import OPEN_TABLES
from server.runtime import Runtime
from server.services.performance.numbers import (
    ALL_ACCOUNTS,
    SALE_STATUSES,
    count_if,
    money_aggregates,
    order_aggregates,
)

Line, Order, Entry = models.OrderLine, models.Order, models.LedgerEntry
L = Line.__table__.c
KEYS = {
    "rollup_campaign_shops": (L.campaign_id, Order.shop_id),
    "rollup_registrations": (L.registration_id,),
    "rollup_creator_products": (L.registration_id, L.creator_id),
    "rollup_creator_markets": (L.creator_id, Order.market),
    "rollup_creator_campaigns": (L.creator_id, L.campaign_id),
}
Rows = dict[str, dict[tuple[Any, ...], dict[str, int]]]
OPEN_OR_FROZEN = (
    OrderLineStatus.PAID,
    OrderLineStatus.SHIPPED,
    OrderLineStatus.DELIVERED,
    OrderLineStatus.FROZEN,
)


def _nonzero(rows: dict[tuple[Any, ...], dict[str, int]]) -> dict[tuple[Any, ...], dict[str, int]]:
    return {k: v for k, v in rows.items() if any(v.values())}


async def stored(rt: Runtime) -> Rows:
    """What the rollup tables hold (metrics only, keyed by their primary key)."""
    out: Rows = {}
    async with rt.sessionmaker() as s:
        for table in ROLLUP_TABLES:
            keys = [c for c in table.primary_key.columns]
            rows = await s.execute(select(*keys, *(table.c[m] for m in METRICS)))
            out[table.name] = _nonzero(
                {tuple(r[: len(keys)]): {m: int(r._mapping[m]) for m in METRICS} for r in rows}
            )
        for table in OPEN_TABLES:  # every row, zero or not: the upkeep deletes the rows left without lines
            keys = [c for c in table.primary_key.columns]
            values = [c for c in table.c if c not in keys]
            rows = await s.execute(select(*keys, *values))
            out[table.name] = {
                tuple(r[: len(keys)]): {c.name: int(r._mapping[c.name]) for c in values} for r in rows
            }
    return out


async def recomputed(rt: Runtime) -> Rows:
    out: Rows = {}
    async with rt.sessionmaker() as s:
        for name, keys in KEYS.items():
            rows: dict[tuple[Any, ...], dict[str, int]] = defaultdict(lambda: dict.fromkeys(METRICS, 0))
            figures = await s.execute(
                select(
                    *keys,
                    func.count().label("lines"),
                    count_if(L.status.in_(SALE_STATUSES)).label("sale_lines"),
                    *order_aggregates(L, with_creators=False),
                )
                .select_from(Line.__table__.join(Order, Order.id == L.order_id))
                .where(L.campaign_id.is_not(None))
                .group_by(*keys)
            )
            money = await s.execute(
                select(*keys, *money_aggregates(ALL_ACCOUNTS))
                .select_from(Entry)
                .join(Line, Line.id == Entry.order_line_id)
                .join(Order, Order.id == Line.order_id)
                .group_by(*keys)
            )
            for result in (figures, money):
                for r in result:
                    m = r._mapping
                    key = tuple(v.value if isinstance(v, models.enums.Market) else v for v in r[: len(keys)])
                    rows[key].update({k: int(m[k]) for k in METRICS if k in m})
            out[name] = _nonzero(dict(rows))
        # Days: the market's local date of paid_at, in Python.
        lines = (
            await s.execute(
                select(
                    L.id,
                    L.order_id,
                    L.campaign_id,
                    Order.shop_id,
                    Order.market,
                    L.paid_at,
                    L.status,
                    L.unit_price_minor * L.quantity - L.refunded_amount_minor,
                    L.creator_id,
                )
                .join(Order, Order.id == L.order_id)
                .where(L.campaign_id.is_not(None), L.paid_at.is_not(None))
            )
        ).all()
        money_by_line: dict[int, dict[str, int]] = defaultdict(dict)
        for r in await s.execute(
            select(Entry.order_line_id, *money_aggregates(ALL_ACCOUNTS)).group_by(Entry.order_line_id)
        ):
            money_by_line[r[0]] = {k: int(v) for k, v in r._mapping.items() if k in METRICS}
    out["rollup_campaign_days"] = _days(lines, money_by_line, lambda r, day: (r[2], r[3], day))
    out["rollup_creator_days"] = _days(lines, money_by_line, lambda r, day: (r[8], r[4].value, day))
    out.update(await _open_amounts(rt))
    return out


async def _open_amounts(rt: Runtime) -> Rows:
    """The forecast's aggregate (server/models/rollup_forecast.py) from the order lines and their legs: the open
    lines (paid, a sale, not settled, or frozen) per party, with the party's legs summed (the seller's negated)."""
    accounts = {
        "creator": (LedgerAccount.CREATOR_EARNINGS, 1),
        "campaign": (LedgerAccount.AGENCY_EARNINGS, 1),
        "shop": (LedgerAccount.SELLER_PAYABLE, -1),
    }
    async with rt.sessionmaker() as s:
        legs: dict[tuple[int, LedgerAccount], int] = defaultdict(int)
        for line_id, account, amount in await s.execute(
            select(Entry.order_line_id, Entry.account, func.sum(Entry.amount_minor)).group_by(
                Entry.order_line_id, Entry.account
            )
        ):
            legs[(line_id, LedgerAccount(account))] = int(amount)
        lines = await s.execute(
            select(
                L.id,
                L.campaign_id,
                L.creator_id,
                Order.shop_id,
                L.product_id,
                L.currency,
                Order.market,
                L.status,
                L.paid_at,
                L.settle_after,
            )
            .join(Order, Order.id == L.order_id)
            .where(L.campaign_id.is_not(None), L.paid_at.is_not(None), L.status.in_(OPEN_OR_FROZEN))
        )
        products: dict[tuple[Any, ...], dict[str, int]] = defaultdict(
            lambda: {"shop_id": 0, "lines": 0, "undelivered": 0, "amount": 0}
        )
        days: dict[tuple[Any, ...], dict[str, int]] = defaultdict(
            lambda: {"lines": 0, "amount": 0, "squares": 0}
        )
        for (
            line_id,
            campaign,
            creator,
            shop,
            product,
            currency,
            market,
            status,
            paid_at,
            settle_after,
        ) in lines:
            frozen = int(status == OrderLineStatus.FROZEN)
            paid_day = paid_at.astimezone(UTC).date()
            settle_day = paid_day if settle_after is None else settle_after.astimezone(UTC).date()
            for party, party_id in (("creator", creator), ("campaign", campaign), ("shop", shop)):
                account, sign = accounts[party]
                a = sign * legs[(line_id, account)]
                row = products[(party, party_id, product, currency.value, market.value, frozen)]
                row["shop_id"] = shop
                row["lines"] += 1
                row["undelivered"] += int(settle_after is None and not frozen)
                row["amount"] += a
                if frozen:
                    continue
                for p in (product, 0):
                    day = days[
                        (
                            party,
                            party_id,
                            shop,
                            p,
                            currency.value,
                            market.value,
                            paid_day,
                            int(settle_after is not None),
                            settle_day,
                        )
                    ]
                    day["lines"] += 1
                    day["amount"] += a
                    day["squares"] += a * a
    return {"rollup_open_products": dict(products), "rollup_open_days": dict(days)}


def _days(
    lines: list[Any], money_by_line: dict[int, dict[str, int]], key_of: Any
) -> dict[tuple[Any, ...], dict[str, int]]:
    days: dict[tuple[Any, ...], dict[str, int]] = defaultdict(lambda: dict.fromkeys(METRICS, 0))
    paid: dict[tuple[Any, ...], set[int]] = defaultdict(set)
    actual: dict[tuple[Any, ...], set[int]] = defaultdict(set)
    for r in lines:
        line_id, order_id, _campaign_id, _shop_id, market, paid_at, status, base, _creator_id = r
        key = key_of(r, paid_at.astimezone(ZoneInfo(MARKET_TIMEZONE[market])).date())
        row = days[key]
        row["lines"] += 1
        paid[key].add(order_id)
        if status == models.enums.OrderLineStatus.SETTLED:
            actual[key].add(order_id)
            row["gmv_actual"] += base
        if status in SALE_STATUSES:
            row["sale_lines"] += 1
            row["gmv_estimated"] += base
        for k, v in money_by_line.get(line_id, {}).items():
            row[k] += v
    for key, row in days.items():
        row["paid_orders"], row["actual_orders"] = len(paid[key]), len(actual[key])
    return _nonzero(dict(days))


def assert_equal(got: Rows, want: Rows) -> None:
    for name in want:
        assert got[name] == want[name], name


FACTS = ("product_id", "currency", "status", "paid_at", "delivered_at", "settle_after")


async def assert_line_facts_copied(rt: Runtime) -> None:
    """rollup_lines keeps each attributed line's facts (what the earnings forecast reads) as the line has them."""
    async with rt.sessionmaker() as s:
        lines = await s.execute(select(L.id, *(L[c] for c in FACTS)).where(L.campaign_id.is_not(None)))
        want = {r[0]: tuple(v.value if hasattr(v, "value") else v for v in r[1:]) for r in lines}
        copies = await s.execute(select(rollup_lines.c.line_id, *(rollup_lines.c[c] for c in FACTS)))
        assert {r[0]: tuple(r[1:]) for r in copies} == want
