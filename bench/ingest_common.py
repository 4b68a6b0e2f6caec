"""What the order-ingestion benchmarks share (bench/ingest_orders.py, bench/ops_overhead.py; dashboard_rollups.py
sends the same workload): the workload — whole orders in four realistic shapes, in signed batches per shop — the
clients that POST it to /integrations/orders/batch in process, a throwaway migrated PostgreSQL database with a
started runtime on it, the command line they both take and how a median with its spread is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import secrets
import statistics
import time
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from server import models
from server.clock import Clock
from server.migrate import upgrade_head
from server.models.enums import MemberRole
from server.runtime import Runtime
from server.services import auth, onboarding
from server.services.unit_of_work import UnitOfWork
from server.settings import Settings
from tests.orders.world import Integration, OrdersWorld, Shop, created, event, line

Work = list[tuple[Shop, list[dict[str, Any]]]]  # signed batches: (the shop sending, its events)


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


def batches(world: OrdersWorld, total: int, size: int, now: Any, *, first: int = 0) -> Work:
    """Batches of whole orders (an order's events stay in order, in one batch), alternating the two shops;
    orders numbered from `first`."""
    out: Work = []
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


async def ingest(rt: Runtime, app: Any, work: Work, concurrency: int, statuses: dict[str, int]) -> float:
    """Sends `work` from `concurrency` clients at once; counts each event's outcome into `statuses`; returns the
    seconds it took."""
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


async def bench_agency(uow: UnitOfWork, email: str, password: str) -> models.Organisation:
    """The agency "Bench Agency" (market TH) and its owner, who signs in with `email` and `password`."""
    agency = await onboarding.create_agency(uow, name="Bench Agency", markets=["TH"], contact_email=email)
    await auth.create_user(
        uow,
        organisation_id=agency.id,
        email=email,
        password=password,
        full_name="Bench",
        member_role=MemberRole.OWNER,
    )
    return agency


def connect_args(url: str) -> dict[str, Any]:
    """asyncpg.connect's arguments for the database of a SQLAlchemy `url`."""
    u = make_url(url)
    return dict(user=u.username, password=u.password, host=u.host, port=u.port or 5432, database=u.database)


async def admin(url: str, sql: str) -> None:
    """Runs one statement on the server's database of `url` (CREATE / DROP DATABASE)."""
    conn = await asyncpg.connect(**connect_args(url))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def analyze(rt: Runtime) -> None:
    """Does what autovacuum does on a live database between rounds, untimed: VACUUM (the dead row versions that
    updates leave, which the rollups' upserts make many of on few rows) and ANALYZE (the planner's statistics, once
    a table has grown by a tenth: autovacuum_analyze_scale_factor). On a server with autovacuum off (this
    machine's), the tables a round fills are never analyzed, PostgreSQL keeps guessing 0.5 % of a table per
    looked-up key, and every lookup by key becomes a scan of the whole, growing table (ingestion fell from 1,766
    to 615 events/s over five rounds of 20,000 events; analyzed, it stays flat); and the rollup rows that every
    order updates pile up dead versions round after round."""
    async with rt.engine.connect() as conn:
        # VACUUM runs outside a transaction
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.exec_driver_sql("VACUUM ANALYZE")


async def autovacuum(rt: Runtime) -> str:
    """The server's autovacuum setting ("on" / "off"), printed next to the figures."""
    async with rt.engine.connect() as conn:
        return str((await conn.exec_driver_sql("SHOW autovacuum")).scalar_one())


@contextlib.asynccontextmanager
async def throwaway_runtime(
    server_url: str, *, keep: bool = False, **settings: Any
) -> AsyncIterator[Runtime]:
    """A new migrated database `matchup_bench_<hex>` on the server and a started runtime on it, dropped after
    (unless `keep`). The sweeper is off, logs at WARNING, and integration keys are not rate limited (measured
    here: ingestion, not the key's rate limit, docs/api-limits.md); `settings` adds to those."""
    name = f"matchup_bench_{secrets.token_hex(5)}"
    await admin(server_url, f'CREATE DATABASE "{name}"')
    url = (
        make_url(server_url)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    try:
        upgrade_head(url)
        rt = Runtime.build(
            bench_settings(url, rate_limit_capacity={"integration_key": 10**9}, **settings), clock=Clock()
        )
        await rt.start()
        try:
            yield rt
        finally:
            await rt.stop()
    finally:
        if keep:
            print(f"kept database {name}")
        else:
            await admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def arguments(
    doc: str,
    *,
    events: int,
    events_help: str,
    rounds_help: str | None = None,
    concurrency_help: str | None = None,
) -> argparse.ArgumentParser:
    """The command line both take: --events --rounds --batch --concurrency --keep (run(url, **vars(args)))."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=events, help=events_help)
    parser.add_argument("--rounds", type=int, default=5, help=rounds_help)
    parser.add_argument("--batch", type=int, default=500, help="events per request (at most 500)")
    parser.add_argument("--concurrency", type=int, default=4, help=concurrency_help)
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    return parser


def bench_server_url(default: str) -> str:
    """The PostgreSQL server to make throwaway databases on: MATCHUP_BENCH_DATABASE_URL, else the tests', else
    `default`."""
    return (
        os.environ.get("MATCHUP_BENCH_DATABASE_URL") or os.environ.get("MATCHUP_TEST_DATABASE_URL") or default
    )


def bench_settings(url: str, **settings: Any) -> Settings:
    """A test runtime's settings on the database: no Redis, no sweeper, WARNING logs, a fresh secret."""
    return Settings(
        _env_file=None,
        env="test",
        database_url=url,
        secret_key=secrets.token_hex(24),
        redis_url=None,
        sweep_interval_seconds=0,
        log_level="WARNING",
        **settings,
    )


def database_url() -> str:
    """The PostgreSQL server to make throwaway databases on: MATCHUP_BENCH_DATABASE_URL, else the tests'."""
    url = os.environ.get("MATCHUP_BENCH_DATABASE_URL") or os.environ.get("MATCHUP_TEST_DATABASE_URL")
    if not url or not url.startswith("postgres"):
        raise SystemExit(
            "Set MATCHUP_BENCH_DATABASE_URL (or MATCHUP_TEST_DATABASE_URL) to a PostgreSQL server URL"
        )
    return url


def spread(values: list[float], fmt: str) -> str:
    """`median   (min–max)`, each formatted with `fmt`."""
    return f"{fmt.format(statistics.median(values))}   ({fmt.format(min(values)).strip()}–{fmt.format(max(values)).strip()})"
