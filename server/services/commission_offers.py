"""commissionOffers: every offer open to a creator through links it opened, grouped by product (best rate first)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.rates import rate_in_force
from server.runtime import Runtime
from server.search import contains, contains_pattern
from server.services import offer_rules
from server.services.showcase import active_entries
from server.services.showcase_views import (
    CommissionOffer,
    ProductOffers,
)


async def commission_offers(
    rt: Runtime, principal: Principal, *, first: int, search: str | None
) -> list[ProductOffers]:
    """Every offer open to the creator through links it opened, grouped by product; best rate first."""
    creator_id = principal.organisation_id
    now = rt.clock.now()
    stmt = (
        select(
            models.ProductListItem.id,
            models.ProductListItem.creator_rate_bps,
            models.Registration.product_id,
            models.Registration.sample_quota,
            offer_rules.consumed_samples().label("consumed"),
            models.Campaign.name.label("campaign_name"),
            models.Campaign.campaign_end,
            models.Organisation.name.label("agency_name"),
            models.ShareLink.token,
        )
        .select_from(models.LinkOpen)
        .join(models.ShareLink, models.ShareLink.id == models.LinkOpen.share_link_id)
        .join(models.ProductListItem, models.ProductListItem.list_id == models.ShareLink.list_id)
        .join(models.Registration, models.Registration.id == models.ProductListItem.registration_id)
        .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
        .join(models.Organisation, models.Organisation.id == models.Campaign.agency_id)
        .where(
            models.LinkOpen.creator_id == creator_id,
            models.ShareLink.revoked_at.is_(None),
            offer_rules.offerable(now),
        )
    )
    if (pattern := contains_pattern(search)) is not None:
        stmt = stmt.join(models.Product, models.Product.id == models.Registration.product_id).where(
            contains(models.Product.title, pattern)
        )
    async with rt.sessionmaker() as session:
        rows = (await session.execute(stmt)).all()
        active = await active_entries(session, creator_id, (r.product_id for r in rows))
    grouped: dict[int, list[CommissionOffer]] = defaultdict(list)
    for row in rows:
        current = active.get(row.product_id)
        grouped[row.product_id].append(
            CommissionOffer(
                list_item_id=row.id,
                creator_rate_bps=row.creator_rate_bps,
                campaign_name=row.campaign_name,
                campaign_end=row.campaign_end,
                agency_name=row.agency_name,
                samples_left=offer_rules.samples_left(row.sample_quota, row.consumed),
                token=row.token,
                in_showcase=current is not None and current[0].list_item_id == row.id,
            )
        )
    products: list[ProductOffers] = []
    for product_id, offers in grouped.items():
        offers.sort(key=lambda o: (-o.creator_rate_bps, -o.campaign_end.timestamp(), o.list_item_id))
        current = active.get(product_id)
        products.append(
            ProductOffers(
                product_id=product_id,
                offers=offers,
                active_rate_bps=None
                if current is None
                else rate_in_force(
                    current[0].creator_rate_bps,
                    current[0].pending_rate_bps,
                    current[0].pending_rate_effective_at,
                    now,
                ),
            )
        )
    products.sort(key=lambda p: (-p.best_rate_bps, p.product_id))
    return products[:first]
