"""Drafts and the archive: delete a draft, start a new draft from any campaign, archive a closed one.

- Delete: only a draft that was never published (READY and no first publish). Such a campaign has no
  registrations, lists or orders (sellers never saw it); its selected shops and pending changes go with it and an
  audit event stays. One conditional DELETE decides a race with publishing: it removes the row only while it is
  still unpublished and never published, so of "delete" and "publish" sent together exactly one wins and the
  other is told why (NOT_DELETABLE, or NOT_FOUND for the publish that came second).
- Duplicate: a new READY campaign with every field of the source (its effective values, not a pending change)
  except the periods, which the input gives; the name too when the input gives one. Every rule of a new
  campaign applies (a future start, the market served by the agency, shop codes that still exist).
- Archive: a CLOSED campaign leaves the agency's default campaign list; it stays readable by id, in the list
  with `filter.archived`, and exportable. Unarchiving brings it back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import CampaignStatus
from server.runtime import Runtime
from server.services import audit, campaign_checks, campaigns
from server.services.campaign_events import CampaignChangeKind, announce
from server.services.campaign_rules import campaign_status
from server.services.errors import DomainError, not_found
from server.services.unit_of_work import UnitOfWork

C = models.Campaign


async def _own(uow: UnitOfWork, principal: Principal, campaign_id: int) -> models.Campaign:
    campaign = await uow.session.scalar(
        select(C).where(C.id == campaign_id, C.agency_id == principal.organisation_id)
    )
    if campaign is None:
        raise not_found("Campaign", ["input", "id"])
    return campaign


async def delete_draft(rt: Runtime, principal: Principal, campaign_id: int) -> None:
    async with UnitOfWork(rt) as uow:
        campaign = await _own(uow, principal, campaign_id)
        if campaign.first_published_at is not None or campaign.published:
            raise DomainError(
                "NOT_DELETABLE",
                "Only a draft that was never published can be deleted; unpublish this one instead (sellers have "
                "seen it)",
                ["input", "id"],
            )
        name = campaign.name
        deleted = await uow.session.execute(
            delete(C)
            .where(C.id == campaign_id, C.published.is_(False), C.first_published_at.is_(None))
            .execution_options(synchronize_session=False)
        )
        if rowcount(deleted) != 1:  # published (or deleted) by a concurrent request after the read
            raise DomainError(
                "NOT_DELETABLE",
                "The campaign was published meanwhile; it can no longer be deleted",
                ["input", "id"],
            )
        uow.session.expunge(campaign)
        audit.record(
            uow,
            principal,
            subject_type="Campaign",
            subject_id=campaign_id,
            action="campaign.delete",
            changes={"name": [name, None]},
        )
        announce(uow, campaign_id, principal.organisation_id, campaign.market, CampaignChangeKind.DELETED)


async def duplicate(
    rt: Runtime,
    principal: Principal,
    campaign_id: int,
    *,
    name: str | None,
    registration_end: datetime,
    campaign_start: datetime,
    campaign_end: datetime,
) -> models.Campaign:
    async with rt.sessionmaker() as s:
        source = await s.scalar(
            select(C).where(C.id == campaign_id, C.agency_id == principal.organisation_id)
        )
        if source is None:
            raise not_found("Campaign", ["input", "id"])
        codes = tuple(
            (
                await s.scalars(
                    select(models.Shop.shop_code)
                    .join(
                        models.CampaignTargetShop,
                        models.CampaignTargetShop.shop_id == models.Shop.organisation_id,
                    )
                    .where(models.CampaignTargetShop.campaign_id == campaign_id)
                    .order_by(models.Shop.shop_code)
                )
            ).all()
        )
    data = campaign_checks.CampaignInput(
        name=source.name if name is None else name,
        description=source.description,
        seller_requirements=source.seller_requirements,
        commission_requirement_bps=source.commission_requirement_bps,
        contact=campaign_checks.Contact(
            email=source.contact_email,
            phone=source.contact_phone,
            messenger=source.messenger,
            messenger_handle=source.messenger_handle,
        ),
        registration_start=campaign_start,
        registration_end=registration_end,
        campaign_start=campaign_start,
        campaign_end=campaign_end,
        targeting=campaign_checks.Targeting(
            mode=source.targeting_mode, shop_codes=codes or None, seller_type=source.target_seller_type
        ),
    )
    return await campaigns.create(rt, principal, source.market, data, duplicated_from=source.id)


async def set_archived(
    rt: Runtime, principal: Principal, campaign_id: int, archived: bool
) -> models.Campaign:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        campaign = await _own(uow, principal, campaign_id)
        if campaign_status(campaign, now) is not CampaignStatus.CLOSED:
            raise DomainError(
                "NOT_CLOSED",
                "Only a closed campaign can be archived; it closes when its campaign period ends",
                ["input", "id"],
            )
        if (campaign.archived_at is not None) == archived:
            return campaign
        result = await uow.session.execute(
            update(C)
            .where(C.id == campaign_id, C.archived_at.is_(None) if archived else C.archived_at.is_not(None))
            .values(archived_at=now if archived else None)
            .execution_options(synchronize_session=False)
        )
        await uow.session.refresh(campaign)
        if rowcount(result) == 1:
            audit.record(
                uow,
                principal,
                subject_type="Campaign",
                subject_id=campaign_id,
                campaign_id=campaign_id,
                action="campaign.archive" if archived else "campaign.unarchive",
                changes={"archived": [not archived, archived]},
            )
            kind = CampaignChangeKind.ARCHIVED if archived else CampaignChangeKind.UNARCHIVED
            announce(uow, campaign_id, campaign.agency_id, campaign.market, kind)
    return campaign
