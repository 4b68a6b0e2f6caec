"""The seller ships a sample (carrier, tracking number, note) and records its delivery; the creator asks for the
one content-deadline extension."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import SampleStatus, ShipmentStatus
from server.runtime import Runtime
from server.services import audit, offer_rules
from server.services.errors import DomainError, DomainErrors
from server.services.notifications import creator_name, notify
from server.services.sample_address import stripped
from server.services.samples import (
    load_sample,
    publish_status,
    transition_sample,
)
from server.services.unit_of_work import UnitOfWork

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
        stripped(carrier) or None,
        stripped(tracking_number) or None,
        stripped(note) or None,
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
        row = await load_sample(
            uow,
            models.SampleRequest.id == sample_id,
            models.Registration.shop_id == principal.organisation_id,
            models.SampleRequest.status.in_(offer_rules.SHIPPABLE_SAMPLE_STATUSES),
        )
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
        await transition_sample(uow, sample, expected, **values)
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
            params={"to": "creator", "product": row.title}
            | (
                {
                    "carrier": values.get("carrier", sample.carrier),
                    "trackingNumber": values.get("tracking_number", sample.tracking_number),
                }
                if status is ShipmentStatus.SHIPPED
                else {}
            ),
        )
        await notify(
            uow,
            recipient_organisation_id=row.agency_id,
            kind=f"SAMPLE_{status.value}",
            title="A sample " + SHIPMENT_WORDS[status],
            body=words + ".",
            subject_type="SampleRequest",
            subject_id=sample.id,
            params={"to": "agency", "product": row.title},
        )
        publish_status(uow, row, sample.id, to)
        return sample.id


async def extend_content_deadline(rt: Runtime, principal: Principal, *, sample_id: int) -> int:
    """One 7-day extension, after delivery and before the content is posted or the deadline passes."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        row = await load_sample(
            uow,
            models.SampleRequest.id == sample_id,
            models.SampleRequest.creator_id == principal.organisation_id,
        )
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
        if rowcount(result) != 1:
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
        name = await creator_name(uow, row.creator_id)
        await notify(
            uow,
            recipient_organisation_id=row.agency_id,
            kind="SAMPLE_EXTENDED",
            title=f"{name} extended a content deadline",
            body=f"{row.title}: content is now due {due:%Y-%m-%d %H:%M} UTC.",
            subject_type="SampleRequest",
            subject_id=sample.id,
            params={"creator": name, "product": row.title, "dueAt": due.isoformat()},
        )
        publish_status(uow, row, sample.id, SampleStatus.DELIVERED)
        return sample.id
