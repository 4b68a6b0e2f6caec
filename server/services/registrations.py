"""Product registrations: a seller registers products into a campaign with its terms; the agency reviews them.

Every status change goes through `StatusChanges`: an audit event in the same transaction, notifications to the
agency and the seller, and thin events on the campaign's, the agency's and the shop's channels after commit.
Transitions are conditional UPDATEs (`WHERE id = :id AND status = :expected`), so of two concurrent decisions
on one registration exactly one wins and the other gets CONFLICT, changing nothing.
A campaign that has ended (now >= campaign end) is read-only: every change is refused with CAMPAIGN_CLOSED.
Failures are DomainError whose `field` is the path into the API input.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, false, select, update
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.events import channels
from server.models.constraints import RATE_MAX_BPS, RATE_MIN_BPS
from server.models.enums import RegistrationStatus, RejectReason
from server.models.registration import LIVE_REGISTRATION_STATUSES
from server.runtime import Runtime
from server.services import audit, campaign_rules, campaigns, showcase
from server.services.auth import EMAIL_RE
from server.services.errors import DomainError, not_found
from server.services.notifications import notify
from server.services.registration_rules import DECISION_STATUS, NOTE_MAX, OPEN_STATUSES, ReviewDecision
from server.services.unit_of_work import UnitOfWork

Status = RegistrationStatus
R, C = models.Registration, models.Campaign
EMAIL_MAX = 254
WHATSAPP_RE = re.compile(r"^\+?[0-9][0-9 ()-]{5,30}$")  # fits the 32-character column
SAMPLE_QUOTA_MAX = 1_000_000
SWEEP_BATCH = 500


@dataclass(frozen=True, slots=True)
class ItemSpec:
    product_id: int | None  # None: the id given is not a product id (reported as not found)
    total_rate_bps: int
    sample_quota: int = 0
    shop_ads_rate_bps: int | None = None


@dataclass(slots=True)
class ItemOutcome:
    """One item of a batch: the registration it created or changed, or why it did not."""

    index: int
    registration: models.Registration | None = None
    errors: list[DomainError] = field(default_factory=list)


@dataclass(slots=True)
class CreateOutcome:
    created: list[models.Registration]
    items: list[ItemOutcome]


def _percent(bps: int) -> str:
    return f"{bps / 100:.2f}".rstrip("0").rstrip(".") + "%"


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC")


# --- announcing status changes -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Change:
    registration_id: int
    campaign_id: int
    shop_id: int
    product_id: int
    old: Status | None
    new: Status


_TITLES = {  # kind -> (title for one registration, title for several)
    "REGISTRATION_CREATED": ("New registration", "{n} new registrations"),
    "REGISTRATION_APPROVED": ("Registration approved", "{n} registrations approved"),
    "REGISTRATION_REJECTED": ("Registration rejected", "{n} registrations rejected"),
    "REGISTRATION_REJECT_FOREVER": ("Registration rejected for good", "{n} registrations rejected for good"),
    "REGISTRATION_WITHDRAWN": ("Registration withdrawn", "{n} registrations withdrawn"),
    "REGISTRATION_PENDING_CLOSED": ("Cancellation requested", "{n} cancellations requested"),
    "REGISTRATION_CANCELLATION_DECLINED": ("Cancellation declined", "{n} cancellations declined"),
    "REGISTRATION_CLOSED": ("Registration closed", "{n} registrations closed"),
    "REGISTRATION_PENDING": ("Reopened for review", "{n} registrations reopened for review"),  # an appeal upheld
}


def _kind(old: Status | None, new: Status) -> str:
    if old is None:
        return "REGISTRATION_CREATED"
    if old is Status.PENDING_CLOSED and new is Status.APPROVED:
        return "REGISTRATION_CANCELLATION_DECLINED"
    return f"REGISTRATION_{new.value}"


class StatusChanges:
    """The one way registration status changes are recorded and announced, for every path (seller, agency,
    the sweeper). `add` writes the audit event; `announce` writes the notifications (one per recipient,
    campaign and kind, so a batch of 100 is one notification) and queues the thin events for after commit.
    Creation (from nothing to PENDING) is announced to the agency; every other change to the agency and the
    seller, except the one that made it (no one is notified of their own action).
    """

    def __init__(self, uow: UnitOfWork, actor: Principal | None) -> None:
        self.uow = uow
        self.actor = actor
        self._changes: list[_Change] = []
        self._campaigns: dict[int, models.Campaign] = {}

    def add(
        self,
        registration: models.Registration,
        campaign: models.Campaign,
        old: Status | None,
        new: Status,
        *,
        action: str,
        reason: str | None = None,
        note: str | None = None,
        changes: dict[str, list[Any]] | None = None,
    ) -> None:
        recorded: dict[str, list[Any]] = {"status": [None if old is None else old.value, new.value], **(changes or {})}
        if note:
            recorded["note"] = [None, note]
        audit.record(
            self.uow, self.actor, subject_type="Registration", subject_id=registration.id, action=action,
            campaign_id=campaign.id, changes=recorded, reason=reason,
        )
        self._changes.append(
            _Change(registration.id, campaign.id, registration.shop_id, registration.product_id, old, new)
        )
        self._campaigns[campaign.id] = campaign

    async def announce(self) -> None:
        if not self._changes:
            return
        at = self.uow.rt.clock.now().isoformat()
        groups: dict[tuple[int, int, str], list[_Change]] = defaultdict(list)
        for change in self._changes:
            campaign = self._campaigns[change.campaign_id]
            kind = _kind(change.old, change.new)
            recipients = [campaign.agency_id] + ([] if change.old is None else [change.shop_id])
            for organisation_id in recipients:
                if self.actor is not None and organisation_id == self.actor.organisation_id:
                    continue  # no notification for one's own action (the sweeper's changes notify both)
                groups[(organisation_id, change.campaign_id, kind)].append(change)
            event = {
                "id": change.registration_id,
                "campaignId": change.campaign_id,
                "from": None if change.old is None else change.old.value,
                "to": change.new.value,
                "at": at,
            }
            for name in (
                channels.registrations_of_campaign(change.campaign_id),
                channels.registrations_of_agency(campaign.agency_id),
                channels.registrations_of_shop(change.shop_id),
            ):
                self.uow.publish_after_commit(name, event)
        single_products = {group[0].product_id for group in groups.values() if len(group) == 1}
        titles = dict(
            (await self.uow.session.execute(
                select(models.Product.id, models.Product.title).where(models.Product.id.in_(single_products))
            )).all()
        ) if single_products else {}
        for (organisation_id, campaign_id, kind), group in groups.items():
            one, many = _TITLES[kind]
            campaign_name = self._campaigns[campaign_id].name
            if len(group) == 1:
                title = one
                body = f"{titles.get(group[0].product_id, 'A product')} in {campaign_name}."
                subject_type, subject_id = "Registration", group[0].registration_id
            else:
                title = many.format(n=len(group))
                body = f"{len(group)} products in {campaign_name}."
                subject_type, subject_id = "Campaign", campaign_id
            await notify(
                self.uow, recipient_organisation_id=organisation_id, kind=kind, title=title, body=body,
                subject_type=subject_type, subject_id=subject_id,
                data={"campaignId": campaign_id, "registrationIds": [c.registration_id for c in group]},
            )
        self._changes.clear()


async def _end_showcase_entries(uow: UnitOfWork, registration_ids: list[int]) -> None:
    """Closing a registration ends its showcase entries for new orders."""
    if registration_ids:
        await showcase.end_entries_for_registrations(uow, registration_ids)


# --- shared checks -----------------------------------------------------------------------------------------


def _of_seller(principal: Principal) -> ColumnElement[bool]:
    return false() if principal.shop_id is None else R.shop_id == principal.shop_id


def _of_agency(principal: Principal) -> ColumnElement[bool]:
    return false() if principal.agency_id is None else C.agency_id == principal.agency_id


async def _load(
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


def _check_not_closed(campaign: models.Campaign, now: datetime, field: Sequence[str | int] | None = None) -> None:
    if now >= campaign.campaign_end:
        raise _closed_error(campaign, field)


def _closed_error(campaign: models.Campaign, field: Sequence[str | int] | None) -> DomainError:
    return DomainError(
        "CAMPAIGN_CLOSED", f"The campaign ended at {_when(campaign.campaign_end)}; it can no longer change", field
    )


def _check_status(registration: models.Registration, allowed: Sequence[Status], doing: str) -> None:
    if registration.status not in allowed:
        expected = " or ".join(s.value for s in allowed)
        raise DomainError(
            "INVALID_STATE",
            f"Only a {expected} registration can be {doing}; this one is {registration.status.value}",
            ["input", "id"],
        )


def _conflict(field: Sequence[str | int]) -> DomainError:
    return DomainError(
        "CONFLICT", "Someone else changed this registration at the same time; reload to see its state", field
    )


def _check_note(note: str | None, field: Sequence[str | int]) -> str | None:
    note = (note or "").strip() or None
    if note is not None and len(note) > NOTE_MAX:
        raise DomainError("OUT_OF_RANGE", f"Use at most {NOTE_MAX} characters (got {len(note)})", field)
    return note


async def _transition(
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


# --- seller ------------------------------------------------------------------------------------------------


def _check_contact(contact_email: str, contact_whatsapp: str | None) -> tuple[str, str | None]:
    email = contact_email.strip()
    if not email:
        raise DomainError("REQUIRED", "Enter a contact email", ["input", "contactEmail"])
    if len(email) > EMAIL_MAX or not EMAIL_RE.match(email):
        raise DomainError("INVALID_FORMAT", "Enter a valid email address", ["input", "contactEmail"])
    whatsapp = (contact_whatsapp or "").strip() or None
    if whatsapp is not None and not WHATSAPP_RE.match(whatsapp):
        raise DomainError(
            "INVALID_FORMAT", "Enter a WhatsApp number: digits, optionally starting with +", ["input", "contactWhatsapp"]
        )
    return email, whatsapp


def _check_campaign_takes_registrations(campaign: models.Campaign, targeted: bool, now: datetime) -> None:
    field = ["input", "campaignId"]
    _check_not_closed(campaign, now, field)
    if not campaign.published:
        raise DomainError("NOT_PUBLISHED", "The campaign is not published; it takes no registrations", field)
    if not targeted:
        raise DomainError("NOT_TARGETED", "The campaign is not open to your shop", field)
    if now < campaign.registration_start:
        raise DomainError(
            "REGISTRATION_CLOSED", f"Registration opens at {_when(campaign.registration_start)}", field
        )
    if not campaign_rules.registration_open(campaign, now):
        raise DomainError(
            "REGISTRATION_CLOSED", f"Registration ended at {_when(campaign.registration_end)}", field
        )


def _term_errors(item: ItemSpec, campaign: models.Campaign, path: list[str | int]) -> list[DomainError]:
    errors = []
    rate_range = f"between {_percent(RATE_MIN_BPS)} and {_percent(RATE_MAX_BPS)}"
    if not RATE_MIN_BPS <= item.total_rate_bps <= RATE_MAX_BPS:
        errors.append(DomainError("OUT_OF_RANGE", f"Enter a total rate {rate_range}", [*path, "totalRateBps"]))
    elif item.total_rate_bps < campaign.commission_requirement_bps:
        errors.append(DomainError(
            "BELOW_REQUIREMENT",
            f"The campaign asks for a total rate of at least {_percent(campaign.commission_requirement_bps)}",
            [*path, "totalRateBps"],
        ))
    if not 0 <= item.sample_quota <= SAMPLE_QUOTA_MAX:
        errors.append(DomainError(
            "OUT_OF_RANGE", f"Enter a sample quota between 0 and {SAMPLE_QUOTA_MAX}", [*path, "sampleQuota"]
        ))
    if item.shop_ads_rate_bps is not None and not RATE_MIN_BPS <= item.shop_ads_rate_bps <= RATE_MAX_BPS:
        errors.append(DomainError("OUT_OF_RANGE", f"Enter a shop-ads rate {rate_range}", [*path, "shopAdsRateBps"]))
    return errors


async def live_registrations(uow: UnitOfWork, campaign_id: int, product_ids: set[int]) -> dict[int, Status]:
    """product id -> status of its live registration in the campaign (REJECT_FOREVER included)."""
    if not product_ids:
        return {}
    rows = await uow.session.execute(
        select(R.product_id, R.status).where(
            R.campaign_id == campaign_id,
            R.product_id.in_(product_ids),
            R.status.in_(LIVE_REGISTRATION_STATUSES),
        )
    )
    return dict(rows.all())


async def create(
    rt: Runtime,
    principal: Principal,
    *,
    campaign_id: int,
    items: Sequence[ItemSpec],
    contact_email: str,
    contact_whatsapp: str | None,
) -> CreateOutcome:
    """Registers 1-100 of the seller's products; each item succeeds or fails on its own. Whole-call failures
    (the campaign, the contact, the batch size) raise and create nothing."""
    if not items:
        raise DomainError("REQUIRED", "Add at least one product", ["input", "items"])
    if len(items) > campaign_rules.MAX_BATCH:
        raise DomainError(
            "TOO_MANY", f"Register at most {campaign_rules.MAX_BATCH} products at once (got {len(items)})",
            ["input", "items"],
        )
    email, whatsapp = _check_contact(contact_email, contact_whatsapp)
    shop_id = principal.shop_id
    if shop_id is None:
        raise not_found("Campaign", ["input", "campaignId"])
    # The requirement and the periods checked below are the campaign's effective values.
    await campaigns.apply_due_pending_changes(rt, campaign_id=campaign_id)
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        # A seller that cannot see the campaign at all is told it does not exist; one that sees it only
        # because it registered there before (targeting changed since) is told it is not targeted.
        row = (
            await s.execute(
                select(C, campaign_rules.visible_to_shop(shop_id)).where(
                    C.id == campaign_id,
                    campaign_rules.visible_to_shop(shop_id) | campaign_rules.registered_by_shop(shop_id),
                )
            )
        ).first()
        if row is None:
            raise not_found("Campaign", ["input", "campaignId"])
        campaign, targeted = row[0], bool(row[1])
        _check_campaign_takes_registrations(campaign, targeted, now)

        wanted = {item.product_id for item in items if item.product_id is not None}
        own = set(
            (await s.scalars(select(models.Product.id).where(
                models.Product.id.in_(wanted), models.Product.shop_id == shop_id
            ))).all()
        ) if wanted else set()
        live = await live_registrations(uow, campaign.id, own)
        outcomes: list[ItemOutcome] = []
        created: list[models.Registration] = []
        seen: set[int] = set()
        for index, item in enumerate(items):
            outcome = ItemOutcome(index)
            outcomes.append(outcome)
            path: list[str | int] = ["input", "items", index]
            product_field = [*path, "productId"]
            errors = _term_errors(item, campaign, path)
            product_id = item.product_id
            if product_id is None or product_id not in own:
                errors.insert(0, not_found("Product", product_field))
            elif product_id in seen:
                errors.insert(0, DomainError("DUPLICATE_ITEM", "This product is listed twice in the call", product_field))
            elif live.get(product_id) is Status.REJECT_FOREVER:
                errors.insert(0, DomainError(
                    "REJECTED_FOREVER", "The agency rejected this product for good in this campaign", product_field
                ))
            elif product_id in live:
                errors.insert(0, DomainError(
                    "ALREADY_REGISTERED", f"This product is already registered ({live[product_id].value})",
                    product_field,
                ))
            if product_id is not None:
                seen.add(product_id)
            if errors:
                outcome.errors = errors
                continue
            assert product_id is not None
            registration = R(
                campaign_id=campaign.id, product_id=product_id, shop_id=shop_id, status=Status.PENDING,
                total_rate_bps=item.total_rate_bps, sample_quota=item.sample_quota,
                shop_ads_rate_bps=item.shop_ads_rate_bps, contact_email=email, contact_whatsapp=whatsapp,
                registered_at=now, version=1,
            )
            # The partial unique index is the last guard against a concurrent registration of the product.
            try:
                async with await uow.savepoint():
                    s.add(registration)
                    await s.flush()
            except IntegrityError:
                outcome.errors = [DomainError("ALREADY_REGISTERED", "This product is already registered", product_field)]
                continue
            outcome.registration = registration
            created.append(registration)

        changes = StatusChanges(uow, principal)
        for registration in created:
            changes.add(
                registration, campaign, None, Status.PENDING, action="registration.create",
                changes={
                    name: [None, value]
                    for name, value in (
                        ("totalRateBps", registration.total_rate_bps),
                        ("sampleQuota", registration.sample_quota),
                        ("shopAdsRateBps", registration.shop_ads_rate_bps),
                    )
                    if value is not None
                },
            )
        await changes.announce()
    return CreateOutcome(created=created, items=outcomes)


async def withdraw(rt: Runtime, principal: Principal, registration_id: int) -> models.Registration:
    """The seller takes back a PENDING registration."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await _load(uow, registration_id, _of_seller(principal), ["input", "id"])
        _check_not_closed(campaign, now, ["input", "id"])
        _check_status(registration, [Status.PENDING], "withdrawn")
        updated = await _transition(uow, registration.id, expected=[Status.PENDING], to=Status.WITHDRAWN)
        if updated is None:
            raise _conflict(["input", "id"])
        changes = StatusChanges(uow, principal)
        changes.add(updated, campaign, Status.PENDING, Status.WITHDRAWN, action="registration.withdraw")
        await changes.announce()
    return updated


