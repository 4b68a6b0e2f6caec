"""Migrations: `upgrade head` builds exactly the schema of the models, on SQLite and on PostgreSQL, and the
database itself refuses what the domain forbids (rates outside 100..8000, quantities ≤ 0, two live
registrations of one product in a campaign).

PostgreSQL runs when MATCHUP_TEST_DATABASE_URL is set (each test creates and drops its own throwaway
`matchup_mig_<hex>` database on that server); otherwise those cases skip, or fail when
MATCHUP_REQUIRE_SERVICES=1. These tests are synchronous and run their own event loops with asyncio.run,
except the one that checks `upgrade_head` from inside a running loop."""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, event, insert, inspect, pool, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from server import models
from server.migrate import alembic_config, async_url, upgrade_head

PG_URL = os.environ.get("MATCHUP_TEST_DATABASE_URL")
REQUIRE_SERVICES = os.environ.get("MATCHUP_REQUIRE_SERVICES") == "1"
T0 = datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
FACTS = ("product_id", "currency", "status", "paid_at", "delivered_at", "settle_after")

MakeDb = Callable[[], str]


# --- databases ------------------------------------------------------------------------------------------


async def _pg_admin(sql: str) -> None:
    assert PG_URL is not None
    engine = create_async_engine(async_url(PG_URL), isolation_level="AUTOCOMMIT", poolclass=pool.NullPool)
    try:
        async with engine.connect() as conn:
            await conn.exec_driver_sql(sql)
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def make_db(request: pytest.FixtureRequest, tmp_path) -> Iterator[MakeDb]:
    """A factory of empty databases on one backend; every one it made is dropped at the end."""
    if request.param == "sqlite":
        counter = itertools.count()
        yield lambda: f"sqlite+aiosqlite:///{tmp_path / f'db{next(counter)}.sqlite'}"
        return
    if not PG_URL:
        if REQUIRE_SERVICES:
            pytest.fail("MATCHUP_REQUIRE_SERVICES=1 but MATCHUP_TEST_DATABASE_URL is not set")
        pytest.skip("MATCHUP_TEST_DATABASE_URL is not set")
    created: list[str] = []

    def make() -> str:
        name = f"matchup_mig_{secrets.token_hex(6)}"
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
        created.append(name)
        return make_url(async_url(PG_URL)).set(database=name).render_as_string(hide_password=False)

    try:
        yield make
    finally:
        for name in created:
            asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _engine(url: str) -> AsyncEngine:
    engine = create_async_engine(url, poolclass=pool.NullPool)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _fk_on(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

    return engine


async def _run_sync(url: str, fn: Callable[[Connection], Any]) -> Any:
    engine = _engine(url)
    try:
        async with engine.begin() as conn:
            return await conn.run_sync(fn)
    finally:
        await engine.dispose()


# --- the migrated schema is the models' schema -------------------------------------------------------------


def _diff(conn: Connection) -> list[Any]:
    ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
    return compare_metadata(ctx, models.Base.metadata)


def _norm_sql(sql: Any) -> str:
    return re.sub(r"\s+", " ", str(sql)).strip().lower()


def _snapshot(conn: Connection) -> dict[str, Any]:
    """Everything reflection reports about each table, names included (CHECKs and partial indexes too)."""
    insp = inspect(conn)
    out: dict[str, Any] = {}
    for table in sorted(set(insp.get_table_names()) - {"alembic_version"}):
        out[table] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], c.get("default")) for c in insp.get_columns(table)
            ],
            "pk": insp.get_pk_constraint(table),
            "fks": sorted(
                (
                    fk["name"],
                    fk["constrained_columns"],
                    fk["referred_table"],
                    fk["referred_columns"],
                    fk["options"],
                )
                for fk in insp.get_foreign_keys(table)
            ),
            "uniques": sorted((u["name"], u["column_names"]) for u in insp.get_unique_constraints(table)),
            "indexes": sorted(
                (
                    i["name"],
                    i["column_names"],
                    bool(i["unique"]),
                    {
                        k: _norm_sql(v)
                        for k, v in i.get("dialect_options", {}).items()
                        if k.endswith("_where")
                    },
                )
                for i in insp.get_indexes(table)
            ),
            "checks": sorted((c["name"], _norm_sql(c["sqltext"])) for c in insp.get_check_constraints(table)),
        }
    return out


