"""The demo world: a platform, agencies, shops with catalogues, creators and their logins.

`load_demo_world(rt)` runs `STEPS` in order. Each step is one transaction and idempotent: `done` looks for
what the step writes and the step is skipped when it is there, so a second load changes nothing and a world
loaded by an older version gains only the steps added since. Later issues append steps (campaigns,
registrations, lists, showcases, orders) to `STEPS`.

Everything is written through the services (onboarding, catalogue, auth), never around them. Content is
deterministic: each step draws from its own `random.Random` seeded with a fixed string, so appending a step
or a shop never changes what the others generate. Times come from `rt.clock`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.db import count_of
from server.demo import data
from server.demo.campaigns import campaigns_done, load_campaigns
from server.demo.catalogue import plan_catalogue, rng_for, slug
from server.demo.data import DEMO_PASSWORD
from server.demo.offers import load_offers, offers_done
from server.demo.orders import load_order_history, orders_done
from server.demo.summary import DemoApiKey, DemoCounts, DemoLogin, DemoSummary
from server.models.enums import (
    KIND_ROLE,
    MemberRole,
    OrganisationKind,
)
from server.runtime import Runtime
from server.services import auth
from server.services.auth import create_integration_key, create_user
from server.services.catalogue import create_product
from server.services.onboarding import create_agency, create_creator, create_platform, create_shop
from server.services.unit_of_work import UnitOfWork

PRIMARY_LOGINS = (
    data.OPERATOR[0],
    *(a.user_email for a in data.AGENCIES),
    *(s.user_email for s in data.SHOPS[:2]),
    *(c.user_email for c in data.CREATORS[:2]),
)


# ---------------------------------------------------------------------------------------------- summary


# ---------------------------------------------------------------------------------------------- steps


@dataclass(slots=True)
class DemoLoad:
    """State shared by the steps of one load."""

    api_keys: list[DemoApiKey] = field(default_factory=list)
    steps_run: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DemoStep:
    """`run` writes in the step's one transaction; a step that acts through business services (which open
    their own transactions, one per action) gives `act` instead."""

    name: str
    done: Callable[[AsyncSession], Awaitable[bool]]
    run: Callable[[UnitOfWork, DemoLoad], Awaitable[None]] | None = None
    act: Callable[[Runtime], Awaitable[None]] | None = None


async def _user_exists(s: AsyncSession, email: str) -> bool:
    return await count_of(s, select(func.count()).where(models.User.email == email)) > 0


async def _existing_emails(s: AsyncSession, emails: list[str]) -> set[str]:
    return set((await s.execute(select(models.User.email).where(models.User.email.in_(emails)))).scalars())


async def _platform_id(s: AsyncSession) -> int | None:
    return await s.scalar(
        select(models.Organisation.id).where(models.Organisation.kind == OrganisationKind.PLATFORM)
    )


async def _shop_ids(s: AsyncSession) -> dict[str, int]:
    rows = await s.execute(
        select(models.Shop.shop_code, models.Shop.organisation_id).where(
            models.Shop.shop_code.in_([shop.shop_code for shop in data.SHOPS])
        )
    )
    return {code: org_id for code, org_id in rows}


async def _add_owner(uow: UnitOfWork, organisation_id: int, email: str, full_name: str) -> None:
    await create_user(
        uow,
        organisation_id=organisation_id,
        email=email,
        password=DEMO_PASSWORD,
        password_hash=_demo_password_hash(),
        full_name=full_name,
        member_role=MemberRole.OWNER,
    )


# Each step's rows are identified by natural keys (owner emails, shop codes, handles): a step creates the ones
# that are missing, so a world loaded from an older data set is completed rather than duplicated.


# -- platform ---------------------------------------------------------------------------------------------


async def _platform_done(s: AsyncSession) -> bool:
    return await _user_exists(s, data.OPERATOR[0])


async def _platform_run(uow: UnitOfWork, load: DemoLoad) -> None:
    platform_id = await _platform_id(uow.session)
    if platform_id is None:  # a database may already have its operator organisation
        platform_id = (await create_platform(uow, name=data.PLATFORM_NAME)).id
    await _add_owner(uow, platform_id, *data.OPERATOR)


# -- agencies ---------------------------------------------------------------------------------------------


async def _agencies_done(s: AsyncSession) -> bool:
    emails = [a.user_email for a in data.AGENCIES]
    return len(await _existing_emails(s, emails)) == len(emails)


async def _agencies_run(uow: UnitOfWork, load: DemoLoad) -> None:
    existing = await _existing_emails(uow.session, [a.user_email for a in data.AGENCIES])
    for seed in data.AGENCIES:
        if seed.user_email in existing:
            continue
        org = await create_agency(
            uow, name=seed.name, markets=seed.markets, contact_email=seed.contact_email, website=seed.website
        )
        await _add_owner(uow, org.id, seed.user_email, seed.user_name)


# -- shops ------------------------------------------------------------------------------------------------


async def _shops_done(s: AsyncSession) -> bool:
    return len(await _shop_ids(s)) == len(data.SHOPS)


async def _shops_run(uow: UnitOfWork, load: DemoLoad) -> None:
    existing = await _shop_ids(uow.session)
    for seed in data.SHOPS:
        if seed.shop_code in existing:
            continue
        org = await create_shop(
            uow,
            name=seed.name,
            shop_code=seed.shop_code,
            market=seed.market,
            seller_type=seed.seller_type,
            contact_email=seed.contact_email,
            rating=seed.rating,
        )
        await _add_owner(uow, org.id, seed.user_email, seed.user_name)


# -- catalogue --------------------------------------------------------------------------------------------


async def _catalogue_done(s: AsyncSession) -> bool:
    shop_ids = list((await _shop_ids(s)).values())
    stocked = await s.scalar(
        select(func.count(distinct(models.Product.shop_id))).where(models.Product.shop_id.in_(shop_ids))
    )
    return stocked == len(data.SHOPS)


async def _catalogue_run(uow: UnitOfWork, load: DemoLoad) -> None:
    s = uow.session
    shop_ids = await _shop_ids(s)
    stocked = set(
        (
            await s.execute(
                select(models.Product.shop_id).distinct().where(models.Product.shop_id.in_(shop_ids.values()))
            )
        )
        .scalars()
        .all()
    )
    for shop in data.SHOPS:
        shop_id = shop_ids[shop.shop_code]
        if shop_id in stocked:
            continue
        for plan in plan_catalogue(shop):
            await create_product(
                uow,
                shop_id=shop_id,
                title=plan.title,
                category=plan.category,
                description=plan.description,
                image_url=plan.image_url,
                skus=plan.skus,
            )


# -- creators ---------------------------------------------------------------------------------------------


def creator_followers() -> list[int]:
    """Follower counts for `data.CREATORS`, log-spread between 2k and 2M."""
    rng = rng_for("creators", "followers")
    return [rng.randint(*rng.choice(data.FOLLOWER_BUCKETS)) for _ in data.CREATORS]


async def _creator_handles(s: AsyncSession) -> set[str]:
    handles = [c.handle for c in data.CREATORS]
    rows = await s.execute(
        select(models.CreatorProfile.handle).where(models.CreatorProfile.handle.in_(handles))
    )
    return set(rows.scalars())


async def _creators_done(s: AsyncSession) -> bool:
    return len(await _creator_handles(s)) == len(data.CREATORS)


async def _creators_run(uow: UnitOfWork, load: DemoLoad) -> None:
    existing = await _creator_handles(uow.session)
    for seed, followers in zip(data.CREATORS, creator_followers(), strict=True):
        if seed.handle in existing:
            continue
        org = await create_creator(
            uow,
            handle=seed.handle,
            display_name=seed.display_name,
            market=seed.market,
            followers=followers,
            categories=seed.categories,
            avatar_url=f"https://picsum.photos/seed/creator-{slug(seed.handle)}/200/200",
            bio=seed.bio,
        )
        await _add_owner(uow, org.id, seed.user_email, seed.user_name)


# -- integration keys -------------------------------------------------------------------------------------


async def _keyed_organisations(s: AsyncSession) -> set[int]:
    """Demo organisations (the platform, the demo shops) that already have their demo key."""
    rows = await s.execute(
        select(models.IntegrationKey.organisation_id).where(
            models.IntegrationKey.name.in_([data.PLATFORM_KEY_NAME, data.SHOP_KEY_NAME])
        )
    )
    return set(rows.scalars())


async def _keys_done(s: AsyncSession) -> bool:
    platform_id = await _platform_id(s)
    wanted = {platform_id, *(await _shop_ids(s)).values()}
    return wanted <= await _keyed_organisations(s)


async def _keys_run(uow: UnitOfWork, load: DemoLoad) -> None:
    s = uow.session
    keyed = await _keyed_organisations(s)
    platform_id = await _platform_id(s)
    assert platform_id is not None, "the platform step runs first"
    shop_ids = await _shop_ids(s)
    wanted = [
        (platform_id, data.PLATFORM_NAME, data.PLATFORM_KEY_NAME),
        *((shop_ids[shop.shop_code], shop.name, data.SHOP_KEY_NAME) for shop in data.SHOPS),
    ]
    for organisation_id, organisation, name in wanted:
        if organisation_id in keyed:
            continue
        issued = await create_integration_key(uow, organisation_id=organisation_id, name=name)
        load.api_keys.append(DemoApiKey(organisation, name, issued.api_key))


STEPS: list[DemoStep] = [
    DemoStep("platform", _platform_done, _platform_run),
    DemoStep("agencies", _agencies_done, _agencies_run),
    DemoStep("shops", _shops_done, _shops_run),
    DemoStep("catalogue", _catalogue_done, _catalogue_run),
    DemoStep("creators", _creators_done, _creators_run),
    DemoStep("integration_keys", _keys_done, _keys_run),
    DemoStep("campaigns", campaigns_done, act=load_campaigns),
    DemoStep("offers", offers_done, act=load_offers),
    DemoStep("orders", orders_done, act=load_order_history),
]


# ---------------------------------------------------------------------------------------------- load


@cache
def _demo_password_hash() -> str:
    """Every demo user has the same password: hash it once (argon2 takes ~80 ms per hash)."""
    return auth.hash_password(DEMO_PASSWORD)


async def load_demo_world(rt: Runtime) -> DemoSummary:
    """Load the demo world, step by step; a step already present is skipped. Returns what the world holds."""
    load = DemoLoad()
    for step in STEPS:
        if step.act is not None:
            async with rt.sessionmaker() as s:
                if await step.done(s):
                    continue
            await step.act(rt)
        else:
            assert step.run is not None
            async with UnitOfWork(rt) as uow:
                if await step.done(uow.session):
                    continue
                await step.run(uow, load)
        load.steps_run.append(step.name)
    async with rt.sessionmaker() as s:
        counts = await _counts(s)
        logins = await _logins(s)
    return DemoSummary(
        counts=counts,
        logins=logins,
        api_keys=tuple(load.api_keys) if load.api_keys else None,
        steps_run=tuple(load.steps_run),
    )


def demo_emails() -> list[str]:
    return [
        data.OPERATOR[0],
        *(a.user_email for a in data.AGENCIES),
        *(s.user_email for s in data.SHOPS),
        *(c.user_email for c in data.CREATORS),
    ]


async def _counts(s: AsyncSession) -> DemoCounts:
    shop_ids = list((await _shop_ids(s)).values())
    platform_id = await _platform_id(s)
    handles = [c.handle for c in data.CREATORS]
    shop_markets = (
        await s.execute(
            select(models.Shop.market).distinct().where(models.Shop.organisation_id.in_(shop_ids))
        )
    ).scalars()
    creator_markets = (
        await s.execute(
            select(models.CreatorProfile.market).distinct().where(models.CreatorProfile.handle.in_(handles))
        )
    ).scalars()
    key_orgs = [*shop_ids, *([platform_id] if platform_id is not None else [])]
    return DemoCounts(
        agencies=await count_of(
            s,
            select(func.count()).where(
                models.Organisation.kind == OrganisationKind.AGENCY,
                models.Organisation.name.in_([a.name for a in data.AGENCIES]),
            ),
        ),
        shops=len(shop_ids),
        shop_markets=tuple(sorted(m.value for m in shop_markets)),
        products=await count_of(s, select(func.count()).where(models.Product.shop_id.in_(shop_ids))),
        skus=await count_of(
            s,
            select(func.count())
            .select_from(models.Sku)
            .join(models.Product, models.Product.id == models.Sku.product_id)
            .where(models.Product.shop_id.in_(shop_ids)),
        ),
        creators=await count_of(s, select(func.count()).where(models.CreatorProfile.handle.in_(handles))),
        creator_markets=tuple(sorted(m.value for m in creator_markets)),
        users=await count_of(s, select(func.count()).where(models.User.email.in_(demo_emails()))),
        integration_keys=await count_of(
            s,
            select(func.count()).where(
                models.IntegrationKey.organisation_id.in_(key_orgs),
                models.IntegrationKey.name.in_([data.PLATFORM_KEY_NAME, data.SHOP_KEY_NAME]),
            ),
        ),
    )


async def _logins(s: AsyncSession) -> tuple[DemoLogin, ...]:
    emails = demo_emails()
    rows = await s.execute(
        select(models.User.email, models.Organisation.kind, models.Organisation.name)
        .join(models.Membership, models.Membership.user_id == models.User.id)
        .join(models.Organisation, models.Organisation.id == models.Membership.organisation_id)
        .where(models.User.email.in_(emails))
    )
    found = {email: (kind, name) for email, kind, name in rows}
    return tuple(
        DemoLogin(email, KIND_ROLE[found[email][0]], found[email][1], email in PRIMARY_LOGINS)
        for email in emails
        if email in found
    )
