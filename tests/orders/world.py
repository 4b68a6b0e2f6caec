"""A world for order tests (and bench/ingest_orders.py): shops in the US (USD, 15-day window) and Vietnam (VND,
no decimals, 7 days), an agency with one running campaign per market, approved registrations, a product list
with a share link per campaign, creators with active showcase entries, and integration keys.

Tenants and products come from the onboarding and catalogue services; campaigns, registrations, lists, links
and showcase entries are inserted as rows (their services are built elsewhere).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx

from server import models
from server.clock import FrozenClock
from server.ids import encode_id
from server.models.enums import (
    MARKET_CURRENCY,
    Currency,
    Market,
    RegistrationStatus,
    SellerType,
    ShowcaseStatus,
    TargetingMode,
)
from server.runtime import Runtime
from server.services import auth, catalogue, onboarding
from server.services.unit_of_work import UnitOfWork

# market -> (shop code, total rate, creator rate, unit prices of the registered products, organic product price)
MARKETS: dict[Market, tuple[str, int, int, list[int], int]] = {
    Market.US: ("USSHOP0001", 2000, 1500, [4000, 1999], 2500),
    Market.VN: ("VNSHOP0001", 1250, 1075, [99999, 150000], 50000),
}


@dataclass
class Product:
    id: int
    gid: str
    sku: str
    price_minor: int
    registration_id: int | None  # None: not in any campaign (organic sales only)
    item_id: int | None = None
    entries: dict[str, int] = field(default_factory=dict)  # creator handle -> showcase entry id

    def entry_gid(self, handle: str) -> str:
        return encode_id("ShowcaseEntry", self.entries[handle])


@dataclass
class Shop:
    id: int
    code: str
    market: Market
    currency: Currency
    api_key: str
    signing_secret: str
    products: list[Product]
    campaign_id: int
    list_id: int
    share_token: str
    creator: str  # the handle of the creator with showcase entries for the registered products

    @property
    def registered(self) -> list[Product]:
        return [p for p in self.products if p.registration_id is not None]

    @property
    def organic(self) -> Product:
        return next(p for p in self.products if p.registration_id is None)


@dataclass
class OrdersWorld:
    shops: dict[Market, Shop]
    agency_id: int
    creators: dict[str, int]  # handle -> organisation id
    platform_api_key: str
    platform_signing_secret: str

    @property
    def us(self) -> Shop:
        return self.shops[Market.US]

    @property
    def vn(self) -> Shop:
        return self.shops[Market.VN]


async def build_orders_world(rt: Runtime, *, extra_products: int = 0) -> OrdersWorld:
    """`extra_products` more registered products per shop (for the benchmark), all promoted by the creator."""
    now = rt.clock.now()
    start, end = now - timedelta(days=10), now + timedelta(days=100)
    async with UnitOfWork(rt) as uow:
        s = uow.session
        platform = await onboarding.create_platform(uow, name="Matchup Platform")
        platform_key = await auth.create_integration_key(uow, organisation_id=platform.id, name="platform")
        agency = await onboarding.create_agency(
            uow, name="Agency Orders", markets=[Market.US, Market.VN], contact_email="orders@agency.test"
        )
        creators: dict[str, int] = {}
        for handle, market in (("alice", Market.US), ("bao", Market.VN), ("carol", Market.US)):
            org = await onboarding.create_creator(
                uow,
                handle=handle,
                display_name=handle.title(),
                market=market,
                followers=5000,
                categories=["Beauty & Personal Care"],
            )
            creators[handle] = org.id
        shops: dict[Market, Shop] = {}
        for (market, (code, total, creator_rate, prices, organic_price)), handle in zip(
            MARKETS.items(), ("alice", "bao"), strict=True
        ):
            currency = MARKET_CURRENCY[market]
            shop_org = await onboarding.create_shop(
                uow,
                name=f"Shop {market.value}",
                shop_code=code,
                market=market,
                seller_type=SellerType.LOCAL,
                contact_email=f"shop-{market.value.lower()}@shop.test",
            )
            key = await auth.create_integration_key(uow, organisation_id=shop_org.id, name="orders")
            campaign = models.Campaign(
                agency_id=agency.id,
                name=f"Campaign {market.value}",
                description="",
                market=market,
                seller_requirements="",
                commission_requirement_bps=1000,
                contact_email="c@agency.test",
                registration_start=start,
                registration_end=end - timedelta(days=1),
                campaign_start=start,
                campaign_end=end,
                targeting_mode=TargetingMode.OPEN,
                published=True,
                first_published_at=start,
                created_at=start,
                updated_at=start,
            )
            s.add(campaign)
            await s.flush()
            product_list = models.ProductList(
                agency_id=agency.id,
                campaign_id=campaign.id,
                name=f"List {market.value}",
                created_at=start,
                updated_at=start,
            )
            s.add(product_list)
            await s.flush()
            link = models.ShareLink(
                list_id=product_list.id, token=f"share-{market.value.lower()}-0123456789", created_at=start
            )
            s.add(link)
            all_prices = [*prices, *itertools.islice(itertools.cycle(prices), extra_products), organic_price]
            products: list[Product] = []
            for n, price in enumerate(all_prices):
                organic = n == len(all_prices) - 1
                sku = f"{market.value}-SKU-{n}"
                row = await catalogue.create_product(
                    uow,
                    shop_id=shop_org.id,
                    title=f"{market.value} product {n}",
                    category="Beauty & Personal Care",
                    description="",
                    image_url=None,
                    skus=[catalogue.SkuSpec(seller_sku=sku, name=None, price_minor=max(price, 1), stock=100)],
                )
                product = Product(row.id, encode_id("Product", row.id), sku, price, None)
                products.append(product)
                if organic:
                    continue
                registration = models.Registration(
                    campaign_id=campaign.id,
                    product_id=row.id,
                    shop_id=shop_org.id,
                    status=RegistrationStatus.APPROVED,
                    total_rate_bps=total,
                    sample_quota=5,
                    contact_email="shop@shop.test",
                    registered_at=start,
                    decided_at=start + timedelta(hours=1),
                )
                s.add(registration)
                await s.flush()
                item = models.ProductListItem(
                    list_id=product_list.id,
                    registration_id=registration.id,
                    creator_rate_bps=creator_rate,
                    created_at=start,
                    updated_at=start,
                )
                s.add(item)
                await s.flush()
                entry = models.ShowcaseEntry(
                    creator_id=creators[handle],
                    product_id=row.id,
                    registration_id=registration.id,
                    list_item_id=item.id,
                    share_link_id=link.id,
                    creator_rate_bps=creator_rate,
                    status=ShowcaseStatus.ACTIVE,
                    added_at=start + timedelta(days=1),
                    terms_accepted_at=start + timedelta(days=1),
                )
                s.add(entry)
                await s.flush()
                product.registration_id, product.item_id = registration.id, item.id
                product.entries[handle] = entry.id
            shops[market] = Shop(
                id=shop_org.id,
                code=code,
                market=market,
                currency=currency,
                api_key=key.api_key,
                signing_secret=key.signing_secret,
                products=products,
                campaign_id=campaign.id,
                list_id=product_list.id,
                share_token=link.token,
                creator=handle,
            )
    return OrdersWorld(
        shops=shops,
        agency_id=agency.id,
        creators=creators,
        platform_api_key=platform_key.api_key,
        platform_signing_secret=platform_key.signing_secret,
    )


# ------------------------------------------------------------------------------------------- signed requests


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The recipe of docs/integrations-orders.md, written out independently of the server's code."""
    return (
        "v1=" + hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    )


