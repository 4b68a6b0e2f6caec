"""A campaign's input (Contact, Targeting, CampaignInput) and its checks: lengths, formats, the market's
messenger, targeted shops, and the order and span of the four times. Every broken rule is collected (InputCheck) and
raised together as DomainErrors, whose `field` is the path into the API input; nothing is written then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.constraints import RATE_MAX_BPS, RATE_MIN_BPS
from server.models.enums import (
    Market,
    Messenger,
    SellerType,
    TargetingMode,
)
from server.services.auth import EMAIL_RE, normalise_email
from server.services.campaign_rules import MAX_PERIOD, MAX_TARGET_SHOPS
from server.services.errors import DomainError, DomainErrors
from server.services.onboarding import is_valid_shop_code, normalise_shop_code

NAME_MAX = 49
DESCRIPTION_MAX = 999
SELLER_REQUIREMENTS_MAX = 999
EMAIL_MAX = 254
PHONE_MAX = 32
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{4,30}$")
HANDLE_MAX = 100
# The messenger sellers of each market expect (docs/domain.md "Campaign"); only in the US may it be left out.
MARKET_MESSENGER = {
    Market.TH: Messenger.LINE,
    Market.PH: Messenger.VIBER,
    Market.VN: Messenger.ZALO,
    Market.MY: Messenger.WHATSAPP,
    Market.ID: Messenger.WHATSAPP,
    Market.GB: Messenger.WHATSAPP,
    Market.US: Messenger.WHATSAPP,
}


MESSENGER_OPTIONAL = frozenset({Market.US})
TIMES = ("registrationStart", "registrationEnd", "campaignStart", "campaignEnd")


@dataclass(frozen=True, slots=True)
class Contact:
    email: str
    phone: str | None = None
    messenger: Messenger | None = None
    messenger_handle: str | None = None


@dataclass(frozen=True, slots=True)
class Targeting:
    mode: TargetingMode
    shop_codes: Sequence[str] | None = None
    seller_type: SellerType | None = None  # None: every seller type


@dataclass(frozen=True, slots=True)
class CampaignInput:
    """What campaignCreate / campaignUpdate carry. For an update None means "unchanged"."""

    name: str | None = None
    description: str | None = None
    seller_requirements: str | None = None
    commission_requirement_bps: int | None = None
    contact: Contact | None = None
    registration_start: datetime | None = None
    registration_end: datetime | None = None
    campaign_start: datetime | None = None
    campaign_end: datetime | None = None
    targeting: Targeting | None = None


class InputCheck:
    """Collects every broken rule of one input; `given` are the API fields the input sets."""

    def __init__(self) -> None:
        self.errors: list[DomainError] = []
        self.given: set[str] = set()

    def fail(self, code: str, message: str, *path: str, **details: Any) -> None:
        self.errors.append(DomainError(code, message, ["input", *path] if path else None, **details))

    def at(self, *names: str) -> str:
        """The field to blame for a rule between fields: the first one the input sets."""
        return next((n for n in names if n in self.given), names[0])


def _text(check: InputCheck, value: str, field: str, max_len: int, *, required: bool) -> str | None:
    value = value.strip()
    if required and not value:
        check.fail("REQUIRED", "Enter a name", field)
        return None
    if len(value) > max_len:
        check.fail("TOO_LONG", f"Use at most {max_len} characters (got {len(value)})", field)
        return None
    return value


def _instant(check: InputCheck, value: datetime, field: str) -> datetime | None:
    if value.tzinfo is None:
        check.fail("INVALID_FORMAT", "Give the time with its UTC offset, e.g. 2026-12-01T09:00:00Z", field)
        return None
    return value.astimezone(UTC)


def _contact(check: InputCheck, contact: Contact, market: Market) -> Contact | None:
    before = len(check.errors)
    email = normalise_email(contact.email)
    if not email:
        check.fail("REQUIRED", "Enter a contact email", "contact", "email")
    elif len(email) > EMAIL_MAX:
        check.fail("TOO_LONG", f"Use at most {EMAIL_MAX} characters", "contact", "email")
    elif not EMAIL_RE.match(email):
        check.fail("INVALID_FORMAT", "Enter a valid email address", "contact", "email")
    phone = (contact.phone or "").strip() or None
    if phone is not None and len(phone) > PHONE_MAX:
        check.fail("TOO_LONG", f"Use at most {PHONE_MAX} characters", "contact", "phone")
    elif phone is not None and not PHONE_RE.match(phone):
        check.fail(
            "INVALID_FORMAT", "Enter a phone number: digits, spaces, +, - and brackets", "contact", "phone"
        )
    handle = (contact.messenger_handle or "").strip() or None
    expected = MARKET_MESSENGER[market]
    if contact.messenger is None:
        if market not in MESSENGER_OPTIONAL:
            check.fail(
                "MESSENGER_REQUIRED",
                f"Sellers in {market.value} expect a {expected.value} contact",
                "contact",
                "messenger",
            )
        elif handle is not None:
            check.fail("REQUIRED", "Choose the messenger of this handle", "contact", "messenger")
    elif contact.messenger is not expected:
        optional = " (or none)" if market in MESSENGER_OPTIONAL else ""
        check.fail(
            "MESSENGER_REQUIRED",
            f"Campaigns in {market.value} use {expected.value}{optional}, not {contact.messenger.value}",
            "contact",
            "messenger",
        )
    elif handle is None:
        check.fail("REQUIRED", f"Enter the {contact.messenger.value} handle", "contact", "messengerHandle")
    elif len(handle) > HANDLE_MAX:
        check.fail("TOO_LONG", f"Use at most {HANDLE_MAX} characters", "contact", "messengerHandle")
    if len(check.errors) > before:
        return None
    return Contact(email=email, phone=phone, messenger=contact.messenger, messenger_handle=handle)


def _targeting(check: InputCheck, targeting: Targeting) -> dict[str, Any]:
    """Malformed codes are reported and left out, so the well-formed ones can still be looked up."""
    raw = list(targeting.shop_codes or [])
    codes: list[str] = []
    if targeting.mode is TargetingMode.OPEN:
        if raw:
            check.fail(
                "INVALID_FORMAT",
                "An open campaign takes no shop codes; choose SELECTED to target shops",
                "targeting",
                "shopCodes",
            )
            return {}
    else:
        for index, value in enumerate(raw):
            code = normalise_shop_code(value)
            if not is_valid_shop_code(code):
                check.fail(
                    "INVALID_FORMAT",
                    f"{value.strip()[:40]!r} is not a shop code (6 to 20 letters and digits)",
                    "targeting",
                    "shopCodes",
                    str(index),
                )
            elif code not in codes:
                codes.append(code)
        if not raw:
            check.fail("REQUIRED", "Enter the shop codes of the shops to invite", "targeting", "shopCodes")
            return {}
        if len(codes) > MAX_TARGET_SHOPS:
            check.fail(
                "TOO_MANY",
                f"Invite at most {MAX_TARGET_SHOPS} shops (got {len(codes)})",
                "targeting",
                "shopCodes",
            )
            return {}
    return {
        "targetingMode": targeting.mode,
        "targetSellerType": targeting.seller_type,
        "targetShopCodes": tuple(sorted(codes)),
    }


def checked_fields(check: InputCheck, data: CampaignInput, market: Market) -> dict[str, Any]:
    """The fields the input sets, normalised; a field that breaks a rule is reported and left out."""
    out: dict[str, Any] = {}
    if data.name is not None:
        check.given.add("name")
        out["name"] = _text(check, data.name, "name", NAME_MAX, required=True)
    if data.description is not None:
        check.given.add("description")
        out["description"] = _text(check, data.description, "description", DESCRIPTION_MAX, required=False)
    if data.seller_requirements is not None:
        check.given.add("sellerRequirements")
        out["sellerRequirements"] = _text(
            check, data.seller_requirements, "sellerRequirements", SELLER_REQUIREMENTS_MAX, required=False
        )
    if data.commission_requirement_bps is not None:
        check.given.add("commissionRequirementBps")
        bps = data.commission_requirement_bps
        if RATE_MIN_BPS <= bps <= RATE_MAX_BPS:
            out["commissionRequirementBps"] = bps
        else:
            check.fail(
                "OUT_OF_RANGE",
                f"A rate is {RATE_MIN_BPS} to {RATE_MAX_BPS} basis points (1 % to 80 %)",
                "commissionRequirementBps",
            )
    if data.contact is not None:
        check.given.add("contact")
        out["contact"] = _contact(check, data.contact, market)
    for name, value in (
        ("registrationStart", data.registration_start),
        ("registrationEnd", data.registration_end),
        ("campaignStart", data.campaign_start),
        ("campaignEnd", data.campaign_end),
    ):
        if value is not None:
            check.given.add(name)
            out[name] = _instant(check, value, name)
    if data.targeting is not None:
        check.given |= {"targetingMode", "targetSellerType", "targetShopCodes"}
        out.update(_targeting(check, data.targeting))
    return {name: value for name, value in out.items() if value is not None or name == "targetSellerType"}


def check_periods(check: InputCheck, values: dict[str, Any]) -> None:
    """The rules between the four times (all of them known)."""
    if any(values.get(name) is None for name in TIMES):
        return
    rs, re_, cs, ce = (values[name] for name in TIMES)
    if rs != cs:
        check.fail(
            "INVALID_PERIOD",
            "Registration starts when the campaign starts",
            check.at("registrationStart", "campaignStart"),
        )
    if ce <= cs:
        check.fail(
            "INVALID_PERIOD",
            "The campaign must end after it starts",
            check.at("campaignEnd", "campaignStart"),
        )
    elif ce - cs >= MAX_PERIOD:
        check.fail(
            "PERIOD_TOO_LONG",
            f"A campaign runs for less than {MAX_PERIOD.days} days",
            check.at("campaignEnd", "campaignStart"),
        )
    if re_ <= rs:
        check.fail(
            "INVALID_PERIOD",
            "Registration must end after it starts",
            check.at("registrationEnd", "registrationStart", "campaignStart"),
        )
    elif re_ > ce:
        check.fail(
            "INVALID_PERIOD",
            "Registration must end by the end of the campaign",
            check.at("registrationEnd", "campaignEnd"),
        )


async def checked_shop_ids(
    check: InputCheck, session: AsyncSession, values: dict[str, Any], market: Market
) -> dict[str, int]:
    """Shop code -> shop id of the targeted shops; codes with no shop of the campaign's market are reported."""
    codes = values.get("targetShopCodes")
    if not codes or "targetShopCodes" not in check.given:
        return {}
    found = await shops_by_code(session, codes, market)
    unknown = [code for code in codes if code not in found]
    if unknown:
        check.fail(
            "UNKNOWN_SHOP_CODES",
            f"No {market.value} shop has the code(s) {', '.join(unknown)}",
            "targeting",
            "shopCodes",
            unknown_shop_codes=unknown,
        )
    return found


async def shops_by_code(session: AsyncSession, codes: Sequence[str], market: Market) -> dict[str, int]:
    rows = await session.execute(
        select(models.Shop.shop_code, models.Shop.organisation_id).where(
            models.Shop.shop_code.in_(codes), models.Shop.market == market
        )
    )
    return {code: shop_id for code, shop_id in rows.all()}


def raise_errors(check: InputCheck) -> None:
    if check.errors:
        raise DomainErrors(check.errors)
