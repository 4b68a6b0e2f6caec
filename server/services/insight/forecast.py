"""The earnings forecast of one party (creator, agency, or a seller's commission owed): its open estimated lines
from the rollups (`rollup_lines`: what each line holds now in the party's account), each with a predicted settle
date, a predicted pay date and its survival probability; forecast_model.py does the arithmetic.

- settle: the line's settle_after once delivered; before that, its predicted delivery — paid_at + the median
  paid → delivered time of the market's latest DELIVERY_SAMPLE delivered lines (DEFAULT_DELIVERY_DAYS without any;
  a delivery already late is predicted now) — plus the market's settlement window; never before now. The figures
  count it in whole UTC days (`settle_day`): the day of settle_after, or the paid day + the lag rounded half-up to
  whole days, then the window; never before today.
- pay (agencies and creators): the month the line settles is billed on the 1st of the next month (UTC,
  server/services/finance/bills.py) and paid by the next payout run: the 1st + the median issue → paid time of the
  latest PAYOUT_SAMPLE paid bills in the currency (0 days without any). Sellers pay, they are not paid: no date.
- survival: refund_rates.curves of the line's product (product, shop, category, market), observed up to the start
  of today (UTC; cached for the day), at the line's age in whole days (today − the UTC paid day).
FROZEN lines (risk hold) are left out: they settle only once released.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from operator import attrgetter
from typing import Any

from sqlalchemy import DateTime, Row, Select, String, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.auth.principal import Principal
from server.models.enums import BillStatus, Currency, LedgerAccount, Market, OrderLineStatus, Role
from server.models.rollup import rollup_lines
from server.runtime import Runtime
from server.services.insight import refund_rates
from server.services.insight.forecast_model import HORIZON_DAYS, CurrencyForecast, OpenLine, forecast
from server.services.rollups.open_amounts import utc_day

Line, Order = models.OrderLine, models.Order
DELIVERY_SAMPLE = 500
DEFAULT_DELIVERY_DAYS = 5
PAYOUT_SAMPLE = 100
OPEN_STATUSES = (OrderLineStatus.PAID, OrderLineStatus.SHIPPED, OrderLineStatus.DELIVERED)
R = rollup_lines.c
# Enums and times read as the driver gives them (aware() fills in UTC; enums built once per distinct value).
RAW_TIME = DateTime(timezone=True)

# The party's column of rollup_lines, its ledger account, and how its lines are found.
PARTY = {
    Role.CREATOR: ("creator_estimated", LedgerAccount.CREATOR_EARNINGS),
    Role.AGENCY: ("agency_estimated", LedgerAccount.AGENCY_EARNINGS),
    Role.SELLER: ("seller_estimated", LedgerAccount.SELLER_PAYABLE),
}


@dataclass(frozen=True, slots=True)
class PartyForecast:
    account: LedgerAccount
    computed_at: datetime
    currencies: list[CurrencyForecast]
    on_hold: dict[Currency, int]
    lines: list[
        OpenLine
    ]  # soonest settle first: every open line (per line), or none (grouped: see first_lines)
    horizon_days: int = HORIZON_DAYS
    first_lines: Callable[[Currency, int], Awaitable[list[OpenLine]]] | None = (
        None  # grouped: lines on demand
    )


def _party_filter(role: Role, organisation_id: int) -> Any:
    if role is Role.CREATOR:
        return R.creator_id == organisation_id
    if role is Role.SELLER:
        return R.shop_id == organisation_id
    return R.campaign_id.in_(select(models.Campaign.id).where(models.Campaign.agency_id == organisation_id))


def _median(values: Sequence[timedelta], default: timedelta) -> timedelta:
    if not values:
        return default
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


async def delivery_lag(session: AsyncSession, market: Market) -> timedelta:
    rows = await session.execute(
        select(Line.paid_at, Line.delivered_at)
        .join(Order, Order.id == Line.order_id)
        .where(Order.market == market, Line.delivered_at.is_not(None), Line.paid_at.is_not(None))
        .order_by(Line.id.desc())
        .limit(DELIVERY_SAMPLE)
    )
    return _median(
        [d - p for p, d in rows if p is not None and d is not None],  # both are (the query asks so)
        timedelta(days=DEFAULT_DELIVERY_DAYS),
    )


async def payout_lag(session: AsyncSession, currency: Currency) -> timedelta:
    rows = await session.execute(
        select(models.PaymentBill.issued_at, models.PaymentBill.paid_at)
        .where(models.PaymentBill.status == BillStatus.PAID, models.PaymentBill.currency == currency)
        .order_by(models.PaymentBill.id.desc())
        .limit(PAYOUT_SAMPLE)
    )
    return _median([p - i for i, p in rows if p is not None and i is not None], timedelta(0))


def bill_date(settle_at: datetime) -> date:
    """The 1st of the month after the one the line settles in (UTC): when its bill is issued."""
    d = settle_at.astimezone(UTC).date()
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def pay_day_of(settle_at: datetime, pay_lag: timedelta | None) -> date | None:
    """The predicted payout of a line settling at `settle_at` (None for sellers: no payout lag)."""
    if pay_lag is None:
        return None
    return (datetime.combine(bill_date(settle_at), datetime.min.time(), UTC) + pay_lag).date()


def _observation(level: refund_rates.Level, k: refund_rates.ProductKey) -> tuple[object, ...]:
    """The observation (level and key) a survival of product `k` at `level` came from."""
    return (
        level,
        *{
            refund_rates.Level.PRODUCT: (k.product_id,),
            refund_rates.Level.SHOP: (k.shop_id,),
            refund_rates.Level.CATEGORY: (k.category, k.market),
            refund_rates.Level.MARKET: (k.market,),
        }.get(level, ()),
    )


OpenLineRow = Row[*tuple[Any, ...]]  # a row of open_lines(): values as the driver gives them, read by name


@dataclass(slots=True)
class Context:
    """What a party's predictions share: computed once from its open lines' products, markets and currencies."""

    principal: Principal
    now: datetime
    windows: dict[str, int]
    lags: dict[Market, timedelta]  # markets with undelivered open lines
    pay_lags: dict[Currency, timedelta]  # payees only
    curves: dict[int, refund_rates.Curve]  # product id -> its survival curve
    observations: dict[int, tuple[object, ...]]  # product id -> the observation its curve is

    def window(self, market: Market) -> timedelta:
        return timedelta(days=self.windows.get(market.value, 7))

    def settle_day(self, market: Market, paid_on: date, settle_on: date | None) -> date:
        """The predicted settle day in whole UTC days: settle_after's day once delivered, else the paid day + the
        market's delivery lag (half-up to whole days) + its window; never before today."""
        today = self.now.date()
        if settle_on is not None:
            return max(settle_on, today)
        lag_days = (self.lags[market] + timedelta(hours=12)) // timedelta(days=1)
        return max(paid_on + timedelta(days=lag_days), today) + self.window(market)

    def survival(self, product_id: int, paid_on: date) -> refund_rates.Survival:
        return self.curves[product_id].at(max((self.now.date() - paid_on).days, 0))  # memoised per age

    def predict(self, row: OpenLineRow, enums: dict[tuple[type, Any], Any]) -> OpenLine:
        """One open line's prediction (row: line_id, amount, market, status, currency, paid_at, delivered_at,
        settle_after, product_id as the driver gives them)."""
        market = enums.get((Market, row.market)) or enums.setdefault((Market, row.market), Market(row.market))
        currency = enums.get((Currency, row.currency)) or enums.setdefault(
            (Currency, row.currency), Currency(row.currency)
        )
        now = self.now
        if row.settle_after is not None:
            settle_at = aware(row.settle_after)
        else:
            settle_at = max(aware(row.paid_at) + self.lags[market], now) + self.window(market)
        settle_at = max(settle_at, now)
        paid_on = utc_day(row.paid_at)
        settle_day = self.settle_day(
            market, paid_on, None if row.settle_after is None else utc_day(row.settle_after)
        )
        pay_on = pay_day_of(datetime.combine(settle_day, time(), UTC), self.pay_lags.get(currency))
        survival = self.survival(row.product_id, paid_on)
        return OpenLine(
            row.line_id,
            currency,
            int(row[1]),
            settle_at,
            settle_day,
            paid_on,
            pay_on,
            survival,
            self.observations[row.product_id],
        )


