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
import contextlib
import json
import os
import random
import secrets
import statistics
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import httpx  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bench import ingest_common  # noqa: E402
from bench.ingest_common import connect_args  # noqa: E402
from server import models  # noqa: E402
from server.app import create_app  # noqa: E402
from server.ids import encode_id  # noqa: E402
from server.models.enums import SellerType  # noqa: E402
from server.money import apply_rate  # noqa: E402
from server.runtime import Runtime  # noqa: E402
from server.services import onboarding  # noqa: E402
from server.services.rollups.backfill import backfill  # noqa: E402
from server.services.unit_of_work import UnitOfWork  # noqa: E402
from tests.performance.world import campaign_row  # noqa: E402

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
SHOPS = 20
PASSWORD = "bench password 0123"
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


@contextlib.asynccontextmanager
async def throwaway_runtime(server_url: str, *, keep: bool = False) -> AsyncIterator[tuple[str, Runtime]]:
    """ingest_common.throwaway_runtime and its database's URL; a slow machine must not cut a request short."""
    async with ingest_common.throwaway_runtime(server_url, keep=keep, request_timeout_seconds=600) as rt:
        yield rt.settings.database_url, rt


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


# --- generation ----------------------------------------------------------------------------------------------------


@dataclass
class Seeded:
    campaign_id: int
    agency_email: str
    rows: dict[str, int]


async def generate(rt: Runtime, url: str, *, products: int, creators: int, lines: int) -> Seeded:
    """Tenants through the services; everything big with COPY, ids assigned here; then ANALYZE."""
    now = rt.clock.now()
    email = "bench@agency.test"
    async with UnitOfWork(rt) as uow:
        agency = await ingest_common.bench_agency(uow, email, PASSWORD)
        shops = [
            (
                await onboarding.create_shop(
                    uow,
                    name=f"Bench Shop {n}",
                    shop_code=f"THBENCH{n:03d}",
                    market="TH",
                    seller_type=SellerType.LOCAL,
                    contact_email=f"shop{n}@bench.test",
                )
            ).id
            for n in range(SHOPS)
        ]
        campaign = campaign_row(agency.id, "Bench campaign", now)
        campaign.campaign_start = campaign.registration_start = now - timedelta(days=60)
        uow.session.add(campaign)
        await uow.session.flush()
        product_list = models.ProductList(
            agency_id=agency.id, campaign_id=campaign.id, name="Bench", created_at=now, updated_at=now
        )
        uow.session.add(product_list)
        await uow.session.flush()
        link = models.ShareLink(
            list_id=product_list.id, token=f"bench-{secrets.token_hex(12)}", created_at=now
        )
        uow.session.add(link)
        await uow.session.flush()
        campaign_id, agency_id, link_id = campaign.id, agency.id, link.id
    conn = await asyncpg.connect(**connect_args(url))
    try:
        rows = await _copy_all(conn, now, campaign_id, agency_id, shops, link_id, products, creators, lines)
        async with (
            rt.engine.begin() as rollups
        ):  # COPY goes around the services: fill the rollups as the migration does
            rows["rollup_lines"] = await rollups.run_sync(backfill)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    return Seeded(campaign_id=campaign_id, agency_email=email, rows=rows)


async def _next_id(conn: asyncpg.Connection, table: str) -> int:
    return int(await conn.fetchval(f"SELECT coalesce(max(id), 0) + 1 FROM {table}"))


async def _copy(conn: asyncpg.Connection, table: str, columns: list[str], records: Iterator[tuple]) -> int:
    count = 0

    def counted() -> Iterator[tuple]:
        nonlocal count
        for record in records:
            count += 1
            yield record

    await conn.copy_records_to_table(table, records=counted(), columns=columns)
    if "id" in columns:
        await conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )
    return count


