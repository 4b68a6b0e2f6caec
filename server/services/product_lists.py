"""Agency product lists: approved products of one campaign with the creator's share of the seller's rate.

The agency's rate is total − creator, derived wherever it is shown, never stored. Each list has at most one
active share link (an unguessable token); creating a new one revokes the old one (rotation).
Every failure is a DomainError whose `field` is the path into the API input; nothing is changed then.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from server import models
from server.auth.principal import Principal
from server.db import count_of, rowcount
from server.models.constraints import RATE_MAX_BPS, RATE_MIN_BPS
from server.models.enums import RegistrationStatus
from server.money import bps_to_percent
from server.runtime import Runtime
from server.services import audit, showcase_rates
from server.services.errors import DomainError, not_found
from server.services.registration_rules import effective_status
from server.services.unit_of_work import UnitOfWork

NAME_MAX = 100
ITEMS_MAX = 100
LISTS_PER_AGENCY = 1000
COPY_SUFFIX = " (copy)"

Field = Sequence[str | int]


@dataclass(frozen=True, slots=True)
class ItemSpec:
    registration_id: int
    creator_rate_bps: int


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


def _agency_id(principal: Principal) -> int:
    if principal.agency_id is None:  # the policy gate lets only agencies call these
        raise not_found("Product list")
    return principal.agency_id


def check_name(name: str, field: Field = ("input", "name")) -> str:
    name = name.strip()
    if not name:
        raise DomainError("REQUIRED", "Enter a name for the list", field)
    if len(name) > NAME_MAX:
        raise DomainError("TOO_LONG", f"Use at most {NAME_MAX} characters", field)
    return name


def _check_count(count: int, field: Field) -> None:
    if count > ITEMS_MAX:
        raise DomainError(
            "TOO_MANY", f"A list holds at most {ITEMS_MAX} products (this would make {count})", field
        )


async def _own_list(uow: UnitOfWork, principal: Principal, list_id: int, field: Field) -> models.ProductList:
    """The agency's list, locked for this transaction (PostgreSQL) so concurrent edits of one list serialise."""
    row = await uow.session.scalar(
        select(models.ProductList)
        .where(models.ProductList.id == list_id, models.ProductList.agency_id == _agency_id(principal))
        .with_for_update()
    )
    if row is None:
        raise not_found("Product list", field)
    return row


async def _check_items(
    uow: UnitOfWork, principal: Principal, campaign_id: int, specs: Sequence[ItemSpec], field: Field
) -> None:
    """Every item names a distinct registration APPROVED in the list's campaign, at a creator rate in 100..8000
    and at most the registration's total rate. Registrations of other agencies are NOT_FOUND (not revealed)."""
    ids = [spec.registration_id for spec in specs]
    rows = (
        await uow.session.execute(
            select(models.Registration, models.Campaign.campaign_end)
            .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
            .where(models.Registration.id.in_(ids), models.Campaign.agency_id == _agency_id(principal))
        )
    ).all()
    found = {row.id: row for row, _ in rows}
    now = uow.rt.clock.now()
    status = {row.id: effective_status(row.status, campaign_end, now) for row, campaign_end in rows}
    seen: set[int] = set()
    for i, spec in enumerate(specs):
        at = [*field, i]
        rate = spec.creator_rate_bps
        if not RATE_MIN_BPS <= rate <= RATE_MAX_BPS:
            raise DomainError(
                "OUT_OF_RANGE",
                f"A creator rate is between {bps_to_percent(RATE_MIN_BPS)} and {bps_to_percent(RATE_MAX_BPS)}",
                [*at, "creatorRateBps"],
            )
        if spec.registration_id in seen:
            raise DomainError("DUPLICATE_ITEM", "This product is listed twice", [*at, "registrationId"])
        seen.add(spec.registration_id)
        registration = found.get(spec.registration_id)
        if registration is None:
            raise not_found("Registration", [*at, "registrationId"])
        if registration.campaign_id != campaign_id:
            raise DomainError(
                "WRONG_CAMPAIGN",
                "This product is registered in another campaign than the list's",
                [*at, "registrationId"],
            )
        if status[registration.id] is not RegistrationStatus.APPROVED:
            raise DomainError("NOT_APPROVED", "Only approved products can be listed", [*at, "registrationId"])
        if rate > registration.total_rate_bps:
            total = bps_to_percent(registration.total_rate_bps)
            raise DomainError(
                "ABOVE_TOTAL_RATE",
                f"The creator rate cannot exceed the seller's total rate of {total}",
                [*at, "creatorRateBps"],
            )


