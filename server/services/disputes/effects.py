"""What every dispute change does besides its own row: a message in the thread, an audit event, notifications
to the other parties, a thin event to every party (the live subscription and the outbound webhooks), and the
outcome's consequence — a balanced ledger adjustment on the line (a missing order's credit: on no line), or the
registration reopened for review."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.events import channels
from server.models.dispute import DisputeOutcome, DisputeType
from server.models.enums import LedgerAccount, LedgerPhase, RegistrationStatus
from server.money import minor_to_decimal_string
from server.services import audit
from server.services import dispute_rules as rules
from server.services.disputes import messages
from server.services.notifications import notify
from server.services.orders.line_events import ADJUSTED, CommissionChanges, publish_line_changes
from server.services.registration_changes import StatusChanges
from server.services.rollups.upkeep import touch as touch_rollups
from server.services.unit_of_work import UnitOfWork

TYPE_WORDS = {
    DisputeType.MISSING_ORDER: "Missing order",
    DisputeType.WRONG_COMMISSION: "Wrong commission",
    DisputeType.RATE_NOT_HONOURED: "Rate not honoured",
    DisputeType.SPLIT_DISPUTED: "Split disputed",
    DisputeType.REJECTION_APPEAL: "Rejection appeal",
    DisputeType.SAMPLE_NOT_RECEIVED: "Sample not received",
    DisputeType.CONTENT_NOT_POSTED: "Content not posted",
}
TITLES = {
    "DISPUTE_OPENED": "A dispute was opened",
    "DISPUTE_MESSAGE": "New message in a dispute",
    "DISPUTE_ANSWERED": "Your dispute was answered",
    "DISPUTE_RESOLVED": "Dispute resolved for the claimant",
    "DISPUTE_REJECTED": "Dispute rejected",
    "DISPUTE_EXPIRED": "Dispute deadline passed",
}


def parties(dispute: models.Dispute) -> list[int]:
    """Every organisation party to the dispute: the claimant, the agency, and the seller and the creator where
    the dispute concerns them."""
    found = [dispute.claimant_organisation_id, dispute.agency_id, dispute.shop_id, dispute.creator_id]
    return list(dict.fromkeys(org for org in found if org is not None))


def thread_message(
    uow: UnitOfWork, dispute: models.Dispute, author: Principal | None, message: messages.Message
) -> models.DisputeMessage:
    row = models.DisputeMessage(
        dispute_id=dispute.id,
        author_organisation_id=None if author is None else author.organisation_id,
        author_role=None if author is None else author.role,
        author_user_id=None if author is None else author.user_id,
        body=message.body,
        links=list(message.links),
        created_at=uow.rt.clock.now(),
    )
    uow.session.add(row)
    return row


async def announce(
    uow: UnitOfWork, dispute: models.Dispute, actor: Principal | None, kind: str, old_status: str | None
) -> None:
    """Audit, notify every party but the actor's organisation, and publish to every party after commit."""
    audit.record(
        uow,
        actor,
        subject_type="Dispute",
        subject_id=dispute.id,
        action=kind.lower().replace("_", "."),
        campaign_id=dispute.campaign_id,
        changes={"status": [old_status, dispute.status.value]},
        reason=dispute.decision_note,
    )
    title = await uow.session.scalar(
        select(models.Product.title).where(models.Product.id == dispute.product_id)
    )
    due = dispute.due_at.strftime("%Y-%m-%d %H:%M UTC")
    body = f"{TYPE_WORDS[dispute.type]}: {title}. " + (
        f"The agency's deadline is {due}."
        if dispute.status in rules.OPEN_STATUSES
        else f"Now {dispute.status.value}."
    )
    for organisation_id in parties(dispute):
        if actor is None or organisation_id != actor.organisation_id:
            await notify(
                uow,
                recipient_organisation_id=organisation_id,
                kind=kind,
                title=TITLES[kind],
                body=body,
                subject_type="Dispute",
                subject_id=dispute.id,
                params={
                    "disputeType": dispute.type.value,
                    "product": title,
                    **(
                        {"status": None, "dueAt": dispute.due_at.isoformat()}
                        if dispute.status in rules.OPEN_STATUSES
                        else {"status": dispute.status.value, "dueAt": None}
                    ),
                },
            )
        uow.publish_after_commit(
            channels.disputes_of_org(organisation_id),
            {
                "type": "DisputeChanged",
                "id": dispute.id,
                "disputeType": dispute.type.value,
                "status": dispute.status.value,
                "kind": kind,
            },
        )


