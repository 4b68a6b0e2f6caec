"""Observed refund rates of finished order lines, and the survival probability of an estimated commission.

A *finished* line was paid and has reached a final state: SETTLED, REFUNDED or CANCELLED. Of those, a line is
*returned* when it was cancelled or refunded after payment, or partly refunded; its *lost* value is its whole gross
(price × quantity) when cancelled or refunded, otherwise what was refunded. Lines paid within the last
REFUND_WINDOW count.

- `counts(...)` (scorecards): returned lines / finished lines — currency-free, so a party in several markets has one
  rate.
- `survival(...)` (forecast, simulator): 1 − lost / gross, by value, at the finest level with at least MIN_LINES
  finished lines: the product, then its shop, then its category in its market, then its market. Each level is in
  one currency. With no level reaching MIN_LINES, the market's figure is used whatever its size (NONE when it has
  no finished line at all: survival 100 %).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import Market, OrderLineStatus
from server.services.insight.stats import ratio_bps
from server.services.performance.numbers import count_if, total

Line, Order, Product = models.OrderLine, models.Order, models.Product

REFUND_WINDOW = timedelta(days=180)
MIN_LINES = 30  # finished lines a level needs to be used
FINISHED = (OrderLineStatus.SETTLED, OrderLineStatus.REFUNDED, OrderLineStatus.CANCELLED)
VOIDED = (OrderLineStatus.REFUNDED, OrderLineStatus.CANCELLED)


class Level(enum.StrEnum):
    PRODUCT = "PRODUCT"
    SHOP = "SHOP"
    CATEGORY = "CATEGORY"
    MARKET = "MARKET"
    NONE = "NONE"


@dataclass(frozen=True, slots=True)
class RefundStats:
    lines: int = 0  # finished lines
    returned: int = 0
    gross: int = 0
    lost: int = 0

    @property
    def lost_bps(self) -> int:
        return ratio_bps(self.lost, self.gross) or 0


@dataclass(frozen=True, slots=True)
class Survival:
    """The probability (bps) that an estimated commission is kept, and where it was observed."""

    bps: int
    level: Level
    sample_size: int  # finished lines behind it

    @property
    def refund_bps(self) -> int:
        return 10000 - self.bps


def _aggregates() -> list[Any]:
    gross = Line.unit_price_minor * Line.quantity
    voided = Line.status.in_(VOIDED)
    return [
        count_if(Line.id.is_not(None)).label("lines"),
        count_if(voided | (Line.refunded_amount_minor > 0)).label("returned"),
        total(gross).label("gross"),
        total(case((voided, gross), else_=Line.refunded_amount_minor)).label("lost"),
    ]


def finished_since(since: datetime) -> ColumnElement[bool]:
    return Line.paid_at.is_not(None) & (Line.paid_at >= since) & Line.status.in_(FINISHED)


async def grouped(
    session: AsyncSession, keys: Sequence[Any], where: ColumnElement[bool], since: datetime, *, join_order: bool = False,
    join_product: bool = False,
) -> dict[tuple[Any, ...], RefundStats]:
    """RefundStats of the finished lines that `where` keeps, grouped by `keys`."""
    stmt = select(*keys, *_aggregates()).where(finished_since(since), where).group_by(*keys)
    if join_order:
        stmt = stmt.join(Order, Order.id == Line.order_id)
    if join_product:
        stmt = stmt.join(Product, Product.id == Line.product_id)
    out: dict[tuple[Any, ...], RefundStats] = {}
    for row in await session.execute(stmt):
        *key, lines, returned, gross, lost = row
        out[tuple(key)] = RefundStats(int(lines), int(returned), int(gross), int(lost))
    return out


async def counts(session: AsyncSession, where: ColumnElement[bool], now: datetime) -> RefundStats:
    """Finished and returned lines that `where` keeps (joined to their orders), paid in the window."""
    rows = await grouped(session, [], where, now - REFUND_WINDOW, join_order=True)
    return rows.get((), RefundStats())


@dataclass(frozen=True, slots=True)
class ProductKey:
    product_id: int
    shop_id: int
    category: str
    market: Market


async def product_keys(session: AsyncSession, product_ids: Iterable[int]) -> dict[int, ProductKey]:
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    stmt = (
        select(Product.id, Product.shop_id, Product.category, models.Shop.market)
        .join(models.Shop, models.Shop.organisation_id == Product.shop_id)
        .where(Product.id.in_(ids))
    )
    return {pid: ProductKey(pid, shop, category, Market(market)) for pid, shop, category, market in await session.execute(stmt)}


async def survival(session: AsyncSession, keys: Iterable[ProductKey], now: datetime) -> dict[int, Survival]:
    """Product id → its survival, from the finest level with enough data (one statement per level needed)."""
    since = now - REFUND_WINDOW
    todo = {k.product_id: k for k in keys}
    out: dict[int, Survival] = {}
    levels: list[tuple[Level, Any, Any, dict[str, bool]]] = [
        (Level.PRODUCT, lambda k: (k.product_id,), lambda ks: ([Line.product_id], Line.product_id.in_(
            {k.product_id for k in ks})), {}),
        (Level.SHOP, lambda k: (k.shop_id,), lambda ks: ([Order.shop_id], Order.shop_id.in_(
            {k.shop_id for k in ks})), {"join_order": True}),
        (Level.CATEGORY, lambda k: (k.category, k.market), lambda ks: ([Product.category, Order.market], (
            Product.category.in_({k.category for k in ks}) & Order.market.in_({k.market for k in ks}))),
         {"join_order": True, "join_product": True}),
        (Level.MARKET, lambda k: (k.market,), lambda ks: ([Order.market], Order.market.in_(
            {k.market for k in ks})), {"join_order": True}),
    ]
    market_stats: dict[tuple[Any, ...], RefundStats] = {}
    for level, key_of, query_of, joins in levels:
        if not todo:
            break
        group_keys, where = query_of(todo.values())
        stats = await grouped(session, group_keys, where, since, **joins)
        if level is Level.MARKET:
            market_stats = stats
        for pid, k in list(todo.items()):
            s = stats.get(key_of(k))
            if s is not None and s.lines >= MIN_LINES:
                out[pid] = Survival(10000 - s.lost_bps, level, s.lines)
                del todo[pid]
    for pid, k in todo.items():  # not enough data anywhere: the market's figure, however small
        s = market_stats.get((k.market,))
        out[pid] = Survival(10000 - s.lost_bps, Level.MARKET, s.lines) if s and s.lines else Survival(10000, Level.NONE, 0)
    return out
