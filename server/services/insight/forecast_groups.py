"""The earnings forecast from the aggregate of open amounts (the API's): rollup_open_products and rollup_open_days
(server/models/rollup_forecast.py, kept by the rollup upkeep in the ledger's transaction) hold the party's open
amounts per product (or per whole shop) × currency × market × paid day × settle day, so a request reads a few
thousand rows whatever the number of open lines. Same figures as predicting line by line (forecast.py
`party_forecast_per_line`, checked against it in tests/insight on SQLite and PostgreSQL): both count in whole UTC
days and round the likely amount once per group (currency × observation × paid day × settle day).

Two statements besides the shared context (forecast.py `context`, whose refund curves are cached for the day): the
party's products (markets, currencies, undelivered lines, frozen amounts), then its day rows: the whole shop's row
(product 0) for a shop whose products use the shop's curve, less the rows of its products that have their own
curve; each product's own rows elsewhere. The open lines themselves (`first_lines`) are read on demand, at most
`n` per currency, market and kind of settle date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from operator import attrgetter
from typing import Any

from sqlalchemy import Select, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.auth.principal import Principal
from server.models.enums import Currency, Market, Role
from server.models.rollup_forecast import rollup_open_days, rollup_open_products
from server.runtime import Runtime
from server.services.id_arrays import ids_in
from server.services.insight.forecast import (
    PARTY,
    Context,
    OpenLine,
    PartyForecast,
    R,
    context,
    open_lines,
    pay_day_of,
    with_frozen,
)
from server.services.insight.forecast_model import LineGroup, forecast_groups, group
from server.services.insight.refund_rates import Level

P, D = rollup_open_products.c, rollup_open_days.c
PARTY_KEY = {Role.CREATOR: "creator", Role.AGENCY: "campaign", Role.SELLER: "shop"}


@dataclass(frozen=True, slots=True)
class _Product:
    shop_id: int
    market: Market
    currency: Currency
    undelivered: int


def _party(principal: Principal, c: Any) -> Any:
    """The aggregate's rows of the party (an agency's: those of its campaigns)."""
    mine = c.party == PARTY_KEY[principal.role]
    if principal.role is Role.AGENCY:
        campaigns = select(models.Campaign.id).where(models.Campaign.agency_id == principal.organisation_id)
        return mine & c.party_id.in_(campaigns)
    return mine & (c.party_id == principal.organisation_id)


async def _products(
    session: AsyncSession, principal: Principal
) -> tuple[dict[int, _Product], dict[Currency, int]]:
    """Per product of the party's open lines: its shop, market, currency and undelivered lines; and the frozen
    amounts per currency."""
    stmt = select(P.product_id, P.shop_id, P.market, P.currency, P.frozen, P.undelivered, P.amount).where(
        _party(principal, P)
    )
    products: dict[int, _Product] = {}
    undelivered: dict[int, int] = defaultdict(int)
    on_hold: dict[Currency, int] = {}
    enums: dict[tuple[type, str], Any] = {}  # each distinct value converted once
    for pid, shop, market, currency, frozen, late, amount in await session.execute(stmt):
        cur = _enum(enums, Currency, currency)
        if frozen:
            on_hold[cur] = on_hold.get(cur, 0) + int(amount)
            continue
        undelivered[pid] += int(late)
        products[pid] = _Product(shop, _enum(enums, Market, market), cur, undelivered[pid])
    return products, {c: v for c, v in on_hold.items() if v}


def _enum(seen: dict[tuple[type, str], Any], kind: type, value: str) -> Any:
    got = seen.get((kind, value))
    if got is None:
        got = seen[(kind, value)] = kind(value)
    return got


async def party_forecast(rt: Runtime, principal: Principal) -> PartyForecast:
    account = PARTY[principal.role][1]
    async with rt.sessionmaker() as session:
        products, on_hold = await _products(session, principal)
        ctx = await context(
            rt,
            session,
            principal,
            {p.market for p in products.values() if p.undelivered},
            {p.currency for p in products.values()},
            set(products),
        )
        groups = await _groups(session, ctx, products) if products else []
    now = ctx.now

    async def first_lines(currency: Currency, n: int) -> list[OpenLine]:
        markets = sorted({p.market for p in products.values() if p.currency is currency})
        return await _first_lines(rt, ctx, currency, markets, n)

    return PartyForecast(
        account, now, with_frozen(forecast_groups(groups, now), on_hold), on_hold, [], first_lines=first_lines
    )


async def _groups(session: AsyncSession, ctx: Context, products: dict[int, _Product]) -> list[LineGroup]:
    """The party's groups (currency × observation × paid day × settle day) from its day rows."""
    # A shop is read whole when its products without a curve of their own use the shop's.
    whole = {p.shop_id: pid for pid, p in products.items() if ctx.curves[pid].level is Level.SHOP}
    own = {
        pid
        for pid, p in products.items()
        if p.shop_id not in whole or ctx.curves[pid].level is not Level.SHOP
    }
    shops = sorted(set(whole) | {products[pid].shop_id for pid in own})
    stmt = select(
        D.shop_id,
        D.product_id,
        D.currency,
        D.market,
        D.paid_day,
        D.delivered,
        D.settle_day,
        D.lines,
        D.amount,
        D.squares,
    ).where(
        _party(ctx.principal, D), ids_in(session, D.shop_id, shops), ids_in(session, D.product_id, [0, *own])
    )
    # (currency, observation, paid day, settle day) -> [a product whose curve it is, count, Σ a, Σ a²]
    sums: dict[tuple[Any, ...], list[Any]] = {}
    enums: dict[tuple[type, str], Any] = {}
    settle_days: dict[tuple[Any, ...], date] = {}
    observations = ctx.observations
    for (
        shop,
        pid,
        currency,
        market,
        paid_day,
        delivered,
        settle_on,
        n,
        amount,
        squares,
    ) in await session.execute(stmt):
        if pid == 0:  # the whole shop, on the shop's curve
            if shop not in whole:
                continue
            targets: tuple[tuple[int, int], ...] = ((whole[shop], 1),)
        elif shop in whole:  # a product with its own curve, taken out of its shop's
            targets = ((pid, 1), (whole[shop], -1))
        else:
            targets = ((pid, 1),)
        day_key = (market, paid_day, delivered, settle_on)
        settle_day = settle_days.get(day_key)
        if settle_day is None:
            settle_on_ = settle_on if delivered else None
            settle_day = settle_days[day_key] = ctx.settle_day(
                _enum(enums, Market, market), paid_day, settle_on_
            )
        for target, k in targets:
            key = (currency, observations[target], paid_day, settle_day)
            acc = sums.get(key)
            if acc is None:
                acc = sums[key] = [target, 0, 0, 0]
            acc[1] += k * n
            acc[2] += k * amount
            acc[3] += k * squares
    # Each group's likely amount rounded once; then groups alike for the buckets (same settle day, pay day and
    # survival) are added up, so the bands see fewer of them.
    out: dict[tuple[Any, ...], list[int]] = {}
    pay_days: dict[tuple[Currency, date], date | None] = {}
    enums: dict[tuple[type, str], Any] = {}
    for (currency, key, paid_day, settle_day), (pid, n, amount, squares) in sums.items():
        if n == 0:
            continue  # a shop whose every open line is a product with its own curve
        cur = _enum(enums, Currency, currency)
        if (cur, settle_day) not in pay_days:
            at = datetime.combine(settle_day, time(), UTC)
            pay_days[(cur, settle_day)] = pay_day_of(at, ctx.pay_lags.get(cur))
        survival = ctx.survival(pid, paid_day)
        g = group(
            cur,
            settle_day,
            pay_days[(cur, settle_day)],
            survival,
            key,
            (int(n), int(amount), int(squares)),
            ctx.now,
        )
        merged = out.setdefault((cur, settle_day, g.pay_on, survival, key, g.in_next), [0, 0, 0, 0])
        for k in range(4):
            merged[k] += g.sums[k]
    return [
        LineGroup(cur, in_next, settle_day, pay_on, survival, key, tuple(sums))  # type: ignore[arg-type]
        for (cur, settle_day, pay_on, survival, key, in_next), sums in out.items()
    ]


