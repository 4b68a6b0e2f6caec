"""The demo world (contents, idempotence, determinism) and the onboarding/catalogue rules it goes through."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from server import models
from server.clock import FrozenClock
from server.demo import data
from server.demo.catalogue import plan_catalogue, shelf_price
from server.demo.world import load_demo_world
from server.migrate import upgrade_head
from server.models.enums import MARKET_CURRENCY, Currency, Market, OrganisationKind, Role, SellerType
from server.runtime import Runtime
from server.services import auth
from server.services.catalogue import CATEGORIES, SkuSpec, create_product
from server.services.errors import DomainError
from server.services.onboarding import create_agency, create_creator, create_platform, create_shop
from server.services.unit_of_work import UnitOfWork
from server.settings import Settings

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
SECRET = "test-secret-key-0123456789abcdef-0123456789"

MakeRuntime = Callable[[str], Awaitable[Runtime]]


@pytest.fixture(scope="module")
def migrated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to head once; each test gets a copy (migrating takes about a second)."""
    path = tmp_path_factory.mktemp("migrated") / "template.db"
    upgrade_head(f"sqlite:///{path}")
    return path


@pytest.fixture
async def make_rt(tmp_path: Path, migrated_db: Path) -> AsyncIterator[MakeRuntime]:
    """Fresh SQLite databases created by the migrations, each with its own runtime and a frozen clock."""
    runtimes: list[Runtime] = []

    async def make(name: str = "matchup") -> Runtime:
        path = tmp_path / f"{name}.db"
        shutil.copyfile(migrated_db, path)
        settings = Settings(database_url=f"sqlite+aiosqlite:///{path}", env="test", secret_key=SECRET)
        rt = Runtime.build(settings, clock=FrozenClock(NOW))
        await rt.start()
        runtimes.append(rt)
        return rt

    yield make
    for rt in runtimes:
        await rt.stop()


@pytest.fixture
async def rt(make_rt: MakeRuntime) -> Runtime:
    return await make_rt("matchup")


async def row_counts(rt: Runtime) -> dict[str, int]:
    async with rt.sessionmaker() as s:
        return {
            table.name: await s.scalar(select(func.count()).select_from(table))
            for table in models.Base.metadata.sorted_tables
        }


async def catalogue_snapshot(rt: Runtime) -> list[tuple]:
    async with rt.sessionmaker() as s:
        rows = await s.execute(
            select(
                models.Shop.shop_code,
                models.Product.title,
                models.Product.category,
                models.Product.image_url,
                models.Sku.seller_sku,
                models.Sku.variant_name,
                models.Sku.price_minor,
                models.Sku.currency,
                models.Sku.stock,
            )
            .join(models.Product, models.Product.shop_id == models.Shop.organisation_id)
            .join(models.Sku, models.Sku.product_id == models.Product.id)
            .order_by(models.Product.id, models.Sku.id)
        )
        return [tuple(row) for row in rows]


# ---------------------------------------------------------------------------------------------- the world


