"""The creator's showcase: opening a share link, adding and removing its products, commission offers, and
ending entries when their registration closes.

One product has one ACTIVE entry per creator (a partial unique index); the offer the creator chose wins.
A creator sees only its own rate: nothing here reads or returns a seller's total rate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.events import channels
from server.models.enums import RegistrationStatus, ShowcaseStatus
from server.money import bps_to_percent
from server.rates import rate_in_force, still_pending
from server.runtime import Runtime
from server.services import audit, offer_rules
from server.services.errors import DomainError, DomainErrors
from server.services.notification_kinds import shown_titles
from server.services.notifications import creator_name, notify
from server.services.showcase_views import (
    LowerRateNotice,
    OfferItem,
    SharedOffer,
)
from server.services.unit_of_work import UnitOfWork

MAX_ITEMS = 100  # a list holds at most 100 products
MAX_OFFER_PRODUCTS = 100
LINK_NOT_VALID = "This link is not valid. Ask the agency for a new one."


# --- views (what the API shows a creator) ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddResult:
    entry_ids: list[int]  # ACTIVE through this offer after the call (new, or already there)
    replaced_ids: list[int]


# --- shared queries --------------------------------------------------------------------------------------


def _insert(rt: Runtime) -> Any:
    return sqlite_insert if rt.settings.is_sqlite else pg_insert


async def share_link_row(uow: UnitOfWork, token: str) -> Row[*tuple[Any, ...]] | None:
    if not offer_rules.plausible_token(token):
        return None
    stmt = (
        select(
            models.ShareLink.id.label("link_id"),
            models.ShareLink.list_id,
            models.ProductList.name.label("list_name"),
            models.Campaign.id.label("campaign_id"),
            models.Campaign.agency_id,
            models.Campaign.name.label("campaign_name"),
            models.Campaign.campaign_end,
            models.Campaign.market,
            models.Organisation.name.label("agency_name"),
        )
        .join(models.ProductList, models.ProductList.id == models.ShareLink.list_id)
        .join(models.Campaign, models.Campaign.id == models.ProductList.campaign_id)
        .join(models.Organisation, models.Organisation.id == models.Campaign.agency_id)
        .where(offer_rules.valid_link(token, uow.rt.clock.now()))
    )
    return (await uow.session.execute(stmt)).first()


async def _record_open(uow: UnitOfWork, link_id: int, creator_id: int) -> None:
    """Idempotent: the first opening is kept."""
    stmt = (
        _insert(uow.rt)(models.LinkOpen)
        .values(share_link_id=link_id, creator_id=creator_id, first_opened_at=uow.rt.clock.now())
        .on_conflict_do_nothing(index_elements=["share_link_id", "creator_id"])
    )
    await uow.session.execute(stmt)


async def list_items(uow: UnitOfWork, list_id: int) -> list[Row[*tuple[Any, ...]]]:
    stmt = (
        select(
            models.ProductListItem.id,
            models.ProductListItem.creator_rate_bps,
            models.Registration.id.label("registration_id"),
            models.Registration.product_id,
            models.Registration.status,
            models.Registration.sample_quota,
            offer_rules.consumed_samples().label("consumed"),
        )
        .join(models.Registration, models.Registration.id == models.ProductListItem.registration_id)
        .where(models.ProductListItem.list_id == list_id)
        .order_by(models.ProductListItem.id)
    )
    return list((await uow.session.execute(stmt)).all())


async def active_entries(
    session: Any, creator_id: int, product_ids: Iterable[int]
) -> dict[int, tuple[models.ShowcaseEntry, str]]:
    """The creator's ACTIVE entry per product, with where it comes from ("campaign · agency")."""
    product_ids = list(set(product_ids))
    if not product_ids:
        return {}
    stmt = (
        select(models.ShowcaseEntry, models.Campaign.name, models.Organisation.name)
        .join(models.Registration, models.Registration.id == models.ShowcaseEntry.registration_id)
        .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
        .join(models.Organisation, models.Organisation.id == models.Campaign.agency_id)
        .where(
            models.ShowcaseEntry.creator_id == creator_id,
            models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
            models.ShowcaseEntry.product_id.in_(product_ids),
        )
    )
    rows = (await session.execute(stmt)).all()
    return {entry.product_id: (entry, f"{campaign} · {agency}") for entry, campaign, agency in rows}


def _notice(
    entry: models.ShowcaseEntry, source: str, offered_rate_bps: int, now: datetime
) -> LowerRateNotice:
    pending, pending_at = still_pending(entry.pending_rate_bps, entry.pending_rate_effective_at, now)
    return LowerRateNotice(
        current_rate_bps=rate_in_force(
            entry.creator_rate_bps, entry.pending_rate_bps, entry.pending_rate_effective_at, now
        ),
        offered_rate_bps=offered_rate_bps,
        current_source=source,
        current_pending_rate_bps=pending,
        current_pending_effective_at=pending_at,
    )