def open_lines(principal: Principal, *, frozen: bool = True) -> Select[*tuple[Any, ...]]:
    """The party's open lines (and, with `frozen`, its FROZEN ones), read as the driver gives them: from
    rollup_lines alone (it keeps copies of the line facts the forecast needs), through its partial indexes."""
    amount = R[PARTY[principal.role][0]]
    statuses = (*OPEN_STATUSES, OrderLineStatus.FROZEN) if frozen else OPEN_STATUSES
    return select(
        R.line_id,
        amount,
        *(type_coerce(c, String).label(c.key) for c in (R.market, R.status, R.currency)),
        *(type_coerce(c, RAW_TIME).label(c.key) for c in (R.paid_at, R.delivered_at, R.settle_after)),
        R.product_id,
    ).where(
        _party_filter(principal.role, principal.organisation_id),
        R.paid == 1,
        R.settled == 0,
        R.sale == 1,
        R.status.in_([s.value for s in statuses]),
    )


async def context(
    rt: Runtime,
    session: AsyncSession,
    principal: Principal,
    undelivered_markets: set[Market],
    currencies: set[Currency],
    product_ids: set[int],
) -> Context:
    now = rt.clock.now()
    lags = {m: await delivery_lag(session, m) for m in sorted(undelivered_markets)}
    pay_lags = (
        {c: await payout_lag(session, c) for c in sorted(currencies)}
        if principal.role is not Role.SELLER
        else {}
    )
    keys = await refund_rates.product_keys(session, product_ids)
    day_start = datetime.combine(now.date(), time(), UTC)  # observed up to today's start: cached for the day
    curves = await refund_rates.curves(
        session, keys.values(), day_start, sqlite=rt.settings.is_sqlite, cache=rt.caches
    )
    observations = {pid: _observation(curves[pid].level, k) for pid, k in keys.items()}
    return Context(principal, now, rt.settings.settlement_window_days, lags, pay_lags, curves, observations)


