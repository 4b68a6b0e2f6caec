"""Ingest order events into PostgreSQL through the signed endpoint, next to a plain bulk insert of the same rows.

    python bench/ingest_orders.py [--events 100000] [--rounds 5] [--batch 500] [--concurrency 4] [--keep]

Creates a throwaway database on MATCHUP_BENCH_DATABASE_URL (or MATCHUP_TEST_DATABASE_URL), migrates it, seeds
the orders world of tests/orders/world.py, then alternates, `--rounds` times, on `--events / --rounds` new
events each round:

1. ingestion: POSTs the events in signed batches to /integrations/orders/batch of the app, in process (httpx
   ASGI transport), from `--concurrency` clients at once — the whole path: signature, parsing, idempotency,
   per-order locks, attribution, ledger postings, held events;
2. baseline: copies every row that round's ingestion wrote (orders, order_lines, order_events, ledger_entries),
   deletes them and inserts them again with plain executemany INSERTs in one transaction.

Both are timed in the same run on the same database, round after round; it prints each side's median and
spread (min–max) of events/s and the median of the per-round ratios, which is what to compare across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import secrets
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import httpx  # noqa: E402
from sqlalchemy import delete, func, insert, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from server import models  # noqa: E402
from server.app import create_app  # noqa: E402
from server.clock import Clock  # noqa: E402
from server.migrate import upgrade_head  # noqa: E402
from server.runtime import Runtime  # noqa: E402
from server.services.orders import ledger  # noqa: E402
from server.settings import Settings  # noqa: E402
from tests.orders.world import Integration, OrdersWorld, Shop, build_orders_world, created, event, line  # noqa: E402

TABLES = (
    models.Order,
    models.OrderLine,
    models.OrderEvent,
    models.LedgerEntry,
)  # insert order (foreign keys)


@dataclass
class Report:
    events: int
    ingest_seconds: list[float]  # per round
    bulk_seconds: list[float]
    rows: dict[str, int]
    statuses: dict[str, int]

    @property
    def round_events(self) -> float:
        return self.events / len(self.ingest_seconds)

    @property
    def events_per_second(self) -> list[float]:
        return [self.round_events / t for t in self.ingest_seconds]

    @property
    def bulk_events_per_second(self) -> list[float]:
        return [self.round_events / t for t in self.bulk_seconds]

    @property
    def ratios(self) -> list[float]:
        """Per round: ingestion's rate as a share of the bulk insert's (1/3 is the goal)."""
        return [b / i for i, b in zip(self.ingest_seconds, self.bulk_seconds, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def __str__(self) -> str:
        rows = ", ".join(f"{n} {t}" for t, n in self.rows.items())

        def spread(values: list[float], fmt: str = "{:10.0f}") -> str:
            return f"{fmt.format(statistics.median(values))}   ({fmt.format(min(values)).strip()}–{fmt.format(max(values)).strip()})"

        return "\n".join(
            [
                f"events:               {self.events} in {len(self.ingest_seconds)} alternating rounds "
                f"({', '.join(f'{n} {s}' for s, n in self.statuses.items())})",
                f"rows written:         {rows}",
                f"ingestion:            {spread(self.events_per_second)} events/s  median (min–max)",
                f"plain bulk insert:    {spread(self.bulk_events_per_second)} events/s  median (min–max), same rows",
                f"ingestion / bulk:     {spread(self.ratios, '{:10.2f}')}   of the bulk insert's rate, per round "
                f"(goal: at least 0.33)",
            ]
        )


def order_events(shop: Shop, n: int, now: Any) -> list[dict[str, Any]]:
    """Four events for order n, in one of four realistic shapes (alternating products and creators' links)."""
    order_id = f"bench-{shop.market.value}-{n}"
    registered = shop.registered
    product = registered[n % len(registered)]
    price = "40.00" if shop.currency.value != "VND" else "99999"
    attributed = {"showcase_entry_id": product.entry_gid(shop.creator)}
    shape = n % 4
    lines = [
        line("1", product, quantity=1 + n % 3, price=price, currency=shop.currency, attribution=attributed)
    ]
    if shape == 1:
        lines.append(
            line(
                "2",
                registered[(n + 1) % len(registered)],
                price=price,
                currency=shop.currency,
                attribution={"share_link_token": shop.share_token, "creator": shop.creator},
            )
        )
    if shape == 3:
        lines = [line("1", shop.organic, price=price, currency=shop.currency)]
    events = [created(order_id, now, lines), event("paid", order_id, now)]
    if shape == 0:
        events += [event("shipped", order_id, now), event("delivered", order_id, now)]
    elif shape == 1:
        refund = {
            "line_id": "1",
            "amount": "1.00" if shop.currency.value != "VND" else "1000",
            "currency": shop.currency.value,
        }
        events += [event("refunded", order_id, now, lines=[refund]), event("delivered", order_id, now)]
    elif shape == 2:
        events += [event("shipped", order_id, now), event("cancelled", order_id, now)]
    else:
        events += [event("delivered", order_id, now), event("frozen", order_id, now, reason="risk review")]
    return events


def batches(
    world: OrdersWorld, total: int, size: int, now: Any, *, first: int = 0
) -> list[tuple[Shop, list[dict[str, Any]]]]:
    """Batches of whole orders (an order's events stay in order, in one batch), alternating the two shops;
    orders numbered from `first`."""
    out: list[tuple[Shop, list[dict[str, Any]]]] = []
    shops = list(world.shops.values())
    pending: dict[int, list[dict[str, Any]]] = {shop.id: [] for shop in shops}
    made = 0
    for n in itertools.count(first):
        shop = shops[n % len(shops)]
        events = order_events(shop, n, now)[: total - made]
        made += len(events)
        queue = pending[shop.id]
        if len(queue) + len(events) > size:
            out.append((shop, queue))
            pending[shop.id] = queue = []
        queue.extend(events)
        if made >= total:
            break
    out += [(shop, pending[shop.id]) for shop in shops if pending[shop.id]]
    return out


async def _admin(url: str, sql: str) -> None:
    u = make_url(url)
    conn = await asyncpg.connect(
        user=u.username, password=u.password, host=u.host, port=u.port or 5432, database=u.database
    )
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def run(
    server_url: str,
    *,
    events: int,
    rounds: int = 5,
    batch: int = 500,
    concurrency: int = 4,
    keep: bool = False,
) -> Report:
    name = f"matchup_bench_{secrets.token_hex(5)}"
    await _admin(server_url, f'CREATE DATABASE "{name}"')
    url = (
        make_url(server_url)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    try:
        upgrade_head(url)
        settings = Settings(
            _env_file=None,
            env="test",
            database_url=url,
            secret_key=secrets.token_hex(24),
            redis_url=None,
            sweep_interval_seconds=0,
            log_level="WARNING",
            # measured here: ingestion, not the integration key's rate limit (docs/api-limits.md)
            rate_limit_capacity={"integration_key": 10**9},
        )
        rt = Runtime.build(settings, clock=Clock())
        await rt.start()
        try:
            return await _measure(rt, events=events, rounds=rounds, batch=batch, concurrency=concurrency)
        finally:
            await rt.stop()
    finally:
        if keep:
            print(f"kept database {name}")
        else:
            await _admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _measure(rt: Runtime, *, events: int, rounds: int, batch: int, concurrency: int) -> Report:
    world = await build_orders_world(rt, extra_products=18)
    app = create_app(rt.settings, runtime=rt)
    statuses: dict[str, int] = {}
    rows = {m.__tablename__: 0 for m in TABLES}
    ingest_seconds: list[float] = []
    bulk_seconds: list[float] = []
    per_round = events // rounds
    for r in range(rounds):
        # New orders every round (numbered on from the last round's), never more events than asked for.
        work = batches(world, per_round, batch, rt.clock.now(), first=r * per_round)
        async with rt.sessionmaker() as s:
            before = {m: await s.scalar(select(func.coalesce(func.max(m.id), 0))) for m in TABLES}
        ingest_seconds.append(await _ingest(rt, app, work, concurrency, statuses))
        bulk, written = await _bulk_insert_again(rt, before)
        bulk_seconds.append(bulk)
        for name, n in written.items():
            rows[name] += n
    async with rt.sessionmaker() as s:
        if await ledger.unbalanced_postings(s):
            raise AssertionError("the ledger does not balance")
    return Report(
        events=per_round * rounds,
        ingest_seconds=ingest_seconds,
        bulk_seconds=bulk_seconds,
        rows=rows,
        statuses=statuses,
    )


async def _ingest(
    rt: Runtime,
    app: Any,
    work: list[tuple[Shop, list[dict[str, Any]]]],
    concurrency: int,
    statuses: dict[str, int],
) -> float:
    queue: asyncio.Queue[tuple[Shop, list[dict[str, Any]]]] = asyncio.Queue()
    for item in work:
        queue.put_nowait(item)

    async def client() -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as http:
            while not queue.empty():
                shop, chunk = queue.get_nowait()
                sender = Integration(http, shop.api_key, shop.signing_secret, rt.clock)  # type: ignore[arg-type]
                response = await sender.batch(chunk)
                if response.status_code != 200:
                    raise RuntimeError(f"batch refused: {response.status_code} {response.text[:300]}")
                for result in response.json()["results"]:
                    key = "duplicate" if result["duplicate"] else result["status"]
                    statuses[key] = statuses.get(key, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return time.perf_counter() - started


async def _bulk_insert_again(rt: Runtime, before: dict[Any, int]) -> tuple[float, dict[str, int]]:
    """Copies the rows the round wrote (ids above `before`), deletes them and times inserting them again."""
    async with rt.sessionmaker() as s:
        copies = {
            m: [dict(r._mapping) for r in await s.execute(select(m.__table__).where(m.id > before[m]))]
            for m in TABLES
        }
        for m in reversed(TABLES):
            await s.execute(delete(m.__table__).where(m.id > before[m]))
        await s.commit()
    started = time.perf_counter()
    async with rt.engine.begin() as conn:
        for m in TABLES:
            if copies[m]:
                await conn.execute(insert(m.__table__), copies[m])
    return time.perf_counter() - started, {m.__tablename__: len(copies[m]) for m in TABLES}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000, help="in all rounds together")
    parser.add_argument(
        "--rounds", type=int, default=5, help="alternating rounds of ingestion and bulk insert"
    )
    parser.add_argument("--batch", type=int, default=500, help="events per request (at most 500)")
    parser.add_argument("--concurrency", type=int, default=4, help="clients sending batches at once")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    args = parser.parse_args(argv)
    url = os.environ.get("MATCHUP_BENCH_DATABASE_URL") or os.environ.get("MATCHUP_TEST_DATABASE_URL")
    if not url or not url.startswith("postgres"):
        raise SystemExit(
            "Set MATCHUP_BENCH_DATABASE_URL (or MATCHUP_TEST_DATABASE_URL) to a PostgreSQL server URL"
        )
    report = asyncio.run(
        run(
            url,
            events=args.events,
            rounds=args.rounds,
            batch=args.batch,
            concurrency=args.concurrency,
            keep=args.keep,
        )
    )
    print(report)
    print(
        json.dumps(
            {
                "events_per_second": round(statistics.median(report.events_per_second)),
                "bulk_events_per_second": round(statistics.median(report.bulk_events_per_second)),
                "ratio": round(report.ratio, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
