"""Attribution at order time: which collaboration a line was sold through, and the rates then in force.

A line is attributed when it came through a showcase entry of that product that was active at `placed_at`
(or through a share link whose list held an approved registration of the product, with the creator named),
its registration was approved and not yet closed, and its campaign was running. The snapshot — campaign,
registration, creator, agency, total rate (the registration's) and creator rate (the entry's, or its
pending decrease once due; the list item's for a link without an entry) — is written on the line and never
rewritten. Anything else is stored unattributed, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import RegistrationStatus
from server.rates import entry_rate_in_force

# Where the creator rate came from (order_lines.creator_rate_source).
SHOWCASE_ENTRY = "SHOWCASE_ENTRY"  # the entry's rate
SHOWCASE_ENTRY_DECREASE = "SHOWCASE_ENTRY_DECREASE"  # the entry's pending decrease, due at order time
LIST_ITEM = "LIST_ITEM"  # a share link without a showcase entry: the list item's rate
RATE_SOURCES = (SHOWCASE_ENTRY, SHOWCASE_ENTRY_DECREASE, LIST_ITEM)

# Why a line is not attributed (order_lines.unattributed_reason).
NO_ATTRIBUTION = "NO_ATTRIBUTION"  # the platform named no creator link: an organic sale
NO_SHOWCASE_ENTRY = "NO_SHOWCASE_ENTRY"  # no such entry, or it was not in the showcase yet
ENTRY_NOT_FOR_PRODUCT = "ENTRY_NOT_FOR_PRODUCT"
ENTRY_ENDED = "ENTRY_ENDED"  # removed, replaced or ended before the order
CREATOR_MISMATCH = "CREATOR_MISMATCH"  # the entry is another creator's than the one named
UNKNOWN_SHARE_LINK = "UNKNOWN_SHARE_LINK"
LINK_REVOKED = "LINK_REVOKED"
UNKNOWN_CREATOR = "UNKNOWN_CREATOR"
PRODUCT_NOT_IN_LIST = "PRODUCT_NOT_IN_LIST"
REGISTRATION_NOT_APPROVED = "REGISTRATION_NOT_APPROVED"
REGISTRATION_CLOSED = "REGISTRATION_CLOSED"
CAMPAIGN_NOT_STARTED = "CAMPAIGN_NOT_STARTED"
CAMPAIGN_CLOSED = "CAMPAIGN_CLOSED"
RATE_ABOVE_TOTAL = "RATE_ABOVE_TOTAL"

_ACTIVE_REGISTRATION = (RegistrationStatus.APPROVED, RegistrationStatus.PENDING_CLOSED)


@dataclass(frozen=True, slots=True)
class Claim:
    """What the platform says a line came through."""

    product_id: int
    showcase_entry_id: int | None = None
    share_link_token: str | None = None
    creator_handle: str | None = None

    @property
    def empty(self) -> bool:
        return self.showcase_entry_id is None and self.share_link_token is None


@dataclass(slots=True)
class Attribution:
    unattributed_reason: str | None = None
    showcase_entry_id: int | None = None
    share_link_id: int | None = None
    list_item_id: int | None = None
    campaign_id: int | None = None
    registration_id: int | None = None
    creator_id: int | None = None
    agency_id: int | None = None
    total_rate_bps: int | None = None
    creator_rate_bps: int | None = None
    creator_rate_source: str | None = None

    def as_columns(self) -> dict[str, object]:
        return {
            "unattributed_reason": self.unattributed_reason,
            "showcase_entry_id": self.showcase_entry_id,
            "share_link_id": self.share_link_id,
            "list_item_id": self.list_item_id,
            "campaign_id": self.campaign_id,
            "registration_id": self.registration_id,
            "creator_id": self.creator_id,
            "agency_id": self.agency_id,
            "total_rate_bps": self.total_rate_bps,
            "creator_rate_bps": self.creator_rate_bps,
            "creator_rate_source": self.creator_rate_source,
        }


def _unattributed(
    reason: str, *, showcase_entry_id: int | None = None, share_link_id: int | None = None
) -> Attribution:
    # Where it came from (entry, link) is kept for the receipt; the snapshot columns stay null.
    return Attribution(
        unattributed_reason=reason, showcase_entry_id=showcase_entry_id, share_link_id=share_link_id
    )


def _collaboration_problem(
    registration: models.Registration, campaign: models.Campaign, placed_at: datetime
) -> str | None:
    """Why the registration and its campaign could not earn commission at `placed_at`, or None."""
    closed = registration.status is RegistrationStatus.CLOSED or registration.closed_at is not None
    if closed and (registration.closed_at is None or registration.closed_at <= placed_at):
        return REGISTRATION_CLOSED
    was_active = (
        registration.status in _ACTIVE_REGISTRATION or registration.status is RegistrationStatus.CLOSED
    )
    if not was_active or registration.decided_at is None or registration.decided_at > placed_at:
        return REGISTRATION_NOT_APPROVED
    if placed_at < campaign.campaign_start:
        return CAMPAIGN_NOT_STARTED
    if placed_at >= campaign.campaign_end:
        return CAMPAIGN_CLOSED
    return None


def _entry_active(entry: models.ShowcaseEntry, placed_at: datetime) -> str | None:
    if entry.added_at > placed_at:
        return NO_SHOWCASE_ENTRY
    if entry.ended_at is not None and entry.ended_at <= placed_at:
        return ENTRY_ENDED
    return None


def _snapshot(
    *,
    registration: models.Registration,
    campaign: models.Campaign,
    creator_id: int,
    creator_rate_bps: int,
    source: str,
    entry_id: int | None,
    list_item_id: int | None,
    share_link_id: int | None,
) -> Attribution:
    if creator_rate_bps > registration.total_rate_bps:
        return _unattributed(RATE_ABOVE_TOTAL, showcase_entry_id=entry_id, share_link_id=share_link_id)
    return Attribution(
        showcase_entry_id=entry_id,
        share_link_id=share_link_id,
        list_item_id=list_item_id,
        campaign_id=campaign.id,
        registration_id=registration.id,
        creator_id=creator_id,
        agency_id=campaign.agency_id,
        total_rate_bps=registration.total_rate_bps,
        creator_rate_bps=creator_rate_bps,
        creator_rate_source=source,
    )


def _through_entry(
    entry: models.ShowcaseEntry,
    registration: models.Registration,
    campaign: models.Campaign,
    placed_at: datetime,
    *,
    share_link_id: int | None = None,
) -> Attribution:
    problem = _entry_active(entry, placed_at) or _collaboration_problem(registration, campaign, placed_at)
    if problem:
        return _unattributed(problem, showcase_entry_id=entry.id, share_link_id=share_link_id)
    rate = entry_rate_in_force(entry, placed_at)
    return _snapshot(
        registration=registration,
        campaign=campaign,
        creator_id=entry.creator_id,
        creator_rate_bps=rate,
        source=SHOWCASE_ENTRY if rate == entry.creator_rate_bps else SHOWCASE_ENTRY_DECREASE,
        entry_id=entry.id,
        list_item_id=entry.list_item_id,
        share_link_id=share_link_id or entry.share_link_id,
    )


async def attribute(session: AsyncSession, claims: Sequence[Claim], placed_at: datetime) -> list[Attribution]:
    """One Attribution per claim of one order."""
    return (await attribute_many(session, [(claims, placed_at)]))[0]


async def attribute_many(
    session: AsyncSession, orders: Sequence[tuple[Sequence[Claim], datetime]]
) -> list[list[Attribution]]:
    """Per order (its claims and when it was placed), one Attribution per claim — with the same handful of
    set-based reads for the whole batch of orders, however many there are."""
    claims = [claim for order_claims, _ in orders for claim in order_claims]
    entry_ids = {c.showcase_entry_id for c in claims if c.showcase_entry_id is not None}
    tokens = {c.share_link_token for c in claims if c.share_link_token is not None}
    handles = {c.creator_handle for c in claims if c.creator_handle is not None}

    entries: dict[int, tuple[models.ShowcaseEntry, models.Registration, models.Campaign]] = {}
    if entry_ids:
        rows = await session.execute(
            select(models.ShowcaseEntry, models.Registration, models.Campaign)
            .join(models.Registration, models.Registration.id == models.ShowcaseEntry.registration_id)
            .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
            .where(models.ShowcaseEntry.id.in_(entry_ids))
        )
        entries = {entry.id: (entry, registration, campaign) for entry, registration, campaign in rows}
    creators: dict[str, int] = {}
    if handles:
        rows = await session.execute(
            select(models.CreatorProfile.handle, models.CreatorProfile.organisation_id).where(
                models.CreatorProfile.handle.in_(handles)
            )
        )
        creators = {handle: org_id for handle, org_id in rows}
    links: dict[str, models.ShareLink] = {}
    # (list id, product id) -> (item, registration, campaign); (creator id, item id) -> its entries
    items: dict[tuple[int, int], tuple[models.ProductListItem, models.Registration, models.Campaign]] = {}
    link_entries: dict[tuple[int, int], list[models.ShowcaseEntry]] = {}
    if tokens:
        links = {
            link.token: link
            for link in await session.scalars(
                select(models.ShareLink).where(models.ShareLink.token.in_(tokens))
            )
        }
        if links:
            product_ids = {c.product_id for c in claims if c.share_link_token in links}
            rows = await session.execute(
                select(models.ProductListItem, models.Registration, models.Campaign)
                .join(models.Registration, models.Registration.id == models.ProductListItem.registration_id)
                .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
                .where(
                    models.ProductListItem.list_id.in_({link.list_id for link in links.values()}),
                    models.Registration.product_id.in_(product_ids),
                )
            )
            for item, registration, campaign in rows:
                items[(item.list_id, registration.product_id)] = (item, registration, campaign)
            if items and creators:
                found = await session.scalars(
                    select(models.ShowcaseEntry).where(
                        models.ShowcaseEntry.list_item_id.in_({item.id for item, _, _ in items.values()}),
                        models.ShowcaseEntry.creator_id.in_(set(creators.values())),
                    )
                )
                for entry in found:
                    link_entries.setdefault((entry.creator_id, entry.list_item_id or 0), []).append(entry)

    return [
        [
            _attribute_one(claim, placed_at, entries, links, creators, items, link_entries)
            for claim in order_claims
        ]
        for order_claims, placed_at in orders
    ]


def _attribute_one(
    claim: Claim,
    placed_at: datetime,
    entries: dict[int, tuple[models.ShowcaseEntry, models.Registration, models.Campaign]],
    links: dict[str, models.ShareLink],
    creators: dict[str, int],
    items: dict[tuple[int, int], tuple[models.ProductListItem, models.Registration, models.Campaign]],
    link_entries: dict[tuple[int, int], list[models.ShowcaseEntry]],
) -> Attribution:
    if claim.empty:
        return _unattributed(NO_ATTRIBUTION)
    if claim.showcase_entry_id is None:
        return _through_link(claim, links, creators, items, link_entries, placed_at)
    found_entry = entries.get(claim.showcase_entry_id)
    if found_entry is None:
        return _unattributed(NO_SHOWCASE_ENTRY)
    entry, registration, campaign = found_entry
    if entry.product_id != claim.product_id:
        return _unattributed(ENTRY_NOT_FOR_PRODUCT, showcase_entry_id=entry.id)
    if claim.creator_handle is not None and creators.get(claim.creator_handle) != entry.creator_id:
        return _unattributed(CREATOR_MISMATCH, showcase_entry_id=entry.id)
    return _through_entry(entry, registration, campaign, placed_at)


def _link_entry(candidates: list[models.ShowcaseEntry], placed_at: datetime) -> models.ShowcaseEntry | None:
    """Of the creator's entries for a list item, the (last) one active at order time, else the first."""
    active = [entry for entry in candidates if _entry_active(entry, placed_at) is None]
    if active:
        return active[-1]
    return candidates[0] if candidates else None


