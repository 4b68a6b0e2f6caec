"""Observed refund rates of finished order lines, and the survival probability of an estimated commission.

A *finished* line was paid and has reached a final state: SETTLED, REFUNDED or CANCELLED. Of those, a line is
*returned* when it was cancelled or refunded after payment, or partly refunded; its *lost* value is its whole gross
(price × quantity) when cancelled or refunded, otherwise what was refunded.

- `counts` / `grouped` (scorecards): returned lines / finished lines paid within REFUND_WINDOW — currency-free, so a
  party in several markets has one rate.
- `curves` (forecast, simulator): by value, at the finest level with at least MIN_LINES finished lines paid between
  REFUND_WINDOW and MATURITY ago — the product, then its shop, then its category in its market, then its market
  (each level in one currency); with no level reaching MIN_LINES, the market's figure however small (NONE when it
  has no finished line at all: survival 100 %). The value lost is kept by the age (whole days after payment) at
  which it was lost, so that a line that has already lived through part of the return period is given the risk
  that is left for it (Curve.at).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import Market, OrderLineStatus
from server.services.id_arrays import ids_in
from server.services.insight.stats import ratio_bps
from server.services.performance.numbers import count_if, total

Line, Order, Product = models.OrderLine, models.Order, models.Product

REFUND_WINDOW = timedelta(days=180)
MIN_LINES = 30  # finished lines a level needs to be used
MATURITY = timedelta(days=30)  # survival is observed on lines paid at least this long ago
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
    session: AsyncSession,
    keys: Sequence[Any],
    where: ColumnElement[bool],
    since: datetime,
    *,
    join_order: bool = False,
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
        .where(ids_in(session, Product.id, ids))
    )
    markets = {m.value: m for m in Market}
    return {
        pid: ProductKey(pid, shop, category, markets[market])
        for pid, shop, category, market in await session.execute(stmt)
    }


def age_days(later: Any, earlier: Any, sqlite: bool) -> ColumnElement[int]:
    """Whole days from `earlier` to `later` (both set, later ≥ earlier)."""
    if sqlite:
        return cast(func.julianday(later) - func.julianday(earlier), Integer)
    return cast(func.floor(func.extract("epoch", later - earlier) / 86400), Integer)


@dataclass(slots=True)
class Curve:
    """Finished lines of one observation (a product, shop, category in market or market): their gross and the value
    lost by the age (days after payment) at which it was lost. `at(age)` is the probability that what a line of that
    age still holds is kept: what is lost from that age on, over what is left at that age."""

    level: Level
    lines: int = 0
    gross: int = 0
    lost_by_age: dict[int, int] = field(default_factory=dict[int, int])
    _at: dict[int, Survival] = field(default_factory=dict[int, Survival], repr=False)

    def at(self, age: int) -> Survival:
        """Memoised per age: a party's open lines share a few dozen ages."""
        cached = self._at.get(age)
        if cached is None:
            cached = self._at[age] = self._compute(age)
        return cached

    def bps_from(self, first: int, last: int) -> list[int]:
        """at(age).bps for every age from `first` to `last`, in one pass (the same integers as `at`)."""
        if self.level is Level.NONE or self.gross <= 0:
            return [10000] * (last - first + 1)
        before = sum(v for a, v in self.lost_by_age.items() if a < first)
        lost = sum(self.lost_by_age.values())
        out: list[int] = []
        for age in range(first, last + 1):
            out.append(10000 - (ratio_bps(lost - before, self.gross - before) or 0))
            before += self.lost_by_age.get(age, 0)
        return out

    def _compute(self, age: int) -> Survival:
        if self.level is Level.NONE or self.gross <= 0:
            return Survival(10000, self.level, self.lines)
        before = sum(v for a, v in self.lost_by_age.items() if a < age)
        after = sum(v for a, v in self.lost_by_age.items() if a >= age)
        left = self.gross - before
        return Survival(10000 - (ratio_bps(after, left) or 0), self.level, self.lines)


KeyOf = Callable[[ProductKey], tuple[Any, ...]]  # a product's key at one level
Where = Callable[
    [Sequence[ProductKey]], ColumnElement[bool]
]  # the lines of these products' keys at one level


