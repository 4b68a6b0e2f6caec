"""Free samples: the creator requests one for a product in its showcase, the campaign's agency approves it
against the registration's quota (or rejects it), the seller ships it, and the creator owes content within
14 days of delivery (one 7-day extension). The shipping address is for the seller and the creator only.

Every transition is a conditional update (a lost race is a userError, never a double effect), writes an
audit event, notifies the parties concerned and publishes sampleStatusChanged to each of them after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Row, Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.events import channels
from server.models.enums import RegistrationStatus, SampleStatus, ShowcaseStatus
from server.runtime import Runtime
from server.services import audit, offer_rules
from server.services.errors import DomainError, not_found
from server.services.notifications import creator_name, notify
from server.services.sample_address import Address, check_address, stripped
from server.services.unit_of_work import UnitOfWork

REASON_MAX = 500

# --- helpers -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parties:
    creator_id: int
    agency_id: int
    shop_id: int


def publish_status(
    uow: UnitOfWork, parties: Parties | Row[*tuple[Any, ...]], sample_id: int, status: SampleStatus
) -> None:
    """To the creator, the campaign's agency and the product's seller; each re-reads through its own scope."""
    event = {"type": "SampleStatusChanged", "id": sample_id, "status": status.value}
    for organisation_id in (parties.creator_id, parties.agency_id, parties.shop_id):
        uow.publish_after_commit(channels.samples_of_org(organisation_id), event)


def sample_stmt() -> Any:
    """A sample request with the parties and names every transition needs."""
    return (
        select(
            models.SampleRequest,
            models.SampleRequest.creator_id,
            models.Campaign.agency_id,
            models.Registration.shop_id,
            models.Registration.status.label("registration_status"),
            models.Campaign.id.label("campaign_id"),
            models.Campaign.campaign_end,
            models.Product.title,
        )
        .join(models.Registration, models.Registration.id == models.SampleRequest.registration_id)
        .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
        .join(models.Product, models.Product.id == models.SampleRequest.product_id)
    )


_Columns = TypeVarTuple("_Columns")


def active_entry_of(stmt: Select[*_Columns], *, showcase_entry_id: int, creator_id: int) -> Select[*_Columns]:
    """`stmt` (over ShowcaseEntry) narrowed to the creator's ACTIVE entry `showcase_entry_id`, joined to its
    registration, campaign and product."""
    return (
        stmt.join(models.Registration, models.Registration.id == models.ShowcaseEntry.registration_id)
        .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
        .join(models.Product, models.Product.id == models.ShowcaseEntry.product_id)
        .where(
            models.ShowcaseEntry.id == showcase_entry_id,
            models.ShowcaseEntry.creator_id == creator_id,
            models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
        )
    )


async def load_sample(uow: UnitOfWork, *where: ColumnElement[bool]) -> Row[Any]:
    """The sample request `where` picks, as sample_stmt reads it; NOT_FOUND (at input.id) when there is none."""
    row = (await uow.session.execute(sample_stmt().where(*where))).first()
    if row is None:
        raise not_found("Sample request", ["input", "id"])
    return row


async def _lock_quota(uow: UnitOfWork, registration_id: int) -> int:
    """Samples left on the registration, with its row locked so concurrent approvals queue up (PostgreSQL;
    SQLite serialises writers anyway)."""
    quota = await uow.session.scalar(
        select(models.Registration.sample_quota)
        .where(models.Registration.id == registration_id)
        .with_for_update()
    )
    consumed = await uow.session.scalar(
        select(func.count(models.SampleRequest.id)).where(
            models.SampleRequest.registration_id == registration_id,
            models.SampleRequest.status.in_(offer_rules.CONSUMED_SAMPLE_STATUSES),
        )
    )
    return offer_rules.samples_left(quota or 0, consumed or 0)


async def transition_sample(
    uow: UnitOfWork, sample: models.SampleRequest, expected: SampleStatus, **values: Any
) -> None:
    result = await uow.session.execute(
        update(models.SampleRequest)
        .where(models.SampleRequest.id == sample.id, models.SampleRequest.status == expected)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if rowcount(result) != 1:
        raise DomainError(
            "CONFLICT", "The sample request changed at the same time. Reload and try again.", ["input"]
        )


# --- creator: request ----------------------------------------------------------------------------------------


async def request_sample(
    rt: Runtime, principal: Principal, *, showcase_entry_id: int, address: Address
) -> int:
    creator_id = principal.organisation_id
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        row = (
            await s.execute(
                active_entry_of(
                    select(
                        models.ShowcaseEntry,
                        models.Registration.status,
                        models.Campaign.campaign_end,
                        models.Campaign.id,
                        models.Campaign.agency_id,
                        models.Registration.shop_id,
                        models.Product.title,
                    ),
                    showcase_entry_id=showcase_entry_id,
                    creator_id=creator_id,
                )
            )
        ).first()
        if row is None:
            raise DomainError(
                "NOT_IN_SHOWCASE",
                "Add the product to your showcase before requesting a sample",
                ["input", "showcaseEntryId"],
            )
        entry, registration_status, campaign_end, campaign_id, agency_id, shop_id, title = row
        if registration_status != RegistrationStatus.APPROVED or campaign_end <= now:
            raise DomainError(
                "NOT_AVAILABLE",
                "Samples are no longer offered for this product",
                ["input", "showcaseEntryId"],
            )
        earlier = await s.scalar(
            select(func.count(models.SampleRequest.id)).where(
                models.SampleRequest.creator_id == creator_id,
                or_(
                    models.SampleRequest.registration_id == entry.registration_id,
                    (models.SampleRequest.product_id == entry.product_id)
                    & (models.SampleRequest.status != SampleStatus.REJECTED),
                ),
            )
        )
        if earlier:
            raise DomainError(
                "ALREADY_REQUESTED",
                "You already requested a sample of this product",
                ["input", "showcaseEntryId"],
            )
        if await _lock_quota(uow, entry.registration_id) <= 0:
            raise DomainError(
                "QUOTA_EXHAUSTED", "No samples of this product are left", ["input", "showcaseEntryId"]
            )
        clean = check_address(address, ["input", "address"])
        sample = models.SampleRequest(
            creator_id=creator_id,
            registration_id=entry.registration_id,
            product_id=entry.product_id,
            showcase_entry_id=entry.id,
            status=SampleStatus.REQUESTED,
            recipient_name=clean.recipient_name,
            phone=clean.phone,
            line1=clean.line1,
            line2=clean.line2,
            city=clean.city,
            region=clean.region,
            postal_code=clean.postal_code,
            country=clean.country,
            created_at=now,
        )
        s.add(sample)
        try:
            await s.flush()
        except IntegrityError:
            raise DomainError(
                "ALREADY_REQUESTED",
                "You already requested a sample of this product",
                ["input", "showcaseEntryId"],
            ) from None
        audit.record(
            uow,
            principal,
            subject_type="SampleRequest",
            subject_id=sample.id,
            action="sample.request",
            campaign_id=campaign_id,
            changes={"status": [None, SampleStatus.REQUESTED.value]},
        )
        name = await creator_name(uow, creator_id)
        await notify(
            uow,
            recipient_organisation_id=agency_id,
            kind="SAMPLE_REQUESTED",
            title=f"{name} requested a sample",
            body=f"{title}: approve or reject the request.",
            subject_type="SampleRequest",
            subject_id=sample.id,
            params={"creator": name, "product": title},
        )
        publish_status(uow, Parties(creator_id, agency_id, shop_id), sample.id, SampleStatus.REQUESTED)
        return sample.id


# --- agency: review -----------------------------------------------------------------------------------------


async def review_sample(
    rt: Runtime, principal: Principal, *, sample_id: int, approve: bool, reason: str | None
) -> int:
    now = rt.clock.now()
    reason = stripped(reason) or None
    if not approve:
        if reason is None:
            raise DomainError("REQUIRED", "Tell the creator why the request is rejected", ["input", "reason"])
        if len(reason) > REASON_MAX:
            raise DomainError("TOO_LONG", f"Use at most {REASON_MAX} characters", ["input", "reason"])
    async with UnitOfWork(rt) as uow:
        row = await load_sample(
            uow,
            models.SampleRequest.id == sample_id,
            models.Campaign.agency_id == principal.organisation_id,
        )
        sample = row[0]
        if sample.status != SampleStatus.REQUESTED:
            raise DomainError("INVALID_STATE", "This request was already reviewed", ["input", "id"])
        if approve:
            if row.registration_status != RegistrationStatus.APPROVED or row.campaign_end <= now:
                raise DomainError(
                    "NOT_AVAILABLE", "The collaboration on this product has ended", ["input", "id"]
                )
            if await _lock_quota(uow, sample.registration_id) <= 0:
                raise DomainError(
                    "QUOTA_EXHAUSTED", "The product's sample quota is used up", ["input", "approve"]
                )
            to = SampleStatus.APPROVED
            await transition_sample(
                uow,
                sample,
                SampleStatus.REQUESTED,
                status=to,
                reviewed_at=now,
                reviewed_by_user_id=principal.user_id,
            )
        else:
            to = SampleStatus.REJECTED
            await transition_sample(
                uow,
                sample,
                SampleStatus.REQUESTED,
                status=to,
                reviewed_at=now,
                reviewed_by_user_id=principal.user_id,
                reject_reason=reason,
            )
        audit.record(
            uow,
            principal,
            subject_type="SampleRequest",
            subject_id=sample.id,
            action="sample.approve" if approve else "sample.reject",
            campaign_id=row.campaign_id,
            changes={"status": [SampleStatus.REQUESTED.value, to.value]},
            reason=reason,
        )
        if approve:
            await notify(
                uow,
                recipient_organisation_id=row.creator_id,
                kind="SAMPLE_APPROVED",
                title="Sample request approved",
                body=f"{row.title}: the seller will ship it to you.",
                subject_type="SampleRequest",
                subject_id=sample.id,
                params={"product": row.title},
            )
            await notify(
                uow,
                recipient_organisation_id=row.shop_id,
                kind="SAMPLE_TO_SHIP",
                title="A sample to ship",
                body=f"{row.title}: ship it and record the tracking number.",
                subject_type="SampleRequest",
                subject_id=sample.id,
                params={"product": row.title},
            )
        else:
            await notify(
                uow,
                recipient_organisation_id=row.creator_id,
                kind="SAMPLE_REJECTED",
                title="Sample request rejected",
                body=f"{row.title}: {reason}",
                subject_type="SampleRequest",
                subject_id=sample.id,
                params={"product": row.title, "reason": reason},
            )
        publish_status(uow, row, sample.id, to)
        return sample.id


# --- seller: shipment ---------------------------------------------------------------------------------------


# --- creator: extension -------------------------------------------------------------------------------------


# --- sweeper ------------------------------------------------------------------------------------------------
