"""Demo orders: weeks of order history, and the keys the live simulator signs with.

The history step plays the simulator's story (server/simulator.py) over the past weeks through the ingestion
service itself, each event on a runtime whose clock is set to when it happened, and settles what fell due on each
day, so that `make run` shows orders, estimated and settled commission and earnings right away.

Attributed orders need a collaboration older than the market's settlement window for anything to have settled:
Glow Up's showcase entries are only days old. So this step first runs one more Northstar campaign, "Skin Basics All
Year", from six weeks ago (through the same services as the campaigns and offers steps): Siam Glow Beauty
(seller@) registers three products, Northstar approves them and shares a list, and creator@ (Ploy) and creator3@
(Tee Fit BKK) add them to their showcases. Its products are not in any other demo list, so no other offer changes.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.demo import data
from server.demo.campaigns import (
    DAY,
    NORTHSTAR,
    CampaignPlan,
    ShopPlan,
    at_time,
    campaign_input,
    principal_of,
    register_plan,
)
from server.models.enums import Market, OrganisationKind, RegistrationStatus, Role
from server.runtime import Runtime
from server.services import campaigns, product_lists, showcase
from server.services.auth import create_integration_key
from server.services.orders.ingestion import ingest
from server.services.orders.settlement import settle_due_lines
from server.services.orders.signatures import Pusher, ShopRef
from server.services.unit_of_work import UnitOfWork
from server.simulator import OrderStory, SigningKey, load_catalogue

SIMULATOR_KEY_NAME = "Order simulator"
HISTORY_PREFIX = "DEMO"  # platform order ids of the history: DEMO-00001…
HISTORY = timedelta(days=38)
HISTORY_PACE = (timedelta(hours=6), timedelta(hours=40))  # between two events of one order
HISTORY_STEP = (60, 240)  # minutes between two events in the shops

EARLY = CampaignPlan(
    NORTHSTAR,
    "Skin Basics All Year",
    Market.TH,
    "Always-on skincare basics: cleansers, toners and moisturisers, promoted by beauty and fitness creators.",
    "Beauty & Personal Care sellers rated 4.5+, stock for at least 100 orders.",
    1000,
    created=-45 * DAY,
    start=-42 * DAY,
    registration_end=30 * DAY,
    end=60 * DAY,
    published=True,
    shops=(ShopPlan("THCBELNL4Y", "AAA", 2000, skip=20),),
)
EARLY_LIST = "Skin Basics — everyday heroes"
EARLY_CREATORS = ((data.CREATORS[0].user_email, -39 * DAY), (data.CREATORS[2].user_email, -30 * DAY))


async def orders_done(s: AsyncSession) -> bool:
    found = await s.scalar(
        select(models.Order.id).where(models.Order.platform_order_id.like(f"{HISTORY_PREFIX}-%")).limit(1)
    )
    return found is not None


async def load_order_history(rt: Runtime) -> None:
    now = rt.clock.now()
    await _early_collaboration(rt, now)
    async with rt.sessionmaker() as s:
        shops = {
            shop_id: ShopRef(shop_id, code, market)
            for shop_id, code, market in await s.execute(
                select(models.Shop.organisation_id, models.Shop.shop_code, models.Shop.market)
            )
        }
    story = OrderStory(
        await load_catalogue(rt),
        random.Random("matchup-demo/orders"),
        prefix=HISTORY_PREFIX,
        pace=HISTORY_PACE,
    )
    pacing = random.Random("matchup-demo/orders/pace")
    at = now - HISTORY
    settled_on = None
    while at < now - timedelta(minutes=10):
        then = at_time(rt, now, at - now)
        if at.date() != settled_on:
            await settle_due_lines(then)
            settled_on = at.date()
        made = story.next_event(at)
        if made is not None:
            shop_id, event = made
            (result,) = await ingest(then, Pusher(organisation_id=shop_id, shop=shops[shop_id]), [event])
            assert result.status == "applied", (event, result)
        at += timedelta(minutes=pacing.randint(*HISTORY_STEP))
    await settle_due_lines(rt)


async def _early_collaboration(rt: Runtime, now: datetime) -> None:
    """Skin Basics All Year, its list and two creators' showcases (skipped when the campaign is there)."""
    async with rt.sessionmaker() as s:
        if await s.scalar(select(models.Campaign.id).where(models.Campaign.name == EARLY.name)) is not None:
            return
        agency = await principal_of(s, NORTHSTAR, Role.AGENCY)
        creators = [(await principal_of(s, email, Role.CREATOR), at) for email, at in EARLY_CREATORS]
    seed = next(a for a in data.AGENCIES if a.user_email == NORTHSTAR)
    created = await campaigns.create(
        at_time(rt, now, EARLY.created), agency, EARLY.market, campaign_input(EARLY, now, seed)
    )
    await campaigns.set_published(
        at_time(rt, now, EARLY.created + timedelta(hours=1)), agency, created.id, True
    )
    await register_plan(rt, now, EARLY, agency, created.id)
    async with rt.sessionmaker() as s:
        approved = (
            await s.execute(
                select(models.Registration.id, models.Registration.total_rate_bps)
                .where(
                    models.Registration.campaign_id == created.id,
                    models.Registration.status == RegistrationStatus.APPROVED,
                )
                .order_by(models.Registration.id)
            )
        ).all()
    when = at_time(rt, now, -40 * DAY)
    items = [
        product_lists.ItemSpec(registration_id, total * 70 // 100 // 50 * 50)
        for registration_id, total in approved
    ]
    row = await product_lists.create_list(when, agency, campaign_id=created.id, name=EARLY_LIST, items=items)
    link = await product_lists.create_share_link(when, agency, list_id=row.id)
    for creator, at in creators:
        await showcase.open_share_link(at_time(rt, now, at), creator, link.token)
        await showcase.add_to_showcase(
            at_time(rt, now, at + timedelta(hours=1)),
            creator,
            token=link.token,
            accept_terms=True,
            item_ids=None,
            choices={},
        )


# ------------------------------------------------------------------------------------------------ simulator keys


async def simulator_keys(rt: Runtime) -> dict[int, SigningKey]:
    """A fresh integration key for every shop, for the simulator to sign with: keys are shown once and stored
    hashed, so the demo's own keys cannot be read back. The previous run's simulator keys are revoked."""
    async with UnitOfWork(rt) as uow:
        s = uow.session
        now = rt.clock.now()
        await s.execute(
            update(models.IntegrationKey)
            .where(
                models.IntegrationKey.name == SIMULATOR_KEY_NAME, models.IntegrationKey.revoked_at.is_(None)
            )
            .values(revoked_at=now)
        )
        shop_ids = list(
            await s.scalars(
                select(models.Organisation.id).where(
                    models.Organisation.kind == OrganisationKind.SHOP,
                    models.Organisation.deleted_at.is_(None),
                )
            )
        )
        keys = {}
        for shop_id in shop_ids:
            issued = await create_integration_key(uow, organisation_id=shop_id, name=SIMULATOR_KEY_NAME)
            keys[shop_id] = SigningKey(issued.api_key, issued.signing_secret)
    return keys