async def test_demo_world_contents(rt: Runtime) -> None:
    summary = await load_demo_world(rt)
    c = summary.counts
    assert c.agencies == 2
    assert c.shops >= 8 and len(c.shop_markets) >= 3
    assert c.products >= 190
    assert c.creators >= 30
    assert c.integration_keys == c.shops + 1
    assert summary.steps_run == (
        "platform",
        "agencies",
        "shops",
        "catalogue",
        "creators",
        "integration_keys",
        "campaigns",
        "offers",
        "orders",
    )

    async with rt.sessionmaker() as s:
        agencies = (
            await s.execute(
                select(models.Organisation.name, models.Organisation.market, models.Agency.markets)
                .join(models.Agency, models.Agency.organisation_id == models.Organisation.id)
                .order_by(models.Organisation.id)
            )
        ).all()
        assert [tuple(a) for a in agencies] == [
            ("Northstar Partners", Market.TH, ["TH", "VN", "PH", "MY", "ID"]),
            ("Lumen Collective", Market.GB, ["GB", "US", "MY", "TH"]),
        ]
        assert (
            await s.scalar(select(func.count()).where(models.Organisation.kind == OrganisationKind.PLATFORM))
            == 1
        )

        shops = (
            await s.execute(
                select(models.Shop, models.Organisation).join(
                    models.Organisation, models.Organisation.id == models.Shop.organisation_id
                )
            )
        ).all()
        for shop, org in shops:
            assert org.kind is OrganisationKind.SHOP and org.market is shop.market
            assert org.created_at == NOW

        creators = (await s.execute(select(models.CreatorProfile))).scalars().all()
        handles = [cp.handle for cp in creators]
        assert len(set(handles)) == len(handles)
        for cp in creators:
            assert cp.handle == cp.handle.lower() and "@" not in cp.handle
            assert 2_000 <= cp.followers <= 2_000_000
            assert 1 <= len(cp.categories) <= 3 and set(cp.categories) <= set(CATEGORIES)
            assert cp.display_name and cp.bio
        assert len({cp.market for cp in creators}) >= 3
        assert max(cp.followers for cp in creators) > 100 * min(cp.followers for cp in creators)  # log-spread

        # Every price is in its shop's currency, positive, and VND prices are whole thousands.
        prices = (
            await s.execute(
                select(
                    models.Shop.market, models.Product.currency, models.Sku.currency, models.Sku.price_minor
                )
                .join(models.Product, models.Product.shop_id == models.Shop.organisation_id)
                .join(models.Sku, models.Sku.product_id == models.Product.id)
            )
        ).all()
        assert len(prices) == c.skus
        assert {market for market, *_ in prices} == {Market(m) for m in c.shop_markets}
        for market, product_currency, sku_currency, price in prices:
            assert product_currency is sku_currency is MARKET_CURRENCY[market]
            assert price > 0
            if sku_currency is Currency.VND:
                assert price % 1000 == 0
        skus_per_product = (
            (await s.execute(select(func.count()).select_from(models.Sku).group_by(models.Sku.product_id)))
            .scalars()
            .all()
        )
        assert len(skus_per_product) == c.products and set(skus_per_product) <= {1, 2, 3, 4}
        assert await s.scalar(select(func.count()).where(models.Product.category.not_in(CATEGORIES))) == 0

        # Nothing secret in plaintext: passwords are argon2 hashes, key secrets (256 random bits) SHA-256 digests.
        hashes = (await s.execute(select(models.User.password_hash))).scalars().all()
        assert len(hashes) == c.users and all(h.startswith("$argon2") for h in hashes)
        key_hashes = (await s.execute(select(models.IntegrationKey.secret_hash))).scalars().all()
        assert len(key_hashes) == c.integration_keys
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in key_hashes)

    # The logins: every demo user exists; the primary ones sign in with demo1234 into the right organisation.
    assert summary.password == "demo1234"
    logins = {x.email: x for x in summary.logins}
    assert len(logins) == c.users == 1 + 2 + c.shops + c.creators
    expected = {
        "operator@demo.test": (Role.OPERATOR, data.PLATFORM_NAME),
        "agency@demo.test": (Role.AGENCY, "Northstar Partners"),
        "agency2@demo.test": (Role.AGENCY, "Lumen Collective"),
        "seller@demo.test": (Role.SELLER, data.SHOPS[0].name),
        "seller2@demo.test": (Role.SELLER, data.SHOPS[1].name),
        "creator@demo.test": (Role.CREATOR, data.CREATORS[0].display_name),
        "creator2@demo.test": (Role.CREATOR, data.CREATORS[1].display_name),
    }
    assert {e for e, x in logins.items() if x.primary} == set(expected)
    for n in range(3, c.shops + 1):
        assert logins[f"seller{n}@demo.test"].role is Role.SELLER
    assert data.SHOPS[0].market is Market.TH and data.CREATORS[0].market is Market.TH
    for email, (role, organisation) in expected.items():
        assert (logins[email].role, logins[email].organisation) == (role, organisation)
        result = await auth.login(rt, email=email, password="demo1234", client_ip=None, user_agent="pytest")
        assert result.principal.role is role

    # The API keys are returned once, in plaintext, and authenticate.
    assert summary.api_keys is not None and len(summary.api_keys) == c.integration_keys
    platform_key, shop_key = summary.api_keys[0], summary.api_keys[1]
    assert platform_key.organisation == data.PLATFORM_NAME and shop_key.organisation == data.SHOPS[0].name
    for issued in (platform_key, shop_key):
        key = await auth.authenticate_integration_key(rt, issued.api_key)
        assert key is not None
        assert issued.api_key.partition(".")[2] not in key.secret_hash