def _through_link(
    claim: Claim,
    links: dict[str, models.ShareLink],
    creators: dict[str, int],
    items: dict[tuple[int, int], tuple[models.ProductListItem, models.Registration, models.Campaign]],
    link_entries: dict[tuple[int, int], list[models.ShowcaseEntry]],
    placed_at: datetime,
) -> Attribution:
    link = links.get(claim.share_link_token or "")
    if link is None:
        return _unattributed(UNKNOWN_SHARE_LINK)
    if link.revoked_at is not None and link.revoked_at <= placed_at:
        return _unattributed(LINK_REVOKED, share_link_id=link.id)
    creator_id = creators.get(claim.creator_handle or "")
    if creator_id is None:
        return _unattributed(UNKNOWN_CREATOR, share_link_id=link.id)
    found = items.get((link.list_id, claim.product_id))
    if found is None:
        return _unattributed(PRODUCT_NOT_IN_LIST, share_link_id=link.id)
    item, registration, campaign = found
    entry = _link_entry(link_entries.get((creator_id, item.id), []), placed_at)
    if entry is not None and _entry_active(entry, placed_at) is None:
        return _through_entry(entry, registration, campaign, placed_at, share_link_id=link.id)
    problem = _collaboration_problem(registration, campaign, placed_at)
    if problem:
        return _unattributed(problem, share_link_id=link.id)
    return _snapshot(
        registration=registration,
        campaign=campaign,
        creator_id=creator_id,
        creator_rate_bps=item.creator_rate_bps,
        source=LIST_ITEM,
        entry_id=None,
        list_item_id=item.id,
        share_link_id=link.id,
    )