async def curves(
    session: AsyncSession,
    keys: Iterable[ProductKey],
    now: datetime,
    *,
    sqlite: bool,
    cache: dict[Any, Any] | None = None,
) -> dict[int, Curve]:
    """Product id → the survival curve of the finest level with at least MIN_LINES matured finished lines (paid
    between REFUND_WINDOW and MATURITY ago: lines that young are mostly still in flight, and counting only the
    returned ones among them would overstate returns). One statement per level needed.

    With `cache` (a process's dict): each level's curves are kept per `now` (the forecast passes the start of the
    UTC day) and only the keys not seen yet are read; the curves of any other `now` are dropped. Nothing else
    invalidates them: they are observed on lines paid 30 to 180 days before `now`, finished long ago."""
    since, until = now - REFUND_WINDOW, now - MATURITY
    returned = Line.status.in_(VOIDED) | (Line.refunded_amount_minor > 0)
    returned_at = func.coalesce(Line.refunded_at, Line.cancelled_at, Line.paid_at)
    age = case((returned, age_days(returned_at, Line.paid_at, sqlite)), else_=-1)
    todo = {k.product_id: k for k in keys}
    out: dict[int, Curve] = {}
    levels: list[tuple[Level, KeyOf, list[Any], Where]] = [
        (
            Level.PRODUCT,
            lambda k: (k.product_id,),
            [Line.product_id],
            lambda ks: Line.product_id.in_({k.product_id for k in ks}),
        ),
        (
            Level.SHOP,
            lambda k: (k.shop_id,),
            [Order.shop_id],
            lambda ks: Order.shop_id.in_({k.shop_id for k in ks}),
        ),
        (
            Level.CATEGORY,
            lambda k: (k.category, k.market),
            [Product.category, Order.market],
            lambda ks: (
                Product.category.in_({k.category for k in ks}) & Order.market.in_({k.market for k in ks})
            ),
        ),
        (
            Level.MARKET,
            lambda k: (k.market,),
            [Order.market],
            lambda ks: Order.market.in_({k.market for k in ks}),
        ),
    ]
    seen: dict[tuple[Level, tuple[Any, ...]], Curve | None] = {}
    if cache is not None:
        if cache.get(CACHE_DAY) != now:
            cache[CACHE_DAY], cache[CACHE_CURVES] = now, {}
        seen = cache[CACHE_CURVES]
    for level, key_of, group, where in levels:
        if not todo:
            break
        missing = [k for k in todo.values() if (level, key_of(k)) not in seen]
        found = await _level(session, level, group, where(missing), age, since, until) if missing else {}
        for k in missing:
            seen[(level, key_of(k))] = found.get(key_of(k))
        for pid, k in list(todo.items()):
            curve = seen[(level, key_of(k))]
            if curve is not None and curve.lines >= MIN_LINES:
                out[pid] = curve
                del todo[pid]
    for pid, k in todo.items():  # not enough data anywhere: the market's figure, however small
        curve = seen.get((Level.MARKET, (k.market,)))
        out[pid] = curve if curve is not None and curve.lines else Curve(Level.NONE)
    return out


CACHE_DAY, CACHE_CURVES = "refund_rates.day", "refund_rates.curves"


async def _level(
    session: AsyncSession,
    level: Level,
    group: list[Any],
    where: ColumnElement[bool],
    age: ColumnElement[int],
    since: datetime,
    until: datetime,
) -> dict[tuple[Any, ...], Curve]:
    """The curves of one level, by its key, for the finished lines `where` keeps."""
    gross = Line.unit_price_minor * Line.quantity
    voided = Line.status.in_(VOIDED)
    stmt = (
        select(
            *group,
            age.label("age"),
            func.count().label("n"),
            total(gross).label("gross"),
            total(case((voided, gross), else_=Line.refunded_amount_minor)).label("lost"),
        )
        .join(Order, Order.id == Line.order_id)
        .where(Line.paid_at >= since, Line.paid_at < until, Line.status.in_(FINISHED), where)
        .group_by(*group, age)
    )
    if level is Level.CATEGORY:
        stmt = stmt.join(Product, Product.id == Line.product_id)
    found: dict[tuple[Any, ...], Curve] = {}
    for row in await session.execute(stmt):
        *key, row_age, n, row_gross, row_lost = row
        curve = found.setdefault(tuple(key), Curve(level))
        curve.lines += int(n)
        curve.gross += int(row_gross)
        if row_age >= 0 and row_lost:
            curve.lost_by_age[int(row_age)] = curve.lost_by_age.get(int(row_age), 0) + int(row_lost)
    return found
