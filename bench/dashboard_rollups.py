"""The agency campaign dashboard page over HTTP to a live server process, at several sizes, next to the bare rollup
read; and what rollup upkeep costs order ingestion.

    python bench/dashboard_rollups.py dashboard [--sizes 10000,100000,1000000] [--rounds 15] [--port 18251]
    python bench/dashboard_rollups.py upkeep [--events 20000] [--rounds 8] [--batch 500] [--concurrency 4]

dashboard: for each size, a throwaway PostgreSQL database is migrated and filled by bench/dashboard_world.py's
generator (one campaign, 1,000 products in 20 shops, 5,000 creators, `size` attributed order lines with their
ledger legs, by COPY; the rollups are then backfilled as the migration does). A real server process
(`python -m server serve`) is started on `--port`, the agency logs in over HTTP, and then, alternately in rounds:

- the page: the web app's own three documents for the agency campaign dashboard (web/src/graphql/performance/
  CampaignPerformance, CampaignProductPerformance with its page of 20, CampaignPerformanceSeries with the default
  30 days), sent at once over HTTP as the browser does, timed until the last answer;
- the bare rollup read: the same figures straight from the rollup tables with asyncpg (three hand-written
  statements), the floor any API over these tables can reach.

upkeep: ingests order events through the signed batch endpoint (in process, `--concurrency` clients) in rounds of
`--events`, alternating rounds with the rollup upkeep on and off (ABBA order, so drift from the growing tables
falls on both; each round starts, untimed, with VACUUM ANALYZE, as autovacuum keeps a live database:
ingest_common.analyze), and prints the events/s of each and the cost of upkeep,
and the CPU per event of each (this process and its PostgreSQL backends: steadier than events/s on a shared
machine).

Each prints the median and the spread (min–max) of every side and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import httpx  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from bench import dashboard_world, ingest_common  # noqa: E402
from bench.cpu_meter import CpuMeter  # noqa: E402
from bench.ingest_common import bench_server_url  # noqa: E402
from bench.unlimited import server_env  # noqa: E402
from server.app import create_app  # noqa: E402
from server.ids import encode_id  # noqa: E402
from server.services.rollups import upkeep  # noqa: E402
from tests.orders.world import Integration, build_orders_world  # noqa: E402
from tests.web_documents import document_text  # noqa: E402

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
DOCUMENTS = ROOT / "web" / "src" / "graphql" / "performance"
PAGE = ("CampaignPerformance", "CampaignProductPerformance", "CampaignPerformanceSeries")

BARE_OVERVIEW = """SELECT sum(paid_orders), sum(actual_orders), sum(gmv_estimated), sum(gmv_actual),
  sum(seller_paid_estimated), sum(seller_paid_actual), sum(creator_commission_estimated),
  sum(creator_commission_actual), sum(agency_commission_estimated), sum(agency_commission_actual),
  (SELECT count(DISTINCT creator_id) FROM rollup_creator_products WHERE campaign_id = $1 AND sale_lines > 0)
  FROM rollup_campaign_shops WHERE campaign_id = $1"""
BARE_PRODUCTS = """SELECT r.id, r.registered_at, x.* FROM registrations r
  LEFT JOIN rollup_registrations x ON x.registration_id = r.id
  WHERE r.campaign_id = $1 ORDER BY r.registered_at DESC, r.id DESC LIMIT 21"""
BARE_SERIES = """SELECT day, sum(paid_orders), sum(actual_orders), sum(gmv_estimated), sum(gmv_actual),
  sum(seller_paid_estimated), sum(seller_paid_actual), sum(creator_commission_estimated),
  sum(creator_commission_actual), sum(agency_commission_estimated), sum(agency_commission_actual)
  FROM rollup_campaign_days WHERE campaign_id = $1 AND day BETWEEN current_date - 29 AND current_date GROUP BY day"""


def spread(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"median {statistics.median(ms):9.2f} ms   spread {ms[0]:8.2f} – {ms[-1]:8.2f} ms   ({len(ms)} rounds)"


async def alternate(
    sides: dict[str, Callable[[], Awaitable[Any]]], rounds: int, warmup: int = 2
) -> dict[str, list[float]]:
    """Runs the sides one after the other, round after round (the first `warmup` rounds are not counted)."""
    timings: dict[str, list[float]] = {name: [] for name in sides}
    for round_ in range(warmup + rounds):
        for name, job in sides.items() if round_ % 2 == 0 else reversed(sides.items()):
            started = time.perf_counter()
            await job()
            if round_ >= warmup:
                timings[name].append(time.perf_counter() - started)
    return timings


# --- dashboard ------------------------------------------------------------------------------------------------------


async def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=base) as http:
        for _ in range(300):
            if process.poll() is not None:
                raise RuntimeError("the server process ended")
            try:
                if (await http.post("/graphql", json={"query": "{ __typename }"})).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the server did not start")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def dashboard_at(
    server_url: str, lines: int, *, rounds: int, port: int, keep: bool = False
) -> dict[str, list[float]]:
    async with dashboard_world.throwaway_runtime(server_url, keep=keep) as (url, rt):
        started = time.perf_counter()
        seeded = await dashboard_world.generate(rt, url, products=1000, creators=5000, lines=lines)
        print(
            f"  {lines:>9} lines generated and rolled up in {time.perf_counter() - started:6.1f} s",
            flush=True,
        )
        await rt.stop()  # the server process serves from here on
        return await _serve_and_measure(url, seeded, rounds=rounds, port=port)


async def dashboard_on(
    server_url: str, database: str, *, rounds: int, port: int
) -> tuple[int, dict[str, list[float]]]:
    """The same measure on a database kept by an earlier run (`--keep`): generating 1M lines takes minutes."""
    url = (
        make_url(server_url)
        .set(drivername="postgresql+asyncpg", database=database)
        .render_as_string(hide_password=False)
    )
    conn = await asyncpg.connect(**ingest_common.connect_args(url))
    try:
        campaign_id = await conn.fetchval("SELECT min(id) FROM campaigns")
        lines = await conn.fetchval("SELECT count(*) FROM order_lines")
    finally:
        await conn.close()
    seeded = dashboard_world.Seeded(campaign_id=campaign_id, agency_email="bench@agency.test", rows={})
    print(f"  {lines:>9} lines in the kept database {database}", flush=True)
    return lines, await _serve_and_measure(url, seeded, rounds=rounds, port=port)


async def _serve_and_measure(
    url: str, seeded: dashboard_world.Seeded, *, rounds: int, port: int
) -> dict[str, list[float]]:
    port = port or free_port()
    env = {**os.environ, **server_env(url)}
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return await _measure_page(
            url, seeded, rounds=rounds, base=f"http://127.0.0.1:{port}", process=process
        )
    finally:
        process.terminate()
        process.wait(timeout=30)


async def _measure_page(
    url: str, seeded: dashboard_world.Seeded, *, rounds: int, base: str, process: subprocess.Popen[bytes]
) -> dict[str, list[float]]:
    await _wait_ready(base, process)
    documents = {doc: document_text(DOCUMENTS / f"{doc}.graphql") for doc in PAGE}
    variables = {"campaignId": encode_id("Campaign", seeded.campaign_id)}
    conn = await asyncpg.connect(**ingest_common.connect_args(url))
    try:
        async with httpx.AsyncClient(base_url=base, timeout=120) as http:
            token = await dashboard_world.login(http, seeded.agency_email)
            headers = {"Authorization": f"Bearer {token}"}

            async def document(doc: str) -> dict[str, Any]:
                body = (
                    await http.post(
                        "/graphql", json={"query": documents[doc], "variables": variables}, headers=headers
                    )
                ).json()
                if body.get("errors") or not body.get("data"):
                    raise RuntimeError(f"{doc}: {body.get('errors')}")
                return body["data"]

            async def page() -> list[dict[str, Any]]:
                return await asyncio.gather(*(document(doc) for doc in PAGE))

            async def bare() -> None:
                await conn.fetchrow(BARE_OVERVIEW, seeded.campaign_id)
                await conn.fetch(BARE_PRODUCTS, seeded.campaign_id)
                await conn.fetch(BARE_SERIES, seeded.campaign_id)

            overview = (await page())[0]["campaignPerformance"]["numbers"]
            if overview["paidOrders"] == 0:
                raise AssertionError("the page shows no orders: the rollups are empty")
            return await alternate({"page": page, "bare": bare}, rounds)
    finally:
        await conn.close()


async def dashboard(
    server_url: str,
    sizes: list[int],
    *,
    rounds: int,
    port: int,
    keep: bool = False,
    databases: list[str] = (),
) -> dict[int, dict[str, list[float]]]:
    print("Agency campaign dashboard page (3 documents over HTTP, live server) vs bare rollup read (asyncpg)")
    out = {}
    runs = [(size, None) for size in sizes] + [(None, name) for name in databases]
    for size, database in runs:
        if database is None:
            timings = await dashboard_at(server_url, size, rounds=rounds, port=port, keep=keep)
        else:
            size, timings = await dashboard_on(server_url, database, rounds=rounds, port=port)
        ratio = statistics.median(timings["page"]) / statistics.median(timings["bare"])
        print(f"  {size:>9} lines  page: {spread(timings['page'])}")
        print(f"  {'':>9}        bare: {spread(timings['bare'])}")
        print(
            f"  {'':>9}        ratio page / bare: {ratio:5.1f} x   (goal: page under 50 ms p50)", flush=True
        )
        out[size] = timings
    return out


# --- upkeep ---------------------------------------------------------------------------------------------------------


def rollup_upkeep(on: bool) -> None:
    """Turns the rollup upkeep's session hooks on or off (for this benchmark only)."""
    hooks = (("after_flush", upkeep.note_flushed), ("before_commit", upkeep.upkeep_before_commit))
    for name, fn in hooks:
        if on and not event.contains(Session, name, fn):
            event.listen(Session, name, fn)
        if not on and event.contains(Session, name, fn):
            event.remove(Session, name, fn)


