"""What operating Matchup costs order ingestion: metrics on, tracing off (no OTLP endpoint) and the webhook outbox
writing messages, next to everything off — side by side, in alternating rounds.

    python bench/ops_overhead.py [--events 30000] [--rounds 5] [--batch 500] [--concurrency 4] [--keep]

Creates a throwaway PostgreSQL database (MATCHUP_BENCH_DATABASE_URL, else MATCHUP_TEST_DATABASE_URL), seeds the
orders world of tests/orders/world.py and gives the agency, both shops and both creators a webhook endpoint for
every commission event. Then, `--rounds` times, it ingests `--events / --rounds / 3` new events through
POST /integrations/orders/batch (in process, `--concurrency` clients) in each of three configurations, in an
order that rotates every round:

- bare: metrics off, the outbox step skipped entirely, request log lines off (level WARNING);
- off:  metrics off, the outbox looks for endpoints and finds none active (the cost of having the feature);
- on:   metrics recorded (MATCHUP_METRICS_TOKEN set), one JSON log line per request, the endpoints active, so
        every commission change writes its webhook messages in the ingestion's transaction. Tracing stays off:
        no OTLP endpoint, nothing of OpenTelemetry installed.

It prints each configuration's events/s (median, min–max) and, per round, on/bare and off/bare (the medians of
the per-round ratios are what to compare; the goal is a cost under 5 %: on/bare ≥ 0.95). Delivery is not
running here: it happens later, in the background loop, off the ingestion path.

Since events/s swing with whatever else the machine runs, it also prints the CPU each configuration took per
1000 events — this process plus the PostgreSQL backends of the throwaway database, when the server runs on this
machine (bench/cpu_meter.py) — and, per round, the CPU per event of "off" and "on" over "bare".
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pydantic import SecretStr  # noqa: E402
from sqlalchemy import func, select, update  # noqa: E402

from bench import ingest_common as common  # noqa: E402
from bench.cpu_meter import CpuMeter  # noqa: E402
from server import models  # noqa: E402
from server.app import create_app  # noqa: E402
from server.models.webhook import WebhookEndpointStatus  # noqa: E402
from server.observability import metrics  # noqa: E402
from server.observability.logs import configure_logging  # noqa: E402
from server.runtime import Runtime  # noqa: E402
from server.services import unit_of_work  # noqa: E402
from server.webhooks import outbox  # noqa: E402
from tests.orders.world import build_orders_world  # noqa: E402

CONFIGS = ("bare", "off", "on")
COMMISSION_EVENTS = ["commission.adjusted", "commission.estimated", "commission.settled"]


async def _skip_outbox(uow: Any, events: Any) -> int:
    return 0


class _Outbox:
    """What UnitOfWork.commit calls: the real staging, or nothing (the "bare" configuration)."""

    stage = staticmethod(outbox.stage)


async def _configure(rt: Runtime, config: str) -> None:
    metrics.switch.on = config == "on"
    logging.getLogger().setLevel(logging.INFO if config == "on" else logging.WARNING)
    _Outbox.stage = staticmethod(_skip_outbox if config == "bare" else outbox.stage)
    status = WebhookEndpointStatus.ACTIVE if config == "on" else WebhookEndpointStatus.DISABLED
    async with rt.sessionmaker() as s:
        await s.execute(update(models.WebhookEndpoint).values(status=status))
        await s.commit()


async def _endpoints(rt: Runtime, organisations: list[int]) -> None:
    async with rt.sessionmaker() as s:
        s.add_all(
            [
                models.WebhookEndpoint(
                    organisation_id=org,
                    url=f"https://hooks.example.com/{org}",
                    description="bench",
                    event_types=COMMISSION_EVENTS,
                    secret="whsec_" + "B" * 32,
                    status=WebhookEndpointStatus.ACTIVE,
                    created_at=rt.clock.now(),
                )
                for org in organisations
            ]
        )
        await s.commit()


async def run(
    server_url: str,
    *,
    events: int,
    rounds: int = 5,
    batch: int = 500,
    concurrency: int = 4,
    keep: bool = False,
) -> dict[str, Any]:
    unit_of_work.outbox = _Outbox  # type: ignore[assignment]  # the bench switches the outbox step per round
    try:
        async with common.throwaway_runtime(
            server_url, keep=keep, webhook_poll_seconds=0, metrics_token=SecretStr("bench")
        ) as rt:
            return await _measure(rt, events=events, rounds=rounds, batch=batch, concurrency=concurrency)
    finally:
        unit_of_work.outbox = outbox  # type: ignore[assignment]
        metrics.switch.on = False


async def _measure(rt: Runtime, *, events: int, rounds: int, batch: int, concurrency: int) -> dict[str, Any]:
    world = await build_orders_world(rt, extra_products=18)
    await _endpoints(rt, [world.agency_id, *(s.id for s in world.shops.values()), *world.creators.values()])
    app = create_app(rt.settings, runtime=rt)
    configure_logging(
        rt.settings, io.StringIO()
    )  # JSON lines, kept in memory: the formatting is what is measured
    seconds: dict[str, list[float]] = {c: [] for c in CONFIGS}
    cpu: dict[str, list[tuple[float, float | None]]] = {c: [] for c in CONFIGS}  # (this process, postgres)
    meter = CpuMeter(rt)
    statuses: dict[str, int] = {}
    per_run = events // rounds // len(CONFIGS)
    first = 0
    for r in range(rounds):
        for config in CONFIGS[r % 3 :] + CONFIGS[: r % 3]:  # rotate who goes first
            await _configure(rt, config)
            work = common.batches(world, per_run, batch, rt.clock.now(), first=first)
            first += per_run
            await meter.start()
            seconds[config].append(await common.ingest(rt, app, work, concurrency, statuses))
            cpu[config].append(await meter.stop())
    async with rt.sessionmaker() as s:
        messages = await s.scalar(select(func.count()).select_from(models.WebhookMessage))
    rates = {c: [per_run / t for t in seconds[c]] for c in CONFIGS}
    ratios = {c: [on / bare for on, bare in zip(rates[c], rates["bare"], strict=True)] for c in ("off", "on")}
    per_event = {c: [(py + (pg or 0.0)) / per_run for py, pg in cpu[c]] for c in CONFIGS}
    return {
        "events": per_run * rounds * len(CONFIGS),
        "per_run": per_run,
        "rates": rates,
        "ratios": ratios,
        "cpu": cpu,
        "postgres_cpu_seen": all(pg is not None for runs in cpu.values() for _, pg in runs),
        "cpu_ratios": {
            c: [x / b for x, b in zip(per_event[c], per_event["bare"], strict=True)] for c in ("off", "on")
        },
        "statuses": statuses,
        "messages": messages,
    }


def describe(report: dict[str, Any]) -> str:
    lines = [
        f"events:          {report['events']} ({report['per_run']} per configuration per round; "
        f"{', '.join(f'{n} {s}' for s, n in report['statuses'].items())}); webhook messages written: {report['messages']}",
    ]
    for config in CONFIGS:
        lines.append(
            f"{config:<5} events/s: {common.spread(report['rates'][config], '{:8.0f}')}  median (min–max)"
        )
    for config in ("off", "on"):
        lines.append(f"{config}/bare:        {common.spread(report['ratios'][config], '{:8.3f}')}  per round")
    source = "this process + its postgres backends" if report["postgres_cpu_seen"] else "this process only"
    for config in CONFIGS:
        per_1000 = [1e6 * (py + (pg or 0.0)) / report["per_run"] for py, pg in report["cpu"][config]]
        lines.append(f"{config:<5} CPU ms/1000 events: {common.spread(per_1000, '{:6.0f}')}  ({source})")
    for config in ("off", "on"):
        lines.append(
            f"{config}/bare CPU per event: {common.spread(report['cpu_ratios'][config], '{:6.3f}')}  per round"
        )
    cost = 1 - statistics.median(report["ratios"]["on"])
    cpu_cost = statistics.median(report["cpu_ratios"]["on"]) - 1
    lines.append(
        f"cost of metrics + logs + outbox: {cost:.1%} of ingestion throughput (goal: under 5 %); "
        f"{cpu_cost:.1%} more CPU per event"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = common.arguments(__doc__, events=30_000, events_help="in all rounds and configurations together")
    report = asyncio.run(run(common.database_url(), **vars(parser.parse_args(argv))))
    print(describe(report))
    medians = {c: round(statistics.median(report["ratios"][c]), 3) for c in ("off", "on")}
    cpu = {f"cpu_{c}": round(statistics.median(report["cpu_ratios"][c]), 3) for c in ("off", "on")}
    print(json.dumps(medians | cpu))


if __name__ == "__main__":
    main()
