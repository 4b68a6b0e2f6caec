"""Campaigns (agency): create, edit under the 30-minute rule, publish, withdraw a pending change, and apply
pending changes when they fall due (before campaigns are read, and from the sweeper).

Every write is one UnitOfWork. The whole input is checked first and every broken rule is reported together
(DomainErrors); nothing is written then. Races are settled by conditional updates: a campaign edit bumps the
`version` it read (a lost race is CONFLICT), a pending change moves out of PENDING at most once. Each change
writes an AuditEvent (subject "Campaign").

Values travel in API form, keyed by the API field names of CampaignPendingValues: that is the form
of a pending change's `changes` JSON and of the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import (
    CampaignStatus,
    Market,
    PendingChangeStatus,
)
from server.runtime import Runtime
from server.services import agency_markets, audit, notifications
from server.services.campaign_checks import (
    TIMES,
    CampaignInput,
    InputCheck,
    check_periods,
    checked_fields,
    checked_shop_ids,
    raise_errors,
    shops_by_code,
)
from server.services.campaign_events import CampaignChangeKind, announce
from server.services.campaign_rules import EDIT_DELAY, campaign_status
from server.services.campaign_values import (
    COLUMNS,
    api_changes,
    claim_version,
    effective_values,
    from_api,
    own_campaign,
    pending_of,
    to_api,
    utc_text,
    write_values,
)
from server.services.errors import DomainError, not_found
from server.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class UpdateResult:
    campaign: models.Campaign
    pending_change: models.CampaignPendingChange | None  # set when the edit waits out EDIT_DELAY

    @property
    def applied_now(self) -> bool:
        return self.pending_change is None


def _audit(
    uow: UnitOfWork, actor: Principal | None, campaign: models.Campaign, action: str, changes: dict[str, Any]
) -> None:
    """The campaign's audit event: the campaign is its subject (`actor` None: the platform itself)."""
    audit.record(
        uow,
        actor,
        subject_type="Campaign",
        subject_id=campaign.id,
        campaign_id=campaign.id,
        action=action,
        changes=changes,
    )


