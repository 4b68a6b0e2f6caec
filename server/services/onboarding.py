"""Creating tenants: the platform (operator) organisation, agencies, shops and creator profiles.

Each function validates its whole input before writing anything, adds the organisation and its detail row in
the caller's unit of work, and returns the organisation. Failures are DomainError whose `field` is the path
into the API input (`["input", "shopCode"]`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from sqlalchemy import ColumnElement, exists, select

from server import models
from server.models.enums import Market, OrganisationKind, SellerType
from server.services.auth import EMAIL_RE, normalise_email
from server.services.catalogue import CATEGORIES
from server.services.errors import DomainError
from server.services.unit_of_work import UnitOfWork

ORGANISATION_NAME_MAX = 120
SHOP_CODE_RE = re.compile(r"^[A-Z0-9]{6,20}$")
# TikTok handles: 2-24 lowercase letters, digits, underscores and periods, not starting or ending with a period.
HANDLE_RE = re.compile(r"^(?!\.)[a-z0-9._]{2,24}(?<!\.)$")
DISPLAY_NAME_MAX = 80
BIO_MAX = 500
URL_MAX = 500
WEBSITE_MAX = 300
CREATOR_CATEGORIES_MAX = 5
RATING_MAX = 50  # tenths of a star
FOLLOWERS_MAX = 2_000_000_000


def normalise_shop_code(code: str) -> str:
    return code.strip().upper()


def is_valid_shop_code(code: str) -> bool:
    """The shop code format (6-20 uppercase letters and digits), for onboarding and campaign targeting."""
    return bool(SHOP_CODE_RE.match(code))


def normalise_handle(handle: str) -> str:
    return handle.strip().removeprefix("@").lower()


# ---------------------------------------------------------------------------------------------- checks


def _name(value: str, field: str, *, max_len: int = ORGANISATION_NAME_MAX, what: str = "a name") -> str:
    value = value.strip()
    if not value:
        raise DomainError("REQUIRED", f"Enter {what}", ["input", field])
    if len(value) > max_len:
        raise DomainError("TOO_LONG", f"Use at most {max_len} characters", ["input", field])
    return value


def _email(value: str, field: str = "contactEmail") -> str:
    value = normalise_email(value)
    if not value:
        raise DomainError("REQUIRED", "Enter a contact email", ["input", field])
    if len(value) > 254 or not EMAIL_RE.match(value):
        raise DomainError("INVALID", "Enter a valid email address", ["input", field])
    return value


def _url(value: str | None, field: str, *, max_len: int = URL_MAX) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > max_len:
        raise DomainError("TOO_LONG", f"Use at most {max_len} characters", ["input", field])
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        raise DomainError("INVALID", "Enter a full web address starting with https://", ["input", field])
    return value


def _market(value: Market | str, field: Sequence[str | int]) -> Market:
    try:
        return Market(value)
    except ValueError:
        raise DomainError(
            "INVALID", f"Choose one of the markets {', '.join(m.value for m in Market)}", ["input", *field]
        ) from None


def _categories(values: Sequence[str], field: str) -> list[str]:
    categories: list[str] = []
    for i, value in enumerate(values):
        value = value.strip()
        if value not in CATEGORIES:
            raise DomainError("INVALID", f"Unknown category {value!r}", ["input", field, i])
        if value not in categories:
            categories.append(value)
    if not categories:
        raise DomainError("REQUIRED", "Choose at least one category", ["input", field])
    if len(categories) > CREATOR_CATEGORIES_MAX:
        raise DomainError("TOO_MANY", f"Choose at most {CREATOR_CATEGORIES_MAX} categories", ["input", field])
    return categories


def _organisation(
    uow: UnitOfWork, kind: OrganisationKind, name: str, market: Market | None
) -> models.Organisation:
    org = models.Organisation(kind=kind, name=name, market=market, created_at=uow.rt.clock.now())
    uow.session.add(org)
    return org


async def _organisation_with(
    uow: UnitOfWork,
    kind: OrganisationKind,
    name: str,
    market: Market | None,
    profile: Callable[[int], models.Base],
) -> models.Organisation:
    """The organisation and its kind's profile row (`profile` builds it from the organisation's id)."""
    org = _organisation(uow, kind, name, market)
    await uow.session.flush()
    uow.session.add(profile(org.id))
    await uow.session.flush()
    return org


async def _refuse_taken(uow: UnitOfWork, taken: ColumnElement[bool], message: str, field: str) -> None:
    if await uow.session.scalar(select(exists().where(taken))):
        raise DomainError("TAKEN", message, ["input", field])


# ---------------------------------------------------------------------------------------------- services


async def create_platform(uow: UnitOfWork, *, name: str) -> models.Organisation:
    """The operator's organisation. There is exactly one."""
    name = _name(name, "name")
    await _refuse_taken(
        uow,
        models.Organisation.kind == OrganisationKind.PLATFORM,
        "The platform organisation already exists",
        "name",
    )
    org = _organisation(uow, OrganisationKind.PLATFORM, name, None)
    await uow.session.flush()
    return org


