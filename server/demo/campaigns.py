"""Demo campaigns and registrations in every state, written through the services as if they happened over
the past weeks (each action runs on a runtime whose clock is set to when it happened).

The demo agency (agency@) and seller (seller@) can walk the whole flow right after `make run`: "Glow Up
Beauty Month" is ONGOING with registration open, seller@ has products left to register, and the agency has
PENDING registrations to review and a cancellation request to decide.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.auth.principal import Principal
from server.clock import FrozenClock
from server.demo import data
from server.models.enums import Market, Messenger, RejectReason, Role, SellerType, TargetingMode
from server.runtime import Runtime
from server.services import campaigns, registration_sweep, registrations
from server.services.campaign_checks import CampaignInput, Contact, Targeting
from server.services.registration_rules import ReviewDecision
from server.services.registrations import ItemSpec

DAY = timedelta(days=1)
MESSENGER = {
    Market.TH: (Messenger.LINE, "@northstar.th"),
    Market.VN: (Messenger.ZALO, "0901234567"),
    Market.US: (Messenger.WHATSAPP, "+1 415 555 0134"),
    Market.GB: (Messenger.WHATSAPP, "+44 20 7946 0321"),
    Market.MY: (Messenger.WHATSAPP, "+60 3 2712 3456"),
}


# What happens to a shop's registrations in a campaign, in order of its catalogue (newest products last).
# Each letter is one product: A approve, P leave pending, R reject, F reject forever, W withdraw,
# C approve then the seller asks to cancel (PENDING_CLOSED), X approve then cancellation approved (CLOSED).
@dataclass(frozen=True, slots=True)
class ShopPlan:
    shop_code: str
    outcomes: str
    rate_bps: int
    skip: int = 0  # catalogue products to leave out first (so two campaigns pick different products)


@dataclass(frozen=True, slots=True)
class CampaignPlan:
    agency_email: str
    name: str
    market: Market
    description: str
    seller_requirements: str
    commission_requirement_bps: int
    created: timedelta  # relative to now
    start: timedelta
    registration_end: timedelta
    end: timedelta
    published: bool
    selected_codes: tuple[str, ...] = ()
    seller_type: SellerType | None = None
    shops: tuple[ShopPlan, ...] = ()
    pending_edit: bool = False  # published, then edited a few minutes ago: the change is still pending


NORTHSTAR = data.AGENCIES[0].user_email
LUMEN = data.AGENCIES[1].user_email

PLANS: tuple[CampaignPlan, ...] = (
    CampaignPlan(
        NORTHSTAR,
        "Glow Up Beauty Month",
        Market.TH,
        "Skincare and personal care for the cool season: serums, sunscreen and body care, pushed by beauty "
        "creators with weekly LIVE sessions.",
        "Beauty & Personal Care or Health sellers rated 4.5+, ships within 48 h, at least 20 units in stock.",
        1000,
        created=-14 * DAY,
        start=-10 * DAY,
        registration_end=12 * DAY,
        end=25 * DAY,
        published=True,
        shops=(
            ShopPlan("THCBELNL4Y", "AAAACXPPPRFW", 1800),
            ShopPlan("THBKKSTW9R", "AAP", 1500),
            ShopPlan("THSZGADG42", "PP", 1200),
        ),
    ),
    CampaignPlan(
        NORTHSTAR,
        "12.12 Mega Fashion Sale",
        Market.TH,
        "Year-end fashion push for 12.12 with creator try-on hauls. Selected shops only.",
        "Selected fashion and beauty shops; free returns within 7 days.",
        1500,
        created=-3 * DAY,
        start=6 * DAY,
        registration_end=16 * DAY,
        end=30 * DAY,
        published=True,
        selected_codes=("THBKKSTW9R", "THCBELNL4Y"),
    ),
    CampaignPlan(
        NORTHSTAR,
        "Songkran Water Festival 2027",
        Market.TH,
        "Waterproof gear, sunscreen and festival fashion for Songkran. Draft: not published yet.",
        "Waterproof or outdoor products; stock for at least 200 orders.",
        1200,
        created=-1 * DAY,
        start=120 * DAY,
        registration_end=135 * DAY,
        end=150 * DAY,
        published=False,
    ),
    CampaignPlan(
        NORTHSTAR,
        "Back to School Tech",
        Market.TH,
        "Laptops accessories, headphones and chargers for the new term.",
        "Electronics sellers with official warranty.",
        800,
        created=-80 * DAY,
        start=-70 * DAY,
        registration_end=-40 * DAY,
        end=-10 * DAY,
        published=True,
        shops=(ShopPlan("THSZGADG42", "AAR", 1000, skip=2), ShopPlan("THCBELNL4Y", "A", 1000, skip=12)),
    ),
    CampaignPlan(
        NORTHSTAR,
        "Tết Home Refresh",
        Market.VN,
        "Home and kitchen refresh before Tết: storage, decor and small appliances.",
        "Home & Living sellers in Vietnam; local warehouse.",
        1000,
        created=-6 * DAY,
        start=-4 * DAY,
        registration_end=20 * DAY,
        end=40 * DAY,
        published=True,
        seller_type=SellerType.LOCAL,
        shops=(ShopPlan("VNNHAXINH7", "AAP", 1500),),
        pending_edit=True,
    ),
    CampaignPlan(
        LUMEN,
        "Lumen Beauty Edit Thailand",
        Market.TH,
        "Lumen's curated clean-beauty edit for Thai creators.",
        "Clean-label skincare; ingredient list in Thai and English.",
        1200,
        created=-9 * DAY,
        start=-7 * DAY,
        registration_end=14 * DAY,
        end=30 * DAY,
        published=True,
        shops=(ShopPlan("THCBELNL4Y", "AAP", 2200),),
    ),
    CampaignPlan(
        LUMEN,
        "Holiday Gifting USA",
        Market.US,
        "Gift guides for the holidays: outdoor gear and gadgets under $100.",
        "US warehouse, 2-day shipping, gift wrap option.",
        1000,
        created=-20 * DAY,
        start=-15 * DAY,
        registration_end=10 * DAY,
        end=35 * DAY,
        published=True,
        shops=(ShopPlan("USPACOUT77", "AAPR", 1600),),
    ),
)


def at_time(rt: Runtime, now: datetime, offset: timedelta) -> Runtime:
    """The runtime as it was at now + offset: services read this clock for every rule and timestamp."""
    return dataclasses.replace(rt, clock=FrozenClock(now + offset))


async def principal_of(s: AsyncSession, email: str, role: Role) -> Principal:
    row = (
        await s.execute(
            select(models.User.id, models.Membership.organisation_id)
            .join(models.Membership, models.Membership.user_id == models.User.id)
            .where(models.User.email == email)
        )
    ).one()
    return Principal(user_id=row[0], role=role, organisation_id=row[1])


async def _seller_of(s: AsyncSession, shop_code: str) -> tuple[Principal, list[int]] | None:
    """The shop's owner and its products; None when this world has no such shop (an older data set)."""
    shop = next((seed for seed in data.SHOPS if seed.shop_code == shop_code), None)
    if shop is None:
        return None
    principal = await principal_of(s, shop.user_email, Role.SELLER)
    products = list(
        (
            await s.scalars(
                select(models.Product.id)
                .where(models.Product.shop_id == principal.organisation_id)
                .order_by(models.Product.id)
            )
        ).all()
    )
    return principal, products