async def post_adjustment(uow: UnitOfWork, dispute: models.Dispute, amount_minor: int, now: datetime) -> None:
    """The agency pays the creator `amount_minor` on the disputed line: one balanced posting (agency −, creator
    +), SETTLED (a decided amount, billed with the next bills), marked with the dispute so that reconciling the
    line to its target never undoes it. Shown on the line's receipt with the dispute as its reason. A missing
    order has no line: its credit stands on the dispute alone (shown on the dispute, billed all the same)."""
    assert dispute.creator_id is not None and dispute.currency is not None
    posting_id = str(uuid.uuid4())
    reason = f"Dispute #{dispute.id} resolved for the creator ({TYPE_WORDS[dispute.type].lower()}): " + (
        f"{minor_to_decimal_string(amount_minor, dispute.currency)} {dispute.currency.value} from the agency's share"
    )
    legs = [
        {
            "account": LedgerAccount.AGENCY_EARNINGS,
            "party_organisation_id": dispute.agency_id,
            "amount_minor": -amount_minor,
        },
        {
            "account": LedgerAccount.CREATOR_EARNINGS,
            "party_organisation_id": dispute.creator_id,
            "amount_minor": amount_minor,
        },
    ]
    await uow.session.flush()
    await uow.session.execute(
        insert(models.LedgerEntry.__table__),
        [
            {
                **leg,
                "posting_id": posting_id,
                "order_line_id": dispute.order_line_id,
                "phase": LedgerPhase.SETTLED,
                "currency": dispute.currency,
                "reason": reason[:200],
                "created_at": now,
                "dispute_id": dispute.id,
            }
            for leg in legs
        ],
    )
    if dispute.order_line_id is None:
        return
    touch_rollups(uow.session, {dispute.order_line_id})
    row = (
        await uow.session.execute(
            select(models.OrderLine, models.Order.shop_id)
            .join(models.Order, models.Order.id == models.OrderLine.order_id)
            .where(models.OrderLine.id == dispute.order_line_id)
        )
    ).one()
    # The agency's share moved to the creator: an adjustment for them; the seller's figures did not move.
    changed = CommissionChanges(seller=False).add(ADJUSTED, "DISPUTE")
    publish_line_changes(uow, [(row[0], row[1])], {row[0]: changed})


async def reopen_registration(uow: UnitOfWork, dispute: models.Dispute, actor: Principal | None) -> bool:
    """An upheld appeal puts the rejected registration back to PENDING for the agency to review again. False when
    it cannot be (the seller registered the product again meanwhile, or it is no longer rejected)."""
    reg = await uow.session.get(models.Registration, dispute.registration_id)
    campaign = await uow.session.get(models.Campaign, dispute.campaign_id)
    assert reg is not None and campaign is not None
    old = reg.status
    if old not in (RegistrationStatus.REJECTED, RegistrationStatus.REJECT_FOREVER):
        return False
    try:
        async with await uow.savepoint():
            result = await uow.session.execute(
                update(models.Registration)
                .where(models.Registration.id == reg.id, models.Registration.status == old)
                .values(
                    status=RegistrationStatus.PENDING,
                    reject_reason=None,
                    reject_note=None,
                    decided_at=None,
                    decided_by_user_id=None,
                )
                .execution_options(synchronize_session=False)
            )
    except IntegrityError:  # a live registration of the same product in the campaign
        return False
    if rowcount(result) != 1:
        return False
    await uow.session.refresh(reg)
    changes = StatusChanges(uow, actor)
    changes.add(
        reg,
        campaign,
        old,
        RegistrationStatus.PENDING,
        action="registration.reopen",
        reason=f"Appeal upheld (dispute #{dispute.id})",
    )
    await changes.announce()
    return True


async def apply_outcome(
    uow: UnitOfWork,
    dispute: models.Dispute,
    outcome: DisputeOutcome,
    actor: Principal | None,
    amount_minor: int | None,
    now: datetime,
) -> str | None:
    """The consequence of the outcome; returns a line for the thread when it could not be carried out."""
    if outcome is not DisputeOutcome.FOR_CLAIMANT:
        return None
    if dispute.type in rules.CREDIT_TYPES and amount_minor:
        await post_adjustment(uow, dispute, amount_minor, now)
    if dispute.type is DisputeType.REJECTION_APPEAL and not await reopen_registration(uow, dispute, actor):
        return "The registration could not be reopened: the product was registered again or is no longer rejected."
    return None