async def upkeep_cost(
    server_url: str, *, events: int, rounds: int, batch: int, concurrency: int
) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"with upkeep": [], "without": []}
    sent: dict[str, int] = {"with upkeep": 0, "without": 0}
    inside = [0.0]  # seconds spent in upkeep itself, in the counted rounds
    # CPU seconds per event of each round: this process (the app and the bench's clients) and its PostgreSQL
    # backends. Steadier than events/s on a shared machine (bench/cpu_meter.py).
    cpu: dict[str, list[float]] = {"with upkeep": [], "without": []}
    apply = upkeep.upkeep

    def timed(session: Session, line_ids: Any) -> None:
        started = time.perf_counter()
        try:
            apply(session, line_ids)
        finally:
            inside[0] += time.perf_counter() - started

    upkeep.upkeep = timed
    async with dashboard_world.throwaway_runtime(server_url) as (_url, rt):
        world = await build_orders_world(rt, extra_products=18)
        work = ingest_common.batches(world, events * (rounds + 2), batch, rt.clock.now())
        per_round = max(1, len(work) // (rounds + 2))
        chunks = [work[i : i + per_round] for i in range(0, len(work), per_round)]
        app = create_app(rt.settings, runtime=rt)
        try:
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://bench"
            ) as http:
                for round_, chunk in enumerate(chunks[: rounds + 2]):
                    side = "with upkeep" if round_ % 4 in (0, 3) else "without"
                    rollup_upkeep(side == "with upkeep")
                    queue = list(chunk)
                    await ingest_common.analyze(rt)  # untimed, as autovacuum would after the last round

                    async def client(queue: list[Any] = queue) -> None:
                        while queue:
                            shop, events_ = queue.pop()
                            sender = Integration(http, shop.api_key, shop.signing_secret, rt.clock)  # type: ignore[arg-type]
                            response = await sender.batch(events_)
                            if response.status_code != 200:
                                raise RuntimeError(
                                    f"batch refused: {response.status_code} {response.text[:300]}"
                                )

                    meter = CpuMeter(rt)
                    await meter.start()
                    started = time.perf_counter()
                    await asyncio.gather(*(client() for _ in range(concurrency)))
                    elapsed = time.perf_counter() - started
                    process, backends = await meter.stop()
                    if round_ < 2:  # two warm-up rounds
                        inside[0] = 0.0
                        continue
                    timings[side].append(elapsed / sum(len(e) for _, e in chunk))
                    sent[side] += sum(len(e) for _, e in chunk)
                    cpu[side].append((process + (backends or 0.0)) / sum(len(e) for _, e in chunk))
        finally:
            rollup_upkeep(True)
            upkeep.upkeep = apply
    rate = {side: 1 / statistics.median(t) for side, t in timings.items()}
    print(
        f"Order ingestion with and without rollup upkeep ({rounds} rounds of ~{events} events, alternating ABBA)"
    )
    for side, t in timings.items():
        rates = sorted(1 / v for v in t)
        print(
            f"  {side:<12} median {rate[side]:8.0f} events/s   spread {rates[0]:6.0f} – {rates[-1]:6.0f} ({sent[side]} events)"
        )
    print(
        f"  upkeep cost: {100 * (1 - rate['with upkeep'] / rate['without']):5.1f} % of ingestion throughput (goal < 10 %)"
    )
    per_event = {side: statistics.median(v) for side, v in cpu.items()}
    for side, values in cpu.items():
        print(
            f"  {side:<12} CPU {1e6 * per_event[side]:6.0f} µs per event (this process and its PostgreSQL backends),"
            f" spread {1e6 * min(values):6.0f} – {1e6 * max(values):6.0f}"
        )
    print(
        f"  upkeep's CPU: {100 * (1 - per_event['without'] / per_event['with upkeep']):5.1f} % of the with-upkeep CPU"
        " per event"
    )
    # Wall time, its database waits included, summed over the concurrent requests (they overlap): not a share of
    # the rounds' time, which the throughput above gives.
    print(
        f"  time inside upkeep: {1000 * inside[0] / max(sent['with upkeep'], 1):6.2f} ms per event "
        "(wall time with its database waits, summed over the concurrent requests)"
    )
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="part", required=True)
    d = sub.add_parser("dashboard")
    d.add_argument("--sizes", default="10000,100000,1000000")
    d.add_argument("--rounds", type=int, default=15)
    d.add_argument("--port", type=int, default=18251, help="the server process's port (0: any free one)")
    d.add_argument("--keep", action="store_true", help="keep each generated database (its name is printed)")
    d.add_argument(
        "--database", action="append", default=[], help="also measure a database kept by --keep (repeatable)"
    )
    u = sub.add_parser("upkeep")
    u.add_argument("--events", type=int, default=20_000, help="events a round")
    u.add_argument("--rounds", type=int, default=8)
    u.add_argument("--batch", type=int, default=500)
    u.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args(argv)
    url = bench_server_url(DEFAULT_SERVER)
    if not url.startswith("postgres"):
        raise SystemExit("Set MATCHUP_BENCH_DATABASE_URL to a PostgreSQL server URL")
    if args.part == "dashboard":
        sizes = [int(s) for s in args.sizes.split(",") if s]
        asyncio.run(
            dashboard(url, sizes, rounds=args.rounds, port=args.port, keep=args.keep, databases=args.database)
        )
    else:
        asyncio.run(
            upkeep_cost(
                url, events=args.events, rounds=args.rounds, batch=args.batch, concurrency=args.concurrency
            )
        )


if __name__ == "__main__":
    main()
