"""Free samples: the creator requests one for a product in its showcase, the campaign's agency approves it
against the registration's quota (or rejects it), the seller ships it, and the creator owes content within
14 days of delivery (one 7-day extension). The shipping address is for the seller and the creator only.

Every transition is a conditional update (a lost race is a userError, never a double effect), writes an
audit event, notifies the parties concerned and publishes sampleStatusChanged to each of them after commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.events import channels
from server.models.enums import RegistrationStatus, SampleStatus, ShipmentStatus, ShowcaseStatus
from server.runtime import Runtime
from server.services import audit, offer_rules
from server.services.errors import DomainError, DomainErrors, not_found
from server.services.notifications import notify
from server.services.sample_address import Address, _text, check_address
from server.services.unit_of_work import UnitOfWork

REASON_MAX = 500
NOTE_MAX = 500
CARRIER_MAX = 80
TRACKING_MAX = 80

# shipment event → (sample status it applies to, sample status after it)
SHIPMENT_TRANSITIONS: dict[ShipmentStatus, tuple[SampleStatus, SampleStatus]] = {
    ShipmentStatus.SHIPPED: (SampleStatus.APPROVED, SampleStatus.SHIPPED),
    ShipmentStatus.IN_TRANSIT: (SampleStatus.SHIPPED, SampleStatus.SHIPPED),
    ShipmentStatus.FAILED_DELIVERY: (SampleStatus.SHIPPED, SampleStatus.SHIPPED),
    ShipmentStatus.DELIVERED: (SampleStatus.SHIPPED, SampleStatus.DELIVERED),
    # Back to the seller: it may ship again.
    ShipmentStatus.RETURNED: (SampleStatus.SHIPPED, SampleStatus.APPROVED),
}
SHIPMENT_WORDS = {
    ShipmentStatus.SHIPPED: "was shipped",
    ShipmentStatus.IN_TRANSIT: "is in transit",
    ShipmentStatus.FAILED_DELIVERY: "could not be delivered",
    ShipmentStatus.DELIVERED: "was delivered",
    ShipmentStatus.RETURNED: "was returned to the seller",
}


# --- helpers -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parties:
    creator_id: int
    agency_id: int
    shop_id: int


def publish_status(
    uow: UnitOfWork, parties: Parties | Row[Any], sample_id: int, status: SampleStatus
) -> None:
    """To the creator, the campaign's agency and the product's seller; each re-reads through its own scope."""
    event = {"type": "SampleStatusChanged", "id": sample_id, "status": status.value}
    for organisation_id in (parties.creator_id, parties.agency_id, parties.shop_id):
        uow.publish_after_commit(channels.samples_of_org(organisation_id), event)


def _sample_stmt() -> Any:
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


async def _transition(
    uow: UnitOfWork, sample: models.SampleRequest, expected: SampleStatus, **values: Any
) -> None:
    result = await uow.session.execute(
        update(models.SampleRequest)
        .where(models.SampleRequest.id == sample.id, models.SampleRequest.status == expected)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise DomainError(
            "CONFLICT", "The sample request changed at the same time. Reload and try again.", ["input"]
        )


async def _creator_name(uow: UnitOfWork, creator_id: int) -> str:
    name = await uow.session.scalar(
        select(models.CreatorProfile.display_name).where(models.CreatorProfile.organisation_id == creator_id)
    )
    return name or "A creator"


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
                select(
                    models.ShowcaseEntry,
                    models.Registration.status,
                    models.Campaign.campaign_end,
                    models.Campaign.id,
                    models.Campaign.agency_id,
                    models.Registration.shop_id,
                    models.Product.title,
                )
                .join(models.Registration, models.Registration.id == models.ShowcaseEntry.registration_id)
                .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
                .join(models.Product, models.Product.id == models.ShowcaseEntry.product_id)
                .where(
                    models.ShowcaseEntry.id == showcase_entry_id,
                    models.ShowcaseEntry.creator_id == creator_id,
                    models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
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
        name = await _creator_name(uow, creator_id)
        await notify(
            uow,
            recipient_organisation_id=agency_id,
            kind="SAMPLE_REQUESTED",
            title=f"{name} requested a sample",
            body=f"{title}: approve or reject the request.",
            subject_type="SampleRequest",
            subject_id=sample.id,
        )
        publish_status(uow, Parties(creator_id, agency_id, shop_id), sample.id, SampleStatus.REQUESTED)
        return sample.id


# --- agency: review -----------------------------------------------------------------------------------------


async def review_sample(
    rt: Runtime, principal: Principal, *, sample_id: int, approve: bool, reason: str | None
) -> int:
    now = rt.clock.now()
    reason = _text(reason) or None
    if not approve:
        if reason is None:
            raise DomainError("REQUIRED", "Tell the creator why the request is rejected", ["input", "reason"])
        if len(reason) > REASON_MAX:
            raise DomainError("TOO_LONG", f"Use at most {REASON_MAX} characters", ["input", "reason"])
    async with UnitOfWork(rt) as uow:
        row = (
            await uow.session.execute(
                _sample_stmt().where(
                    models.SampleRequest.id == sample_id,
                    models.Campaign.agency_id == principal.organisation_id,
                )
            )
        ).first()
        if row is None:
            raise not_found("Sample request", ["input", "id"])
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
            await _transition(
                uow,
                sample,
                SampleStatus.REQUESTED,
                status=to,
                reviewed_at=now,
                reviewed_by_user_id=principal.user_id,
            )
        else:
            to = SampleStatus.REJECTED
            await _transition(
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
            )
            await notify(
                uow,
                recipient_organisation_id=row.shop_id,
                kind="SAMPLE_TO_SHIP",
                title="A sample to ship",
                body=f"{row.title}: ship it and record the tracking number.",
                subject_type="SampleRequest",
                subject_id=sample.id,
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
            )
        publish_status(uow, row, sample.id, to)
        return sample.id


# --- seller: shipment ---------------------------------------------------------------------------------------


async def update_shipment(
    rt: Runtime,
    principal: Principal,
    *,
    sample_id: int,
    status: ShipmentStatus,
    carrier: str | None,
    tracking_number: str | None,
    note: str | None,
) -> int:
    """The product's seller records a shipment event (the request keeps the latest state)."""
    now = rt.clock.now()
    carrier, tracking_number, note = (
        _text(carrier) or None,
        _text(tracking_number) or None,
        _text(note) or None,
    )
    errors: list[DomainError] = []
    if status is ShipmentStatus.SHIPPED:
        if carrier is None:
            errors.append(DomainError("REQUIRED", "Enter the carrier", ["input", "carrier"]))
        if tracking_number is None:
            errors.append(DomainError("REQUIRED", "Enter the tracking number", ["input", "trackingNumber"]))
    for value, max_len, name in (
        (carrier, CARRIER_MAX, "carrier"),
        (tracking_number, TRACKING_MAX, "trackingNumber"),
        (note, NOTE_MAX, "note"),
    ):
        if value is not None and len(value) > max_len:
            errors.append(DomainError("TOO_LONG", f"Use at most {max_len} characters", ["input", name]))
    if errors:
        raise DomainErrors(errors)
    async with UnitOfWork(rt) as uow:
        row = (
            await uow.session.execute(
                _sample_stmt().where(
                    models.SampleRequest.id == sample_id,
                    models.Registration.shop_id == principal.organisation_id,
                    models.SampleRequest.status.in_(offer_rules.SHIPPABLE_SAMPLE_STATUSES),
                )
            )
        ).first()
        if row is None:
            raise not_found("Sample request", ["input", "id"])
        sample = row[0]
        expected, to = SHIPMENT_TRANSITIONS[status]
        if sample.status != expected:
            raise DomainError(
                "INVALID_STATE",
                f"A sample that is {sample.status.value.lower().replace('_', ' ')} cannot be marked "
                f"{status.value.lower().replace('_', ' ')}",
                ["input", "status"],
            )
        values: dict[str, Any] = {"status": to}
        if carrier is not None:
            values["carrier"] = carrier
        if tracking_number is not None:
            values["tracking_number"] = tracking_number
        if status is ShipmentStatus.SHIPPED:
            values["shipped_at"] = now
        if status is ShipmentStatus.DELIVERED:
            values["delivered_at"] = now
            values["content_due_at"] = now + timedelta(days=offer_rules.CONTENT_DUE_AFTER_DAYS)
        await _transition(uow, sample, expected, **values)
        uow.session.add(
            models.Shipment(
                sample_request_id=sample.id,
                status=status,
                carrier=carrier or sample.carrier,
                tracking_number=tracking_number or sample.tracking_number,
                note=note,
                occurred_at=now,
                created_at=now,
            )
        )
        audit.record(
            uow,
            principal,
            subject_type="SampleRequest",
            subject_id=sample.id,
            action="sample.shipment",
            campaign_id=row.campaign_id,
            changes={"shipment": [None, status.value], "status": [expected.value, to.value]},
            reason=note,
        )
        words = f"{row.title} {SHIPMENT_WORDS[status]}"
        tracking = f" ({values.get('carrier', sample.carrier)} {values.get('tracking_number', sample.tracking_number)})"
        creator_body = words + (tracking if status is ShipmentStatus.SHIPPED else "") + "."
        if status is ShipmentStatus.DELIVERED:
            creator_body += " Post your content within 14 days."
        await notify(
            uow,
            recipient_organisation_id=row.creator_id,
            kind=f"SAMPLE_{status.value}",
            title="Your sample " + SHIPMENT_WORDS[status],
            body=creator_body,
            subject_type="SampleRequest",
            subject_id=sample.id,
        )
        await notify(
            uow,
            recipient_organisation_id=row.agency_id,
            kind=f"SAMPLE_{status.value}",
            title="A sample " + SHIPMENT_WORDS[status],
            body=words + ".",
            subject_type="SampleRequest",
            subject_id=sample.id,
        )
        publish_status(uow, row, sample.id, to)
        return sample.id