async def increase_sample_quota(
    rt: Runtime, principal: Principal, registration_id: int, sample_quota: int
) -> models.Registration:
    """The sample quota only goes up (the same value is no change). The total rate never changes here."""
    field = ["input", "sampleQuota"]
    if not 0 <= sample_quota <= SAMPLE_QUOTA_MAX:
        raise DomainError("OUT_OF_RANGE", f"Enter a sample quota between 0 and {SAMPLE_QUOTA_MAX}", field)
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await _load(uow, registration_id, _of_seller(principal), ["input", "id"])
        _check_not_closed(campaign, now, ["input", "id"])
        _check_status(registration, OPEN_STATUSES, "changed")
        old = registration.sample_quota
        if sample_quota < old:
            raise DomainError(
                "QUOTA_DECREASE", f"The sample quota can only increase (it is {old})", field
            )
        if sample_quota == old:
            return registration
        updated = await _transition(
            uow, registration.id, expected=OPEN_STATUSES, where=[R.sample_quota == old], sample_quota=sample_quota
        )
        if updated is None:
            raise _conflict(["input", "id"])
        audit.record(
            uow, principal, subject_type="Registration", subject_id=updated.id, campaign_id=campaign.id,
            action="registration.sample_quota_increase", changes={"sampleQuota": [old, sample_quota]},
        )
        await notify(
            uow, recipient_organisation_id=campaign.agency_id, kind="REGISTRATION_SAMPLE_QUOTA_INCREASED",
            title="Sample quota raised", body=f"{old} → {sample_quota} samples in {campaign.name}.",
            subject_type="Registration", subject_id=updated.id, data={"campaignId": campaign.id},
        )
    return updated


