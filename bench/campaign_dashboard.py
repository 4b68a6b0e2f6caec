"""The campaign dashboard through the GraphQL API, next to the bare SQL aggregates it needs, on a big campaign.

    python bench/campaign_dashboard.py [--products 1000] [--creators 5000] [--lines 1000000] [--repeat 5] [--keep]

Creates a throwaway database on MATCHUP_BENCH_DATABASE_URL (or MATCHUP_TEST_DATABASE_URL, or the local test
server postgresql+asyncpg://postgres@127.0.0.1:5432/test), migrates it and generates, with COPY, one campaign
of an agency with `--products` registered products (20 shops), `--creators` creators with showcase entries,
samples and videos, and `--lines` attributed order lines (one order each, every lifecycle: placed, paid,
delivered with partial refunds, settled, cancelled, refunded) with their ledger legs as ingestion posts them.
Then, in the same run, alternately:

1. the dashboard: one GraphQL request as the agency (in process, httpx ASGI transport) for campaignPerformance
   and the first 100 rows of campaignProductPerformance, each with every figure — session lookup, policy, scope,
   the service's SQL, loaders for the products, JSON;
2. the bare SQL: the same figures as hand-written SQL text (PostgreSQL FILTER, no scopes, no ORM) sent with
   asyncpg: the campaign totals and the 100 products with their aggregates.

It prints the median of each and their ratio (the goal: the dashboard within 3x of the bare SQL), and the same
for campaignPerformanceSeries (30 days) against a bare date_trunc(... AT TIME ZONE ...) aggregate. The two sides
are checked to agree on the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import httpx  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bench.dashboard_world import Seeded, generate, login, throwaway_runtime  # noqa: E402
from bench.ingest_common import bench_server_url, connect_args  # noqa: E402
from server.app import create_app  # noqa: E402
from server.ids import encode_id  # noqa: E402
from server.runtime import Runtime  # noqa: E402

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
FIGURES = """numbers { paidOrders actualOrders gmvEstimated { amount } gmvActual { amount }
  sellerPaidEstimated { amount } sellerPaidActual { amount } creatorCommissionEstimated { amount }
  creatorCommissionActual { amount } agencyCommissionEstimated { amount } agencyCommissionActual { amount } }"""
DASHBOARD = f"""query($c: ID!) {{
  campaignPerformance(campaignId: $c) {{ productsRegistered productsApproved productsPending productsRejected
    productsClosed creatorsCollaborating creatorsWithSales samplesRequested samplesApproved samplesShipped
    contentPosted {FIGURES} }}
  campaignProductPerformance(campaignId: $c, first: 100) {{ totalCount edges {{ node {{
    status creatorsCollaborating creatorsWithSales samplesRequested samplesApproved samplesShipped contentPosted
    registration {{ id totalRateBps bookmarked product {{ title imageUrl }} }} {FIGURES} }} }} }}
}}"""
SERIES = f"""query($c: ID!) {{ campaignPerformanceSeries(campaignId: $c) {{ days {{ date {FIGURES} }} }} }}"""

SALE = "('PAID', 'SHIPPED', 'DELIVERED', 'SETTLED', 'FROZEN')"
LINE_FIGURES = f"""count(DISTINCT order_id) FILTER (WHERE paid_at IS NOT NULL) AS paid_orders,
  count(DISTINCT order_id) FILTER (WHERE status = 'SETTLED') AS actual_orders,
  coalesce(sum(unit_price_minor * quantity - refunded_amount_minor) FILTER (WHERE status IN {SALE}), 0) AS gmv_estimated,
  coalesce(sum(unit_price_minor * quantity - refunded_amount_minor) FILTER (WHERE status = 'SETTLED'), 0) AS gmv_actual"""
MONEY_FIGURES = """coalesce(sum(-amount_minor) FILTER (WHERE account = 'SELLER_PAYABLE'), 0) AS seller_paid_estimated,
  coalesce(sum(-amount_minor) FILTER (WHERE account = 'SELLER_PAYABLE' AND phase = 'SETTLED'), 0) AS seller_paid_actual,
  coalesce(sum(amount_minor) FILTER (WHERE account = 'CREATOR_EARNINGS'), 0) AS creator_commission_estimated,
  coalesce(sum(amount_minor) FILTER (WHERE account = 'CREATOR_EARNINGS' AND phase = 'SETTLED'), 0)
    AS creator_commission_actual,
  coalesce(sum(amount_minor) FILTER (WHERE account = 'AGENCY_EARNINGS'), 0) AS agency_commission_estimated,
  coalesce(sum(amount_minor) FILTER (WHERE account = 'AGENCY_EARNINGS' AND phase = 'SETTLED'), 0)
    AS agency_commission_actual"""
BARE_OVERVIEW = f"""
WITH regs AS (SELECT id FROM registrations WHERE campaign_id = $1),
counts AS (SELECT count(*) FILTER (WHERE status <> 'WITHDRAWN') AS products_registered,
  count(*) FILTER (WHERE status IN ('APPROVED', 'PENDING_CLOSED')) AS products_approved,
  count(*) FILTER (WHERE status = 'PENDING') AS products_pending,
  count(*) FILTER (WHERE status IN ('REJECTED', 'REJECT_FOREVER')) AS products_rejected,
  count(*) FILTER (WHERE status = 'CLOSED') AS products_closed FROM registrations WHERE campaign_id = $1),