def publish_showcase_change(uow: UnitOfWork, creator_id: int, entry_id: int, status: ShowcaseStatus) -> None:
    uow.publish_after_commit(
        channels.showcase_of_creator(creator_id),
        {"type": "ShowcaseChanged", "id": entry_id, "status": status.value},
    )


def titles_text(titles: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(titles[:limit])
    return shown if len(titles) <= limit else f"{shown} and {len(titles) - limit} more"


# --- shareLink ---------------------------------------------------------------------------------------------


async def open_share_link(rt: Runtime, principal: Principal, token: str) -> SharedOffer | None:
    """The offer behind a link, as the creator sees it; None for an unknown, revoked or closed link (alike).

    Opening records the creator's first visit (the agency sees who its links reached)."""
    creator_id = principal.organisation_id
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        link = await share_link_row(uow, token)
        if link is None:
            return None
        await _record_open(uow, link.link_id, creator_id)
        items = [i for i in await list_items(uow, link.list_id) if i.status == RegistrationStatus.APPROVED]
        active = await active_entries(uow.session, creator_id, (i.product_id for i in items))
    offer_items: list[OfferItem] = []
    for item in items:
        current = active.get(item.product_id)
        same_offer = current is not None and current[0].list_item_id == item.id
        offer_items.append(
            offer_item(
                item,
                link,
                in_showcase=same_offer,
                notice=None
                if current is None or same_offer
                else _notice(*current, item.creator_rate_bps, now),
            )
        )
    return shared_offer(token, link, offer_items)


def offer_item(
    item: Row[*tuple[Any, ...]],
    link: Row[*tuple[Any, ...]],
    *,
    in_showcase: bool,
    notice: LowerRateNotice | None,
) -> OfferItem:
    """A list item (a row of list_items) as the link offers it."""
    return OfferItem(
        list_item_id=item.id,
        product_id=item.product_id,
        creator_rate_bps=item.creator_rate_bps,
        samples_left=offer_rules.samples_left(item.sample_quota, item.consumed),
        campaign_end=link.campaign_end,
        in_showcase=in_showcase,
        notice=notice,
    )


def shared_offer(token: str, link: Row[*tuple[Any, ...]], items: list[OfferItem]) -> SharedOffer:
    """The offer of a share link (a row of share_link_row) with these items."""
    return SharedOffer(
        token=token,
        agency_name=link.agency_name,
        campaign_name=link.campaign_name,
        campaign_end=link.campaign_end,
        market=link.market,
        items=items,
    )


# --- showcaseAdd / showcaseRemove ------------------------------------------------------------------------


async def add_to_showcase(
    rt: Runtime,
    principal: Principal,
    *,
    token: str,
    accept_terms: bool,
    item_ids: Sequence[int] | None,
    choices: dict[int, bool],
) -> AddResult:
    """Adds all (item_ids None) or the chosen items of the offer behind `token`.

    `choices` maps a product id to True (take the NEW offer, the old entry becomes REPLACED) or False (keep the
    EXISTING entry). A product already ACTIVE through another offer without a choice is refused."""
    if not accept_terms:
        raise DomainError("TERMS_NOT_ACCEPTED", "Accept the terms to add products", ["input", "acceptTerms"])
    if item_ids is not None:
        if not item_ids:
            raise DomainError("REQUIRED", "Choose at least one product", ["input", "itemIds"])
        if len(item_ids) > MAX_ITEMS:
            raise DomainError("TOO_MANY", f"Choose at most {MAX_ITEMS} products", ["input", "itemIds"])
    creator_id = principal.organisation_id
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        link = await share_link_row(uow, token)
        if link is None:
            raise DomainError("LINK_NOT_VALID", LINK_NOT_VALID, ["input", "token"])
        items = await list_items(uow, link.list_id)
        chosen = _chosen_items(items, item_ids)
        active = await active_entries(s, creator_id, (i.product_id for i in chosen))

        titles = dict(
            (
                await s.execute(
                    select(models.Product.id, models.Product.title).where(
                        models.Product.id.in_([i.product_id for i in chosen])
                    )
                )
            ).all()
        )
        errors: list[DomainError] = []
        to_add: list[Row[*tuple[Any, ...]]] = []
        to_replace: list[models.ShowcaseEntry] = []
        kept_same: list[int] = []
        for item in chosen:
            current = active.get(item.product_id)
            if current is None:
                to_add.append(item)
                continue
            entry, source = current
            if entry.list_item_id == item.id:
                kept_same.append(entry.id)
                continue
            choice = choices.get(item.product_id)
            if choice is None:
                notice = _notice(entry, source, item.creator_rate_bps, now)
                errors.append(
                    DomainError(
                        "CHOICE_REQUIRED",
                        f"{titles.get(item.product_id, 'This product')} is already in your showcase at "
                        f"{bps_to_percent(notice.current_rate_bps)} through {source}; this offer is "
                        f"{bps_to_percent(item.creator_rate_bps)}. Choose which offer to keep.",
                        ["input", "choices"],
                        product_pk=item.product_id,
                    )
                )
            elif choice:
                to_add.append(item)
                to_replace.append(entry)
        if errors:
            raise DomainErrors(errors)

        await _record_open(uow, link.link_id, creator_id)
        if to_replace:
            result = await s.execute(
                update(models.ShowcaseEntry)
                .where(
                    models.ShowcaseEntry.id.in_([entry.id for entry in to_replace]),
                    models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
                )
                .values(status=ShowcaseStatus.REPLACED, ended_at=now)
                .execution_options(synchronize_session=False)
            )
            if rowcount(result) != len(to_replace):
                raise showcase_conflict()
        new_entries = [
            models.ShowcaseEntry(
                creator_id=creator_id,
                product_id=item.product_id,
                registration_id=item.registration_id,
                list_item_id=item.id,
                share_link_id=link.link_id,
                creator_rate_bps=item.creator_rate_bps,
                status=ShowcaseStatus.ACTIVE,
                added_at=now,
                terms_accepted_at=now,
            )
            for item in to_add
        ]
        s.add_all(new_entries)
        try:
            await s.flush()
        except IntegrityError:
            raise showcase_conflict() from None

        for entry in to_replace:
            audit.record(
                uow,
                principal,
                subject_type="ShowcaseEntry",
                subject_id=entry.id,
                action="showcase.replace",
                campaign_id=None,
                changes={"status": [ShowcaseStatus.ACTIVE.value, ShowcaseStatus.REPLACED.value]},
            )
            publish_showcase_change(uow, creator_id, entry.id, ShowcaseStatus.REPLACED)
        for entry in new_entries:
            audit.record(
                uow,
                principal,
                subject_type="ShowcaseEntry",
                subject_id=entry.id,
                action="showcase.add",
                campaign_id=link.campaign_id,
                changes={"creatorRateBps": [None, entry.creator_rate_bps]},
            )
            publish_showcase_change(uow, creator_id, entry.id, ShowcaseStatus.ACTIVE)
        if new_entries:
            name = await creator_name(uow, creator_id)
            added = [titles.get(e.product_id, "") for e in new_entries]
            await notify(
                uow,
                recipient_organisation_id=link.agency_id,
                kind="SHOWCASE_ADDED",
                title=f"{name} added {len(added)} product{'s' if len(added) != 1 else ''}",
                body=f"From {link.list_name} ({link.campaign_name}): {titles_text(added)}.",
                subject_type="ProductList",
                subject_id=link.list_id,
                params={
                    "creator": name,
                    "list": link.list_name,
                    "campaign": link.campaign_name,
                    **shown_titles(added),
                },
            )
        return AddResult(
            entry_ids=[e.id for e in new_entries] + kept_same, replaced_ids=[e.id for e in to_replace]
        )


def _chosen_items(
    items: list[Row[*tuple[Any, ...]]], item_ids: Sequence[int] | None
) -> list[Row[*tuple[Any, ...]]]:
    if item_ids is None:
        available = [i for i in items if i.status == RegistrationStatus.APPROVED]
        if not available:
            raise DomainError(
                "NOT_AVAILABLE", "No product of this offer can be added now", ["input", "token"]
            )
        return available
    by_id = {i.id: i for i in items}
    errors: list[DomainError] = []
    chosen: list[Row[*tuple[Any, ...]]] = []
    seen: set[int] = set()
    for index, item_id in enumerate(item_ids):
        field = ["input", "itemIds", index]
        item = by_id.get(item_id)
        if item_id in seen:
            errors.append(DomainError("DUPLICATE_ITEM", "This product is chosen twice", field))
        elif item is None:
            errors.append(DomainError("NOT_FOUND", "This product is not part of the offer", field))
        elif item.status != RegistrationStatus.APPROVED:
            errors.append(DomainError("NOT_AVAILABLE", "This product can no longer be added", field))
        else:
            chosen.append(item)
        seen.add(item_id)
    if errors:
        raise DomainErrors(errors)
    return chosen


def showcase_conflict() -> DomainError:
    return DomainError("CONFLICT", "Your showcase changed at the same time. Reload and try again.", ["input"])


# --- the hook for registrations that close -----------------------------------------------------------------


# --- commissionOffers --------------------------------------------------------------------------------------