async def request_cancellation(
    rt: Runtime, principal: Principal, registration_id: int, reason: str | None
) -> models.Registration:
    """The seller asks to end an APPROVED collaboration; the agency decides (cancellation_decide)."""
    text = _check_note(reason, ["input", "reason"])
    if text is None:
        raise DomainError("REQUIRED", "Say why you want to cancel", ["input", "reason"])
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await _load(uow, registration_id, _of_seller(principal), ["input", "id"])
        _check_not_closed(campaign, now, ["input", "id"])
        _check_status(registration, [Status.APPROVED], "cancelled")
        updated = await _transition(
            uow, registration.id, expected=[Status.APPROVED], to=Status.PENDING_CLOSED, cancellation_requested_at=now
        )
        if updated is None:
            raise _conflict(["input", "id"])
        changes = StatusChanges(uow, principal)
        changes.add(
            updated, campaign, Status.APPROVED, Status.PENDING_CLOSED, action="registration.cancellation_request",
            reason=text,
        )
        await changes.announce()
    return updated


# --- agency ------------------------------------------------------------------------------------------------


async def review(
    rt: Runtime,
    principal: Principal,
    *,
    ids: Sequence[int | None],
    decision: ReviewDecision,
    reason: RejectReason | None,
    note: str | None,
) -> list[ItemOutcome]:
    """Approves or rejects 1-100 PENDING registrations of the agency's campaigns; each on its own."""
    if not ids:
        raise DomainError("REQUIRED", "Choose at least one registration", ["input", "ids"])
    if len(ids) > campaign_rules.MAX_BATCH:
        raise DomainError(
            "TOO_MANY", f"Review at most {campaign_rules.MAX_BATCH} registrations at once (got {len(ids)})",
            ["input", "ids"],
        )
    rejecting = decision is not ReviewDecision.APPROVE
    if rejecting and reason is None:
        raise DomainError("REQUIRED", "Choose why you reject", ["input", "reason"])
    note = _check_note(note, ["input", "note"])
    to = DECISION_STATUS[decision]
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        wanted = {i for i in ids if i is not None}
        found = {
            registration.id: (registration, campaign)
            for registration, campaign in (
                await uow.session.execute(
                    select(R, C).join(C, C.id == R.campaign_id).where(R.id.in_(wanted), _of_agency(principal))
                )
            )
        }
        changes = StatusChanges(uow, principal)
        outcomes: list[ItemOutcome] = []
        seen: set[int] = set()
        for index, registration_id in enumerate(ids):
            outcome = ItemOutcome(index)
            outcomes.append(outcome)
            path = ["input", "ids", index]
            if registration_id is None or registration_id not in found:
                outcome.errors = [not_found("Registration", path)]
                continue
            if registration_id in seen:
                outcome.errors = [DomainError("DUPLICATE_ITEM", "This registration is listed twice in the call", path)]
                continue
            seen.add(registration_id)
            registration, campaign = found[registration_id]
            if now >= campaign.campaign_end:
                outcome.errors = [_closed_error(campaign, path)]
                continue
            if registration.status is not Status.PENDING:
                outcome.errors = [DomainError(
                    "INVALID_STATE",
                    f"Only a PENDING registration can be reviewed; this one is {registration.status.value}", path,
                )]
                continue
            updated = await _transition(
                uow, registration_id, expected=[Status.PENDING], to=to, decided_at=now,
                decided_by_user_id=principal.user_id,
                reject_reason=reason if rejecting else None, reject_note=note if rejecting else None,
            )
            if updated is None:
                outcome.errors = [_conflict(path)]
                continue
            changes.add(
                updated, campaign, Status.PENDING, to, action=f"registration.{decision.value.lower()}",
                reason=reason.value if rejecting and reason is not None else None, note=note,
            )
            outcome.registration = updated
        await changes.announce()
    return outcomes


