"""The checks registrations share (server/services/registrations.py): row scopes of the seller and the agency,
closed campaigns, allowed statuses, notes, contacts, terms, and the conditional UPDATE every transition is.
Failures are DomainError whose `field` is the path into the API input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, false, select, update

from server import models
from server.auth.principal import Principal
from server.models.constraints import RATE_MAX_BPS, RATE_MIN_BPS
from server.models.enums import RegistrationStatus
from server.services import campaign_rules
from server.services.auth import EMAIL_RE
from server.services.errors import DomainError, not_found
from server.services.registration_changes import (
    instant_text,
    percent_text,
)
from server.services.registration_rules import NOTE_MAX
from server.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from server.services.registrations import ItemSpec

Status = RegistrationStatus
R, C = models.Registration, models.Campaign
SAMPLE_QUOTA_MAX = 1_000_000
EMAIL_MAX = 254
WHATSAPP_RE = re.compile(r"^\+?[0-9][0-9 ()-]{5,30}$")  # fits the 32-character column


def of_seller(principal: Principal) -> ColumnElement[bool]:
    return false() if principal.shop_id is None else R.shop_id == principal.shop_id


def of_agency(principal: Principal) -> ColumnElement[bool]:
    return false() if principal.agency_id is None else C.agency_id == principal.agency_id


async def load_registration(
    uow: UnitOfWork, registration_id: int, scope: ColumnElement[bool], field: Sequence[str | int]
) -> tuple[models.Registration, models.Campaign]:
    row = (
        await uow.session.execute(
            select(R, C).join(C, C.id == R.campaign_id).where(R.id == registration_id, scope)
        )
    ).first()
    if row is None:
        raise not_found("Registration", field)
    return row[0], row[1]


def check_not_closed(
    campaign: models.Campaign, now: datetime, field: Sequence[str | int] | None = None
) -> None:
    if now >= campaign.campaign_end:
        raise closed_error(campaign, field)


def closed_error(campaign: models.Campaign, field: Sequence[str | int] | None) -> DomainError:
    return DomainError(
        "CAMPAIGN_CLOSED",
        f"The campaign ended at {instant_text(campaign.campaign_end)}; it can no longer change",
        field,
    )


def check_status(registration: models.Registration, allowed: Sequence[Status], doing: str) -> None:
    if registration.status not in allowed:
        expected = " or ".join(s.value for s in allowed)
        raise DomainError(
            "INVALID_STATE",
            f"Only a {expected} registration can be {doing}; this one is {registration.status.value}",
            ["input", "id"],
        )


def registration_conflict(field: Sequence[str | int]) -> DomainError:
    return DomainError(
        "CONFLICT", "Someone else changed this registration at the same time; reload to see its state", field
    )


def check_note(note: str | None, field: Sequence[str | int]) -> str | None:
    note = (note or "").strip() or None
    if note is not None and len(note) > NOTE_MAX:
        raise DomainError("OUT_OF_RANGE", f"Use at most {NOTE_MAX} characters (got {len(note)})", field)
    return note


async def transition_registration(
    uow: UnitOfWork,
    registration_id: int,
    *,
    expected: Sequence[Status],
    to: Status | None = None,
    where: Sequence[ColumnElement[bool]] = (),
    **values: Any,
) -> models.Registration | None:
    """UPDATE … WHERE id = :id AND status IN :expected; the updated row, or None when it was not (any more)
    in an expected state: a concurrent change won."""
    if to is not None:
        values["status"] = to
    stmt = (
        update(R)
        .where(R.id == registration_id, R.status.in_(expected), *where)
        .values(version=R.version + 1, **values)
        .returning(R)
        .execution_options(populate_existing=True, synchronize_session=False)
    )
    return (await uow.session.execute(stmt)).scalar_one_or_none()


async def transition_or_conflict(
    uow: UnitOfWork,
    registration_id: int,
    *,
    expected: Sequence[Status],
    to: Status | None = None,
    where: Sequence[ColumnElement[bool]] = (),
    **values: Any,
) -> models.Registration:
    """transition_registration, or CONFLICT (on input.id) when a concurrent change won."""
    updated = await transition_registration(
        uow, registration_id, expected=expected, to=to, where=where, **values
    )
    if updated is None:
        raise registration_conflict(["input", "id"])
    return updated


def check_contact(contact_email: str, contact_whatsapp: str | None) -> tuple[str, str | None]:
    email = contact_email.strip()
    if not email:
        raise DomainError("REQUIRED", "Enter a contact email", ["input", "contactEmail"])
    if len(email) > EMAIL_MAX or not EMAIL_RE.match(email):
        raise DomainError("INVALID_FORMAT", "Enter a valid email address", ["input", "contactEmail"])
    whatsapp = (contact_whatsapp or "").strip() or None
    if whatsapp is not None and not WHATSAPP_RE.match(whatsapp):
        raise DomainError(
            "INVALID_FORMAT",
            "Enter a WhatsApp number: digits, optionally starting with +",
            ["input", "contactWhatsapp"],
        )
    return email, whatsapp


def check_campaign_takes_registrations(campaign: models.Campaign, targeted: bool, now: datetime) -> None:
    field = ["input", "campaignId"]
    check_not_closed(campaign, now, field)
    if not campaign.published:
        raise DomainError("NOT_PUBLISHED", "The campaign is not published; it takes no registrations", field)
    if not targeted:
        raise DomainError("NOT_TARGETED", "The campaign is not open to your shop", field)
    if now < campaign.registration_start:
        raise DomainError(
            "REGISTRATION_NOT_OPEN_YET",
            f"Registration opens at {instant_text(campaign.registration_start)}",
            field,
            opens_at=campaign.registration_start,
        )
    if not campaign_rules.registration_open(campaign, now):
        raise DomainError(
            "REGISTRATION_ENDED",
            f"Registration ended at {instant_text(campaign.registration_end)}",
            field,
            ended_at=campaign.registration_end,
        )


def term_errors(item: ItemSpec, campaign: models.Campaign, path: list[str | int]) -> list[DomainError]:
    errors: list[DomainError] = []
    rate_range = f"between {percent_text(RATE_MIN_BPS)} and {percent_text(RATE_MAX_BPS)}"
    if not RATE_MIN_BPS <= item.total_rate_bps <= RATE_MAX_BPS:
        errors.append(
            DomainError("OUT_OF_RANGE", f"Enter a total rate {rate_range}", [*path, "totalRateBps"])
        )
    elif item.total_rate_bps < campaign.commission_requirement_bps:
        errors.append(
            DomainError(
                "BELOW_REQUIREMENT",
                f"The campaign asks for a total rate of at least {percent_text(campaign.commission_requirement_bps)}",
                [*path, "totalRateBps"],
            )
        )
    if not 0 <= item.sample_quota <= SAMPLE_QUOTA_MAX:
        errors.append(
            DomainError(
                "OUT_OF_RANGE",
                f"Enter a sample quota between 0 and {SAMPLE_QUOTA_MAX}",
                [*path, "sampleQuota"],
            )
        )
    if item.shop_ads_rate_bps is not None and not RATE_MIN_BPS <= item.shop_ads_rate_bps <= RATE_MAX_BPS:
        errors.append(
            DomainError("OUT_OF_RANGE", f"Enter a shop-ads rate {rate_range}", [*path, "shopAdsRateBps"])
        )
    return errors
