"""The earnings forecast grouped in SQL (the API's): the database sums the party's open lines per currency, market,
predicted settle day, next-30-days flag and survival (its observation and probability at the line's age), so
Python sees a few hundred groups instead of every open line. Same figures as predicting line by line
(forecast.py `party_forecast_per_line`, checked against it in tests/insight on SQLite and PostgreSQL): dates and
ages are exact (PostgreSQL's UTC date and interval arithmetic; on SQLite, integer microseconds since the epoch),
and the half-up likely amount is rounded per line in SQL.

Two statements besides the shared context (forecast.py `context`): the party's products (markets, currencies,
ages, frozen amounts), then the groups: each line's keys computed once and matched to the survival table —
(product, age, survival, observation) for every age of the product's open lines: on PostgreSQL bound as arrays and
looked up by position (product's offset + age), on SQLite bound as JSON, lines counted per amount and joined by
equality. The open lines themselves (`first_lines`) are read on demand, at most `n`
per currency, market and kind of settle date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from operator import attrgetter
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    Interval,
    Time,
    and_,
    bindparam,
    case,
    cast,
    column,
    func,
    literal,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import Grouping

from server.auth.principal import Principal
from server.models.enums import Currency, Market, OrderLineStatus
from server.runtime import Runtime
from server.services.insight.forecast import (
    PARTY,
    Context,
    OpenLine,
    PartyForecast,
    R,
    _pay_on,
    context,
    open_lines,
    with_frozen,
)
from server.services.insight.forecast_model import NEXT_DAYS, LineGroup, forecast_groups
from server.services.insight.refund_rates import Survival

US = 1_000_000
DAY_US = 86_400 * US
EPOCH = date(1970, 1, 1)
WORK_MEM = "16MB"  # PostgreSQL, for the grouped statement's transaction only


def epoch_us(col: Any, sqlite: bool) -> Any:
    """Microseconds since the epoch (UTC), exactly: SQLite keeps 'YYYY-MM-DD HH:MM:SS.ffffff' (its own date
    functions round to milliseconds, so the seconds and the microseconds are read apart)."""
    if sqlite:
        seconds = cast(func.strftime("%s", func.substr(col, 1, 19)), BigInteger)
        return seconds * US + cast(func.substr(col, 21, 6), BigInteger)
    return cast(func.floor(func.extract("epoch", col) * US), BigInteger)


def _us(at: datetime) -> int:
    return (at - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class _Product:
    market: Market
    currency: Currency
    open_lines: int
    undelivered: int
    newest_paid: datetime | None
    oldest_paid: datetime | None


async def _products(
    session: AsyncSession, principal: Principal
) -> tuple[dict[int, _Product], dict[Currency, int]]:
    """Per product of the party's open lines: its market, currency, open and undelivered lines and the paid range;
    and the frozen amounts per currency."""
    base = open_lines(principal).subquery()
    frozen = base.c.status == OrderLineStatus.FROZEN.value
    live = ~frozen
    stmt = select(
        base.c.product_id,
        base.c.market,
        base.c.currency,
        func.count(case((live, 1))),
        func.count(case((live & base.c.delivered_at.is_(None), 1))),
        func.max(case((live, base.c.paid_at))),
        func.min(case((live, base.c.paid_at))),
        func.coalesce(func.sum(case((frozen, base.c[PARTY[principal.role][0]]))), 0),
    ).group_by(base.c.product_id, base.c.market, base.c.currency)
    products: dict[int, _Product] = {}
    on_hold: dict[Currency, int] = {}
    for pid, market, currency, n, undelivered, newest, oldest, held in await session.execute(stmt):
        if int(held):
            on_hold[Currency(currency)] = on_hold.get(Currency(currency), 0) + int(held)
        if n:
            products[pid] = _Product(
                Market(market), Currency(currency), int(n), int(undelivered), _aware(newest), _aware(oldest)
            )
    return products, on_hold


def _aware(at: Any) -> datetime | None:
    if at is None:
        return None
    if isinstance(at, str):  # SQLite through an untyped aggregate
        at = datetime.fromisoformat(at)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _survival_table(ctx: Context, products: dict[int, _Product]) -> tuple[list[tuple[int, ...]], list[Any]]:
    """Rows (product, age, survival bps, observation index), one per age of the product's open lines (from the
    youngest to the oldest): the lines find theirs by equality."""
    observations: dict[tuple[object, ...], int] = {}
    info: list[Any] = []
    rows = []
    for pid, p in products.items():
        curve = ctx.curves[pid]
        key = ctx.observations[pid]
        idx = observations.get(key)
        if idx is None:
            idx = observations[key] = len(info)
            info.append((curve.level, curve.lines, key))
        youngest = max((ctx.now - p.newest_paid).days, 0) if p.newest_paid else 0
        oldest = max((ctx.now - p.oldest_paid).days, 0) if p.oldest_paid else 0
        for age, bps in enumerate(curve.bps_from(youngest, oldest), start=youngest):
            rows.append((pid, age, bps, idx))
    return rows, info


SURVIVAL_COLUMNS = ("product_id", "age", "bps", "obs")


def _survival_cte(rows: list[tuple[int, ...]], sqlite: bool) -> Any:
    """The survival table as one bound parameter per column (PostgreSQL arrays) or one JSON text (SQLite): the
    statement's text stays the same whatever the table holds (prepared once, no compile per row)."""
    names = SURVIVAL_COLUMNS
    if sqlite:
        picks = ", ".join(f"json_extract(value, '$[{k}]') AS {n}" for k, n in enumerate(names))
        sql = text(f"SELECT {picks} FROM json_each(:survival)").bindparams(survival=json.dumps(rows))
    else:
        arrays = ", ".join(f"CAST(:{n} AS BIGINT[])" for n in names)
        sql = text(f"SELECT * FROM unnest({arrays}) AS s({', '.join(names)})").bindparams(
            **{n: [row[k] for row in rows] for k, n in enumerate(names)}
        )
    return sql.columns(*(column(n, BigInteger) for n in names)).cte("survival")


