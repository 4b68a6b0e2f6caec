"""Campaign rules that depend on the clock: status, whether registration is open, who may see a campaign.

Pure functions and SQL predicates; every caller passes `now` from the one injectable clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, case, exists, literal, or_, select

from server import models
from server.models.enums import CampaignStatus, RegistrationStatus, TargetingMode

EDIT_DELAY = timedelta(minutes=30)  # an edit after the first publish applies this much later
MAX_PERIOD = timedelta(days=360)  # campaign end - start must be shorter
MAX_TARGET_SHOPS = 100
MAX_BATCH = 100  # items in one registrationCreate / registrationReview call


def campaign_status(campaign: models.Campaign, now: datetime) -> CampaignStatus:
    if now >= campaign.campaign_end:
        return CampaignStatus.CLOSED
    if not campaign.published:
        return CampaignStatus.READY
    if now < campaign.campaign_start:
        return CampaignStatus.UPCOMING
    return CampaignStatus.ONGOING


def registration_open(campaign: models.Campaign, now: datetime) -> bool:
    """Registration opens with the campaign (registration start = campaign start) and ends at registration end."""
    return (
        campaign.published
        and campaign.registration_start <= now < campaign.registration_end
        and (now < campaign.campaign_end)
    )


def registration_open_sql(now: datetime) -> ColumnElement[bool]:
    """registration_open() as a SQL predicate."""
    c = models.Campaign
    return and_(
        c.published.is_(True), c.registration_start <= now, c.registration_end > now, c.campaign_end > now
    )


def status_sql(now: datetime) -> ColumnElement[str]:
    """campaign_status() as a SQL expression, for filtering and counting."""
    c = models.Campaign
    return case(
        (c.campaign_end <= now, literal(CampaignStatus.CLOSED.value)),
        (c.published.is_(False), literal(CampaignStatus.READY.value)),
        (c.campaign_start > now, literal(CampaignStatus.UPCOMING.value)),
        else_=literal(CampaignStatus.ONGOING.value),
    )


def status_is(statuses: list[CampaignStatus], now: datetime) -> ColumnElement[bool]:
    c = models.Campaign
    parts = {
        CampaignStatus.CLOSED: c.campaign_end <= now,
        CampaignStatus.READY: and_(c.campaign_end > now, c.published.is_(False)),
        CampaignStatus.UPCOMING: and_(c.campaign_end > now, c.published.is_(True), c.campaign_start > now),
        CampaignStatus.ONGOING: and_(c.campaign_end > now, c.published.is_(True), c.campaign_start <= now),
    }
    return or_(*(parts[s] for s in statuses))


def visible_to_shop(shop_id: int, *, published_only: bool = True) -> ColumnElement[bool]:
    """The seller marketplace: published, the shop's market, open or targeting the shop, its seller type.
    With published_only=False: the campaigns the shop would see once published (or saw before unpublishing)."""
    c, shop = models.Campaign, models.Shop
    targeted = exists().where(
        models.CampaignTargetShop.campaign_id == c.id, models.CampaignTargetShop.shop_id == shop_id
    )
    return c.id.in_(
        select(c.id)
        .join(shop, shop.organisation_id == shop_id)
        .where(
            c.published.is_(True) if published_only else literal(True),
            c.market == shop.market,
            or_(c.targeting_mode == TargetingMode.OPEN, targeted),
            or_(c.target_seller_type.is_(None), c.target_seller_type == shop.seller_type),
        )
    )


def joined_by_shop(shop_id: int) -> ColumnElement[bool]:
    """Campaigns the shop has joined: it registered a product there and did not withdraw it."""
    r = models.Registration
    return models.Campaign.id.in_(
        select(r.campaign_id).where(r.shop_id == shop_id, r.status != RegistrationStatus.WITHDRAWN)
    )


def registered_by_shop(shop_id: int) -> ColumnElement[bool]:
    """Campaigns the shop has registrations in (it keeps seeing them after unpublishing or targeting changes)."""
    return models.Campaign.id.in_(
        select(models.Registration.campaign_id).where(models.Registration.shop_id == shop_id)
    )