async def test_second_load_changes_nothing(rt: Runtime) -> None:
    first = await load_demo_world(rt)
    before = await row_counts(rt)
    snapshot = await catalogue_snapshot(rt)
    second = await load_demo_world(rt)
    assert await row_counts(rt) == before
    assert await catalogue_snapshot(rt) == snapshot
    assert second == first
    assert second.steps_run == () and second.api_keys is None
    assert first.api_keys is not None


async def test_two_databases_get_the_same_world(make_rt: MakeRuntime) -> None:
    one, two = await make_rt("one"), await make_rt("two")
    first, second = await load_demo_world(one), await load_demo_world(two)
    assert first == second
    assert await catalogue_snapshot(one) == await catalogue_snapshot(two)
    assert {k.api_key for k in first.api_keys or ()}.isdisjoint(k.api_key for k in second.api_keys or ())

    async def creators(rt: Runtime) -> list[tuple]:
        async with rt.sessionmaker() as s:
            rows = await s.execute(
                select(
                    models.CreatorProfile.handle,
                    models.CreatorProfile.display_name,
                    models.CreatorProfile.followers,
                    models.CreatorProfile.market,
                    models.CreatorProfile.categories,
                ).order_by(models.CreatorProfile.handle)
            )
            return [tuple(row) for row in rows]

    assert await creators(one) == await creators(two)