async def create_agency(
    uow: UnitOfWork,
    *,
    name: str,
    markets: Sequence[Market | str],
    contact_email: str,
    website: str | None = None,
) -> models.Organisation:
    """An agency serving one or more markets; `Organisation.market` is the first market served."""
    name = _name(name, "name")
    served: list[Market] = []
    for i, value in enumerate(markets):
        market = _market(value, ["markets", i])
        if market not in served:
            served.append(market)
    if not served:
        raise DomainError("REQUIRED", "Choose at least one market", ["input", "markets"])
    contact_email = _email(contact_email)
    website = _url(website, "website", max_len=WEBSITE_MAX)
    return await _organisation_with(
        uow,
        OrganisationKind.AGENCY,
        name,
        served[0],
        lambda org_id: models.Agency(
            organisation_id=org_id,
            markets=[m.value for m in served],
            contact_email=contact_email,
            website=website,
        ),
    )


async def create_shop(
    uow: UnitOfWork,
    *,
    name: str,
    shop_code: str,
    market: Market | str,
    seller_type: SellerType | str,
    contact_email: str,
    rating: int | None = None,
) -> models.Organisation:
    """A seller's shop. The shop code (6-20 uppercase letters and digits) is unique across the platform."""
    name = _name(name, "name", what="a shop name")
    shop_code = normalise_shop_code(shop_code)
    if not shop_code:
        raise DomainError("REQUIRED", "Enter the shop code", ["input", "shopCode"])
    if not is_valid_shop_code(shop_code):
        raise DomainError(
            "INVALID", "A shop code is 6 to 20 letters and digits, e.g. THCBELNL4Y", ["input", "shopCode"]
        )
    market = _market(market, ["market"])
    try:
        seller_type = SellerType(seller_type)
    except ValueError:
        raise DomainError("INVALID", "Choose LOCAL or CROSS_BORDER", ["input", "sellerType"]) from None
    contact_email = _email(contact_email)
    if rating is not None and (isinstance(rating, bool) or not 0 <= rating <= RATING_MAX):
        raise DomainError("INVALID", "A rating is 0.0 to 5.0 stars", ["input", "rating"])
    await _refuse_taken(
        uow, models.Shop.shop_code == shop_code, f"Shop code {shop_code} is already registered", "shopCode"
    )
    return await _organisation_with(
        uow,
        OrganisationKind.SHOP,
        name,
        market,
        lambda org_id: models.Shop(
            organisation_id=org_id,
            shop_code=shop_code,
            seller_type=seller_type,
            market=market,
            rating=rating,
            contact_email=contact_email,
        ),
    )


async def create_creator(
    uow: UnitOfWork,
    *,
    handle: str,
    display_name: str,
    market: Market | str,
    followers: int,
    categories: Sequence[str],
    avatar_url: str | None = None,
    bio: str | None = None,
) -> models.Organisation:
    """A creator profile. The handle is stored without "@", lower-cased, and is unique."""
    handle = normalise_handle(handle)
    if not handle:
        raise DomainError("REQUIRED", "Enter the creator's handle", ["input", "handle"])
    if not HANDLE_RE.match(handle):
        raise DomainError(
            "INVALID",
            "A handle is 2 to 24 letters, digits, underscores and periods, not starting or ending with a period",
            ["input", "handle"],
        )
    display_name = _name(display_name, "displayName", max_len=DISPLAY_NAME_MAX, what="a display name")
    market = _market(market, ["market"])
    if (
        isinstance(followers, bool)
        or not isinstance(followers, int)  # pyright: ignore[reportUnnecessaryIsInstance] -- JSON callers
        or not 0 <= followers <= FOLLOWERS_MAX
    ):
        raise DomainError("INVALID", "Followers must be a whole number, 0 or more", ["input", "followers"])
    categories = _categories(categories, "categories")
    avatar_url = _url(avatar_url, "avatarUrl")
    bio = (bio or "").strip() or None
    if bio is not None and len(bio) > BIO_MAX:
        raise DomainError("TOO_LONG", f"Use at most {BIO_MAX} characters", ["input", "bio"])
    await _refuse_taken(
        uow, models.CreatorProfile.handle == handle, f"@{handle} already has a profile", "handle"
    )
    return await _organisation_with(
        uow,
        OrganisationKind.CREATOR,
        display_name,
        market,
        lambda org_id: models.CreatorProfile(
            organisation_id=org_id,
            handle=handle,
            display_name=display_name,
            avatar_url=avatar_url,
            followers=followers,
            market=market,
            categories=categories,
            bio=bio,
        ),
    )
