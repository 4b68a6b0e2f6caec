"""Campaign-level changes, live: a thin event after commit to the agency and to the sellers who may see it.

Kinds the sellers' marketplace cares about (EDITED, CHANGE_APPLIED, PUBLISHED, UNPUBLISHED, CLOSED) go to the
agency's channel and to the campaign's market channel; so do the changes the agency schedules and cancels
(CHANGE_REQUESTED, CHANGE_CANCELLED), which a seller hears only while registered in the campaign (its history
shows them); the agency's own bookkeeping (ARCHIVED, UNARCHIVED, DELETED) goes to the agency's channel only. A subscriber re-reads the campaign
through its own row scope per event, so a seller hears of a campaign only while it may see it (a campaign it
was never shown stays unknown to it, even as an id) — and of the UNPUBLISHED that takes it off its marketplace
(as an id: it may no longer read the campaign).

A campaign closes by the clock, not by a write: the sweeper's `announce_closed_campaigns` claims each ended
campaign once (a conditional UPDATE of close_announced_at) and announces CLOSED.
"""

from __future__ import annotations

from sqlalchemy import select, update

from server import models
from server.events import channels
from server.models.enums import CampaignChangeKind, Market
from server.runtime import Runtime
from server.services import campaign_rules
from server.services.unit_of_work import UnitOfWork

SELLER_KINDS = frozenset(
    {
        CampaignChangeKind.EDITED,
        CampaignChangeKind.CHANGE_APPLIED,
        CampaignChangeKind.PUBLISHED,
        CampaignChangeKind.UNPUBLISHED,
        CampaignChangeKind.CLOSED,
    }
)
# Heard by the sellers registered in the campaign only: its history (Campaign.history) shows them the pending change.
REGISTERED_SELLER_KINDS = frozenset(
    {CampaignChangeKind.CHANGE_REQUESTED, CampaignChangeKind.CHANGE_CANCELLED}
)


def announce(
    uow: UnitOfWork, campaign_id: int, agency_id: int, market: Market, kind: CampaignChangeKind
) -> None:
    event = {"id": campaign_id, "kind": kind.value, "at": uow.rt.clock.now().isoformat()}
    uow.publish_after_commit(channels.campaigns_of_agency(agency_id), event)
    if kind in SELLER_KINDS or kind in REGISTERED_SELLER_KINDS:
        uow.publish_after_commit(channels.campaigns_of_market(market.value), event)


async def announce_closed_campaigns(rt: Runtime) -> int:
    """Announces CLOSED once for every campaign whose end has passed; returns how many this call announced."""
    c = models.Campaign
    async with UnitOfWork(rt) as uow:
        now = rt.clock.now()
        rows = (
            await uow.session.execute(
                update(c)
                .where(c.campaign_end <= now, c.close_announced_at.is_(None))
                .values(close_announced_at=now)
                .returning(c.id, c.agency_id, c.market)
                .execution_options(synchronize_session=False)
            )
        ).all()
        for campaign_id, agency_id, market in rows:
            announce(uow, campaign_id, agency_id, market, CampaignChangeKind.CLOSED)
    return len(rows)


async def was_on_marketplace_of(rt: Runtime, campaign_id: int, shop_id: int) -> bool:
    """Whether the shop's marketplace showed the campaign before it was unpublished: every rule of the
    marketplace but publication. A seller hears UNPUBLISHED only then, so the event leaks no campaign it was
    never shown."""
    c = models.Campaign
    async with rt.sessionmaker() as session:
        stmt = select(c.id).where(
            c.id == campaign_id, campaign_rules.visible_to_shop(shop_id, published_only=False)
        )
        return (await session.execute(stmt)).first() is not None


async def registered_in(rt: Runtime, campaign_id: int, shop_id: int) -> bool:
    """Whether the shop has registered anything in the campaign (whatever became of it): who reads its history."""
    c = models.Campaign
    async with rt.sessionmaker() as session:
        stmt = select(c.id).where(c.id == campaign_id, campaign_rules.registered_by_shop(shop_id))
        return (await session.execute(stmt)).first() is not None
