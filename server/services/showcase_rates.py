"""Creator rates of showcase entries when a list item is re-priced, and the 30-day lock on decreases.

An increase reaches the creators who have the product through the item at once. A decrease is held in
`pending_rate_bps` until `pending_rate_effective_at` (30 days after the decrease): the creators are notified
when it is set and two days before it applies, and `apply_due_rate_decreases` writes it when it is due.
The two sweeper functions are conditional updates, safe to run in several processes at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select, update

from server import models
from server.events import channels
from server.models.enums import ShowcaseStatus
from server.money import bps_to_percent
from server.runtime import Runtime
from server.services import audit
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork

RATE_LOCK = timedelta(days=30)
REMINDER_BEFORE = timedelta(days=2)

RATE_INCREASED = "SHOWCASE_RATE_INCREASED"
RATE_DECREASE_SCHEDULED = "SHOWCASE_RATE_DECREASE_SCHEDULED"
RATE_DECREASE_CANCELLED = "SHOWCASE_RATE_DECREASE_CANCELLED"
RATE_DECREASE_REMINDER = "SHOWCASE_RATE_DECREASE_REMINDER"
REMINDED_ACTION = "showcase_entry.rate_decrease_reminded"
APPLIED_ACTION = "showcase_entry.rate_decrease_applied"

Entry = models.ShowcaseEntry


def _day(at: datetime) -> str:
    return at.strftime("%d %b %Y %H:%M UTC")


async def _offers(uow: UnitOfWork, entry_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Product, campaign and agency per entry: what a creator may know about where an offer comes from."""
    rows = (
        await uow.session.execute(
            select(Entry.id, models.Product.title, models.Campaign.name, models.Organisation.name)
            .join(models.Product, models.Product.id == Entry.product_id)
            .join(models.Registration, models.Registration.id == Entry.registration_id)
            .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
            .join(models.Organisation, models.Organisation.id == models.Campaign.agency_id)
            .where(Entry.id.in_(list(entry_ids)))
        )
    ).all()
    return {
        entry_id: {"product": title, "campaign": campaign, "agency": agency}
        for entry_id, title, campaign, agency in rows
    }


def _offer_text(offer: dict[str, str]) -> str:
    return f"{offer['product']} ({offer['campaign']} · {offer['agency']})"


async def _tell(
    uow: UnitOfWork,
    *,
    entry_id: int,
    creator_id: int,
    kind: str,
    title: str,
    body: str,
    data: dict[str, object],
    params: dict[str, object],
) -> None:
    await notify(
        uow,
        recipient_organisation_id=creator_id,
        kind=kind,
        title=title,
        body=body,
        subject_type="ShowcaseEntry",
        subject_id=entry_id,
        data=data,
        params=params,
    )


def _rate_changed(uow: UnitOfWork, *, entry_id: int, creator_id: int) -> None:
    uow.publish_after_commit(
        channels.showcase_of_creator(creator_id),
        {"type": "ShowcaseChanged", "id": entry_id, "change": "RATE"},
    )


async def reprice_entries(uow: UnitOfWork, *, item_id: int, new_rate_bps: int) -> int:
    """The item's rate became `new_rate_bps`: ACTIVE entries added through it follow (a raise, or going back to
    the entry's current rate, at once and cancelling any pending decrease; a cut after RATE_LOCK from now).
    Returns how many entries changed."""
    s = uow.session
    now = uow.rt.clock.now()
    effective_at = now + RATE_LOCK
    active = (Entry.list_item_id == item_id, Entry.status == ShowcaseStatus.ACTIVE)
    entries = (
        await s.execute(
            select(Entry.id, Entry.creator_id, Entry.creator_rate_bps, Entry.pending_rate_bps).where(*active)
        )
    ).all()
    if not entries:
        return 0
    await s.execute(
        update(Entry)
        .where(*active, Entry.creator_rate_bps <= new_rate_bps)
        .values(creator_rate_bps=new_rate_bps, pending_rate_bps=None, pending_rate_effective_at=None)
        .execution_options(synchronize_session=False)
    )
    await s.execute(
        update(Entry)
        .where(*active, Entry.creator_rate_bps > new_rate_bps)
        .values(pending_rate_bps=new_rate_bps, pending_rate_effective_at=effective_at)
        .execution_options(synchronize_session=False)
    )
    offers = await _offers(uow, (e.id for e in entries))
    new = bps_to_percent(new_rate_bps)
    changed = 0
    for entry_id, creator_id, rate, pending in entries:
        offer, old = _offer_text(offers[entry_id]), bps_to_percent(rate)
        params: dict[str, object] = {**offers[entry_id], "rateBps": rate}
        if rate < new_rate_bps:
            kind, title, body = (
                RATE_INCREASED,
                "Your commission went up",
                f"{offer}: from {old} to {new}, from now on.",
            )
            params["newRateBps"] = new_rate_bps
        elif rate > new_rate_bps:
            kind, title = RATE_DECREASE_SCHEDULED, "Your commission will go down"
            body = f"{offer}: from {old} to {new} on {_day(effective_at)}. Until then you keep {old}."
            params |= {"newRateBps": new_rate_bps, "effectiveAt": effective_at.isoformat()}
        elif pending is not None:
            kind, title = RATE_DECREASE_CANCELLED, "A commission decrease was cancelled"
            body = f"{offer}: you keep {old}."
        else:
            continue
        changed += 1
        await _tell(
            uow,
            entry_id=entry_id,
            creator_id=creator_id,
            kind=kind,
            title=title,
            body=body,
            data={
                "rateBps": rate,
                "newRateBps": new_rate_bps,
                "effectiveAt": (effective_at if rate > new_rate_bps else now).isoformat(),
            },
            params=params,
        )
        _rate_changed(uow, entry_id=entry_id, creator_id=creator_id)
    return changed