def test_upgrade_head_matches_the_models(make_db: MakeDb) -> None:
    url = make_db()
    upgrade_head(url)

    assert asyncio.run(_run_sync(url, _diff)) == []

    # Autogenerate does not compare CHECK constraints or index predicates: compare with create_all too.
    reference = make_db()
    asyncio.run(_run_sync(reference, models.Base.metadata.create_all))
    migrated, created = asyncio.run(_run_sync(url, _snapshot)), asyncio.run(_run_sync(reference, _snapshot))
    assert sorted(migrated) == sorted(models.Base.metadata.tables)
    for table in created:
        assert migrated[table] == created[table], table

    checks = {name for t in migrated.values() for name, _ in t["checks"]}
    assert {
        "ck_registrations_total_rate_bps_range",
        "ck_registrations_status",
        "ck_campaigns_market",
    } <= checks
    partial = {name for t in migrated.values() for name, _, _, where in t["indexes"] if where}
    assert {
        "uq_registrations_live_campaign_product",
        "uq_campaign_pending_changes_one_pending",
        "uq_showcase_entries_active_creator_product",
    } <= partial

    upgrade_head(url)  # idempotent at head


def test_downgrade_to_base_removes_every_table(make_db: MakeDb) -> None:
    url = make_db()
    upgrade_head(url)
    command.downgrade(alembic_config(url), "base")
    tables = asyncio.run(_run_sync(url, lambda c: inspect(c).get_table_names()))
    assert set(tables) <= {"alembic_version"}


async def test_upgrade_head_from_inside_an_event_loop(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'in_loop.sqlite'}"
    upgrade_head(url)  # runs alembic's own asyncio.run in a worker thread
    engine = _engine(url)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()