async def test_a_world_from_an_older_data_set_is_completed(
    rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    full_shops, full_creators = data.SHOPS, data.CREATORS
    monkeypatch.setattr(data, "SHOPS", full_shops[:8])
    monkeypatch.setattr(data, "CREATORS", full_creators[:30])
    older = await load_demo_world(rt)
    assert (older.counts.shops, older.counts.creators, older.counts.integration_keys) == (8, 30, 9)
    monkeypatch.setattr(data, "SHOPS", full_shops)
    monkeypatch.setattr(data, "CREATORS", full_creators)
    newer = await load_demo_world(rt)
    assert newer.steps_run == ("shops", "catalogue", "creators", "integration_keys")
    assert (newer.counts.shops, newer.counts.creators, newer.counts.integration_keys) == (10, 32, 11)
    assert newer.counts.products == sum(shop.product_count for shop in full_shops)
    assert [k.organisation for k in newer.api_keys or ()] == [shop.name for shop in full_shops[8:]]
    counts = await row_counts(rt)
    assert counts["organisations"] == 1 + 2 + 10 + 32 and counts["users"] == 45


def test_demo_data_is_consistent() -> None:
    for shop in data.SHOPS:
        assert set(shop.categories) <= set(CATEGORIES)
        titles = [p.title for p in plan_catalogue(shop)]
        assert len(titles) == shop.product_count == len(set(titles))
    for creator in data.CREATORS:
        assert set(creator.categories) <= set(CATEGORIES)
    assert set(data.ITEMS) <= set(CATEGORIES) and set(data.ITEMS) == set(data.CATEGORY_BLURBS)
    assert {m for m in Market} == {s.market for s in data.SHOPS} | {
        m for a in data.AGENCIES for m in a.markets
    }


@pytest.mark.parametrize(
    ("usd_cents", "currency", "expected"),
    [
        (2500, Currency.USD, 2499),  # 24.99
        (1500, Currency.GBP, 1199),  # 11.85 -> 11.99
        (1500, Currency.MYR, 6890),  # 69.00 -> 68.90
        (850, Currency.THB, 29900),  # 297.50 -> 299.00
        (1500, Currency.PHP, 85900),  # 855.00 -> 859.00
        (640, Currency.VND, 159000),  # 160000 -> 159000
        (550, Currency.IDR, 8_900_000),  # 88.000 -> 89.000,00
        (1, Currency.USD, 99),  # never zero or negative
        (1, Currency.VND, 9000),
    ],
)
def test_shelf_price(usd_cents: int, currency: Currency, expected: int) -> None:
    assert shelf_price(usd_cents, currency) == expected


# ---------------------------------------------------------------------------------------------- services


async def _shop(rt: Runtime, code: str = "THCBELNL4Y", market: Market = Market.TH) -> int:
    async with UnitOfWork(rt) as uow:
        org = await create_shop(
            uow,
            name="Test Shop",
            shop_code=code,
            market=market,
            seller_type=SellerType.LOCAL,
            contact_email="shop@example.com",
        )
        return org.id


def _sku(n: int = 1, price: int = 29900, stock: int = 10) -> SkuSpec:
    return SkuSpec(seller_sku=f"SKU-{n}", name=f"Variant {n}", price_minor=price, stock=stock)


@pytest.mark.parametrize("code", ["", "AB12C", "THC-BEL-NL4Y", "THCBELNL4Y!", "A" * 21, "ÄBCDEFG"])
async def test_bad_shop_code_is_refused(rt: Runtime, code: str) -> None:
    with pytest.raises(DomainError) as e:
        await _shop(rt, code)
    assert e.value.code in ("INVALID", "REQUIRED")
    assert e.value.field == ["input", "shopCode"]
    counts = await row_counts(rt)
    assert counts["organisations"] == counts["shops"] == 0


async def test_duplicate_shop_code_is_taken(rt: Runtime) -> None:
    await _shop(rt, "THCBELNL4Y")
    with pytest.raises(DomainError) as e:
        await _shop(rt, " thcbelnl4y ")  # normalised to the same code
    assert (e.value.code, e.value.field) == ("TAKEN", ["input", "shopCode"])
    counts = await row_counts(rt)
    assert counts["organisations"] == counts["shops"] == 1


async def test_product_needs_a_sku(rt: Runtime) -> None:
    shop_id = await _shop(rt)
    with pytest.raises(DomainError) as e:
        async with UnitOfWork(rt) as uow:
            await create_product(
                uow,
                shop_id=shop_id,
                title="Serum",
                category="Health",
                description="",
                image_url=None,
                skus=[],
            )
    assert (e.value.code, e.value.field) == ("REQUIRED", ["input", "skus"])
    counts = await row_counts(rt)
    assert counts["products"] == counts["skus"] == 0


@pytest.mark.parametrize("price", [0, -100])
async def test_product_price_must_be_positive(rt: Runtime, price: int) -> None:
    shop_id = await _shop(rt)
    with pytest.raises(DomainError) as e:
        async with UnitOfWork(rt) as uow:
            await create_product(
                uow,
                shop_id=shop_id,
                title="Serum",
                category="Health",
                description="",
                image_url=None,
                skus=[_sku(1), _sku(2, price=price)],
            )
    assert (e.value.code, e.value.field) == ("NOT_POSITIVE", ["input", "skus", "1", "price"])
    counts = await row_counts(rt)
    assert counts["products"] == counts["skus"] == 0


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"title": "  "}, "REQUIRED", ["input", "title"]),
        ({"title": "x" * 256}, "TOO_LONG", ["input", "title"]),
        ({"category": "Gadgets"}, "INVALID", ["input", "category"]),
        ({"skus": [_sku(n) for n in range(51)]}, "TOO_MANY", ["input", "skus"]),
        ({"skus": [_sku(1), _sku(1)]}, "DUPLICATE", ["input", "skus", "1", "sellerSku"]),
        ({"skus": [_sku(1, stock=-1)]}, "NEGATIVE", ["input", "skus", "0", "stock"]),
        ({"image_url": "http://example.com/a.png"}, "INVALID", ["input", "imageUrl"]),
        ({"shop_id": 999_999}, "NOT_FOUND", ["input", "shopId"]),
    ],
)
async def test_product_validation(rt: Runtime, change: dict, code: str, field: list[str]) -> None:
    shop_id = await _shop(rt)
    args = {
        "shop_id": shop_id,
        "title": "Serum",
        "category": "Health",
        "description": "",
        "image_url": None,
        "skus": [_sku(1)],
    } | change
    with pytest.raises(DomainError) as e:
        async with UnitOfWork(rt) as uow:
            await create_product(uow, **args)
    assert (e.value.code, e.value.field) == (code, field)
    assert (await row_counts(rt))["products"] == 0


