"""Demo product lists, share links and the creator side, written through the services over the past week.

The demo creator (creator@, Thai beauty) has offers from both demo agencies: Northstar's "Glow Up" list is
in its showcase (one sample delivered with a video posted, one sample waiting for the agency), and Lumen's
list offers one of the same products at a LOWER creator rate, so opening Lumen's link shows the lower-rate
notice. creator2@ opened Northstar's link without adding anything yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.auth.principal import Principal
from server.demo import data
from server.demo.campaigns import DAY, LUMEN, NORTHSTAR, at_time, principal_of
from server.models.enums import ContentKind, RegistrationStatus, Role, ShipmentStatus
from server.runtime import Runtime
from server.services import content, product_lists, sample_address, sample_shipment, samples, showcase
from server.services.product_lists import ItemSpec


@dataclass(frozen=True, slots=True)
class ListPlan:
    agency_email: str
    campaign: str
    name: str
    creator_share: tuple[int, ...]  # creator rate as a share of the total, in percent, per item (cycled)
    first: int  # how many approved registrations of the campaign (oldest first) go in


LISTS: tuple[ListPlan, ...] = (
    ListPlan(NORTHSTAR, "Glow Up Beauty Month", "Glow Up — skincare heroes", (70, 65, 75), first=4),
    ListPlan(NORTHSTAR, "Glow Up Beauty Month", "Glow Up — street style picks", (60,), first=8),
    ListPlan(LUMEN, "Lumen Beauty Edit Thailand", "Clean beauty picks", (45, 55), first=2),
    ListPlan(LUMEN, "Holiday Gifting USA", "Gifts under $100", (60,), first=2),
)
CREATOR = data.CREATORS[0].user_email  # Ploy | Beauty Diary (TH, beauty)
CREATOR2 = data.CREATORS[1].user_email
ADDRESS = sample_address.Address(
    recipient_name="Ploy Chanida",
    phone="+66 81 234 5678",
    line1="88/12 Sukhumvit Soi 31",
    line2="Unit 1204",
    city="Bangkok",
    region="Khlong Toei",
    postal_code="10110",
    country="TH",
)


def _creator_rate(total_bps: int, share_percent: int) -> int:
    """A round creator rate (whole 0.5 %) near `share_percent` of the total, at least 1 %."""
    return max(100, (total_bps * share_percent // 100) // 50 * 50)


async def _approved(s: AsyncSession, agency_id: int, campaign: str) -> tuple[int, list[tuple[int, int]]]:
    """(campaign id, [(registration id, total rate)] of its APPROVED registrations, oldest first)."""
    campaign_id = await s.scalar(
        select(models.Campaign.id).where(
            models.Campaign.agency_id == agency_id, models.Campaign.name == campaign
        )
    )
    assert campaign_id is not None, f"the campaigns step creates {campaign!r}"
    rows = await s.execute(
        select(models.Registration.id, models.Registration.total_rate_bps)
        .where(
            models.Registration.campaign_id == campaign_id,
            models.Registration.status == RegistrationStatus.APPROVED,
        )
        .order_by(models.Registration.id)
    )
    return campaign_id, [(row[0], row[1]) for row in rows]


async def offers_done(s: AsyncSession) -> bool:
    # The first list stands for the step: later lists may have nothing to hold in a world from an older data set.
    return (
        await s.scalar(select(models.ProductList.id).where(models.ProductList.name == LISTS[0].name))
        is not None
    )


async def load_offers(rt: Runtime) -> None:
    now = rt.clock.now()
    async with rt.sessionmaker() as s:
        existing = set((await s.scalars(select(models.ProductList.name))).all())
        agencies = {email: await principal_of(s, email, Role.AGENCY) for email in (NORTHSTAR, LUMEN)}
        creator = await principal_of(s, CREATOR, Role.CREATOR)
        creator2 = await principal_of(s, CREATOR2, Role.CREATOR)
    tokens: dict[str, str] = {}
    for plan in LISTS:
        if plan.name in existing:
            continue
        agency = agencies[plan.agency_email]
        async with rt.sessionmaker() as s:
            campaign_id, approved = await _approved(s, agency.organisation_id, plan.campaign)
        items = [
            ItemSpec(registration_id, _creator_rate(total, plan.creator_share[i % len(plan.creator_share)]))
            for i, (registration_id, total) in enumerate(approved[: plan.first])
        ]
        if not items:  # an older data set without this campaign's shops
            continue
        when = at_time(rt, now, -7 * DAY)
        row = await product_lists.create_list(
            when, agency, campaign_id=campaign_id, name=plan.name, items=items
        )
        link = await product_lists.create_share_link(when, agency, list_id=row.id)
        tokens[plan.name] = link.token
    if {"Glow Up — skincare heroes", "Clean beauty picks"} <= tokens.keys():
        await _creator_side(rt, now, agencies[NORTHSTAR], creator, creator2, tokens)


async def _creator_side(
    rt: Runtime,
    now: datetime,
    northstar: Principal,
    creator: Principal,
    creator2: Principal,
    tokens: dict[str, str],
) -> None:
    glow, lumen = tokens["Glow Up — skincare heroes"], tokens["Clean beauty picks"]
    await showcase.open_share_link(at_time(rt, now, -6 * DAY), creator, glow)
    added = await showcase.add_to_showcase(
        at_time(rt, now, -6 * DAY), creator, token=glow, accept_terms=True, item_ids=None, choices={}
    )
    # Lumen offers the same serum for less: the creator opened the link and kept what it had.
    offer = await showcase.open_share_link(at_time(rt, now, -2 * DAY), creator, lumen)
    assert offer is not None
    others = [item.list_item_id for item in offer.items if item.notice is None]
    if others:
        await showcase.add_to_showcase(
            at_time(rt, now, -2 * DAY), creator, token=lumen, accept_terms=True, item_ids=others, choices={}
        )
    await showcase.open_share_link(at_time(rt, now, -1 * DAY), creator2, glow)

    delivered_entry, waiting_entry = added.entry_ids[0], added.entry_ids[1]
    sample_id = await samples.request_sample(
        at_time(rt, now, -6 * DAY + timedelta(hours=2)),
        creator,
        showcase_entry_id=delivered_entry,
        address=ADDRESS,
    )
    await samples.review_sample(
        at_time(rt, now, -5 * DAY), northstar, sample_id=sample_id, approve=True, reason=None
    )
    async with rt.sessionmaker() as s:
        shop_code = await s.scalar(
            select(models.Shop.shop_code)
            .join(models.Product, models.Product.shop_id == models.Shop.organisation_id)
            .join(models.SampleRequest, models.SampleRequest.product_id == models.Product.id)
            .where(models.SampleRequest.id == sample_id)
        )
        owner = next(seed.user_email for seed in data.SHOPS if seed.shop_code == shop_code)
        seller = await principal_of(s, owner, Role.SELLER)
    await sample_shipment.update_shipment(
        at_time(rt, now, -5 * DAY + timedelta(hours=6)),
        seller,
        sample_id=sample_id,
        status=ShipmentStatus.SHIPPED,
        carrier="Kerry Express",
        tracking_number="KEX0012345678TH",
        note=None,
    )
    await sample_shipment.update_shipment(
        at_time(rt, now, -3 * DAY),
        seller,
        sample_id=sample_id,
        status=ShipmentStatus.DELIVERED,
        carrier=None,
        tracking_number=None,
        note="Left with the condo reception.",
    )
    await content.record_content(
        at_time(rt, now, -1 * DAY),
        creator,
        showcase_entry_id=delivered_entry,
        kind=ContentKind.VIDEO,
        url="https://www.tiktok.com/@ploy.beautydiary/video/7431234567890123456",
        posted_at=None,
    )
    await samples.request_sample(
        at_time(rt, now, -timedelta(hours=5)), creator, showcase_entry_id=waiting_entry, address=ADDRESS
    )