lines AS (SELECT {LINE_FIGURES},
  count(DISTINCT creator_id) FILTER (WHERE status IN {SALE}) AS creators_with_sales
  FROM order_lines WHERE campaign_id = $1),
money AS (SELECT {MONEY_FIGURES} FROM ledger_entries e JOIN order_lines l ON l.id = e.order_line_id
  WHERE l.campaign_id = $1),
showcase AS (SELECT count(DISTINCT creator_id) AS creators_collaborating FROM showcase_entries
  WHERE status = 'ACTIVE' AND registration_id IN (SELECT id FROM regs)),
samples AS (SELECT count(*) AS samples_requested,
  count(*) FILTER (WHERE status IN ('APPROVED', 'SHIPPED', 'DELIVERED', 'CONTENT_POSTED', 'OVERDUE')) AS samples_approved,
  count(*) FILTER (WHERE status IN ('SHIPPED', 'DELIVERED', 'CONTENT_POSTED', 'OVERDUE')) AS samples_shipped
  FROM sample_requests WHERE registration_id IN (SELECT id FROM regs)),
content AS (SELECT count(*) AS content_posted FROM contents WHERE registration_id IN (SELECT id FROM regs))
SELECT * FROM counts, lines, money, showcase, samples, content"""
BARE_PRODUCTS = f"""
WITH lines AS (SELECT registration_id, {LINE_FIGURES},
  count(DISTINCT creator_id) FILTER (WHERE status IN {SALE}) AS creators_with_sales
  FROM order_lines WHERE campaign_id = $1 GROUP BY registration_id),
money AS (SELECT l.registration_id, {MONEY_FIGURES} FROM ledger_entries e JOIN order_lines l ON l.id = e.order_line_id
  WHERE l.campaign_id = $1 GROUP BY l.registration_id),
showcase AS (SELECT registration_id, count(DISTINCT creator_id) AS creators_collaborating FROM showcase_entries
  WHERE status = 'ACTIVE' GROUP BY registration_id),
samples AS (SELECT registration_id, count(*) AS samples_requested,
  count(*) FILTER (WHERE status IN ('APPROVED', 'SHIPPED', 'DELIVERED', 'CONTENT_POSTED', 'OVERDUE')) AS samples_approved,
  count(*) FILTER (WHERE status IN ('SHIPPED', 'DELIVERED', 'CONTENT_POSTED', 'OVERDUE')) AS samples_shipped
  FROM sample_requests GROUP BY registration_id),
content AS (SELECT registration_id, count(*) AS content_posted FROM contents GROUP BY registration_id)
SELECT r.id, r.status, r.total_rate_bps, p.title, p.image_url, lines.*, money.*, showcase.creators_collaborating,
  samples.samples_requested, samples.samples_approved, samples.samples_shipped, content.content_posted
FROM registrations r JOIN products p ON p.id = r.product_id
LEFT JOIN lines ON lines.registration_id = r.id LEFT JOIN money ON money.registration_id = r.id
LEFT JOIN showcase ON showcase.registration_id = r.id LEFT JOIN samples ON samples.registration_id = r.id
LEFT JOIN content ON content.registration_id = r.id
WHERE r.campaign_id = $1 ORDER BY coalesce(lines.gmv_estimated, 0) DESC, r.id DESC LIMIT 100"""
BARE_COUNT = "SELECT count(*) FROM registrations WHERE campaign_id = $1"
BARE_SERIES = f"""
WITH paid AS (SELECT id, order_id, status, paid_at, unit_price_minor, quantity, refunded_amount_minor,
  date_trunc('day', paid_at AT TIME ZONE $2) AS day FROM order_lines
  WHERE campaign_id = $1 AND paid_at >= $3 AND paid_at < $4),
