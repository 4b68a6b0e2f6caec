"""A seller changes a PENDING registration's terms in place (total rate, sample quota, shop-ads rate, contact).

The registration keeps its id and its registration time, so it keeps its place in the agency's review queue
(oldest first). The change is one conditional UPDATE `WHERE status = 'PENDING' AND version = :read`: an
approval (or rejection, or withdrawal) that lands first makes it fail with CONFLICT, and the agency's review,
which likewise only moves the version it read, fails with CONFLICT when this edit lands first. Whatever lands
second is refused and changes nothing; an approval always decides the terms it read.
The change is audited (`registration.terms_update`, old and new values: the registration's history), the agency
is notified, and a TERMS event goes live on the registration channels of the campaign, the agency and the shop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server import models
from server.auth.principal import Principal
from server.events import channels
from server.models.enums import RegistrationStatus as Status
from server.runtime import Runtime
from server.services import audit
from server.services.errors import DomainError, DomainErrors
from server.services.notifications import notify
from server.services.registration_checks import (
    check_contact,
    check_not_closed,
    check_status,
    load_registration,
    of_seller,
    term_errors,
    transition_or_conflict,
)
from server.services.registrations import ItemSpec
from server.services.unit_of_work import UnitOfWork

R = models.Registration


@dataclass(frozen=True, slots=True)
class TermsInput:
    """None: unchanged. `shop_ads_rate_bps` may be set to None (cleared) with `clear_shop_ads_rate`."""

    total_rate_bps: int | None = None
    sample_quota: int | None = None
    shop_ads_rate_bps: int | None = None
    clear_shop_ads_rate: bool = False
    contact_email: str | None = None
    contact_whatsapp: str | None = None
    clear_contact_whatsapp: bool = False


_API = {
    "total_rate_bps": "totalRateBps",
    "sample_quota": "sampleQuota",
    "shop_ads_rate_bps": "shopAdsRateBps",
    "contact_email": "contactEmail",
    "contact_whatsapp": "contactWhatsapp",
}


def _wanted(data: TermsInput) -> dict[str, Any]:
    """Column -> new value for what the input changes."""
    new: dict[str, Any] = {}
    for column in (
        "total_rate_bps",
        "sample_quota",
        "shop_ads_rate_bps",
        "contact_email",
        "contact_whatsapp",
    ):
        value = getattr(data, column)
        if value is not None:
            new[column] = value
    if data.clear_shop_ads_rate:
        new["shop_ads_rate_bps"] = None
    if data.clear_contact_whatsapp:
        new["contact_whatsapp"] = None
    return new


async def update_terms(
    rt: Runtime, principal: Principal, registration_id: int, data: TermsInput
) -> models.Registration:
    if data.clear_shop_ads_rate and data.shop_ads_rate_bps is not None:
        raise DomainError(
            "INVALID_FORMAT",
            "Either set the shop-ads rate or clear it, not both",
            ["input", "shopAdsRateBps"],
        )
    if data.clear_contact_whatsapp and data.contact_whatsapp is not None:
        raise DomainError(
            "INVALID_FORMAT",
            "Either set the WhatsApp number or clear it, not both",
            ["input", "contactWhatsapp"],
        )
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await load_registration(
            uow, registration_id, of_seller(principal), ["input", "id"]
        )
        check_not_closed(campaign, now, ["input", "id"])
        check_status(registration, [Status.PENDING], "edited (an approved one keeps its rate)")
        new = _wanted(data)
        merged = ItemSpec(
            product_id=registration.product_id,
            total_rate_bps=new.get("total_rate_bps", registration.total_rate_bps),
            sample_quota=new.get("sample_quota", registration.sample_quota),
            shop_ads_rate_bps=new.get("shop_ads_rate_bps", registration.shop_ads_rate_bps),
        )
        errors = [
            e
            for e in term_errors(merged, campaign, ["input"])
            if e.field and e.field[-1] in {_API[c] for c in new}
        ]
        if errors:
            raise DomainErrors(errors)
        if "contact_email" in new or "contact_whatsapp" in new:
            new["contact_email"], new["contact_whatsapp"] = check_contact(
                new.get("contact_email", registration.contact_email),
                new.get("contact_whatsapp", registration.contact_whatsapp),
            )
        changed = {column: value for column, value in new.items() if getattr(registration, column) != value}
        if not changed:
            raise DomainError("NO_CHANGE", "Nothing to change: the input matches the registration's terms")
        before = {column: getattr(registration, column) for column in changed}
        updated = await transition_or_conflict(
            uow,
            registration.id,
            expected=[Status.PENDING],
            where=[R.version == registration.version],
            **changed,
        )
        audit.record(
            uow,
            principal,
            subject_type="Registration",
            subject_id=updated.id,
            campaign_id=campaign.id,
            action="registration.terms_update",
            changes={_API[column]: [before[column], value] for column, value in changed.items()},
        )
        await notify(
            uow,
            recipient_organisation_id=campaign.agency_id,
            kind="REGISTRATION_TERMS_CHANGED",
            title="Registration terms changed",
            body=f"A pending registration in {campaign.name} changed: {', '.join(_API[c] for c in changed)}.",
            subject_type="Registration",
            subject_id=updated.id,
            data={"campaignId": campaign.id},
            params={"campaign": campaign.name, "fields": ", ".join(_API[c] for c in changed)},
        )
        event = {
            "id": updated.id,
            "campaignId": campaign.id,
            "from": Status.PENDING.value,
            "to": Status.PENDING.value,
            "at": now.isoformat(),
            "kind": "TERMS",
        }
        for name in (
            channels.registrations_of_campaign(campaign.id),
            channels.registrations_of_agency(campaign.agency_id),
            channels.registrations_of_shop(updated.shop_id),
        ):
            uow.publish_after_commit(name, event)
    return updated
