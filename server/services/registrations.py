"""Product registrations: a seller registers products into a campaign with its terms; the agency reviews them.

Every status change goes through `StatusChanges`: an audit event in the same transaction, notifications to the
agency and the seller, and thin events on the campaign's, the agency's and the shop's channels after commit.
Transitions are conditional UPDATEs (`WHERE id = :id AND status = :expected`), so of two concurrent decisions
on one registration exactly one wins and the other gets CONFLICT, changing nothing.
A campaign that has ended (now >= campaign end) is read-only: every change is refused with CAMPAIGN_CLOSED.
Failures are DomainError whose `field` is the path into the API input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.models.enums import RegistrationStatus, RejectReason
from server.models.registration import LIVE_REGISTRATION_STATUSES
from server.runtime import Runtime
from server.services import audit, campaign_rules, campaigns, showcase_endings
from server.services.errors import DomainError, not_found
from server.services.notifications import notify
from server.services.registration_batch import ItemOutcome, check_size, checked_items
from server.services.registration_changes import (
    StatusChanges,
)
from server.services.registration_checks import (
    SAMPLE_QUOTA_MAX,
    check_campaign_takes_registrations,
    check_contact,
    check_not_closed,
    check_note,
    check_status,
    closed_error,
    load_registration,
    of_agency,
    of_seller,
    registration_conflict,
    term_errors,
    transition_or_conflict,
    transition_registration,
)
from server.services.registration_rules import DECISION_STATUS, OPEN_STATUSES, ReviewDecision
from server.services.unit_of_work import UnitOfWork

Status = RegistrationStatus
R, C = models.Registration, models.Campaign


@dataclass(frozen=True, slots=True)
class ItemSpec:
    product_id: int | None  # None: the id given is not a product id (reported as not found)
    total_rate_bps: int
    sample_quota: int = 0
    shop_ads_rate_bps: int | None = None


@dataclass(slots=True)
class CreateOutcome:
    created: list[models.Registration]
    items: list[ItemOutcome]


# --- announcing status changes -----------------------------------------------------------------------------


# --- shared checks -----------------------------------------------------------------------------------------


# --- seller ------------------------------------------------------------------------------------------------


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
            "TOO_MANY",
            f"Register at most {campaign_rules.MAX_BATCH} products at once (got {len(items)})",
            ["input", "items"],
        )
    email, whatsapp = check_contact(contact_email, contact_whatsapp)
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
        check_campaign_takes_registrations(campaign, targeted, now)

        wanted = {item.product_id for item in items if item.product_id is not None}
        own: set[int] = (
            set(
                (
                    await s.scalars(
                        select(models.Product.id).where(
                            models.Product.id.in_(wanted), models.Product.shop_id == shop_id
                        )
                    )
                ).all()
            )
            if wanted
            else set()
        )
        live = await live_registrations(uow, campaign.id, own)
        outcomes: list[ItemOutcome] = []
        created: list[models.Registration] = []
        seen: set[int] = set()
        for index, item in enumerate(items):
            outcome = ItemOutcome(index)
            outcomes.append(outcome)
            path: list[str | int] = ["input", "items", index]
            product_field = [*path, "productId"]
            errors = term_errors(item, campaign, path)
            product_id = item.product_id
            if product_id is None or product_id not in own:
                errors.insert(0, not_found("Product", product_field))
            elif product_id in seen:
                errors.insert(
                    0,
                    DomainError("DUPLICATE_ITEM", "This product is listed twice in the call", product_field),
                )
            elif live.get(product_id) is Status.REJECT_FOREVER:
                errors.insert(
                    0,
                    DomainError(
                        "REJECTED_FOREVER",
                        "The agency rejected this product for good in this campaign",
                        product_field,
                    ),
                )
            elif product_id in live:
                errors.insert(
                    0,
                    DomainError(
                        "ALREADY_REGISTERED",
                        f"This product is already registered ({live[product_id].value})",
                        product_field,
                    ),
                )
            if product_id is not None:
                seen.add(product_id)
            if errors:
                outcome.errors = errors
                continue
            assert product_id is not None
            registration = R(
                campaign_id=campaign.id,
                product_id=product_id,
                shop_id=shop_id,
                status=Status.PENDING,
                total_rate_bps=item.total_rate_bps,
                sample_quota=item.sample_quota,
                shop_ads_rate_bps=item.shop_ads_rate_bps,
                contact_email=email,
                contact_whatsapp=whatsapp,
                registered_at=now,
                version=1,
            )
            # The partial unique index is the last guard against a concurrent registration of the product.
            try:
                async with await uow.savepoint():
                    s.add(registration)
                    await s.flush()
            except IntegrityError:
                outcome.errors = [
                    DomainError("ALREADY_REGISTERED", "This product is already registered", product_field)
                ]
                continue
            outcome.registration = registration
            created.append(registration)

        changes = StatusChanges(uow, principal)
        for registration in created:
            changes.add(
                registration,
                campaign,
                None,
                Status.PENDING,
                action="registration.create",
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
        registration, campaign = await load_registration(
            uow, registration_id, of_seller(principal), ["input", "id"]
        )
        check_not_closed(campaign, now, ["input", "id"])
        check_status(registration, [Status.PENDING], "withdrawn")
        updated = await transition_or_conflict(
            uow, registration.id, expected=[Status.PENDING], to=Status.WITHDRAWN
        )
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
        registration, campaign = await load_registration(
            uow, registration_id, of_seller(principal), ["input", "id"]
        )
        check_not_closed(campaign, now, ["input", "id"])
        check_status(registration, OPEN_STATUSES, "changed")
        old = registration.sample_quota
        if sample_quota < old:
            raise DomainError("QUOTA_DECREASE", f"The sample quota can only increase (it is {old})", field)
        if sample_quota == old:
            return registration
        updated = await transition_or_conflict(
            uow,
            registration.id,
            expected=OPEN_STATUSES,
            where=[R.sample_quota == old],
            sample_quota=sample_quota,
        )
        audit.record(
            uow,
            principal,
            subject_type="Registration",
            subject_id=updated.id,
            campaign_id=campaign.id,
            action="registration.sample_quota_increase",
            changes={"sampleQuota": [old, sample_quota]},
        )
        await notify(
            uow,
            recipient_organisation_id=campaign.agency_id,
            kind="REGISTRATION_SAMPLE_QUOTA_INCREASED",
            title="Sample quota raised",
            body=f"{old} → {sample_quota} samples in {campaign.name}.",
            subject_type="Registration",
            subject_id=updated.id,
            data={"campaignId": campaign.id},
            params={"oldQuota": old, "newQuota": sample_quota, "campaign": campaign.name},
        )
    return updated


async def request_cancellation(
    rt: Runtime, principal: Principal, registration_id: int, reason: str | None
) -> models.Registration:
    """The seller asks to end an APPROVED collaboration; the agency decides (cancellation_decide)."""
    text = check_note(reason, ["input", "reason"])
    if text is None:
        raise DomainError("REQUIRED", "Say why you want to cancel", ["input", "reason"])
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await load_registration(
            uow, registration_id, of_seller(principal), ["input", "id"]
        )
        check_not_closed(campaign, now, ["input", "id"])
        check_status(registration, [Status.APPROVED], "cancelled")
        updated = await transition_or_conflict(
            uow,
            registration.id,
            expected=[Status.APPROVED],
            to=Status.PENDING_CLOSED,
            cancellation_requested_at=now,
        )
        changes = StatusChanges(uow, principal)
        changes.add(
            updated,
            campaign,
            Status.APPROVED,
            Status.PENDING_CLOSED,
            action="registration.cancellation_request",
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
    check_size(ids, "Review")
    rejecting = decision is not ReviewDecision.APPROVE
    if rejecting and reason is None:
        raise DomainError("REQUIRED", "Choose why you reject", ["input", "reason"])
    note = check_note(note, ["input", "note"])
    to = DECISION_STATUS[decision]
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        outcomes, todo = await checked_items(
            uow,
            ids,
            scope=of_agency(principal),
            expected=Status.PENDING,
            doing="reviewed",
            closed_error=closed_error,
        )
        changes = StatusChanges(uow, principal)
        for item in todo:
            updated = await transition_registration(  # decides the terms it read: an edit that lands first is a CONFLICT
                uow,
                item.registration.id,
                expected=[Status.PENDING],
                to=to,
                where=[R.version == item.registration.version],
                decided_at=now,
                decided_by_user_id=principal.user_id,
                reject_reason=reason if rejecting else None,
                reject_note=note if rejecting else None,
            )
            if updated is None:
                item.outcome.errors = [registration_conflict(item.path)]
                continue
            changes.add(
                updated,
                item.campaign,
                Status.PENDING,
                to,
                action=f"registration.{decision.value.lower()}",
                reason=reason.value if rejecting and reason is not None else None,
                note=note,
            )
            item.outcome.registration = updated
        await changes.announce()
    return outcomes


async def decide_cancellation(
    rt: Runtime, principal: Principal, registration_id: int, *, approve: bool, note: str | None
) -> models.Registration:
    """The agency approves a seller's cancellation request (→ CLOSED) or declines it (→ APPROVED)."""
    note = check_note(note, ["input", "note"])
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await load_registration(
            uow, registration_id, of_agency(principal), ["input", "id"]
        )
        check_not_closed(campaign, now, ["input", "id"])
        check_status(registration, [Status.PENDING_CLOSED], "decided on")
        if approve:
            updated = await transition_or_conflict(
                uow, registration.id, expected=[Status.PENDING_CLOSED], to=Status.CLOSED, closed_at=now
            )
        else:
            updated = await transition_or_conflict(
                uow,
                registration.id,
                expected=[Status.PENDING_CLOSED],
                to=Status.APPROVED,
                cancellation_requested_at=None,
            )
        if approve:
            await showcase_endings.end_entries_for_registrations(uow, [updated.id])
        changes = StatusChanges(uow, principal)
        changes.add(
            updated,
            campaign,
            Status.PENDING_CLOSED,
            updated.status,
            action="registration.cancellation_approve" if approve else "registration.cancellation_decline",
            note=note,
        )
        await changes.announce()
    return updated


# --- the clock ---------------------------------------------------------------------------------------------
