"""Ingest order events into PostgreSQL through the signed endpoint, next to a plain bulk insert of the same rows.

    python bench/ingest_orders.py [--events 100000] [--rounds 5] [--batch 500] [--concurrency 4] [--keep]

Creates a throwaway database on MATCHUP_BENCH_DATABASE_URL (or MATCHUP_TEST_DATABASE_URL), migrates it, seeds
the orders world of tests/orders/world.py, then alternates, `--rounds` times, on `--events / --rounds` new
events each round, each round starting (untimed) with VACUUM ANALYZE, as autovacuum keeps a live database
(ingest_common.analyze; the server's autovacuum setting is printed):

1. ingestion: POSTs the events in signed batches to /integrations/orders/batch of the app, in process (httpx
   ASGI transport), from `--concurrency` clients at once — the whole path: signature, parsing, idempotency,
   per-order locks, attribution, ledger postings, held events;
2. baseline: copies every row that round's ingestion wrote (orders, order_lines, order_events, ledger_entries),
   deletes them and inserts them again with plain executemany INSERTs in one transaction.

Both are timed in the same run on the same database, round after round; it prints each side's median and
spread (min–max) of events/s and the median of the per-round ratios, which is what to compare across machines.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, func, insert, select  # noqa: E402

from bench import ingest_common as common  # noqa: E402
from server import models  # noqa: E402
from server.app import create_app  # noqa: E402
from server.runtime import Runtime  # noqa: E402
from server.services.orders import ledger  # noqa: E402
from tests.orders.world import build_orders_world  # noqa: E402

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
    autovacuum: str = "on"

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
        return "\n".join(
            [
                f"events:               {self.events} in {len(self.ingest_seconds)} alternating rounds "
                f"({', '.join(f'{n} {s}' for s, n in self.statuses.items())})",
                f"rows written:         {rows}",
                f"ingestion:            {common.spread(self.events_per_second, '{:10.0f}')} events/s  median (min–max)",
                f"plain bulk insert:    {common.spread(self.bulk_events_per_second, '{:10.0f}')} events/s  median (min–max), same rows",
                f"ingestion / bulk:     {common.spread(self.ratios, '{:10.2f}')}   of the bulk insert's rate, per round "
                f"(goal: at least 0.33)",
                f"rounds in order:      {' '.join(f'{v:.0f}' for v in self.events_per_second)} events/s ingested; "
                f"ratios {' '.join(f'{v:.2f}' for v in self.ratios)}",
                f"server autovacuum:    {self.autovacuum} (every round starts with VACUUM ANALYZE, "
                f"untimed: ingest_common.analyze)",
            ]
        )


async def run(
    server_url: str,
    *,
    events: int,
    rounds: int = 5,
    batch: int = 500,
    concurrency: int = 4,
    keep: bool = False,
) -> Report:
    async with common.throwaway_runtime(server_url, keep=keep) as rt:
        return await _measure(rt, events=events, rounds=rounds, batch=batch, concurrency=concurrency)


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
        work = common.batches(world, per_round, batch, rt.clock.now(), first=r * per_round)
        await common.analyze(rt)  # what autovacuum would have done after the last round's growth
        async with rt.sessionmaker() as s:
            before = {m: await s.scalar(select(func.coalesce(func.max(m.id), 0))) for m in TABLES}
        ingest_seconds.append(await common.ingest(rt, app, work, concurrency, statuses))
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
        autovacuum=await common.autovacuum(rt),
    )


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
    parser = common.arguments(
        __doc__,
        events=100_000,
        events_help="in all rounds together",
        rounds_help="alternating rounds of ingestion and bulk insert",
        concurrency_help="clients sending batches at once",
    )
    report = asyncio.run(run(common.database_url(), **vars(parser.parse_args(argv))))
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