by_day AS (SELECT day, {LINE_FIGURES} FROM paid GROUP BY day),
money AS (SELECT day, {MONEY_FIGURES} FROM ledger_entries e JOIN paid ON paid.id = e.order_line_id GROUP BY day)
SELECT * FROM by_day LEFT JOIN money USING (day) ORDER BY day"""


@dataclass
class Report:
    rows: dict[str, int]
    generate_seconds: float
    dashboard_seconds: float
    bare_seconds: float
    series_seconds: float
    bare_series_seconds: float
    statements: int

    @property
    def ratio(self) -> float:
        return self.dashboard_seconds / self.bare_seconds

    @property
    def series_ratio(self) -> float:
        return self.series_seconds / self.bare_series_seconds

    def __str__(self) -> str:
        rows = ", ".join(f"{n:,} {t}" for t, n in self.rows.items())
        return "\n".join(
            [
                f"generated:            {rows}",
                f"generation:           {self.generate_seconds:8.2f} s",
                f"dashboard (GraphQL):  {self.dashboard_seconds:8.3f} s   overview + 100 products, {self.statements} SQL "
                "statements (median)",
                f"bare SQL:             {self.bare_seconds:8.3f} s   the same figures, hand-written SQL (median)",
                f"ratio:                {self.ratio:8.2f} x   (dashboard / bare SQL; goal: at most 3)",
                f"series (GraphQL):     {self.series_seconds:8.3f} s   30 days in Asia/Bangkok (median)",
                f"bare series SQL:      {self.bare_series_seconds:8.3f} s   date_trunc(paid_at AT TIME ZONE) (median)",
                f"series ratio:         {self.series_ratio:8.2f} x",
            ]
        )


async def run(
    server_url: str,
    *,
    products: int = 1000,
    creators: int = 5000,
    lines: int = 1_000_000,
    repeat: int = 5,
    keep: bool = False,
) -> Report:
    async with throwaway_runtime(server_url, keep=keep) as (url, rt):
        started = time.perf_counter()
        seeded = await generate(rt, url, products=products, creators=creators, lines=lines)
        generate_seconds = time.perf_counter() - started
        return await measure(rt, url, seeded, generate_seconds, repeat=repeat)


# --- measurement ---------------------------------------------------------------------------------------------------


async def measure(rt: Runtime, url: str, seeded: Seeded, generate_seconds: float, *, repeat: int) -> Report:
    app = create_app(rt.settings, runtime=rt)
    campaign_gid = encode_id("Campaign", seeded.campaign_id)
    conn = await asyncpg.connect(**connect_args(url))
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as http:
            token = await login(http, seeded.agency_email)

            async def graphql(query: str) -> dict[str, Any]:
                response = await http.post(
                    "/graphql",
                    json={"query": query, "variables": {"c": campaign_gid}},
                    headers={"Authorization": f"Bearer {token}"},
                )
                body = response.json()
                if "errors" in body:
                    raise RuntimeError(f"GraphQL errors: {body['errors']}")
                return body["data"]

            zone = "Asia/Bangkok"
            series_days = (await graphql(SERIES))["campaignPerformanceSeries"]["days"]
            first_day, last_day = series_days[0]["date"], series_days[-1]["date"]
            bounds = await conn.fetchrow(
                "SELECT ($1::date)::timestamp AT TIME ZONE $3, ($2::date + 1)::timestamp AT TIME ZONE $3",
                datetime.fromisoformat(first_day).date(),
                datetime.fromisoformat(last_day).date(),
                zone,
            )

            async def bare() -> tuple[Any, list[Any], int]:
                overview = await conn.fetchrow(BARE_OVERVIEW, seeded.campaign_id)
                products = await conn.fetch(BARE_PRODUCTS, seeded.campaign_id)
                total = await conn.fetchval(BARE_COUNT, seeded.campaign_id)
                return overview, products, total

            async def bare_series() -> list[Any]:
                return await conn.fetch(BARE_SERIES, seeded.campaign_id, zone, bounds[0], bounds[1])

            timings: dict[str, list[float]] = {"dashboard": [], "bare": [], "series": [], "bare_series": []}
            results: dict[str, Any] = {}
            jobs = {
                "dashboard": lambda: graphql(DASHBOARD),
                "bare": bare,
                "series": lambda: graphql(SERIES),
                "bare_series": bare_series,
            }
            statements = _StatementCounter(rt)
            for round_ in range(repeat + 1):  # the first round warms caches and is not counted
                for name, job in jobs.items():
                    statements.reset()
                    started = time.perf_counter()
                    results[name] = await job()
                    elapsed = time.perf_counter() - started
                    if round_:
                        timings[name].append(elapsed)
                    if name == "dashboard":
                        results["statements"] = statements.count
            statements.remove()
    finally:
        await conn.close()
    _check_agreement(results)
    return Report(
        rows=seeded.rows,
        generate_seconds=generate_seconds,
        dashboard_seconds=statistics.median(timings["dashboard"]),
        bare_seconds=statistics.median(timings["bare"]),
        series_seconds=statistics.median(timings["series"]),
        bare_series_seconds=statistics.median(timings["bare_series"]),
        statements=results["statements"],
    )


class _StatementCounter:
    """SQL statements the API sends (the session lookup included)."""

    def __init__(self, rt: Runtime) -> None:
        self.count = 0
        self._engine = rt.engine.sync_engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: Any) -> None:
        self.count += 1

    def reset(self) -> None:
        self.count = 0

    def remove(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


def _minor(money: dict[str, str]) -> int:
    return round(float(money["amount"]) * 100)


def _check_agreement(results: dict[str, Any]) -> None:
    """The API and the bare SQL must show the same figures (else the comparison is meaningless)."""
    api = results["dashboard"]["campaignPerformance"]
    overview, products, total = results["bare"]
    numbers = api["numbers"]
    expected = {
        "paidOrders": overview["paid_orders"],
        "actualOrders": overview["actual_orders"],
        "gmvEstimated": overview["gmv_estimated"],
        "gmvActual": overview["gmv_actual"],
        "sellerPaidEstimated": overview["seller_paid_estimated"],
        "sellerPaidActual": overview["seller_paid_actual"],
        "creatorCommissionEstimated": overview["creator_commission_estimated"],
        "agencyCommissionActual": overview["agency_commission_actual"],
    }
    got = {k: (v if isinstance(v, int) else _minor(v)) for k, v in numbers.items() if k in expected}
    if got != {k: int(v) for k, v in expected.items()}:
        raise AssertionError(f"API {got} != bare SQL {expected}")
    for name in (
        "productsRegistered",
        "creatorsCollaborating",
        "creatorsWithSales",
        "samplesShipped",
        "contentPosted",
    ):
        snake = "".join("_" + ch.lower() if ch.isupper() else ch for ch in name)
        if api[name] != overview[snake]:
            raise AssertionError(f"{name}: API {api[name]} != bare SQL {overview[snake]}")
    page = results["dashboard"]["campaignProductPerformance"]
    if page["totalCount"] != total or len(page["edges"]) != len(products):
        raise AssertionError("the product pages differ in size")
    api_gmv = [_minor(edge["node"]["numbers"]["gmvEstimated"]) for edge in page["edges"]]
    if api_gmv != [int(row["gmv_estimated"] or 0) for row in products]:
        raise AssertionError("the product pages differ")
    api_days = {
        d["date"]: _minor(d["numbers"]["gmvEstimated"])
        for d in results["series"]["campaignPerformanceSeries"]["days"]
    }
    bare_days = {row["day"].date().isoformat(): int(row["gmv_estimated"]) for row in results["bare_series"]}
    if {d: v for d, v in api_days.items() if v} != {d: v for d, v in bare_days.items() if v}:
        raise AssertionError("the series differ")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--creators", type=int, default=5000)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds (after one warm-up round)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    args = parser.parse_args(argv)
    url = bench_server_url(DEFAULT_SERVER)
    if not url.startswith("postgres"):
        raise SystemExit("Set MATCHUP_BENCH_DATABASE_URL to a PostgreSQL server URL")
    report = asyncio.run(
        run(
            url,
            products=args.products,
            creators=args.creators,
            lines=args.lines,
            repeat=args.repeat,
            keep=args.keep,
        )
    )
    print(report)
    print(json.dumps({"ratio": round(report.ratio, 2), "series_ratio": round(report.series_ratio, 2)}))


if __name__ == "__main__":
    main()