async def create(
    rt: Runtime,
    principal: Principal,
    market: Market,
    data: CampaignInput,
    *,
    duplicated_from: int | None = None,
) -> models.Campaign:
    """A new, unpublished (READY) campaign of the principal's agency (a copy of `duplicated_from`, audited so)."""
    now = rt.clock.now()
    check = InputCheck()
    required = {
        "name": data.name,
        "commissionRequirementBps": data.commission_requirement_bps,
        "contact": data.contact,
        **{name: getattr(data, COLUMNS[name]) for name in TIMES},
        "targeting": data.targeting,
    }
    for name, value in required.items():
        if value is None:
            check.fail("REQUIRED", f"{name} is required", name)
    values: dict[str, Any] = {
        "description": "",
        "sellerRequirements": "",
        **checked_fields(check, data, market),
    }
    check_periods(check, values)
    if values.get("campaignStart") is not None and values["campaignStart"] <= now:
        check.fail(
            "START_IN_PAST",
            f"The campaign must start in the future (now is {utc_text(now)})",
            "campaignStart",
        )
    async with UnitOfWork(rt) as uow:
        if (why := await agency_markets.not_served(uow, principal.organisation_id, market)) is not None:
            check.fail("MARKET_NOT_SERVED", why, "market")
        shop_ids = await checked_shop_ids(check, uow.session, values, market)
        raise_errors(check)
        campaign = models.Campaign(
            agency_id=principal.organisation_id,
            market=market,
            published=False,
            version=1,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(campaign)
        await write_values(uow.session, campaign, values, shop_ids)
        _audit(
            uow,
            principal,
            campaign,
            "campaign.create",
            {
                **api_changes({}, values),
                **({"duplicatedFrom": [None, duplicated_from]} if duplicated_from else {}),
            },
        )
    return campaign


async def update_campaign(
    rt: Runtime, principal: Principal, campaign_id: int, data: CampaignInput
) -> UpdateResult:
    """Before the first publish an edit applies at once; after it, it waits EDIT_DELAY as the one pending change."""
    await apply_due_pending_changes(rt, campaign_id=campaign_id)
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        campaign = await own_campaign(s, principal, campaign_id, "id")
        status = campaign_status(campaign, now)
        if status is CampaignStatus.CLOSED:
            raise DomainError("CLOSED", "The campaign has ended; it can no longer be edited")
        pending = await pending_of(s, campaign.id)
        if pending is not None:
            raise DomainError(
                "CHANGE_PENDING",
                f"An earlier edit applies at {utc_text(pending.applies_at)}; you can edit again after that "
                "(or cancel it)",
                editable_at=pending.applies_at,
            )
        immediate = campaign.first_published_at is None
        effective_at = now if immediate else now + EDIT_DELAY
        current = await effective_values(s, campaign)
        check = InputCheck()
        given = checked_fields(check, data, campaign.market)
        changed = {name: value for name, value in given.items() if value != current[name]}
        merged = {**current, **changed}
        check_periods(check, merged)
        starts = {"registrationStart", "campaignStart"} & set(changed)
        start_at = check.at("campaignStart", "registrationStart")
        if starts and status is CampaignStatus.ONGOING:
            check.fail("NOT_EDITABLE", "The campaign has started; its start can no longer change", start_at)
        elif starts and not immediate and campaign.published and campaign.campaign_start <= effective_at:
            check.fail(
                "NOT_EDITABLE",
                f"The campaign starts at {utc_text(campaign.campaign_start)}, before this change could apply "
                f"({utc_text(effective_at)}); its start can no longer change",
                start_at,
            )
        elif starts and merged["campaignStart"] <= effective_at:
            check.fail("START_IN_PAST", f"The new start must be after {utc_text(effective_at)}", start_at)
        for name in ("registrationEnd", "campaignEnd"):
            if name in changed and merged[name] <= effective_at:
                check.fail("INVALID_PERIOD", f"The new end must be after {utc_text(effective_at)}", name)
        if changed and not immediate and campaign.campaign_end <= effective_at:
            check.fail(
                "NOT_EDITABLE",
                f"The campaign ends at {utc_text(campaign.campaign_end)}, before this change could apply "
                f"({utc_text(effective_at)})",
            )
        shop_ids = await checked_shop_ids(check, s, merged, campaign.market)
        raise_errors(check)
        if not changed:
            raise DomainError("NO_CHANGE", "Nothing to change: the input matches the campaign")
        await claim_version(s, campaign)
        audit_changes = api_changes(current, changed)
        if immediate:
            campaign.updated_at = now
            await write_values(s, campaign, changed, shop_ids)
            _audit(uow, principal, campaign, "campaign.update", audit_changes)
            announce(uow, campaign.id, campaign.agency_id, campaign.market, CampaignChangeKind.EDITED)
            return UpdateResult(campaign=campaign, pending_change=None)
        pending = models.CampaignPendingChange(
            campaign_id=campaign.id,
            changes={name: to_api(name, value) for name, value in changed.items()},
            requested_by_user_id=principal.user_id,
            requested_at=now,
            applies_at=effective_at,
            status=PendingChangeStatus.PENDING,
        )
        s.add(pending)
        await s.flush()
        _audit(uow, principal, campaign, "campaign.change.request", audit_changes)
        announce(uow, campaign.id, campaign.agency_id, campaign.market, CampaignChangeKind.CHANGE_REQUESTED)
        return UpdateResult(campaign=campaign, pending_change=pending)


async def set_published(
    rt: Runtime, principal: Principal, campaign_id: int, published: bool
) -> models.Campaign:
    """Publish (the first time also sets first_published_at) or unpublish; setting the current state is a no-op."""
    await apply_due_pending_changes(rt, campaign_id=campaign_id)
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        campaign = await own_campaign(s, principal, campaign_id, "id")
        if campaign_status(campaign, now) is CampaignStatus.CLOSED:
            raise DomainError(
                "CLOSED", "The campaign has ended; it can no longer be published or unpublished"
            )
        if campaign.published == published:
            return campaign
        first_publish = published and campaign.first_published_at is None
        values: dict[str, Any] = {
            "published": published,
            "version": models.Campaign.version + 1,
            "updated_at": now,
        }
        if first_publish:
            values["first_published_at"] = now
        result = await s.execute(
            update(models.Campaign)
            .where(models.Campaign.id == campaign.id, models.Campaign.published.is_(not published))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if (
            rowcount(result) != 1
            and await s.scalar(select(models.Campaign.id).where(models.Campaign.id == campaign.id)) is None
        ):
            raise not_found("Campaign", ["input", "id"])  # a draft deleted while this publish ran
        await s.refresh(campaign)
        if rowcount(result) != 1:  # someone else just did the same
            return campaign
        changes: dict[str, list[Any]] = {"published": [not published, published]}
        if first_publish:
            changes["firstPublishedAt"] = [None, now.isoformat()]
        _audit(uow, principal, campaign, "campaign.publish" if published else "campaign.unpublish", changes)
        kind = CampaignChangeKind.PUBLISHED if published else CampaignChangeKind.UNPUBLISHED
        announce(uow, campaign.id, campaign.agency_id, campaign.market, kind)
    return campaign


async def cancel_pending_change(rt: Runtime, principal: Principal, campaign_id: int) -> models.Campaign:
    """Withdraws the pending change before it applies; editing is open again at once."""
    await apply_due_pending_changes(rt, campaign_id=campaign_id)
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        campaign = await own_campaign(s, principal, campaign_id, "campaignId")
        pending = await pending_of(s, campaign.id)
        cancelled = (
            pending is not None
            and rowcount(
                await s.execute(
                    update(models.CampaignPendingChange)
                    .where(
                        models.CampaignPendingChange.id == pending.id,
                        models.CampaignPendingChange.status == PendingChangeStatus.PENDING,
                        models.CampaignPendingChange.applies_at > now,
                    )
                    .values(status=PendingChangeStatus.CANCELLED, cancelled_at=now)
                    .execution_options(synchronize_session=False)
                )
            )
            == 1
        )
        if pending is None or not cancelled:
            raise DomainError(
                "NO_PENDING_CHANGE", "The campaign has no pending change to cancel", ["input", "campaignId"]
            )
        current = await effective_values(s, campaign)
        _audit(
            uow,
            principal,
            campaign,
            "campaign.change.cancel",
            {name: [to_api(name, current[name]), value] for name, value in pending.changes.items()},
        )
        announce(uow, campaign.id, campaign.agency_id, campaign.market, CampaignChangeKind.CHANGE_CANCELLED)
    return campaign


async def apply_due_pending_changes(rt: Runtime, *, campaign_id: int | None = None) -> int:
    """Applies every pending change whose time has come (of one campaign, or all); returns how many this call
    applied. One SELECT when none is due. Safe to run in several processes at once: each change is claimed with
    a conditional UPDATE, so exactly one caller applies it."""
    now = rt.clock.now()
    due = select(models.CampaignPendingChange.id).where(
        models.CampaignPendingChange.status == PendingChangeStatus.PENDING,
        models.CampaignPendingChange.applies_at <= now,
    )
    if campaign_id is not None:
        due = due.where(models.CampaignPendingChange.campaign_id == campaign_id)
    async with rt.sessionmaker() as session:
        change_ids = list(
            (await session.scalars(due.order_by(models.CampaignPendingChange.applies_at))).all()
        )
    applied = 0
    for change_id in change_ids:
        applied += await _apply(rt, change_id, now)
    return applied


async def _apply(rt: Runtime, change_id: int, now: datetime) -> bool:
    async with UnitOfWork(rt) as uow:
        s = uow.session
        claimed = await s.execute(
            update(models.CampaignPendingChange)
            .where(
                models.CampaignPendingChange.id == change_id,
                models.CampaignPendingChange.status == PendingChangeStatus.PENDING,
                models.CampaignPendingChange.applies_at <= now,
            )
            .values(status=PendingChangeStatus.APPLIED, applied_at=now)
            .execution_options(synchronize_session=False)
        )
        if rowcount(claimed) != 1:
            return False  # applied or cancelled by someone else meanwhile
        change = await s.get_one(models.CampaignPendingChange, change_id)
        campaign = await s.get_one(models.Campaign, change.campaign_id)
        current = await effective_values(s, campaign)
        values = {name: from_api(name, value) for name, value in change.changes.items()}
        shop_ids: dict[str, int] = {}
        if values.get("targetShopCodes"):
            shop_ids = await shops_by_code(s, values["targetShopCodes"], campaign.market)
            values["targetShopCodes"] = tuple(code for code in values["targetShopCodes"] if code in shop_ids)
        campaign.updated_at = change.applies_at
        campaign.version = models.Campaign.version + 1
        await write_values(s, campaign, values, shop_ids)
        _audit(uow, None, campaign, "campaign.change.apply", api_changes(current, values))
        announce(uow, campaign.id, campaign.agency_id, campaign.market, CampaignChangeKind.CHANGE_APPLIED)
        await notifications.notify(
            uow,
            recipient_organisation_id=campaign.agency_id,
            kind="CAMPAIGN_CHANGE_APPLIED",
            title=f"Your changes to {campaign.name} are live",
            body=f"Changed: {', '.join(change.changes)}. You can edit the campaign again.",
            subject_type="Campaign",
            subject_id=campaign.id,
            params={"campaign": campaign.name, "fields": ", ".join(change.changes)},
        )
    return True