def test_upgrade_through_a_given_connection(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'given.sqlite'}"

    def upgrade(conn: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")

    asyncio.run(_run_sync(url, upgrade))
    assert asyncio.run(_run_sync(url, _diff)) == []


def test_async_url_names_the_async_driver() -> None:
    assert async_url("postgresql://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert async_url("postgres://u@h/db") == "postgresql+asyncpg://u@h/db"
    assert async_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert async_url("postgresql+asyncpg://u@h/db") == "postgresql+asyncpg://u@h/db"


# --- the database refuses what the domain forbids --------------------------------------------------------


def _seed(conn: Connection) -> dict[str, int]:
    """One agency with a campaign, one shop with a product, and one order; returns their ids."""

    def org(kind: str, name: str) -> int:
        return conn.execute(
            insert(models.Organisation).values(kind=kind, name=name, market="US", created_at=T0)
        ).inserted_primary_key[0]

    agency, shop = org("AGENCY", "Agency"), org("SHOP", "Shop")
    conn.execute(
        insert(models.Agency).values(organisation_id=agency, markets=["US"], contact_email="a@example.com")
    )
    conn.execute(
        insert(models.Shop).values(
            organisation_id=shop,
            shop_code="THCBELNL4Y",
            seller_type="LOCAL",
            market="US",
            contact_email="s@example.com",
        )
    )
    product = conn.execute(
        insert(models.Product).values(
            shop_id=shop, title="Mug", category="Home", currency="USD", status="ACTIVE", created_at=T0
        )
    ).inserted_primary_key[0]
    campaign = conn.execute(
        insert(models.Campaign).values(
            agency_id=agency,
            name="Spring",
            market="US",
            commission_requirement_bps=1000,
            contact_email="a@example.com",
            registration_start=T0,
            registration_end=T0 + timedelta(days=10),
            campaign_start=T0,
            campaign_end=T0 + timedelta(days=30),
            targeting_mode="OPEN",
            published=True,
            created_at=T0,
            updated_at=T0,
        )
    ).inserted_primary_key[0]
    order = conn.execute(
        insert(models.Order).values(
            shop_id=shop, platform_order_id="PO-1", market="US", currency="USD", placed_at=T0, created_at=T0
        )
    ).inserted_primary_key[0]
    return {"agency": agency, "shop": shop, "product": product, "campaign": campaign, "order": order}


def _registration(ids: dict[str, int], **values: Any) -> Any:
    row = {
        "campaign_id": ids["campaign"],
        "product_id": ids["product"],
        "shop_id": ids["shop"],
        "status": "PENDING",
        "total_rate_bps": 2000,
        "sample_quota": 0,
        "contact_email": "s@example.com",
        "registered_at": T0,
    }
    return insert(models.Registration).values({**row, **values})


def _order_line(ids: dict[str, int], n: int, **values: Any) -> Any:
    row = {
        "order_id": ids["order"],
        "platform_line_id": f"L{n}",
        "product_id": ids["product"],
        "quantity": 1,
        "unit_price_minor": 4000,
        "currency": "USD",
        "status": "PAID",
        "created_at": T0,
        "updated_at": T0,
    }
    return insert(models.OrderLine).values({**row, **values})


@pytest.fixture
def seeded(make_db: MakeDb) -> tuple[str, dict[str, int]]:
    url = make_db()
    upgrade_head(url)
    return url, asyncio.run(_run_sync(url, _seed))


def _refused(url: str, statement: Any) -> None:
    with pytest.raises(IntegrityError):
        asyncio.run(_run_sync(url, lambda c: c.execute(statement)))


def _accepted(url: str, statement: Any) -> None:
    asyncio.run(_run_sync(url, lambda c: c.execute(statement)))


@pytest.mark.parametrize("rate", [99, 8001, 0, -1000])
def test_the_database_refuses_a_rate_outside_100_to_8000(
    seeded: tuple[str, dict[str, int]], rate: int
) -> None:
    url, ids = seeded
    _refused(url, _registration(ids, total_rate_bps=rate))
    _refused(url, _registration(ids, shop_ads_rate_bps=rate))
    _refused(url, update(models.Campaign).values(commission_requirement_bps=rate))
    _refused(url, _order_line(ids, 1, total_rate_bps=2000, creator_rate_bps=rate))


def test_the_database_accepts_the_rate_bounds(seeded: tuple[str, dict[str, int]]) -> None:
    url, ids = seeded
    _accepted(url, update(models.Campaign).values(commission_requirement_bps=100))
    _accepted(url, update(models.Campaign).values(commission_requirement_bps=8000))
    _accepted(url, _registration(ids, total_rate_bps=8000, shop_ads_rate_bps=100))


@pytest.mark.parametrize("quantity", [0, -1])
def test_the_database_refuses_a_quantity_below_one(seeded: tuple[str, dict[str, int]], quantity: int) -> None:
    url, ids = seeded
    _refused(url, _order_line(ids, 1, quantity=quantity))
    _refused(url, _order_line(ids, 2, unit_price_minor=-1))
    _accepted(url, _order_line(ids, 3, quantity=1))


def test_one_live_registration_per_product_and_campaign(seeded: tuple[str, dict[str, int]]) -> None:
    url, ids = seeded
    _accepted(url, _registration(ids))
    _refused(url, _registration(ids))  # a second PENDING
    _refused(url, _registration(ids, status="APPROVED"))

    # REJECTED frees the product for new terms; REJECT_FOREVER blocks it for good.
    _accepted(url, update(models.Registration).values(status="REJECTED", reject_reason="COMMISSION_TOO_LOW"))
    _accepted(url, _registration(ids, total_rate_bps=2500))
    _accepted(
        url,
        update(models.Registration)
        .where(models.Registration.status == "PENDING")
        .values(status="REJECT_FOREVER", reject_reason="PRODUCT_HARD_TO_PROMOTE"),
    )
    _refused(url, _registration(ids, total_rate_bps=3000))


def test_a_registration_names_its_products_shop(seeded: tuple[str, dict[str, int]]) -> None:
    url, ids = seeded
    _refused(url, _registration(ids, shop_id=ids["agency"]))  # denormalised shop_id must be the product's


def test_enum_columns_refuse_unknown_values(seeded: tuple[str, dict[str, int]]) -> None:
    url, ids = seeded
    _refused(url, text(f"UPDATE campaigns SET market = 'XX' WHERE id = {ids['campaign']}"))
    _refused(url, text(f"UPDATE orders SET currency = 'EUR' WHERE id = {ids['order']}"))
    # A known currency, but not the market's.
    _refused(url, text(f"UPDATE orders SET currency = 'GBP' WHERE id = {ids['order']}"))


def test_0012_fills_rollup_lines_with_the_line_facts_the_forecast_reads(make_db: MakeDb) -> None:
    """The forecast reads rollup_lines alone: the migration copies each line's facts onto its row."""
    url = make_db()
    command.upgrade(alembic_config(url), "0011_dispute_credit")
    paid, delivered = T0 + timedelta(hours=1), T0 + timedelta(days=3, microseconds=7)

    def seed(conn: Connection) -> int:
        ids = _seed(conn)
        line = conn.execute(
            _order_line(
                ids, 1, status="DELIVERED", paid_at=paid, delivered_at=delivered, settle_after=delivered
            )
        ).inserted_primary_key[0]
        old = ("line_id", "order_id", "campaign_id", "shop_id", "registration_id", "creator_id", "market")
        old += ("day", "paid", "settled", "sale", "base_minor", "seller_estimated", "seller_actual")
        old += ("creator_estimated", "creator_actual", "agency_estimated", "agency_actual")
        values = {c: 0 for c in old} | {
            "line_id": line,
            "order_id": ids["order"],
            "market": "US",
            "day": None,
        }
        conn.execute(text(f"INSERT INTO rollup_lines ({', '.join(old)}) VALUES (:{', :'.join(old)})"), values)
        return ids["product"]

    product = asyncio.run(_run_sync(url, seed))
    upgrade_head(url)
    got = asyncio.run(
        _run_sync(
            url,
            lambda c: c.execute(
                select(*(models.rollup_lines.c[n] for n in FACTS))  # typed as the upkeep writes them
            ).one(),
        )
    )
    assert tuple(got) == (product, "USD", "DELIVERED", paid, delivered, delivered)


def test_0013_fills_the_forecasts_aggregate_of_open_amounts_from_rollup_lines(make_db: MakeDb) -> None:
    """The open lines (paid, a sale, not settled) of rollup_lines, summed per party × product (and whole shop) ×
    paid day × settle day; frozen lines only in rollup_open_products; settled lines nowhere."""
    url = make_db()
    command.upgrade(alembic_config(url), "0012_forecast_line_facts")
    paid, settle = T0 + timedelta(hours=20), T0 + timedelta(days=9, hours=23)

    def line(line_id: int, status: str, amount: int, settle_after: datetime | None) -> dict[str, Any]:
        return {
            "line_id": line_id,
            "order_id": 1,
            "campaign_id": 7,
            "shop_id": 5,
            "registration_id": 1,
            "creator_id": 3,
            "market": "US",
            "day": paid.date(),
            "paid": 1,
            "settled": int(status == "SETTLED"),
            "sale": 1,
            "base_minor": 0,
            "seller_estimated": -amount * 2,
            "seller_actual": 0,
            "creator_estimated": amount,
            "creator_actual": 0,
            "agency_estimated": amount // 10,
            "agency_actual": 0,
            "product_id": 11,
            "currency": "USD",
            "status": status,
            "paid_at": paid,
            "delivered_at": None,
            "settle_after": settle_after,
        }

    rows = [
        line(1, "PAID", 100, None),
        line(2, "DELIVERED", 300, settle),
        line(3, "DELIVERED", 500, settle),
        line(4, "FROZEN", 70, None),
        line(5, "SETTLED", 900, settle),
    ]
    asyncio.run(_run_sync(url, lambda c: c.execute(insert(models.rollup_lines), rows)))
    upgrade_head(url)

    def read(conn: Connection) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
        products = {tuple(r) for r in conn.execute(select(models.rollup_open_products))}
        days = {tuple(r) for r in conn.execute(select(models.rollup_open_days))}
        return products, days

    products, days = asyncio.run(_run_sync(url, read))
    day, settle_day = paid.date(), settle.date()
    assert products == {
        ("creator", 3, 11, "USD", "US", 0, 5, 3, 1, 900),
        ("creator", 3, 11, "USD", "US", 1, 5, 1, 0, 70),
        ("campaign", 7, 11, "USD", "US", 0, 5, 3, 1, 90),
        ("campaign", 7, 11, "USD", "US", 1, 5, 1, 0, 7),
        ("shop", 5, 11, "USD", "US", 0, 5, 3, 1, -1800),
        ("shop", 5, 11, "USD", "US", 1, 5, 1, 0, -140),
    }
    want_days = set()
    for party, party_id, k in (("creator", 3, 1), ("campaign", 7, 10), ("shop", 5, -0.5)):
        for product in (11, 0):
            want_days.add(
                (party, party_id, 5, product, "USD", "US", day, 0, day, 1, int(100 / k), int(100 / k) ** 2)
            )
            a, b = int(300 / k), int(500 / k)
            want_days.add(
                (party, party_id, 5, product, "USD", "US", day, 1, settle_day, 2, a + b, a * a + b * b)
            )
    assert days == want_days