async def decide_cancellation(
    rt: Runtime, principal: Principal, registration_id: int, *, approve: bool, note: str | None
) -> models.Registration:
    """The agency approves a seller's cancellation request (→ CLOSED) or declines it (→ APPROVED)."""
    note = _check_note(note, ["input", "note"])
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await _load(uow, registration_id, _of_agency(principal), ["input", "id"])
        _check_not_closed(campaign, now, ["input", "id"])
        _check_status(registration, [Status.PENDING_CLOSED], "decided on")
        if approve:
            updated = await _transition(
                uow, registration.id, expected=[Status.PENDING_CLOSED], to=Status.CLOSED, closed_at=now
            )
        else:
            updated = await _transition(
                uow, registration.id, expected=[Status.PENDING_CLOSED], to=Status.APPROVED,
                cancellation_requested_at=None,
            )
        if updated is None:
            raise _conflict(["input", "id"])
        if approve:
            await _end_showcase_entries(uow, [updated.id])
        changes = StatusChanges(uow, principal)
        changes.add(
            updated, campaign, Status.PENDING_CLOSED, updated.status,
            action="registration.cancellation_approve" if approve else "registration.cancellation_decline", note=note,
        )
        await changes.announce()
    return updated


async def set_bookmark(
    rt: Runtime, principal: Principal, registration_id: int, bookmarked: bool
) -> models.Registration:
    """The agency's own marker on a registration (the seller never sees it). Idempotent."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await _load(uow, registration_id, _of_agency(principal), ["input", "registrationId"])
        _check_not_closed(campaign, now, ["input", "registrationId"])
        agency_id = campaign.agency_id
        b = models.Bookmark
        if not bookmarked:
            await uow.session.execute(delete(b).where(b.agency_id == agency_id, b.registration_id == registration.id))
            return registration
        exists_already = await uow.session.scalar(
            select(b.id).where(b.agency_id == agency_id, b.registration_id == registration.id)
        )
        if exists_already is None:
            try:
                async with await uow.savepoint():
                    uow.session.add(b(agency_id=agency_id, registration_id=registration.id, created_at=now))
                    await uow.session.flush()
            except IntegrityError:
                pass  # set at the same time by another request: bookmarked either way
    return registration


# --- the clock ---------------------------------------------------------------------------------------------


async def close_registrations_of_ended_campaigns(rt: Runtime) -> int:
    """Moves the open registrations of ended campaigns to CLOSED; returns how many this call closed.

    Safe with several processes: each row is closed by a conditional UPDATE (status still what was read), so
    it is closed, audited and announced exactly once.
    """
    total = 0
    while True:
        async with UnitOfWork(rt) as uow:
            now = rt.clock.now()
            s = uow.session
            candidates = (
                await s.execute(
                    select(R.id, R.status).join(C, C.id == R.campaign_id)
                    .where(R.status.in_(OPEN_STATUSES), C.campaign_end <= now)
                    .order_by(R.id).limit(SWEEP_BATCH)
                )
            ).all()
            by_status: dict[Status, list[int]] = defaultdict(list)
            for registration_id, status in candidates:
                by_status[status].append(registration_id)
            closed: list[tuple[models.Registration, Status]] = []
            for old, registration_ids in by_status.items():
                rows = await s.execute(
                    update(R)
                    .where(R.id.in_(registration_ids), R.status == old)
                    .values(status=Status.CLOSED, closed_at=now, version=R.version + 1)
                    .returning(R)
                    .execution_options(populate_existing=True, synchronize_session=False)
                )
                closed += [(registration, old) for registration in rows.scalars().all()]
            if closed:
                campaigns = {
                    c.id: c for c in (await s.scalars(select(C).where(C.id.in_({r.campaign_id for r, _ in closed})))).all()
                }
                await _end_showcase_entries(uow, [r.id for r, _ in closed])
                changes = StatusChanges(uow, None)
                for registration, old in closed:
                    changes.add(
                        registration, campaigns[registration.campaign_id], old, Status.CLOSED,
                        action="registration.close", reason="The campaign ended",
                    )
                await changes.announce()
        total += len(closed)
        if len(candidates) < SWEEP_BATCH:
            return total
