"""A campaign's values in API form (the form of a pending change's `changes` and of the audit trail), reading
them from and writing them to the campaign's rows, and the optimistic lock every edit takes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import Messenger, PendingChangeStatus, SellerType, TargetingMode
from server.services.campaign_checks import TIMES, Contact
from server.services.errors import DomainError, not_found

COLUMNS = {
    "name": "name",
    "description": "description",
    "sellerRequirements": "seller_requirements",
    "commissionRequirementBps": "commission_requirement_bps",
    "registrationStart": "registration_start",
    "registrationEnd": "registration_end",
    "campaignStart": "campaign_start",
    "campaignEnd": "campaign_end",
    "targetingMode": "targeting_mode",
    "targetSellerType": "target_seller_type",
}


# ---------------------------------------------------------------------------------------------- API form


def to_api(name: str, value: Any) -> Any:
    """A value as JSON (pending change `changes`, audit `changes`)."""
    if value is None:
        return None
    if name in TIMES:
        return value.astimezone(UTC).isoformat()
    if name == "contact":
        return {
            "email": value.email,
            "phone": value.phone,
            "messenger": value.messenger and value.messenger.value,
            "messengerHandle": value.messenger_handle,
        }
    if name in ("targetingMode", "targetSellerType"):
        return value.value
    if name == "targetShopCodes":
        return list(value)
    return value


def from_api(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in TIMES:
        return datetime.fromisoformat(value).astimezone(UTC)
    if name == "contact":
        return Contact(
            email=value["email"],
            phone=value["phone"],
            messenger=None if value["messenger"] is None else Messenger(value["messenger"]),
            messenger_handle=value["messengerHandle"],
        )
    if name == "targetingMode":
        return TargetingMode(value)
    if name == "targetSellerType":
        return SellerType(value)
    if name == "targetShopCodes":
        return tuple(value)
    return value


def api_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [to_api(name, before.get(name)), to_api(name, after[name])] for name in after}


# ---------------------------------------------------------------------------------------------- reading


async def _target_codes(session: AsyncSession, campaign_id: int) -> tuple[str, ...]:
    rows = await session.scalars(
        select(models.Shop.shop_code)
        .join(models.CampaignTargetShop, models.CampaignTargetShop.shop_id == models.Shop.organisation_id)
        .where(models.CampaignTargetShop.campaign_id == campaign_id)
        .order_by(models.Shop.shop_code)
    )
    return tuple(rows.all())


async def effective_values(session: AsyncSession, campaign: models.Campaign) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(campaign, column) for name, column in COLUMNS.items()}
    values["contact"] = Contact(
        email=campaign.contact_email,
        phone=campaign.contact_phone,
        messenger=campaign.messenger,
        messenger_handle=campaign.messenger_handle,
    )
    values["targetShopCodes"] = await _target_codes(session, campaign.id)
    return values


async def own_campaign(
    session: AsyncSession, principal: Principal, campaign_id: int, field: str
) -> models.Campaign:
    campaign = await session.scalar(
        select(models.Campaign).where(
            models.Campaign.id == campaign_id, models.Campaign.agency_id == principal.organisation_id
        )
    )
    if campaign is None:
        raise not_found("Campaign", ["input", field])
    return campaign


async def pending_of(session: AsyncSession, campaign_id: int) -> models.CampaignPendingChange | None:
    return await session.scalar(
        select(models.CampaignPendingChange).where(
            models.CampaignPendingChange.campaign_id == campaign_id,
            models.CampaignPendingChange.status == PendingChangeStatus.PENDING,
        )
    )


def utc_text(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# ---------------------------------------------------------------------------------------------- writing


async def write_values(
    session: AsyncSession, campaign: models.Campaign, values: dict[str, Any], shop_ids: dict[str, int]
) -> None:
    """Sets the given values on the campaign (and its target shops) in the session."""
    for name, column in COLUMNS.items():
        if name in values:
            setattr(campaign, column, values[name])
    if "contact" in values:
        contact: Contact = values["contact"]
        campaign.contact_email = contact.email
        campaign.contact_phone = contact.phone
        campaign.messenger = contact.messenger
        campaign.messenger_handle = contact.messenger_handle
    await session.flush()
    if "targetShopCodes" in values:
        await session.execute(
            delete(models.CampaignTargetShop).where(models.CampaignTargetShop.campaign_id == campaign.id)
        )
        session.add_all(
            models.CampaignTargetShop(campaign_id=campaign.id, shop_id=shop_ids[code])
            for code in values["targetShopCodes"]
        )
    await session.flush()


async def claim_version(session: AsyncSession, campaign: models.Campaign) -> None:
    """Optimistic lock: bump the version this edit read; when a concurrent edit got there first, CONFLICT."""
    result = await session.execute(
        update(models.Campaign)
        .where(models.Campaign.id == campaign.id, models.Campaign.version == campaign.version)
        .values(version=campaign.version + 1)
        .execution_options(synchronize_session=False)
    )
    if rowcount(result) != 1:
        raise DomainError(
            "CONFLICT", "The campaign changed while you were editing it; reload it and try again"
        )
    set_committed_value(campaign, "version", campaign.version + 1)


# ---------------------------------------------------------------------------------------------- services
