"""Offers as rows (a campaign, approved registrations, a list with items and its share link) and the GraphQL
documents the creator-side tests send."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from server import models
from server.ids import encode_id
from server.models.enums import Market, RegistrationStatus, TargetingMode
from server.runtime import Runtime
from server.services import catalogue
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import Api, World

ADDRESS = {
    "recipientName": "Creator A Person",
    "phone": "+66 81 234 5678",
    "line1": "1 Sukhumvit Road",
    "line2": "Unit 5",
    "city": "Bangkok",
    "region": "Bangkok",
    "postalCode": "10110",
    "country": "TH",
}


@dataclass
class Offer:
    campaign_id: int
    list_id: int
    link_id: int
    token: str
    items: dict[int, int] = field(default_factory=dict)  # product id -> list item id
    registrations: dict[int, int] = field(default_factory=dict)  # product id -> registration id

    def item_gid(self, product_id: int) -> str:
        return encode_id("ProductListItem", self.items[product_id])


async def make_offer(
    rt: Runtime,
    world: World,
    products: list[int],
    *,
    agency: str = "agency_a",
    rates: list[int] | None = None,
    total_rate_bps: int = 2000,
    sample_quota: int = 2,
    campaign_name: str = "Serum week",
    ends_in: timedelta = timedelta(days=30),
) -> Offer:
    """A published, ongoing campaign of `agency` with each product APPROVED, in one list with an active link."""
    now = rt.clock.now()
    rates = rates or [1500] * len(products)
    async with UnitOfWork(rt) as uow:
        s = uow.session
        campaign = models.Campaign(
            agency_id=world[agency].organisation_id,
            name=campaign_name,
            description="",
            market=Market.TH,
            seller_requirements="",
            commission_requirement_bps=1000,
            contact_email="hello@agency.test",
            registration_start=now - timedelta(days=1),
            registration_end=now + min(ends_in, timedelta(days=10)),
            campaign_start=now - timedelta(days=1),
            campaign_end=now + ends_in,
            targeting_mode=TargetingMode.OPEN,
            published=True,
            first_published_at=now - timedelta(days=1),
            created_at=now - timedelta(days=2),
            updated_at=now,
        )
        s.add(campaign)
        await s.flush()
        shops = dict(
            (
                await s.execute(
                    select(models.Product.id, models.Product.shop_id).where(models.Product.id.in_(products))
                )
            ).all()
        )
        registrations = {
            product_id: models.Registration(
                campaign_id=campaign.id,
                product_id=product_id,
                shop_id=shops[product_id],
                status=RegistrationStatus.APPROVED,
                total_rate_bps=total_rate_bps,
                sample_quota=sample_quota,
                contact_email="shop@shop.test",
                registered_at=now - timedelta(hours=1),
                decided_at=now,
            )
            for product_id in products
        }
        product_list = models.ProductList(
            agency_id=campaign.agency_id,
            campaign_id=campaign.id,
            name=f"{campaign_name} list",
            created_at=now,
            updated_at=now,
        )
        s.add_all([*registrations.values(), product_list])
        await s.flush()
        items = {
            product_id: models.ProductListItem(
                list_id=product_list.id,
                registration_id=registrations[product_id].id,
                creator_rate_bps=rate,
                created_at=now,
                updated_at=now,
            )
            for product_id, rate in zip(products, rates, strict=True)
        }
        link = models.ShareLink(list_id=product_list.id, token=secrets.token_urlsafe(18), created_at=now)
        s.add_all([*items.values(), link])
        await s.flush()
        return Offer(
            campaign_id=campaign.id,
            list_id=product_list.id,
            link_id=link.id,
            token=link.token,
            items={p: i.id for p, i in items.items()},
            registrations={p: r.id for p, r in registrations.items()},
        )


async def more_products(rt: Runtime, world: World, n: int, seller: str = "seller_a") -> list[int]:
    ids = []
    async with UnitOfWork(rt) as uow:
        for i in range(n):
            product = await catalogue.create_product(
                uow,
                shop_id=world[seller].organisation_id,
                title=f"Extra lipstick {i}",
                category="Beauty & Personal Care",
                description="",
                image_url=None,
                skus=[
                    catalogue.SkuSpec(seller_sku=f"X{i}-{j}", name=f"v{j}", price_minor=1000 + j, stock=3)
                    for j in range(2)
                ],
            )
            ids.append(product.id)
    return ids


async def set_registration_status(rt: Runtime, registration_id: int, status: RegistrationStatus) -> None:
    async with UnitOfWork(rt) as uow:
        registration = await uow.session.get(models.Registration, registration_id)
        assert registration is not None
        registration.status = status


async def rows(rt: Runtime, model: Any, *where: Any) -> list[Any]:
    async with rt.sessionmaker() as session:
        return list((await session.scalars(select(model).where(*where).order_by(model.id))).all())


SHARE_LINK = """query($t: String!) { shareLink(token: $t) {
  token agencyName campaignName campaignEnd market currency
  items { id product { id title } creatorRateBps price { amount currency } stock sampleAvailable samplesLeft
    campaignEnd inShowcase
    lowerRateNotice { currentRateBps offeredRateBps currentSource currentIsHigher currentPendingRateBps
      currentPendingEffectiveAt } }
} }"""

SHOWCASE_ADD = """mutation($i: ShowcaseAddInput!) { showcaseAdd(input: $i) {
  entries { id status creatorRateBps product { id } campaignName agencyName }
  replaced { id status endedAt }
  userErrors { field message code productId }
} }"""

SHOWCASE = """query($status: [ShowcaseStatus!], $first: Int = 20) { showcase(first: $first, status: $status) {
  totalCount edges { node {
    id status creatorRateBps pendingRateBps pendingRateEffectiveAt addedAt activeSince endedAt
    campaignName campaignEnd agencyName sampleAvailable samplesLeft
    product { id title price { amount } stock shopName }
    sampleRequest { id status } contents { id kind url }
  } } } }"""

SAMPLE_REQUEST = """mutation($i: SampleRequestInput!) { sampleRequest(input: $i) {
  sampleRequest { id status requestedAt shippingAddress { recipientName country } }
  userErrors { field message code }
} }"""

SAMPLE_FIELDS = """id status requestedAt reviewedAt rejectReason carrier trackingNumber shippedAt deliveredAt
  contentDueAt extensionUsed shipmentStatus campaignName agencyName
  product { id title } campaign { id name } creator { id handle }
  shippingAddress { recipientName phone line1 line2 city region postalCode country }
  shipments { status carrier trackingNumber note occurredAt }
  contents { id kind url }"""

SAMPLE_REVIEW = """mutation($i: SampleRequestReviewInput!) { sampleRequestReview(input: $i) {
  sampleRequest { id status reviewedAt rejectReason } userErrors { field message code } } }"""

SHIPMENT_UPDATE = """mutation($i: SampleShipmentUpdateInput!) { sampleShipmentUpdate(input: $i) {
  sampleRequest { id status carrier trackingNumber shippedAt deliveredAt contentDueAt shipmentStatus creator { id } }
  userErrors { field message code } } }"""

EXTENSION = """mutation($i: SampleContentExtensionInput!) { sampleContentExtension(input: $i) {
  sampleRequest { id status contentDueAt extensionUsed } userErrors { field message code } } }"""

CONTENT_RECORD = """mutation($i: ContentRecordInput!) { contentRecord(input: $i) {
  content { id kind url postedAt product { id } campaignName }
  sampleRequest { id status }
  userErrors { field message code } } }"""


async def open_link(api: Api, token: str) -> dict[str, Any] | None:
    return (await api(SHARE_LINK, {"t": token}))["shareLink"]


async def add(api: Api, token: str, **extra: Any) -> dict[str, Any]:
    return (await api(SHOWCASE_ADD, {"i": {"token": token, "acceptTerms": True, **extra}}))["showcaseAdd"]


async def add_ok(api: Api, token: str, **extra: Any) -> list[dict[str, Any]]:
    result = await add(api, token, **extra)
    assert result["userErrors"] == [], result
    return result["entries"]


async def request_sample(api: Api, entry_id: str, **address: Any) -> dict[str, Any]:
    data = await api(SAMPLE_REQUEST, {"i": {"showcaseEntryId": entry_id, "address": {**ADDRESS, **address}}})
    return data["sampleRequest"]


async def review(api: Api, sample_id: str, approve: bool = True, reason: str | None = None) -> dict[str, Any]:
    return (await api(SAMPLE_REVIEW, {"i": {"id": sample_id, "approve": approve, "reason": reason}}))[
        "sampleRequestReview"
    ]


async def ship(api: Api, sample_id: str, status: str, **extra: Any) -> dict[str, Any]:
    return (await api(SHIPMENT_UPDATE, {"i": {"id": sample_id, "status": status, **extra}}))[
        "sampleShipmentUpdate"
    ]