async def _insert_list(
    uow: UnitOfWork, principal: Principal, *, campaign_id: int, name: str
) -> models.ProductList:
    """Adds the list, then enforces the per-agency limit. The agency row is locked first (PostgreSQL) and the
    insert comes before the count (SQLite: the insert takes the database's write lock), so two concurrent creates
    can never both pass the limit."""
    agency_id = _agency_id(principal)
    s = uow.session
    await s.execute(
        select(models.Agency.organisation_id)
        .where(models.Agency.organisation_id == agency_id)
        .with_for_update()
    )
    now = uow.rt.clock.now()
    row = models.ProductList(
        agency_id=agency_id, campaign_id=campaign_id, name=name, created_at=now, updated_at=now
    )
    s.add(row)
    await s.flush()
    count = await count_of(s, select(func.count()).where(models.ProductList.agency_id == agency_id))
    if count > LISTS_PER_AGENCY:
        raise DomainError(
            "LIMIT_REACHED", f"An agency has at most {LISTS_PER_AGENCY} lists: delete one to create another"
        )
    return row


def _add_items(uow: UnitOfWork, list_id: int, specs: Sequence[ItemSpec]) -> None:
    now = uow.rt.clock.now()
    uow.session.add_all(
        models.ProductListItem(
            list_id=list_id,
            registration_id=spec.registration_id,
            creator_rate_bps=spec.creator_rate_bps,
            created_at=now,
            updated_at=now,
        )
        for spec in specs
    )


async def create_list(
    rt: Runtime, principal: Principal, *, campaign_id: int, name: str, items: Sequence[ItemSpec] = ()
) -> models.ProductList:
    name = check_name(name)
    _check_count(len(items), ["input", "items"])
    async with UnitOfWork(rt) as uow:
        campaign = await uow.session.scalar(
            select(models.Campaign).where(
                models.Campaign.id == campaign_id, models.Campaign.agency_id == _agency_id(principal)
            )
        )
        if campaign is None:
            raise not_found("Campaign", ["input", "campaignId"])
        await _check_items(uow, principal, campaign.id, items, ["input", "items"])
        row = await _insert_list(uow, principal, campaign_id=campaign.id, name=name)
        _add_items(uow, row.id, items)
    return row


async def rename_list(rt: Runtime, principal: Principal, *, list_id: int, name: str) -> models.ProductList:
    name = check_name(name)
    async with UnitOfWork(rt) as uow:
        row = await _own_list(uow, principal, list_id, ["input", "id"])
        if row.name != name:
            row.name = name
            row.updated_at = rt.clock.now()
    return row


async def duplicate_list(
    rt: Runtime, principal: Principal, *, list_id: int, name: str | None = None
) -> models.ProductList:
    """A new list of the same campaign with the same items and rates; never the share link."""
    if name is not None:
        name = check_name(name)
    async with UnitOfWork(rt) as uow:
        source = await _own_list(uow, principal, list_id, ["input", "id"])
        if name is None:
            name = source.name[: NAME_MAX - len(COPY_SUFFIX)].rstrip() + COPY_SUFFIX
        items = (
            await uow.session.scalars(
                select(models.ProductListItem)
                .where(models.ProductListItem.list_id == source.id)
                .order_by(models.ProductListItem.created_at, models.ProductListItem.id)
            )
        ).all()
        row = await _insert_list(uow, principal, campaign_id=source.campaign_id, name=name)
        _add_items(uow, row.id, [ItemSpec(item.registration_id, item.creator_rate_bps) for item in items])
    return row


async def delete_list(rt: Runtime, principal: Principal, *, list_id: int) -> int:
    """Items and links go with the list (foreign keys); showcase entries added from it stay, without the item."""
    async with UnitOfWork(rt) as uow:
        deleted = (
            await uow.session.execute(
                delete(models.ProductList)
                .where(
                    models.ProductList.id == list_id, models.ProductList.agency_id == _agency_id(principal)
                )
                .returning(models.ProductList.id)
            )
        ).scalar_one_or_none()
        if deleted is None:
            raise not_found("Product list", ["input", "id"])
    return deleted