async def test_product_takes_the_currency_of_its_shop(rt: Runtime) -> None:
    shop_id = await _shop(rt, "VNNHAXINH7", Market.VN)
    async with UnitOfWork(rt) as uow:
        product = await create_product(
            uow,
            shop_id=shop_id,
            title=" Bamboo Bed Sheet Set ",
            category="Home & Living",
            description="Cool.",
            image_url="https://picsum.photos/seed/x/400/400",
            skus=[_sku(1, price=159000), _sku(2, price=189000, stock=0)],
        )
    async with rt.sessionmaker() as s:
        stored = await s.get(models.Product, product.id)
        skus = (
            (await s.execute(select(models.Sku).where(models.Sku.product_id == product.id))).scalars().all()
        )
    assert stored is not None and stored.title == "Bamboo Bed Sheet Set" and stored.currency is Currency.VND
    assert stored.created_at == NOW
    assert [(x.seller_sku, x.price_minor, x.currency, x.stock) for x in skus] == [
        ("SKU-1", 159000, Currency.VND, 10),
        ("SKU-2", 189000, Currency.VND, 0),
    ]


async def test_onboarding_validation(rt: Runtime) -> None:
    async def refused(call: Callable[[UnitOfWork], Awaitable[object]]) -> tuple[str, list[str] | None]:
        with pytest.raises(DomainError) as e:
            async with UnitOfWork(rt) as uow:
                await call(uow)
        return e.value.code, e.value.field

    agency = {"name": "Northstar", "markets": ["TH"], "contact_email": "a@example.com"}
    assert await refused(lambda uow: create_agency(uow, **(agency | {"markets": []}))) == (
        "REQUIRED",
        ["input", "markets"],
    )
    assert await refused(lambda uow: create_agency(uow, **(agency | {"markets": ["TH", "XX"]}))) == (
        "INVALID",
        ["input", "markets", "1"],
    )
    assert await refused(lambda uow: create_agency(uow, **(agency | {"contact_email": "nope"}))) == (
        "INVALID",
        ["input", "contactEmail"],
    )
    assert await refused(lambda uow: create_agency(uow, **(agency | {"name": " "}))) == (
        "REQUIRED",
        ["input", "name"],
    )

    creator = {
        "handle": "@Ploy.BeautyDiary",
        "display_name": "Ploy",
        "market": "TH",
        "followers": 12_000,
        "categories": ["Beauty & Personal Care"],
    }
    assert await refused(lambda uow: create_creator(uow, **(creator | {"handle": "bad handle"}))) == (
        "INVALID",
        ["input", "handle"],
    )
    assert await refused(lambda uow: create_creator(uow, **(creator | {"followers": -1}))) == (
        "INVALID",
        ["input", "followers"],
    )
    assert await refused(lambda uow: create_creator(uow, **(creator | {"categories": []}))) == (
        "REQUIRED",
        ["input", "categories"],
    )
    assert (await row_counts(rt))["organisations"] == 0

    async with UnitOfWork(rt) as uow:
        org = await create_creator(uow, **creator)
        await create_agency(uow, **(agency | {"markets": ["VN", "TH", "VN"]}))
        await create_platform(uow, name="Matchup")
    async with rt.sessionmaker() as s:
        profile = await s.get(models.CreatorProfile, org.id)
        served = await s.scalar(select(models.Agency.markets))
    assert profile is not None and profile.handle == "ploy.beautydiary"
    assert served == ["VN", "TH"]
    assert await refused(lambda uow: create_creator(uow, **(creator | {"handle": "PLOY.beautydiary"}))) == (
        "TAKEN",
        ["input", "handle"],
    )
    assert await refused(lambda uow: create_platform(uow, name="Another")) == ("TAKEN", ["input", "name"])
    assert (await row_counts(rt))["organisations"] == 3
