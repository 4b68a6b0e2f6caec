"""The big campaign the dashboard benches run on: a throwaway PostgreSQL database, filled with COPY.

One campaign of an agency with `products` registered products (20 shops), `creators` creators with showcase
entries, samples and videos, and `lines` attributed order lines (one order each, every lifecycle: placed, paid,
delivered with partial refunds, settled, cancelled, refunded) with their ledger legs as ingestion posts them; the
rollups are then backfilled as the migration does. Used by campaign_dashboard.py, dashboard_rollups.py and
forecast.py.
"""

import contextlib
import random
import secrets
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import httpx  # noqa: E402

from bench import ingest_common  # noqa: E402
from bench.copy_rows import copy_rows, next_id  # noqa: E402
from bench.dashboard_orders import copy_orders  # noqa: E402
from bench.ingest_common import connect_args  # noqa: E402
from server import models  # noqa: E402
from server.models.enums import SellerType  # noqa: E402
from server.runtime import Runtime  # noqa: E402
from server.services import onboarding  # noqa: E402
from server.services.rollups.backfill import backfill  # noqa: E402
from server.services.unit_of_work import UnitOfWork  # noqa: E402
from tests.performance.world import campaign_row  # noqa: E402

SHOPS = 20
PASSWORD = "bench password 0123"


@contextlib.asynccontextmanager
async def throwaway_runtime(server_url: str, *, keep: bool = False) -> AsyncIterator[tuple[str, Runtime]]:
    """ingest_common.throwaway_runtime and its database's URL; a slow machine must not cut a request short."""
    async with ingest_common.throwaway_runtime(server_url, keep=keep, request_timeout_seconds=600) as rt:
        yield rt.settings.database_url, rt


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

    org0 = await next_id(conn, "organisations")
    creator_ids = list(range(org0, org0 + n_creators))
    rows["organisations"] = await copy_rows(
        conn,
        "organisations",
        ["id", "kind", "name", "market", "created_at"],
        ((c, "CREATOR", f"Creator {c}", "TH", start) for c in creator_ids),
    )
    rows["creator_profiles"] = await copy_rows(
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
    rows["link_opens"] = await copy_rows(
        conn,
        "link_opens",
        ["share_link_id", "creator_id", "first_opened_at"],
        ((link_id, c, start) for c in creator_ids),
    )

    p0 = await next_id(conn, "products")
    product_ids = list(range(p0, p0 + n_products))
    shop_of = {p: shops[i % len(shops)] for i, p in enumerate(product_ids)}
    price_of = {p: 1000 + 100 * (i % 50) for i, p in enumerate(product_ids)}
    rows["products"] = await copy_rows(
        conn,
        "products",
        ["id", "shop_id", "title", "category", "description", "currency", "status", "created_at"],
        (
            (p, shop_of[p], f"Bench product {p}", "Beauty & Personal Care", "", "THB", "ACTIVE", start)
            for p in product_ids
        ),
    )
    rows["skus"] = await copy_rows(
        conn,
        "skus",
        ["product_id", "seller_sku", "price_minor", "currency", "stock"],
        ((p, f"B{p}", price_of[p], "THB", 100) for p in product_ids),
    )

    r0 = await next_id(conn, "registrations")
    status_of = {}
    for i in range(len(product_ids)):  # 85% approved, 5% pending, 5% rejected, 5% closed
        status_of[r0 + i] = ("PENDING", "REJECTED", "CLOSED")[i % 3] if i % 20 == 0 else "APPROVED"
    total_of = {r: 1000 + 100 * (r % 20) for r in status_of}
    rows["registrations"] = await copy_rows(
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
    e0 = await next_id(conn, "showcase_entries")
    entries: list[tuple[int, int, int, int]] = []  # (entry id, creator, registration, creator rate)
    for i, c in enumerate(creator_ids):
        for k in range(4):
            r = sold[(i * 7 + k * 211) % len(sold)]
            entries.append((e0 + len(entries), c, r, total_of[r] - 500))
    rows["showcase_entries"] = await copy_rows(
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
    rows["sample_requests"] = await copy_rows(
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
    rows["contents"] = await copy_rows(
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

    rows.update(
        await copy_orders(
            conn,
            now=now,
            start=start,
            n_lines=n_lines,
            entries=entries,
            product_of=product_of,
            price_of=price_of,
            shop_of=shop_of,
            total_of=total_of,
            link_id=link_id,
            campaign_id=campaign_id,
            agency_id=agency_id,
        )
    )
    return rows


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
