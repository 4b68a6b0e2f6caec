"""Campaigns, APPROVED registrations and showcase entries inserted as rows (the registration and showcase flows
have their own tests); the product list API is exercised on top of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from server import models
from server.ids import encode_id
from server.models.enums import Currency, Market, RegistrationStatus, ShowcaseStatus, TargetingMode
from server.runtime import Runtime
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import World

LIST_FIELDS = """
  id name itemCount createdAt updatedAt
  campaign { id name }
  shareLink { id token url revokedAt opens }
  items { totalCount edges { node {
    id creatorRateBps totalRateBps agencyRateBps creatorCount
    product { id title } registration { id status totalRateBps }
  } } }
"""
PAYLOAD = f"productList {{ {LIST_FIELDS} }} userErrors {{ field message code }}"


def gid(type_name: str, pk: int) -> str:
    return encode_id(type_name, pk)


async def add_campaign(rt: Runtime, agency_id: int, name: str = "Serum week") -> int:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        campaign = models.Campaign(
            agency_id=agency_id,
            name=name,
            description="",
            market=Market.TH,
            seller_requirements="",
            commission_requirement_bps=1000,
            contact_email="hello@agency.test",
            registration_start=now,
            registration_end=now + timedelta(days=60),
            campaign_start=now,
            campaign_end=now + timedelta(days=90),
            targeting_mode=TargetingMode.OPEN,
            published=True,
            first_published_at=now,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(campaign)
        await uow.session.flush()
        return campaign.id


async def add_registration(
    rt: Runtime,
    campaign_id: int,
    product_id: int,
    shop_id: int,
    *,
    total: int = 2000,
    status: RegistrationStatus = RegistrationStatus.APPROVED,
) -> int:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        row = models.Registration(
            campaign_id=campaign_id,
            product_id=product_id,
            shop_id=shop_id,
            status=status,
            total_rate_bps=total,
            contact_email="shop@shop.test",
            registered_at=now,
            decided_at=now,
            sample_quota=3,
        )
        uow.session.add(row)
        await uow.session.flush()
        return row.id


async def add_products(rt: Runtime, shop_id: int, titles: list[str], price_minor: int = 12345) -> list[int]:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        rows = [
            models.Product(
                shop_id=shop_id, title=title, category="Health", currency=Currency.THB, created_at=now
            )
            for title in titles
        ]
        uow.session.add_all(rows)
        await uow.session.flush()
        uow.session.add_all(
            models.Sku(
                product_id=p.id,
                seller_sku=f"SKU-{p.id}",
                price_minor=price_minor,
                currency=Currency.THB,
                stock=5,
            )
            for p in rows
        )
        return [p.id for p in rows]


async def add_showcase_entry(
    rt: Runtime, *, creator_id: int, item_id: int, status: ShowcaseStatus = ShowcaseStatus.ACTIVE
) -> int:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        item = await uow.session.get(models.ProductListItem, item_id)
        registration = await uow.session.get(models.Registration, item.registration_id)
        entry = models.ShowcaseEntry(
            creator_id=creator_id,
            product_id=registration.product_id,
            registration_id=registration.id,
            list_item_id=item.id,
            creator_rate_bps=item.creator_rate_bps,
            status=status,
            added_at=now,
            ended_at=None if status is ShowcaseStatus.ACTIVE else now,
            terms_accepted_at=now,
        )
        uow.session.add(entry)
        await uow.session.flush()
        return entry.id


async def count(rt: Runtime, model: Any, *where: Any) -> int:
    async with rt.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)))


async def row(rt: Runtime, model: Any, pk: int) -> Any:
    async with rt.sessionmaker() as session:
        return await session.get(model, pk)


@dataclass
class Setup:
    campaign: int  # agency A's campaign
    other_campaign: int  # another campaign of agency A
    b_campaign: int  # agency B's campaign
    approved: list[int]  # APPROVED in `campaign`: seller A p0 (20 %), seller A p1 (15 %), seller B p0 (30 %)
    pending: int  # PENDING in `campaign` (seller B p1)
    other_approved: int  # APPROVED in `other_campaign`
    b_approved: int  # APPROVED in agency B's campaign


@pytest.fixture
async def setup(rt: Runtime, world: World) -> Setup:
    a, b = world["agency_a"].organisation_id, world["agency_b"].organisation_id
    shop_a, shop_b = world["seller_a"].organisation_id, world["seller_b"].organisation_id
    pa, pb = world.products["seller_a"], world.products["seller_b"]
    campaign = await add_campaign(rt, a)
    other = await add_campaign(rt, a, "Serum month")
    b_campaign = await add_campaign(rt, b, "B's campaign")
    approved = [
        await add_registration(rt, campaign, pa[0], shop_a, total=2000),
        await add_registration(rt, campaign, pa[1], shop_a, total=1500),
        await add_registration(rt, campaign, pb[0], shop_b, total=3000),
    ]
    return Setup(
        campaign=campaign,
        other_campaign=other,
        b_campaign=b_campaign,
        approved=approved,
        pending=await add_registration(rt, campaign, pb[1], shop_b, status=RegistrationStatus.PENDING),
        other_approved=await add_registration(rt, other, pa[0], shop_a),
        b_approved=await add_registration(rt, b_campaign, pa[0], shop_a),
    )


def item(registration_id: int, rate: int) -> dict[str, Any]:
    return {"registrationId": gid("Registration", registration_id), "creatorRateBps": rate}


CREATE = f"mutation($i: ProductListCreateInput!) {{ productListCreate(input: $i) {{ {PAYLOAD} }} }}"
ITEMS_SET = f"mutation($i: ProductListItemsSetInput!) {{ productListItemsSet(input: $i) {{ {PAYLOAD} }} }}"


async def create_list(
    api: Any, campaign_id: int, name: str = "Serums", items: list[dict[str, Any]] | None = None
) -> dict:
    data = await api(
        CREATE, {"i": {"campaignId": gid("Campaign", campaign_id), "name": name, "items": items or []}}
    )
    payload = data["productListCreate"]
    assert payload["userErrors"] == [], payload
    return payload["productList"]


async def create_link(api: Any, list_id: str) -> dict:
    data = await api(
        "mutation($i: ShareLinkCreateInput!) { shareLinkCreate(input: $i) { shareLink { id token url revokedAt } "
        "userErrors { field message code } } }",
        {"i": {"listId": list_id}},
    )
    assert data["shareLinkCreate"]["userErrors"] == [], data
    return data["shareLinkCreate"]["shareLink"]