async def _first_lines(
    rt: Runtime, ctx: Context, currency: Currency, markets: list[Market], n: int
) -> list[OpenLine]:
    """The soonest `n` open lines of a currency, soonest settle first: the first `n` of each market and kind of
    settle date (due now, by settle_after, due after delivery now, by payment), in an order that agrees with the
    predicted settle date within each."""
    if n <= 0 or not markets:
        return []
    now = ctx.now
    parts: list[Select[*tuple[Any, ...]]] = []
    for market in markets:
        mine = open_lines(ctx.principal, frozen=False).where(
            R.currency == currency.value, R.market == market.value
        )
        delivered = R.settle_after.is_not(None)
        parts += [
            mine.where(delivered, R.settle_after <= now).order_by(R.line_id),
            mine.where(delivered, R.settle_after > now).order_by(R.settle_after, R.line_id),
        ]
        if market in ctx.lags:
            due = now - ctx.lags[market]
            parts += [
                mine.where(~delivered, R.paid_at <= due).order_by(R.line_id),
                mine.where(~delivered, R.paid_at > due).order_by(R.paid_at, R.line_id),
            ]
    stmt = union_all(*(select(p.limit(n).subquery()) for p in parts))
    async with rt.sessionmaker() as session:
        rows = (await (await session.connection()).execute(stmt)).all()
    enums: dict[tuple[type, Any], Any] = {}
    lines = sorted((ctx.predict(r, enums) for r in rows), key=attrgetter("settle_at", "line_id"))
    return lines[:n]