async def _copy_all(
    conn: asyncpg.Connection,
    now: datetime,
    campaign_id: int,
    agency_id: int,
    shops: list[int],
    link_id: int,
    n_products: int,
    n_creators: int,
    n_lines: int,
) -> dict[str, int]:
    rng = random.Random(7)
    rows: dict[str, int] = {}
    start = now - timedelta(days=60)

    org0 = await _next_id(conn, "organisations")
    creator_ids = list(range(org0, org0 + n_creators))
    rows["organisations"] = await _copy(
        conn,
        "organisations",
        ["id", "kind", "name", "market", "created_at"],
        ((c, "CREATOR", f"Creator {c}", "TH", start) for c in creator_ids),
    )
    rows["creator_profiles"] = await _copy(
        conn,
        "creator_profiles",
        ["organisation_id", "handle", "display_name", "followers", "market", "categories"],
        (
            (
                c,
                f"bench{c}",
                f"Creator {c}",
                rng.randrange(100, 1_000_000),
                "TH",
                '["Beauty & Personal Care"]',
            )
            for c in creator_ids
        ),
    )
    rows["link_opens"] = await _copy(
        conn,
        "link_opens",
        ["share_link_id", "creator_id", "first_opened_at"],
        ((link_id, c, start) for c in creator_ids),
    )

    p0 = await _next_id(conn, "products")
    product_ids = list(range(p0, p0 + n_products))
    shop_of = {p: shops[i % len(shops)] for i, p in enumerate(product_ids)}
    price_of = {p: 1000 + 100 * (i % 50) for i, p in enumerate(product_ids)}
    rows["products"] = await _copy(
        conn,
        "products",
        ["id", "shop_id", "title", "category", "description", "currency", "status", "created_at"],
        (
            (p, shop_of[p], f"Bench product {p}", "Beauty & Personal Care", "", "THB", "ACTIVE", start)
            for p in product_ids
        ),
    )
    rows["skus"] = await _copy(
        conn,
        "skus",
        ["product_id", "seller_sku", "price_minor", "currency", "stock"],
        ((p, f"B{p}", price_of[p], "THB", 100) for p in product_ids),
    )

    r0 = await _next_id(conn, "registrations")
    status_of = {}
    for i in range(len(product_ids)):  # 85% approved, 5% pending, 5% rejected, 5% closed
        status_of[r0 + i] = ("PENDING", "REJECTED", "CLOSED")[i % 3] if i % 20 == 0 else "APPROVED"
    total_of = {r: 1000 + 100 * (r % 20) for r in status_of}
    rows["registrations"] = await _copy(
        conn,
        "registrations",
        [
            "id",
            "campaign_id",
            "product_id",
            "shop_id",
            "status",
            "total_rate_bps",
            "sample_quota",
            "contact_email",
            "reject_reason",
            "registered_at",
            "decided_at",
            "closed_at",
            "version",
        ],
        (
            (
                r,
                campaign_id,
                p,
                shop_of[p],
                status_of[r],
                total_of[r],
                10,
                "shop@bench.test",
                "COMMISSION_TOO_LOW" if status_of[r] == "REJECTED" else None,
                start,
                None if status_of[r] == "PENDING" else start,
                now if status_of[r] == "CLOSED" else None,
                1,
            )
            for r, p in zip(status_of, product_ids, strict=True)
        ),
    )
    product_of = dict(zip(status_of, product_ids, strict=True))
    sold = [r for r, s in status_of.items() if s in ("APPROVED", "CLOSED")]
    await conn.execute(
        "INSERT INTO bookmarks (agency_id, registration_id, created_at) SELECT $1, id, $2 FROM registrations "
        "WHERE campaign_id = $3 AND id % 10 = 0",
        agency_id,
        now,
        campaign_id,
    )

    # Four products per creator (distinct), at creator rates within the products' totals.
    e0 = await _next_id(conn, "showcase_entries")
    entries: list[tuple[int, int, int, int]] = []  # (entry id, creator, registration, creator rate)
    for i, c in enumerate(creator_ids):
        for k in range(4):
            r = sold[(i * 7 + k * 211) % len(sold)]
            entries.append((e0 + len(entries), c, r, total_of[r] - 500))
    rows["showcase_entries"] = await _copy(
        conn,
        "showcase_entries",
        [
            "id",
            "creator_id",
            "product_id",
            "registration_id",
            "share_link_id",
            "creator_rate_bps",
            "status",
            "added_at",
            "ended_at",
            "terms_accepted_at",
        ],
        (
            (
                e,
                c,
                product_of[r],
                r,
                link_id,
                rate,
                "ACTIVE" if e % 10 else "REMOVED",
                start,
                None if e % 10 else now,
                start,
            )
            for e, c, r, rate in entries
        ),
    )
    first_entry = {}
    for e, c, r, _ in entries:
        first_entry.setdefault(c, (e, r))
    sample_statuses = ("REQUESTED", "APPROVED", "SHIPPED", "DELIVERED", "CONTENT_POSTED", "REJECTED")
    with_samples = creator_ids[: max(1, n_creators * 3 // 5)]
    rows["sample_requests"] = await _copy(
        conn,
        "sample_requests",
        [
            "creator_id",
            "registration_id",
            "product_id",
            "showcase_entry_id",
            "status",
            "recipient_name",
            "phone",
            "line1",
            "city",
            "postal_code",
            "country",
            "shipped_at",
            "extension_used",
            "created_at",
        ],
        (
            (
                c,
                first_entry[c][1],
                product_of[first_entry[c][1]],
                first_entry[c][0],
                sample_statuses[c % 6],
                "Bench",
                "+66 81 234 5678",
                "1 Road",
                "Bangkok",
                "10110",
                "TH",
                now if c % 6 in (2, 3, 4) else None,
                False,
                start,
            )
            for c in with_samples
        ),
    )
    rows["contents"] = await _copy(
        conn,
        "contents",
        [
            "creator_id",
            "product_id",
            "registration_id",
            "kind",
            "url",
            "posted_at",
            "views",
            "likes",
            "orders_count",
            "created_at",
        ],
        (
            (
                c,
                product_of[first_entry[c][1]],
                first_entry[c][1],
                "VIDEO" if c % 4 else "LIVE",
                f"https://www.tiktok.com/@bench{c}/video/1",
                now,
                c % 10_000,
                c % 500,
                c % 7,
                now,
            )
            for c in creator_ids
        ),
    )

    o0, l0 = await _next_id(conn, "orders"), await _next_id(conn, "order_lines")
    lifecycle = [
        _line_state(n, now, start, price_of[product_of[entries[n % len(entries)][2]]]) for n in range(n_lines)
    ]
    rows["orders"] = await _copy(
        conn,
        "orders",
        ["id", "shop_id", "platform_order_id", "market", "currency", "placed_at", "created_at"],
        (
            (
                o0 + n,
                shop_of[product_of[entries[n % len(entries)][2]]],
                f"bench-{n}",
                "TH",
                "THB",
                state.placed,
                state.placed,
            )
            for n, state in enumerate(lifecycle)
        ),
    )
    line_columns = [
        "id",
        "order_id",
        "platform_line_id",
        "product_id",
        "quantity",
        "unit_price_minor",
        "currency",
        "status",
        "refunded_quantity",
        "refunded_amount_minor",
        "showcase_entry_id",
        "share_link_id",
        "campaign_id",
        "registration_id",
        "creator_id",
        "agency_id",
        "total_rate_bps",
        "creator_rate_bps",
        "paid_at",
        "delivered_at",
        "settle_after",
        "settled_at",
        "cancelled_at",
        "refunded_at",
        "created_at",
        "updated_at",
        "version",
        "creator_rate_source",
    ]

    def line_records() -> Iterator[tuple]:
        for n, line in enumerate(lifecycle):
            e, c, r, rate = entries[n % len(entries)]
            delivered = line.paid + timedelta(days=3) if line.status in ("DELIVERED", "SETTLED") else None
            yield (
                l0 + n,
                o0 + n,
                "1",
                product_of[r],
                line.quantity,
                line.price,
                "THB",
                line.status,
                line.refunded_quantity,
                line.refunded,
                e,
                link_id,
                campaign_id,
                r,
                c,
                agency_id,
                total_of[r],
                rate,
                line.paid,
                delivered,
                None if delivered is None else delivered + timedelta(days=7),
                now if line.status == "SETTLED" else None,
                now if line.status == "CANCELLED" else None,
                now if line.refunded else None,
                line.placed,
                now,
                1,
                "SHOWCASE_ENTRY",
            )

    rows["order_lines"] = await _copy(conn, "order_lines", line_columns, line_records())

    def ledger_records() -> Iterator[tuple]:
        """As ingestion posts them: the estimate at payment, then the difference to each new target."""
        for n, line in enumerate(lifecycle):
            if line.paid is None:
                continue
            _, c, r, rate = entries[n % len(entries)]
            shop = shop_of[product_of[r]]

            def split(base: int) -> tuple[int, int]:
                return apply_rate(base, total_of[r]), apply_rate(base, rate)  # noqa: B023

            paid = split(line.gross)
            due = split(0 if line.status in ("CANCELLED", "REFUNDED") else line.gross - line.refunded)
            postings = [("ESTIMATED", paid, line.paid)]
            if due != paid:
                postings.append(("ESTIMATED", (due[0] - paid[0], due[1] - paid[1]), now))
            if line.status == "SETTLED":
                postings += [("ESTIMATED", (-due[0], -due[1]), now), ("SETTLED", due, now)]
            for k, (phase, (seller, creator), at) in enumerate(postings):
                posting, line_id = f"bench-{n}-{k}", l0 + n
                yield (posting, line_id, "SELLER_PAYABLE", shop, phase, -seller, "THB", "bench", at)
                yield (posting, line_id, "CREATOR_EARNINGS", c, phase, creator, "THB", "bench", at)
                yield (
                    posting,
                    line_id,
                    "AGENCY_EARNINGS",
                    agency_id,
                    phase,
                    seller - creator,
                    "THB",
                    "bench",
                    at,
                )

    rows["ledger_entries"] = await _copy(
        conn,
        "ledger_entries",
        [
            "posting_id",
            "order_line_id",
            "account",
            "party_organisation_id",
            "phase",
            "amount_minor",
            "currency",
            "reason",
            "created_at",
        ],
        ledger_records(),
    )
    return rows


@dataclass(frozen=True, slots=True)
class LineState:
    placed: datetime
    status: str
    paid: datetime | None
    quantity: int
    price: int
    refunded_quantity: int = 0
    refunded: int = 0  # minor units

    @property
    def gross(self) -> int:
        return self.price * self.quantity


def _line_state(n: int, now: datetime, start: datetime, price: int) -> LineState:
    """Line n: 5% placed, 5% cancelled, 5% fully refunded, 25% settled, 60% in flight (a twelfth of those partly
    refunded), placed over the campaign's 60 days."""
    placed = start + timedelta(seconds=(n * 5_171) % int((now - start).total_seconds()))
    quantity = 1 + n % 3
    kind = n % 20
    if kind == 0:
        return LineState(placed, "PLACED", None, quantity, price)
    paid = placed + timedelta(minutes=1)
    if kind == 1:
        return LineState(placed, "CANCELLED", paid, quantity, price)
    if kind == 2:
        return LineState(placed, "REFUNDED", paid, quantity, price, quantity, price * quantity)
    if kind < 8:
        return LineState(placed, "SETTLED", paid, quantity, price)
    if kind == 8:
        return LineState(placed, "DELIVERED", paid, quantity, price, 0, price // 2)
    return LineState(placed, ("PAID", "SHIPPED", "DELIVERED")[kind % 3], paid, quantity, price)


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


async def login(http: httpx.AsyncClient, email: str) -> str:
    body = (
        await http.post(
            "/graphql",
            json={
                "query": "mutation($i: LoginInput!) { login(input: $i) { token userErrors { message } } }",
                "variables": {"i": {"email": email, "password": PASSWORD}},
            },
        )
    ).json()
    token = body["data"]["login"]["token"]
    if not token:
        raise RuntimeError(f"login failed: {body}")
    http.cookies.clear()
    return token


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
    url = (
        os.environ.get("MATCHUP_BENCH_DATABASE_URL")
        or os.environ.get("MATCHUP_TEST_DATABASE_URL")
        or DEFAULT_SERVER
    )
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