async def apply_due_rate_decreases(rt: Runtime) -> int:
    """Writes every pending decrease whose time has come. Returns how many entries changed."""
    now = rt.clock.now()
    due = (Entry.status == ShowcaseStatus.ACTIVE, Entry.pending_rate_effective_at <= now)
    async with UnitOfWork(rt) as uow:
        s = uow.session
        candidates = {
            row.id: row
            for row in (
                await s.execute(
                    select(Entry.id, Entry.creator_id, Entry.creator_rate_bps, Entry.pending_rate_bps)
                    .where(*due)
                    .with_for_update(skip_locked=True)
                )
            ).all()
        }
        if not candidates:
            return 0
        # Conditional: an entry another process already applied no longer matches.
        applied = (
            await s.execute(
                update(Entry)
                .where(Entry.id.in_(list(candidates)), *due)
                .values(
                    creator_rate_bps=Entry.pending_rate_bps,
                    pending_rate_bps=None,
                    pending_rate_effective_at=None,
                )
                .returning(Entry.id, Entry.creator_rate_bps)
                .execution_options(synchronize_session=False)
            )
        ).all()
        for entry_id, rate in applied:
            before = candidates[entry_id]
            audit.record(
                uow,
                None,
                subject_type="ShowcaseEntry",
                subject_id=entry_id,
                action=APPLIED_ACTION,
                changes={"creatorRateBps": [before.creator_rate_bps, rate]},
            )
            _rate_changed(uow, entry_id=entry_id, creator_id=before.creator_id)
    return len(applied)


async def notify_upcoming_rate_decreases(rt: Runtime) -> int:
    """Reminds each creator once, REMINDER_BEFORE a pending decrease applies. Returns how many were reminded.

    The entries in the reminder window are locked first with a no-op conditional update (a row lock on
    PostgreSQL, the write lock on SQLite), then their reminders are looked up in a fresh statement, so two
    processes never remind twice. A reminder counts for the current decrease when it was sent within the last
    RATE_LOCK - REMINDER_BEFORE: inside the window the decrease was set at least that long ago, and a reminder
    for an earlier decrease was sent before this one was set.
    """
    now = rt.clock.now()
    sent_since = now - (RATE_LOCK - REMINDER_BEFORE)
    reminded = select(models.AuditEvent.subject_id).where(
        models.AuditEvent.subject_type == "ShowcaseEntry",
        models.AuditEvent.action == REMINDED_ACTION,
        models.AuditEvent.created_at >= sent_since,
    )
    async with UnitOfWork(rt) as uow:
        s = uow.session
        claimed = (
            await s.execute(
                update(Entry)
                .where(
                    Entry.status == ShowcaseStatus.ACTIVE,
                    Entry.pending_rate_effective_at > now,
                    Entry.pending_rate_effective_at <= now + REMINDER_BEFORE,
                    Entry.id.not_in(reminded),
                )
                .values(pending_rate_bps=Entry.pending_rate_bps)
                .returning(
                    Entry.id,
                    Entry.creator_id,
                    Entry.creator_rate_bps,
                    Entry.pending_rate_bps,
                    Entry.pending_rate_effective_at,
                )
                .execution_options(synchronize_session=False)
            )
        ).all()
        if not claimed:
            return 0
        already = set(
            (await s.scalars(reminded.where(models.AuditEvent.subject_id.in_([r.id for r in claimed])))).all()
        )
        todo = [row for row in claimed if row.id not in already]
        offers = await _offers(uow, (row.id for row in todo))
        for entry_id, creator_id, rate, pending, effective_at in todo:
            # an entry with a pending change has its rate, the new one and when (claimed above by the date)
            assert rate is not None and pending is not None and effective_at is not None
            audit.record(
                uow,
                None,
                subject_type="ShowcaseEntry",
                subject_id=entry_id,
                action=REMINDED_ACTION,
                changes={"creatorRateBps": [rate, pending]},
            )
            await _tell(
                uow,
                entry_id=entry_id,
                creator_id=creator_id,
                kind=RATE_DECREASE_REMINDER,
                title="Your commission goes down soon",
                body=f"{_offer_text(offers[entry_id])}: from {bps_to_percent(rate)} to {bps_to_percent(pending)} on "
                f"{_day(effective_at)}.",
                data={"rateBps": rate, "newRateBps": pending, "effectiveAt": effective_at.isoformat()},
                params={
                    **offers[entry_id],
                    "rateBps": rate,
                    "newRateBps": pending,
                    "effectiveAt": effective_at.isoformat(),
                },
            )
    return len(todo)
