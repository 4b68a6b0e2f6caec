"""Shared pieces of the campaign API tests: documents, a valid input, seeding and the "nothing changed" probe."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select

from server import models
from server.ids import decode_id
from server.models.enums import Market, MemberRole, RegistrationStatus, SellerType
from server.runtime import Runtime
from server.services import auth, onboarding
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import PASSWORD, Api, World, login_token

CAMPAIGN_FIELDS = """
  id name description market currency sellerRequirements commissionRequirementBps
  contact { email phone messenger messengerHandle }
  registrationStart registrationEnd campaignStart campaignEnd targetingMode targetSellerType targetShopCodes
  published firstPublishedAt createdAt updatedAt status registrationOpen editableAt
  pendingChange { requestedAt appliesAt requestedBy { fullName } changedFields
    values { name description sellerRequirements commissionRequirementBps contact { email phone messenger messengerHandle }
      registrationStart registrationEnd campaignStart campaignEnd targetingMode targetSellerType targetShopCodes } }
"""
ERRORS = "userErrors { field message code unknownShopCodes editableAt }"
CREATE = f"mutation($i: CampaignCreateInput!) {{ campaignCreate(input: $i) {{ campaign {{ {CAMPAIGN_FIELDS} }} {ERRORS} }} }}"
UPDATE = (
    "mutation($i: CampaignUpdateInput!) { campaignUpdate(input: $i) { "
    f"campaign {{ {CAMPAIGN_FIELDS} }} pendingChange {{ appliesAt changedFields }} appliedNow {ERRORS} }} }}"
)
PUBLISH = (
    "mutation($i: CampaignPublishInput!) { campaignPublish(input: $i) { "
    f"campaign {{ id published firstPublishedAt status }} {ERRORS} }} }}"
)
CANCEL = (
    "mutation($i: CampaignPendingChangeCancelInput!) { campaignPendingChangeCancel(input: $i) { "
    f"campaign {{ id name pendingChange {{ appliesAt }} editableAt }} {ERRORS} }} }}"
)
CAMPAIGN = f"query($id: ID!) {{ campaign(id: $id) {{ {CAMPAIGN_FIELDS} }} }}"


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat()


def valid_input(now: datetime, **overrides: Any) -> dict[str, Any]:
    """A TH campaign starting in a day and running ten days, open to every seller."""
    start = now + timedelta(days=1)
    data: dict[str, Any] = {
        "name": "Serum week",
        "description": "Serums for the dry season.",
        "market": "TH",
        "sellerRequirements": "Rated 4+",
        "commissionRequirementBps": 1000,
        "contact": {
            "email": "hello-a@agency.test",
            "phone": "+66 2 123 4567",
            "messenger": "LINE",
            "messengerHandle": "@agencya",
        },
        "registrationStart": iso(start),
        "registrationEnd": iso(start + timedelta(days=5)),
        "campaignStart": iso(start),
        "campaignEnd": iso(start + timedelta(days=10)),
        "targeting": {"mode": "OPEN"},
    }
    data.update(overrides)
    return data


async def create_campaign(api: Api, now: datetime, **overrides: Any) -> dict[str, Any]:
    payload = (await api(CREATE, {"i": valid_input(now, **overrides)}))["campaignCreate"]
    assert payload["userErrors"] == [], payload["userErrors"]
    return payload["campaign"]


async def publish(api: Api, campaign_id: str, published: bool = True) -> dict[str, Any]:
    payload = (await api(PUBLISH, {"i": {"id": campaign_id, "published": published}}))["campaignPublish"]
    assert payload["userErrors"] == [], payload["userErrors"]
    return payload["campaign"]


async def update(api: Api, campaign_id: str, **fields: Any) -> dict[str, Any]:
    return (await api(UPDATE, {"i": {"id": campaign_id, **fields}}))["campaignUpdate"]


def errors(payload: dict[str, Any]) -> list[tuple[str, list[str] | None]]:
    return [(e["code"], e["field"]) for e in payload["userErrors"]]


async def database_state(rt: Runtime) -> dict[str, Any]:
    """Everything a campaign mutation may write, to prove that a refused one wrote nothing."""
    async with rt.sessionmaker() as s:

        async def rows(model: Any) -> list[tuple[Any, ...]]:
            table = model.__table__
            return [
                tuple(r) for r in (await s.execute(select(table).order_by(*table.primary_key.columns))).all()
            ]

        return {
            "campaigns": await rows(models.Campaign),
            "targets": await rows(models.CampaignTargetShop),
            "pending": await rows(models.CampaignPendingChange),
            "audit": await s.scalar(select(func.count()).select_from(models.AuditEvent)),
            "notifications": await s.scalar(select(func.count()).select_from(models.Notification)),
        }


async def add_seller(
    rt: Runtime,
    http: httpx.AsyncClient,
    key: str,
    *,
    market: Market,
    code: str,
    seller_type: SellerType = SellerType.LOCAL,
) -> tuple[int, Api]:
    """Another shop with a logged-in seller: (shop id, its Api)."""
    email = f"{key}@test.local"
    async with UnitOfWork(rt) as uow:
        org = await onboarding.create_shop(
            uow,
            name=f"Shop {key}",
            shop_code=code,
            market=market,
            seller_type=seller_type,
            contact_email=f"{key}@shop.test",
            rating=40,
        )
        await auth.create_user(
            uow,
            organisation_id=org.id,
            email=email,
            password=PASSWORD,
            full_name=key,
            member_role=MemberRole.OWNER,
        )
    return org.id, Api(http, await login_token(http, email))


async def register(
    rt: Runtime, world: World, campaign_id: str, seller: str, product: int, status: RegistrationStatus
) -> None:
    """A registration row of the seller's n-th world product (seeded directly: these tests are about campaigns)."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        uow.session.add(
            models.Registration(
                campaign_id=decode_id(campaign_id, "Campaign"),
                product_id=world.products[seller][product],
                shop_id=world[seller].organisation_id,
                status=status,
                total_rate_bps=2000,
                contact_email="shop@shop.test",
                registered_at=now,
            )
        )
