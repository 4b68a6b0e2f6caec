"""What attributed order lines contribute to the rollups: the upkeep's and the backfill's shared arithmetic.

A line's contribution is a rollup_lines row (`line_figures`: its facts, joined to its order's shop and market, and
the sums of its ledger legs), read in one statement (`lines_query`). What an order adds to each grain's key is the
sum of its lines' figures there, except the distinct counts (paid orders, actual orders), which count the order
once per key; `Totals` adds, order by order, what the lines of an order add now less what they added before, in
one pass over its lines for all the grains.

The definitions are those of server/services/performance/numbers.py: a line is paid when paid_at is set, a sale
when its status is one of SALE_STATUSES, actual when SETTLED; its base is price × quantity − refunded; money is
the sum of its legs per account (the seller's negated), estimated over both phases, actual the SETTLED phase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from operator import add, itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, RowMapping, Select, Table, and_, case, func, select

from server import models
from server.models.enums import MARKET_TIMEZONE, Currency, LedgerAccount, LedgerPhase, Market, OrderLineStatus
from server.models.rollup import (
    METRICS,
    rollup_campaign_days,
    rollup_campaign_shops,
    rollup_creator_campaigns,
    rollup_creator_days,
    rollup_creator_markets,
    rollup_creator_products,
    rollup_lines,
    rollup_registrations,
)
from server.services.performance.numbers import SALE_STATUSES

Line, Order, Entry = models.OrderLine, models.Order, models.LedgerEntry

MONEY = {
    LedgerAccount.SELLER_PAYABLE: "seller",
    LedgerAccount.CREATOR_EARNINGS: "creator",
    LedgerAccount.AGENCY_EARNINGS: "agency",
}
FIGURE_COLUMNS = tuple(c.name for c in rollup_lines.c if c.name not in ("line_id", "order_id"))
# The rollup_lines columns that a line adds to METRICS[3:] (METRICS[0:3], lines and the distinct counts, are
# counted apart): the sale flag, then the money (estimated, actual) of seller, creator and agency.
_ADDED = tuple(f"{name}_{kind}" for name in MONEY.values() for kind in ("estimated", "actual"))
_PAID, _ACTUAL = METRICS.index("paid_orders"), METRICS.index("actual_orders")
# _vector writes a line's figures by position in METRICS
if METRICS[:6] != ("lines", "paid_orders", "actual_orders", "sale_lines", "gmv_estimated", "gmv_actual") or [
    m.removesuffix("_estimated").removesuffix("_actual") for m in METRICS[6:]
] != [
    "seller_paid",
    "seller_paid",
    "creator_commission",
    "creator_commission",
    "agency_commission",
    "agency_commission",
]:
    raise RuntimeError("METRICS changed its order: update _vector and _ADDED")


def _getter(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    get: Callable[[Mapping[str, Any]], Any] = itemgetter(*names)  # pyright: ignore[reportUnknownVariableType]
    if len(names) > 1:
        return get  # pyright: ignore[reportUnknownVariableType]
    return lambda line: (get(line),)  # itemgetter of one name returns the value itself, not a 1-tuple


@dataclass(frozen=True, slots=True)
class Grain:
    table: Table
    keys: tuple[str, ...]  # the line columns (of rollup_lines) that key the table
    extra: tuple[str, ...] = ()  # columns stored with the key, functionally dependent on it
    _get: Callable[[Mapping[str, Any]], tuple[Any, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_get", _getter(self.keys))

    def key(self, line: Mapping[str, Any]) -> tuple[Any, ...] | None:
        key: tuple[Any, ...] = self._get(line)
        return None if None in key else key


# In the order upkeep writes them: the rows many orders share last (a campaign × shop is one row for all its
# orders), since a row's lock is held from its upsert to the commit and concurrent writers wait on it.
GRAINS = (
    Grain(rollup_creator_days, ("creator_id", "market", "day")),
    Grain(rollup_creator_markets, ("creator_id", "market")),
    Grain(rollup_creator_campaigns, ("creator_id", "campaign_id")),
    Grain(rollup_creator_products, ("registration_id", "creator_id"), ("campaign_id",)),
    Grain(rollup_registrations, ("registration_id",), ("campaign_id",)),
    Grain(rollup_campaign_days, ("campaign_id", "shop_id", "day")),  # lines without a paid day are left out
    Grain(rollup_campaign_shops, ("campaign_id", "shop_id")),
)


# --- one line -----------------------------------------------------------------------------------------------


@cache
def _zone(market: Market) -> ZoneInfo:
    return ZoneInfo(MARKET_TIMEZONE[market])


def local_day(paid_at: datetime | None, market: Market) -> date | None:
    if paid_at is None:
        return None
    at = paid_at if paid_at.tzinfo is not None else paid_at.replace(tzinfo=UTC)
    return at.astimezone(_zone(market)).date()


def _leg(account: LedgerAccount, phase: LedgerPhase) -> ColumnElement[int]:
    """The sum of the line's legs of one account and phase (0 without any)."""
    amount = case((and_(Entry.account == account, Entry.phase == phase), Entry.amount_minor), else_=0)
    return func.coalesce(func.sum(amount), 0).label(f"{account.value}_{phase.value}")


