"""The app in-process (ASGI), API clients per role, and a two-tenant world with every column populated."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import strawberry
from starlette.applications import Starlette

from server.app import create_app
from server.lru import LRU
from server.models.enums import Market, MemberRole, Role, SellerType
from server.runtime import Runtime
from server.schema.build import build_schema
from server.services import auth, catalogue, onboarding
from server.services.unit_of_work import UnitOfWork
from server.settings import Settings

PASSWORD = "correct horse battery"


# One schema per distinct settings in a test process, as a server process has one: building it takes 0.1-0.3 s,
# which a fresh one per test spent again on every test that asks for the app. A schema holds no per-app state
# (server/schema/build.py); tests/schema/test_schema_freed.py builds its own apps.
_SCHEMAS: LRU[strawberry.Schema] = LRU(8)


def shared_schema(settings: Settings) -> strawberry.Schema:
    return _SCHEMAS.get_or_build(settings.model_dump_json(), lambda: build_schema(settings))


@pytest.fixture
async def app(rt: Runtime) -> AsyncIterator[Starlette]:
    application = create_app(rt.settings, runtime=rt, schema=shared_schema(rt.settings))
    # The runtime is started by its own fixture; the lifespan would stop it, so it is not run here.
    yield application


@pytest.fixture
async def http(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        yield client


class Api:
    """POSTs GraphQL to /graphql as one principal (bearer token) or anonymously."""

    def __init__(self, http: httpx.AsyncClient, token: str | None = None) -> None:
        self.http = http
        self.token = token

    async def raw(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def __call__(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self.raw(query, variables)
        assert "errors" not in body, body["errors"]
        return body["data"]


def answer(body: dict[str, Any]) -> dict[str, Any]:
    """A response without its `extensions` (every response reports its cost there: docs/api-limits.md)."""
    return {key: value for key, value in body.items() if key != "extensions"}


@dataclass
class Tenant:
    role: Role
    organisation_id: int
    user_id: int
    email: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class World:
    tenants: dict[
        str, Tenant
    ]  # "agency_a", "agency_b", "seller_a", "seller_b", "creator_a", "creator_b", "operator"
    products: dict[str, list[int]]  # "seller_a" -> product ids

    def __getitem__(self, key: str) -> Tenant:
        return self.tenants[key]


async def build_world(rt: Runtime) -> World:
    tenants: dict[str, Tenant] = {}
    products: dict[str, list[int]] = {}
    async with UnitOfWork(rt) as uow:

        async def member(key: str, role: Role, org_id: int) -> None:
            email = f"{key.replace('_', '-')}@test.local"
            user = await auth.create_user(
                uow,
                organisation_id=org_id,
                email=email,
                password=PASSWORD,
                full_name=f"{key.title()} Person",
                member_role=MemberRole.OWNER,
            )
            tenants[key] = Tenant(role=role, organisation_id=org_id, user_id=user.id, email=email)

        for suffix, markets in (("a", [Market.TH, Market.VN]), ("b", [Market.GB, Market.US])):
            org = await onboarding.create_agency(
                uow,
                name=f"Agency {suffix.upper()}",
                markets=markets,
                contact_email=f"hello-{suffix}@agency.test",
                website=f"https://agency-{suffix}.test",
            )
            await member(f"agency_{suffix}", Role.AGENCY, org.id)
        for suffix, market, code in (("a", Market.TH, "THSHOPAAA1"), ("b", Market.TH, "THSHOPBBB2")):
            org = await onboarding.create_shop(
                uow,
                name=f"Shop {suffix.upper()}",
                shop_code=code,
                market=market,
                seller_type=SellerType.LOCAL,
                contact_email=f"shop-{suffix}@shop.test",
                rating=46,
            )
            await member(f"seller_{suffix}", Role.SELLER, org.id)
            products[f"seller_{suffix}"] = []
            for n in range(2):
                product = await catalogue.create_product(
                    uow,
                    shop_id=org.id,
                    title=f"Shop {suffix.upper()} Serum {n}",
                    category="Beauty & Personal Care",
                    description="A serum.",
                    image_url=f"https://img.test/{suffix}{n}.jpg",
                    skus=[
                        catalogue.SkuSpec(
                            seller_sku=f"S{suffix}{n}-1", name="30 ml", price_minor=29900 + n, stock=10
                        )
                    ],
                )
                products[f"seller_{suffix}"].append(product.id)
        for suffix in ("a", "b"):
            org = await onboarding.create_creator(
                uow,
                handle=f"creator{suffix}",
                display_name=f"Creator {suffix.upper()}",
                market=Market.TH,
                followers=12000,
                categories=["Beauty & Personal Care"],
                avatar_url=f"https://img.test/c{suffix}.jpg",
                bio="Skincare every day.",
            )
            await member(f"creator_{suffix}", Role.CREATOR, org.id)
        org = await onboarding.create_platform(uow, name="Matchup Platform")
        await member("operator", Role.OPERATOR, org.id)
    return World(tenants=tenants, products=products)


@pytest.fixture
async def world(rt: Runtime) -> World:
    return await build_world(rt)


async def login_token(http: httpx.AsyncClient, email: str, password: str = PASSWORD) -> str:
    body = (
        await http.post(
            "/graphql",
            json={
                "query": "mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }",
                "variables": {"i": {"email": email, "password": password}},
            },
        )
    ).json()
    token = body["data"]["login"]["token"]
    assert token, body
    http.cookies.clear()  # the token is returned; the shared client must stay anonymous
    return token


@pytest.fixture
def anon(http: httpx.AsyncClient) -> Api:
    return Api(http)


@pytest.fixture
async def as_role(http: httpx.AsyncClient, world: World):  # noqa: ANN201
    """as_role("seller_a") → an Api logged in as that tenant's user."""
    cache: dict[str, Api] = {}

    async def get(key: str) -> Api:
        if key not in cache:
            cache[key] = Api(http, await login_token(http, world[key].email))
        return cache[key]

    return get