async def party_forecast_per_line(rt: Runtime, principal: Principal) -> PartyForecast:
    """The forecast predicted line by line: every open line's prediction (the back-test reads them all), and the
    reference the grouped forecast (forecast_groups.py, the API's) is checked against."""
    account = PARTY[principal.role][1]
    async with rt.sessionmaker() as session:
        rows = (await (await session.connection()).execute(open_lines(principal))).all()  # Core rows
        on_hold: dict[Currency, int] = {}
        open_rows: list[OpenLineRow] = []
        for row in rows:
            if row.status == OrderLineStatus.FROZEN.value:
                on_hold[Currency(row.currency)] = on_hold.get(Currency(row.currency), 0) + int(row[1])
            else:
                open_rows.append(row)
        ctx = await context(
            rt,
            session,
            principal,
            {Market(m) for m in {r.market for r in open_rows if r.delivered_at is None}},
            {Currency(c) for c in {r.currency for r in open_rows}},
            {r.product_id for r in open_rows},
        )
    enums: dict[tuple[type, Any], Any] = {}
    lines = sorted((ctx.predict(r, enums) for r in open_rows), key=attrgetter("settle_at", "line_id"))
    return PartyForecast(account, ctx.now, with_frozen(forecast(lines, ctx.now), on_hold), on_hold, lines)


def with_frozen(currencies: list[CurrencyForecast], on_hold: dict[Currency, int]) -> list[CurrencyForecast]:
    seen = {cf.currency for cf in currencies}
    return currencies + [CurrencyForecast(c) for c in sorted(on_hold) if c not in seen]  # only frozen lines