async def set_items(
    rt: Runtime,
    principal: Principal,
    *,
    list_id: int,
    items: Sequence[ItemSpec] = (),
    remove: Sequence[int] = (),
) -> models.ProductList:
    """Adds or re-prices `items` (the input's `set`) and removes `remove` (registration ids) in one transaction.

    Re-pricing reaches the creators who already have the product through this item: an increase at once, a
    decrease after the 30-day lock (server/services/showcase_rates.py). New adds always get the item's rate.
    """
    async with UnitOfWork(rt) as uow:
        s = uow.session
        row = await _own_list(uow, principal, list_id, ["input", "listId"])
        existing = {
            item.registration_id: item
            for item in (
                await s.scalars(
                    select(models.ProductListItem).where(models.ProductListItem.list_id == row.id)
                )
            ).all()
        }
        to_set = {spec.registration_id for spec in items}
        removing: set[int] = set()
        for j, registration_id in enumerate(remove):
            at = ["input", "remove", j]
            if registration_id in removing or registration_id in to_set:
                raise DomainError("DUPLICATE_ITEM", "This product is named twice", at)
            if registration_id not in existing:
                raise not_found("Product in this list", at)
            removing.add(registration_id)
        await _check_items(uow, principal, row.campaign_id, items, ["input", "set"])
        added = [spec for spec in items if spec.registration_id not in existing]
        _check_count(len(existing) - len(removing) + len(added), ["input", "set"])

        if removing:
            await s.execute(
                delete(models.ProductListItem).where(
                    models.ProductListItem.list_id == row.id,
                    models.ProductListItem.registration_id.in_(removing),
                )
            )
        now = rt.clock.now()
        changed = bool(removing or added)
        for spec in items:
            item = existing.get(spec.registration_id)
            if item is None or item.creator_rate_bps == spec.creator_rate_bps:
                continue
            changed = True
            old = item.creator_rate_bps
            item.creator_rate_bps = spec.creator_rate_bps
            item.updated_at = now
            audit.record(
                uow,
                principal,
                subject_type="ProductListItem",
                subject_id=item.id,
                action="product_list_item.reprice",
                campaign_id=row.campaign_id,
                changes={"creatorRateBps": [old, spec.creator_rate_bps]},
            )
            await showcase_rates.reprice_entries(uow, item_id=item.id, new_rate_bps=spec.creator_rate_bps)
        _add_items(uow, row.id, added)
        if changed:
            row.updated_at = now
    return row


async def create_share_link(rt: Runtime, principal: Principal, *, list_id: int) -> models.ShareLink:
    """A new unguessable link for the list; the previous active one (if any) is revoked."""
    async with UnitOfWork(rt) as uow:
        s = uow.session
        row = await _own_list(uow, principal, list_id, ["input", "listId"])
        has_items = await count_of(s, select(func.count()).where(models.ProductListItem.list_id == row.id))
        if not has_items:
            raise DomainError(
                "REQUIRED", "Add at least one product before sharing the list", ["input", "listId"]
            )
        now = rt.clock.now()
        await s.execute(
            update(models.ShareLink)
            .where(models.ShareLink.list_id == row.id, models.ShareLink.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        link = models.ShareLink(list_id=row.id, token=new_share_token(), created_at=now)
        s.add(link)
        await s.flush()
    return link


async def revoke_share_link(rt: Runtime, principal: Principal, *, link_id: int) -> models.ShareLink:
    async with UnitOfWork(rt) as uow:
        s = uow.session
        link = await s.scalar(
            select(models.ShareLink)
            .join(models.ProductList, models.ProductList.id == models.ShareLink.list_id)
            .where(models.ShareLink.id == link_id, models.ProductList.agency_id == _agency_id(principal))
        )
        if link is None:
            raise not_found("Share link", ["input", "id"])
        # Conditional, so two concurrent revokes cannot both succeed; the loaded link is updated in place.
        result = await s.execute(
            update(models.ShareLink)
            .where(models.ShareLink.id == link.id, models.ShareLink.revoked_at.is_(None))
            .values(revoked_at=rt.clock.now())
        )
        if rowcount(result) == 0:
            raise DomainError("ALREADY_REVOKED", "This link is already revoked", ["input", "id"])
    return link