# --- creator: extension -------------------------------------------------------------------------------------


async def extend_content_deadline(rt: Runtime, principal: Principal, *, sample_id: int) -> int:
    """One 7-day extension, after delivery and before the content is posted or the deadline passes."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        row = (
            await uow.session.execute(
                _sample_stmt().where(
                    models.SampleRequest.id == sample_id,
                    models.SampleRequest.creator_id == principal.organisation_id,
                )
            )
        ).first()
        if row is None:
            raise not_found("Sample request", ["input", "id"])
        sample = row[0]
        if sample.extension_used:
            raise DomainError("EXTENSION_USED", "The one extension was already used", ["input", "id"])
        if (
            sample.status != SampleStatus.DELIVERED
            or sample.content_due_at is None
            or sample.content_due_at <= now
        ):
            raise DomainError(
                "INVALID_STATE",
                "An extension is possible only after delivery and before the content deadline",
                ["input", "id"],
            )
        due = sample.content_due_at + timedelta(days=offer_rules.EXTENSION_DAYS)
        result = await uow.session.execute(
            update(models.SampleRequest)
            .where(
                models.SampleRequest.id == sample.id,
                models.SampleRequest.status == SampleStatus.DELIVERED,
                models.SampleRequest.extension_used.is_(False),
            )
            .values(extension_used=True, content_due_at=due)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            raise DomainError("EXTENSION_USED", "The one extension was already used", ["input", "id"])
        audit.record(
            uow,
            principal,
            subject_type="SampleRequest",
            subject_id=sample.id,
            action="sample.extend",
            campaign_id=row.campaign_id,
            changes={"contentDueAt": [sample.content_due_at.isoformat(), due.isoformat()]},
        )
        name = await _creator_name(uow, row.creator_id)
        await notify(
            uow,
            recipient_organisation_id=row.agency_id,
            kind="SAMPLE_EXTENDED",
            title=f"{name} extended a content deadline",
            body=f"{row.title}: content is now due {due:%Y-%m-%d %H:%M} UTC.",
            subject_type="SampleRequest",
            subject_id=sample.id,
        )
        publish_status(uow, row, sample.id, SampleStatus.DELIVERED)
        return sample.id


# --- sweeper ------------------------------------------------------------------------------------------------