def lines_query(orders: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    """The attributed lines of the orders that `orders` (a condition on Line.order_id) picks, with what a
    contribution needs: the line, its order's shop and market, and its legs summed per account and phase."""
    return (
        select(
            Line.id,
            Line.order_id,
            Line.campaign_id,
            Order.shop_id,
            Line.registration_id,
            Line.creator_id,
            Order.market,
            Line.paid_at,
            Line.status,
            Line.product_id,
            Line.currency,
            Line.delivered_at,
            Line.settle_after,
            Line.unit_price_minor,
            Line.quantity,
            Line.refunded_amount_minor,
            *(_leg(account, phase) for account in MONEY for phase in LedgerPhase),
        )
        .join(Order, Order.id == Line.order_id)
        .outerjoin(Entry, Entry.order_line_id == Line.id)
        .where(orders, Line.campaign_id.is_not(None))
        .group_by(Line.id, Order.id)  # the primary keys: every other column depends on them
    )


# Per line, the work is done with lookups prepared here: an enum member or its stored value to the member or the
# value, and each party's leg columns (lines_query's labels), its sign and its rollup_lines columns.
_STATUS = {**{s: s for s in OrderLineStatus}, **{s.value: s for s in OrderLineStatus}}
_MARKET = {**{m: m for m in Market}, **{m.value: m for m in Market}}
_CURRENCY = {**{c: c.value for c in Currency}, **{c.value: c.value for c in Currency}}
_SALE = frozenset(SALE_STATUSES)
_LEGS = tuple(
    (
        -1 if account is LedgerAccount.SELLER_PAYABLE else 1,
        f"{account.value}_{LedgerPhase.ESTIMATED.value}",
        f"{account.value}_{LedgerPhase.SETTLED.value}",
        f"{name}_estimated",
        f"{name}_actual",
    )
    for account, name in MONEY.items()
)


def line_figures(line: RowMapping | Mapping[str, Any]) -> dict[str, Any]:
    """A rollup_lines row from a row of lines_query."""
    status = _STATUS[line["status"]]
    market = _MARKET[line["market"]]
    paid_at = line["paid_at"]
    out: dict[str, Any] = {
        "line_id": line["id"],
        "order_id": line["order_id"],
        "campaign_id": line["campaign_id"],
        "shop_id": line["shop_id"],
        "registration_id": line["registration_id"],
        "creator_id": line["creator_id"],
        "market": market.value,
        "day": local_day(paid_at, market),
        "paid": int(paid_at is not None),
        "settled": int(status is OrderLineStatus.SETTLED),
        "sale": int(status in _SALE),
        "base_minor": line["unit_price_minor"] * line["quantity"] - line["refunded_amount_minor"],
        "product_id": line["product_id"],
        "currency": _CURRENCY[line["currency"]],
        "status": status.value,
        "paid_at": paid_at,
        "delivered_at": line["delivered_at"],
        "settle_after": line["settle_after"],
    }
    for sign, estimated, settled, estimated_name, actual_name in _LEGS:
        actual = sign * int(line[settled])
        out[estimated_name] = sign * int(line[estimated]) + actual
        out[actual_name] = actual
    return out


# What the grains count of a line: its keys and extra columns, and what it adds to the metrics.
_COUNTED = itemgetter(
    *sorted(
        {c for grain in GRAINS for c in (*grain.keys, *grain.extra)}
        | {"paid", "settled", "sale", "base_minor"}
    ),
    *_ADDED,
)


def _counted(lines: Sequence[Mapping[str, Any]]) -> dict[Any, Any]:
    return {line["line_id"]: _COUNTED(line) for line in lines}


def _vector(line: Mapping[str, Any], sign: int) -> list[int]:
    """What the line adds to each of METRICS, × sign, with 0 for the distinct counts (counted per order)."""
    sale, settled, base = line["sale"], line["settled"], line["base_minor"]
    return [
        sign,
        0,
        0,
        sign * sale,
        sign * base * sale,
        sign * base * settled,
        *(sign * line[c] for c in _ADDED),
    ]


# --- orders -------------------------------------------------------------------------------------------------


class Totals:
    """Per grain, key → METRICS (a list in their order) and the key's extra columns: what orders add."""

    def __init__(self) -> None:
        self.sums: list[dict[tuple[Any, ...], list[int]]] = [{} for _ in GRAINS]
        self.extra: list[dict[tuple[Any, ...], tuple[Any, ...]]] = [{} for _ in GRAINS]

    def add_order(self, now: Sequence[Mapping[str, Any]], before: Sequence[Mapping[str, Any]] = ()) -> None:
        """Adds what the lines of ONE order add now less what its lines added `before` (rollup_lines rows)."""
        if len(now) == len(before) and _counted(now) == _counted(before):  # (lengths first: the cheap test)
            return  # what the rollups count of its lines is unchanged (a status or a date the rollups do not count)
        # per grain, key → [paid now, actual now, paid before, actual before]: the order counts once per key
        flags: list[dict[tuple[Any, ...], list[int]]] = [{} for _ in GRAINS]
        for sign, lines, at in ((1, now, 0), (-1, before, 2)):
            for line in lines:
                vector = _vector(line, sign)
                paid, settled = line["paid"], line["settled"]
                for grain, sums, extra, seen in zip(GRAINS, self.sums, self.extra, flags, strict=True):
                    key = grain.key(line)
                    if key is None:
                        continue
                    row = sums.get(key)
                    if row is None:
                        sums[key] = list(vector)
                        extra[key] = tuple(line[c] for c in grain.extra)
                    else:
                        sums[key] = list(map(add, row, vector))
                    flag = seen.get(key)
                    if flag is None:
                        flag = seen[key] = [0, 0, 0, 0]
                    flag[at] |= paid
                    flag[at + 1] |= settled
        for sums, seen in zip(self.sums, flags, strict=True):
            for key, (paid, actual, paid_before, actual_before) in seen.items():
                row = sums[key]
                row[_PAID] += paid - paid_before
                row[_ACTUAL] += actual - actual_before

    def rows(self, g: int, *, nonzero: bool = False) -> list[dict[str, Any]]:
        """The grain's rows in key order (with `nonzero`, those that change something)."""
        grain, extra = GRAINS[g], self.extra[g]
        return [
            {
                **dict(zip(grain.keys, key, strict=True)),
                **dict(zip(METRICS, sums, strict=True)),
                **dict(zip(grain.extra, extra[key], strict=True)),
            }
            for key, sums in sorted(self.sums[g].items())
            if not nonzero or any(sums)
        ]


def by_order(rows: Iterable[Mapping[str, Any]]) -> dict[int, list[Mapping[str, Any]]]:
    out: dict[int, list[Mapping[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["order_id"], []).append(row)
    return out