class Integration:
    """Sends signed events as one key (a shop's, or the platform's)."""

    def __init__(self, http: httpx.AsyncClient, api_key: str, secret: str, clock: FrozenClock) -> None:
        self.http, self.api_key, self.secret, self.clock = http, api_key, secret, clock

    def headers(self, body: bytes, *, timestamp: int | None = None) -> dict[str, str]:
        ts = int(self.clock.now().timestamp()) if timestamp is None else timestamp
        return {
            "Content-Type": "application/json",
            "X-Matchup-Key": self.api_key,
            "X-Matchup-Timestamp": str(ts),
            "X-Matchup-Signature": signature(self.secret, ts, body),
        }

    async def send(self, event: dict[str, Any] | bytes, **headers: str) -> httpx.Response:
        body = event if isinstance(event, bytes) else json.dumps(event).encode()
        return await self.http.post(
            "/integrations/orders", content=body, headers={**self.headers(body), **headers}
        )

    async def batch(self, events: list[dict[str, Any]]) -> httpx.Response:
        body = json.dumps({"events": events}).encode()
        return await self.http.post("/integrations/orders/batch", content=body, headers=self.headers(body))


_ids = itertools.count(1)


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def event(
    kind: str, order_id: str, at: datetime, *, event_id: str | None = None, **fields: Any
) -> dict[str, Any]:
    return {
        "id": event_id or f"evt-{next(_ids)}",
        "type": f"order.{kind}",
        "occurred_at": iso(at),
        "order_id": order_id,
        **fields,
    }


def line(
    line_id: str,
    product: Product,
    *,
    quantity: int = 1,
    price: str,
    currency: Currency,
    attribution: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "line_id": line_id,
        "product_id": product.gid,
        "sku": product.sku,
        "quantity": quantity,
        "unit_price": price,
        "currency": currency.value,
    }
    if attribution is not None:
        body["attribution"] = attribution
    return body


def created(order_id: str, at: datetime, lines: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return event("created", order_id, at, placed_at=iso(at), lines=lines, **fields)
