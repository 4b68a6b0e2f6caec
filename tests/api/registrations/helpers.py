"""Campaigns as rows (the campaign service is tested on its own), GraphQL documents and small API helpers for
the registration tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from server import models
from server.ids import encode_id
from server.models.enums import Market, RegistrationStatus, SellerType, TargetingMode
from server.runtime import Runtime
from server.services import catalogue
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import Api, World

REGISTRATION_FIELDS = """
  id status totalRateBps sampleQuota shopAdsRateBps contactEmail contactWhatsapp rejectReason rejectNote
  registeredAt decidedAt cancellationRequestedAt closedAt bookmarked
"""
ERRORS = "userErrors { field message code }"
CREATE = f"""mutation($input: RegistrationCreateInput!) {{ registrationCreate(input: $input) {{
  registrations {{ {REGISTRATION_FIELDS} }}
  results {{ index productId registration {{ {REGISTRATION_FIELDS} }} {ERRORS} }}
  {ERRORS}
}} }}"""
REVIEW = f"""mutation($input: RegistrationReviewInput!) {{ registrationReview(input: $input) {{
  results {{ id registration {{ {REGISTRATION_FIELDS} }} {ERRORS} }}
  {ERRORS}
}} }}"""


def single(mutation: str, input_type: str) -> str:
    return f"""mutation($input: {input_type}!) {{ {mutation}(input: $input) {{
  registration {{ {REGISTRATION_FIELDS} }} {ERRORS}
}} }}"""


WITHDRAW = single("registrationWithdraw", "RegistrationIdInput")
QUOTA = single("registrationSampleQuotaIncrease", "RegistrationSampleQuotaIncreaseInput")
CANCEL_REQUEST = single("registrationCancellationRequest", "RegistrationCancellationRequestInput")
CANCEL_DECIDE = single("registrationCancellationDecide", "RegistrationCancellationDecideInput")
BOOKMARK = single("bookmarkSet", "BookmarkSetInput")
NODE = f"query($id: ID!) {{ node(id: $id) {{ ... on Registration {{ {REGISTRATION_FIELDS} }} }} }}"
HISTORY = """query($id: ID!) { node(id: $id) { ... on Registration { history {
  id at action actorName actorRole fromStatus toStatus reason note changes { field from to }
} } } }"""


def cid(pk: int) -> str:
    return encode_id("Campaign", pk)


def pid(pk: int) -> str:
    return encode_id("Product", pk)


def rid(pk: int) -> str:
    return encode_id("Registration", pk)


def pk_of(global_id: str) -> int:
    from server.ids import decode_any_id

    return decode_any_id(global_id)[1]


async def make_campaign(
    rt: Runtime,
    world: World,
    agency: str = "agency_a",
    *,
    market: Market = Market.TH,
    published: bool = True,
    start: timedelta = timedelta(0),
    registration_days: int = 7,
    campaign_days: int = 14,
    requirement_bps: int = 1000,
    targeting: TargetingMode = TargetingMode.OPEN,
    target_shops: tuple[str, ...] = (),
    seller_type: SellerType | None = None,
    name: str = "Serum week",
) -> int:
    """A campaign row (the campaign service's rules are tested elsewhere): by default published, open to the TH
    sellers, registration open now for 7 days, running 14 days."""
    now = rt.clock.now()
    begins = now + start
    async with UnitOfWork(rt) as uow:
        campaign = models.Campaign(
            agency_id=world[agency].organisation_id,
            name=name,
            description="",
            market=market,
            seller_requirements="",
            commission_requirement_bps=requirement_bps,
            contact_email="hello@agency.test",
            registration_start=begins,
            registration_end=begins + timedelta(days=registration_days),
            campaign_start=begins,
            campaign_end=begins + timedelta(days=campaign_days),
            targeting_mode=targeting,
            target_seller_type=seller_type,
            published=published,
            first_published_at=now if published else None,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(campaign)
        await uow.session.flush()
        for shop in target_shops:
            uow.session.add(
                models.CampaignTargetShop(campaign_id=campaign.id, shop_id=world[shop].organisation_id)
            )
    return campaign.id


async def make_products(
    rt: Runtime, world: World, seller: str, n: int, *, price_minor: int = 10000
) -> list[int]:
    ids = []
    async with UnitOfWork(rt) as uow:
        for i in range(n):
            product = await catalogue.create_product(
                uow,
                shop_id=world[seller].organisation_id,
                title=f"{seller} extra {i}",
                category="Home & Living",
                description="",
                image_url=None,
                skus=[catalogue.SkuSpec(seller_sku=f"X{i}", name=None, price_minor=price_minor + i, stock=3)],
            )
            ids.append(product.id)
    return ids


def item(product_id: int | str, rate: int = 2000, **extra: Any) -> dict[str, Any]:
    return {
        "productId": product_id if isinstance(product_id, str) else pid(product_id),
        "totalRateBps": rate,
        **extra,
    }


async def register(
    api: Api,
    campaign_id: int,
    *items: dict[str, Any],
    email: str = "shop@shop.test",
    whatsapp: str | None = None,
) -> dict[str, Any]:
    data = await api(
        CREATE,
        {
            "input": {
                "campaignId": cid(campaign_id),
                "items": list(items),
                "contactEmail": email,
                "contactWhatsapp": whatsapp,
            }
        },
    )
    return data["registrationCreate"]


async def register_one(api: Api, campaign_id: int, product_id: int, rate: int = 2000, **extra: Any) -> int:
    """Registers one product and returns the registration's primary key (asserting it worked)."""
    payload = await register(api, campaign_id, item(product_id, rate, **extra))
    assert payload["userErrors"] == [] and payload["results"][0]["userErrors"] == [], payload
    return pk_of(payload["registrations"][0]["id"])


async def review(
    api: Api, ids: list[int | str], decision: str, reason: str | None = None, note: str | None = None
) -> dict[str, Any]:
    data = await api(
        REVIEW,
        {
            "input": {
                "ids": [i if isinstance(i, str) else rid(i) for i in ids],
                "decision": decision,
                "reason": reason,
                "note": note,
            }
        },
    )
    return data["registrationReview"]


async def approve(api: Api, registration_id: int) -> None:
    payload = await review(api, [registration_id], "APPROVE")
    assert payload["results"][0]["userErrors"] == [], payload


async def status_of(rt: Runtime, registration_id: int) -> RegistrationStatus:
    async with rt.sessionmaker() as s:
        return await s.scalar(
            select(models.Registration.status).where(models.Registration.id == registration_id)
        )


async def state(rt: Runtime) -> dict[str, Any]:
    """Everything a registration mutation may change, to prove that a refused one changed nothing."""
    r = models.Registration
    async with rt.sessionmaker() as s:
        registrations = (
            await s.execute(
                select(
                    r.id, r.status, r.version, r.sample_quota, r.total_rate_bps, r.reject_reason, r.closed_at
                ).order_by(r.id)
            )
        ).all()
        counts = {
            model.__name__: await s.scalar(select(func.count()).select_from(model))
            for model in (models.AuditEvent, models.Notification, models.Bookmark)
        }
    return {"registrations": [tuple(row) for row in registrations], **counts}


async def audit_actions(rt: Runtime, registration_id: int) -> list[str]:
    a = models.AuditEvent
    async with rt.sessionmaker() as s:
        return list(
            (
                await s.scalars(
                    select(a.action)
                    .where(a.subject_type == "Registration", a.subject_id == registration_id)
                    .order_by(a.id)
                )
            ).all()
        )


async def notifications_of(rt: Runtime, organisation_id: int) -> list[models.Notification]:
    n = models.Notification
    async with rt.sessionmaker() as s:
        return list(
            (
                await s.scalars(
                    select(n)
                    .where(n.recipient_organisation_id == organisation_id, n.kind.like("REGISTRATION_%"))
                    .order_by(n.id)
                )
            ).all()
        )


def moment(rt: Runtime) -> datetime:
    return rt.clock.now()


def error(code: str, *field: str | int) -> dict[str, Any]:
    """A userError as the API returns it, without its message (compare with `codes_and_fields`)."""
    return {"code": code, "field": [str(f) for f in field]}


def codes_and_fields(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"code": e["code"], "field": e["field"]} for e in errors]


async def registrations_in_a_new_campaign(rt: Runtime, world: World, as_role: Any, n: int) -> None:
    """`n` of seller_a's products registered in a new campaign of agency_a, every other one approved."""
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    for i, product in enumerate(await make_products(rt, world, "seller_a", n)):
        registration = await register_one(seller, campaign, product)
        if i % 2:
            await approve(agency, registration)