def campaign_input(plan: CampaignPlan, now: datetime, agency: data.AgencySeed) -> CampaignInput:
    messenger, handle = MESSENGER[plan.market]
    start = (now + plan.start).replace(minute=0, second=0, microsecond=0)
    return CampaignInput(
        name=plan.name,
        description=plan.description,
        seller_requirements=plan.seller_requirements,
        commission_requirement_bps=plan.commission_requirement_bps,
        contact=Contact(email=agency.contact_email, messenger=messenger, messenger_handle=handle),
        registration_start=start,
        campaign_start=start,
        registration_end=(now + plan.registration_end).replace(minute=0, second=0, microsecond=0),
        campaign_end=(now + plan.end).replace(minute=0, second=0, microsecond=0),
        targeting=Targeting(
            mode=TargetingMode.SELECTED if plan.selected_codes else TargetingMode.OPEN,
            shop_codes=list(plan.selected_codes) or None,
            seller_type=plan.seller_type,
        ),
    )


async def campaigns_done(s: AsyncSession) -> bool:
    names = set((await s.scalars(select(models.Campaign.name))).all())
    return all(plan.name in names for plan in PLANS)


async def load_campaigns(rt: Runtime) -> None:
    now = rt.clock.now()
    async with rt.sessionmaker() as s:
        existing = set((await s.scalars(select(models.Campaign.name))).all())
        agencies = {seed.user_email: seed for seed in data.AGENCIES}
        principals = {email: await principal_of(s, email, Role.AGENCY) for email in agencies}
    for plan in PLANS:
        if plan.name in existing:
            continue
        agency = principals[plan.agency_email]
        created = await campaigns.create(
            at_time(rt, now, plan.created),
            agency,
            plan.market,
            campaign_input(plan, now, agencies[plan.agency_email]),
        )
        if plan.published:
            await campaigns.set_published(
                at_time(rt, now, plan.created + timedelta(hours=1)), agency, created.id, True
            )
        await register_plan(rt, now, plan, agency, created.id)
        if plan.pending_edit:
            edit = CampaignInput(
                description=plan.description + " Now with a Tết gift-set bundle brief.",
                registration_end=(now + plan.registration_end + 3 * DAY).replace(
                    minute=0, second=0, microsecond=0
                ),
            )
            await campaigns.update_campaign(at_time(rt, now, -timedelta(minutes=5)), agency, created.id, edit)
    await registration_sweep.close_registrations_of_ended_campaigns(rt)