async def party_forecast(rt: Runtime, principal: Principal) -> PartyForecast:
    account = PARTY[principal.role][1]
    sqlite = rt.settings.is_sqlite
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
        groups = await _groups(session, ctx, products, sqlite) if products else []
    now = ctx.now

    async def first_lines(currency: Currency, n: int) -> list[OpenLine]:
        markets = sorted({p.market for p in products.values() if p.currency is currency})
        return await _first_lines(rt, ctx, currency, markets, n)

    return PartyForecast(
        account, now, with_frozen(forecast_groups(groups, now), on_hold), on_hold, [], first_lines=first_lines
    )


async def _groups(
    session: AsyncSession, ctx: Context, products: dict[int, _Product], sqlite: bool
) -> list[LineGroup]:
    now = ctx.now
    rows, info = _survival_table(ctx, products)
    base = open_lines(ctx.principal, frozen=False).subquery()
    markets = sorted({p.market for p in products.values()})
    undelivered, clamped, day, in_next, age = (_keys_sqlite if sqlite else _keys_postgresql)(
        base, ctx, markets
    )
    amount = base.c[PARTY[ctx.principal.role][0]]
    # Each line's settle day, flags and age computed once, then matched to its product's survival step (SQLite:
    # counted per amount and joined; PostgreSQL: looked up by position, see _lines_postgresql).
    names = ("currency", "market", "undelivered", "clamped", "day", "in_next", "product_id", "age", "amount")
    per_line = (
        base.c.currency,
        base.c.market,
        undelivered,
        clamped,
        day,
        in_next,
        base.c.product_id,
        age,
        amount,
    )
    inner = (_lines_sqlite if sqlite else _lines_postgresql)(base, rows, per_line, names)
    a, s, n = inner.c.amount, inner.c.bps, inner.c.n
    likely = case((a >= 0, (a * s * 2 + 10000) // 20000), else_=-(((-a) * s * 2 + 10000) // 20000))
    keys = (
        inner.c.currency,
        inner.c.market,
        inner.c.undelivered,
        inner.c.clamped,
        inner.c.day,
        inner.c.in_next,
        s,
        inner.c.obs,
    )
    stmt = select(*keys, func.sum(n), func.sum(n * a), func.sum(n * likely), func.sum(n * a * a)).group_by(
        *keys
    )
    if not sqlite:  # room to hash the ~1,000s of groups of 60,000 lines instead of sorting them on disk
        await session.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
    out = []
    next_end = now + timedelta(days=NEXT_DAYS)
    pay_days: dict[tuple[Currency, date], date | None] = {}
    for (
        currency,
        market,
        late,
        clamped,
        d,
        nxt,
        bps,
        obs,
        n,
        total,
        likely_sum,
        squares,
    ) in await session.execute(stmt):
        currency, market = Currency(currency), Market(market)
        if clamped:
            settle = now + (ctx.window(market) if late else timedelta(0))
            settle_day, in_next_30 = settle.date(), settle < next_end
        else:
            settle_day, in_next_30 = EPOCH + timedelta(days=int(d)), bool(nxt)
        pay_key = (currency, settle_day)
        if pay_key not in pay_days:
            at = datetime.combine(settle_day, datetime.min.time(), UTC)
            pay_days[pay_key] = _pay_on(at, ctx.pay_lags.get(currency))
        level, sample_size, key = info[obs]
        out.append(
            LineGroup(
                currency,
                in_next_30,
                settle_day,
                pay_days[pay_key],
                Survival(int(bps), level, sample_size),
                key,
                (int(n), int(total), int(likely_sum), int(squares)),
            )
        )
    return out


def _lines_sqlite(
    base: Any, rows: list[tuple[int, ...]], per_line: tuple[Any, ...], names: tuple[str, ...]
) -> Any:
    """Each line's keys counted per amount, joined by equality to the survival table (product × age)."""
    surv = _survival_cte(rows, True)
    lines = (
        select(*(e.label(name) for e, name in zip(per_line, names, strict=True)), func.count().label("n"))
        .group_by(*per_line)
        .cte("open_lines")
        .prefix_with("MATERIALIZED")
    )
    on = and_(surv.c.product_id == lines.c.product_id, surv.c.age == lines.c.age)
    return select(lines, surv.c.bps, surv.c.obs).join(surv, on).subquery()


def _lines_postgresql(
    base: Any, rows: list[tuple[int, ...]], per_line: tuple[Any, ...], names: tuple[str, ...]
) -> Any:
    """Each line with its survival looked up by position in the bound survival arrays (product's first position
    + age): a hash join with one row per product instead of sorting the lines and the survival table."""
    offsets: dict[int, int] = {}
    for i, (pid, age, _bps, _obs) in enumerate(rows):
        offsets.setdefault(pid, i + 1 - age)  # PostgreSQL arrays are 1-based
    sql = text(
        "SELECT * FROM unnest(CAST(:sp_product AS BIGINT[]), CAST(:sp_offset AS BIGINT[])) AS p(pid, off)"
    )
    prods = (
        sql.bindparams(sp_product=list(offsets), sp_offset=list(offsets.values()))
        .columns(column("pid", BigInteger), column("off", BigInteger))
        .cte("survival_products")
    )
    at = prods.c.off + per_line[names.index("age")]

    def step(name: str, k: int) -> Any:
        values = bindparam(name, [row[k] for row in rows], type_=ARRAY(BigInteger))
        return Grouping(cast(values, ARRAY(BigInteger)))[at].label(name[5:])  # (CAST(… AS BIGINT[]))[i]

    keep = [(e, n) for e, n in zip(per_line, names, strict=True) if n not in ("product_id", "age")]
    return (
        select(
            *(e.label(n) for e, n in keep),
            literal(1, BigInteger).label("n"),
            step("surv_bps", 2),
            step("surv_obs", 3),
        )
        .select_from(base.join(prods, prods.c.pid == base.c.product_id))
        .subquery()
    )


def _by_market(market: Any, values_of: dict[Market, Any], default: Any) -> Any:
    if not values_of:
        return default
    return case(*((market == m.value, v) for m, v in values_of.items()), else_=default)


def _keys_sqlite(base: Any, ctx: Context, markets: list[Market]) -> tuple[Any, ...]:
    """(undelivered, clamped, settle day, in the next 30 days, age) of each line, in integer microseconds since
    the epoch (SQLite has no exact date arithmetic of its own). Day and in-next are null when clamped."""
    now_us = _us(ctx.now)
    windows = {m: literal(ctx.window(m) // timedelta(microseconds=1), BigInteger) for m in markets}
    lags = {m: literal(lag // timedelta(microseconds=1), BigInteger) for m, lag in ctx.lags.items()}
    paid_us = epoch_us(base.c.paid_at, True)
    window_us = _by_market(base.c.market, windows, literal(0, BigInteger))
    lag_us = _by_market(base.c.market, lags, literal(0, BigInteger))
    undelivered = base.c.settle_after.is_(None)
    settle_us = case((undelivered, paid_us + lag_us + window_us), else_=epoch_us(base.c.settle_after, True))
    floor_us = case((undelivered, now_us + window_us), else_=now_us)  # predicted never before now (+ window)
    clamped = settle_us <= floor_us
    day = case((clamped, None), else_=settle_us // DAY_US)
    in_next = case((clamped, None), else_=case((settle_us < now_us + NEXT_DAYS * DAY_US, 1), else_=0))
    age = case((paid_us >= now_us, 0), else_=(now_us - paid_us) // DAY_US)
    return undelivered, clamped, day, in_next, age


def _keys_postgresql(base: Any, ctx: Context, markets: list[Market]) -> tuple[Any, ...]:
    """The same keys with PostgreSQL's own exact timestamp arithmetic (dates in UTC, intervals in microseconds):
    far cheaper per line than numeric epochs."""
    now = ctx.now
    zero = literal(timedelta(0), Interval())
    windows = {m: literal(ctx.window(m), Interval()) for m in markets}
    lags = {m: literal(lag, Interval()) for m, lag in ctx.lags.items()}
    window = _by_market(base.c.market, windows, zero)
    lag = _by_market(base.c.market, lags, zero)
    undelivered = base.c.settle_after.is_(None)
    settle = case((undelivered, base.c.paid_at + lag + window), else_=base.c.settle_after)
    clamped = case((undelivered, base.c.paid_at + lag <= now), else_=base.c.settle_after <= now)
    epoch = literal(EPOCH, Date())
    day = case((clamped, None), else_=cast(func.timezone("UTC", settle), Date) - epoch)
    in_next = case((clamped, None), else_=case((settle < now + timedelta(days=NEXT_DAYS), 1), else_=0))
    utc_paid = func.timezone("UTC", base.c.paid_at)
    days = literal(now.date(), Date()) - cast(utc_paid, Date)
    age = func.greatest(days - case((cast(utc_paid, Time) > literal(now.time(), Time()), 1), else_=0), 0)
    return undelivered, clamped, day, in_next, age


async def _first_lines(
    rt: Runtime, ctx: Context, currency: Currency, markets: list[Market], n: int
) -> list[OpenLine]:
    """The soonest `n` open lines of a currency, soonest settle first: the first `n` of each market and kind of
    settle date (due now, by settle_after, due after delivery now, by payment), in an order that agrees with the
    predicted settle date within each."""
    if n <= 0 or not markets:
        return []
    now = ctx.now
    parts = []
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