async def register_plan(
    rt: Runtime, now: datetime, plan: CampaignPlan, agency: Principal, campaign_id: int
) -> None:
    # Registrations start a day after the campaign opens and are reviewed the day after.
    registered_at = plan.start + timedelta(hours=20)
    reviewed_at = registered_at + DAY
    for shop_plan in plan.shops:
        async with rt.sessionmaker() as s:
            found = await _seller_of(s, shop_plan.shop_code)
        if found is None:
            continue
        seller, products = found
        chosen = products[shop_plan.skip : shop_plan.skip + len(shop_plan.outcomes)]
        items = [
            ItemSpec(
                product_id=pid,
                total_rate_bps=shop_plan.rate_bps + 100 * (i % 3),
                sample_quota=5 + 5 * (i % 4),
            )
            for i, pid in enumerate(chosen)
        ]
        outcome = await registrations.create(
            at_time(rt, now, registered_at),
            seller,
            campaign_id=campaign_id,
            items=items,
            contact_email=next(x.contact_email for x in data.SHOPS if x.shop_code == shop_plan.shop_code),
            contact_whatsapp=None,
        )
        by_letter: dict[str, list[int]] = {}
        for letter, item in zip(shop_plan.outcomes, outcome.items, strict=True):
            assert item.registration is not None, item.errors
            by_letter.setdefault(letter, []).append(item.registration.id)
        await _decide(rt, now, reviewed_at, agency, seller, by_letter)


async def _decide(
    rt: Runtime, now: datetime, at: timedelta, agency: Principal, seller: Principal, ids: dict[str, list[int]]
) -> None:
    for registration_id in ids.get("W", []):
        await registrations.withdraw(at_time(rt, now, at - timedelta(hours=2)), seller, registration_id)
    approve = [*ids.get("A", []), *ids.get("C", []), *ids.get("X", [])]
    reviews: Sequence[tuple[list[int], ReviewDecision, RejectReason | None, str | None]] = (
        (approve, ReviewDecision.APPROVE, None, None),
        (
            ids.get("R", []),
            ReviewDecision.REJECT,
            RejectReason.COMMISSION_TOO_LOW,
            "Our creators need at least 20% on this category; happy to see it again at a higher rate.",
        ),
        (
            ids.get("F", []),
            ReviewDecision.REJECT_FOREVER,
            RejectReason.PRODUCT_HARD_TO_PROMOTE,
            "Not a fit for short-video creators.",
        ),
    )
    for registration_ids, decision, reason, note in reviews:
        if registration_ids:
            await registrations.review(
                at_time(rt, now, at),
                agency,
                ids=registration_ids,
                decision=decision,
                reason=reason,
                note=note,
            )
    for registration_id in [*ids.get("C", []), *ids.get("X", [])]:
        await registrations.request_cancellation(
            at_time(rt, now, at + DAY), seller, registration_id, "Stock for this product runs out this month."
        )
    for registration_id in ids.get("X", []):
        await registrations.decide_cancellation(
            at_time(rt, now, at + 2 * DAY),
            agency,
            registration_id,
            approve=True,
            note="Thanks for letting us know.",
        )
