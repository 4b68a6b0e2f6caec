"""The thread and the decision: any party writes while the dispute is open; the agency's first message answers
it (OPEN → ANSWERED, and its deadline to decide starts); the agency resolves it for the claimant or rejects it;
the sweeper expires what passed its deadline with the type's default outcome.

Every transition is one conditional UPDATE on (status, version): of two concurrent answers or decisions exactly
one wins, the other gets CONFLICT and changes nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select, update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.dispute import DisputeOutcome, DisputeStatus, DisputeType
from server.models.enums import Role
from server.runtime import Runtime
from server.services import dispute_rules as rules
from server.services.disputes import messages
from server.services.disputes.effects import announce, apply_outcome, thread_message
from server.services.disputes.opening import parse_amount
from server.services.errors import DomainError, not_found
from server.services.unit_of_work import UnitOfWork

SWEEP_BATCH = 100


def _party_of(principal: Principal) -> Any:
    me = principal.organisation_id
    return or_(
        models.Dispute.claimant_organisation_id == me,
        models.Dispute.agency_id == me,
        models.Dispute.shop_id == me,
        models.Dispute.creator_id == me,
    )


async def _load(uow: UnitOfWork, principal: Principal, dispute_id: int) -> models.Dispute:
    dispute = await uow.session.scalar(
        select(models.Dispute).where(models.Dispute.id == dispute_id, _party_of(principal))
    )
    if dispute is None:
        raise not_found("Dispute", ["input", "id"])
    if dispute.status not in rules.OPEN_STATUSES:
        raise DomainError(
            "CLOSED",
            f"This dispute is {dispute.status.value.lower()}: nothing can change it any more",
            ["input", "id"],
        )
    return dispute


async def _transition(uow: UnitOfWork, dispute: models.Dispute, **values: Any) -> None:
    """Conditional on the status and version read: one winner among concurrent changes."""
    result = await uow.session.execute(
        update(models.Dispute)
        .where(
            models.Dispute.id == dispute.id,
            models.Dispute.status == dispute.status,
            models.Dispute.version == dispute.version,
        )
        .values(version=dispute.version + 1, updated_at=uow.rt.clock.now(), **values)
        .execution_options(synchronize_session=False)
    )
    if rowcount(result) != 1:
        raise DomainError(
            "CONFLICT", "The dispute changed at the same time. Reload and try again.", ["input", "id"]
        )
    await uow.session.refresh(dispute)


async def post_message(
    rt: Runtime, principal: Principal, *, dispute_id: int, body: str, links: list[str] | None
) -> int:
    message = messages.check_message(body, links, ["input"])
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        dispute = await _load(uow, principal, dispute_id)
        old = dispute.status
        answers = principal.organisation_id == dispute.agency_id and old is DisputeStatus.OPEN
        if answers:
            await _transition(
                uow,
                dispute,
                status=DisputeStatus.ANSWERED,
                answered_at=now,
                due_at=rules.due_at(rt.settings.dispute_answer_days, dispute.type, now),
            )
        else:
            await _transition(uow, dispute)
        thread_message(uow, dispute, principal, message)
        await announce(
            uow, dispute, principal, "DISPUTE_ANSWERED" if answers else "DISPUTE_MESSAGE", old.value
        )
        return dispute.id


async def decide(
    rt: Runtime, principal: Principal, *, dispute_id: int, uphold: bool, note: str | None, amount: str | None
) -> int:
    """The campaign's agency decides: for the claimant (RESOLVED; a money dispute may name the adjustment, by
    default the amount claimed) or against (REJECTED). A note for the parties is required."""
    text = (note or "").strip()
    if not text:
        raise DomainError("REQUIRED", "Tell the parties why", ["input", "note"])
    if len(text) > messages.NOTE_MAX:
        raise DomainError(
            "TOO_LONG", f"Use at most {messages.NOTE_MAX} characters (got {len(text)})", ["input", "note"]
        )
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        dispute = await _load(uow, principal, dispute_id)
        if principal.role is not Role.AGENCY or principal.organisation_id != dispute.agency_id:
            raise DomainError("WRONG_PARTY", "Only the campaign's agency decides a dispute", ["input", "id"])
        adjustment = None
        if amount is not None:
            if not uphold or dispute.type not in rules.CREDIT_TYPES:
                raise DomainError(
                    "NOT_ALLOWED",
                    "Only a money or missing-order dispute resolved for the creator carries an amount",
                    ["input", "amount"],
                )
            assert dispute.currency is not None
            adjustment = parse_amount(amount, dispute.currency, ["input", "amount"])
            await _check_adjustment(uow, dispute, adjustment)
        elif uphold and dispute.type in rules.CREDIT_TYPES:
            adjustment = dispute.claimed_amount_minor
        old = dispute.status
        status = DisputeStatus.RESOLVED if uphold else DisputeStatus.REJECTED
        outcome = DisputeOutcome.FOR_CLAIMANT if uphold else DisputeOutcome.AGAINST_CLAIMANT
        await _transition(
            uow,
            dispute,
            status=status,
            outcome=outcome,
            closed_at=now,
            decided_by_user_id=principal.user_id,
            decision_note=text,
            adjustment_minor=adjustment,
        )
        thread_message(uow, dispute, principal, messages.Message(text, ()))
        problem = await apply_outcome(uow, dispute, outcome, principal, adjustment, now)
        if problem is not None:
            raise DomainError("CANNOT_REOPEN", problem, ["input", "uphold"])
        await announce(uow, dispute, principal, f"DISPUTE_{status.value}", old.value)
        return dispute.id


async def _check_adjustment(uow: UnitOfWork, dispute: models.Dispute, amount_minor: int) -> None:
    """At most the line's paid amount: an adjustment corrects a commission, it cannot exceed the sale. A missing
    order's credit has no line to bound it: the agency names it."""
    if dispute.order_line_id is None:
        return
    line = await uow.session.get(models.OrderLine, dispute.order_line_id)
    assert line is not None
    ceiling = line.unit_price_minor * line.quantity
    if amount_minor > ceiling:
        raise DomainError("TOO_LARGE", "The adjustment is more than the line's sale", ["input", "amount"])


async def expire_due(rt: Runtime) -> int:
    """Sweeper job: every open dispute whose deadline passed gets EXPIRED and its type's default outcome (the
    amount claimed for a money dispute, a reopened registration for an appeal). Claimed by the same conditional
    UPDATE as a decision, so a decision racing the sweeper wins or loses whole."""
    now = rt.clock.now()
    async with rt.sessionmaker() as session:
        due = list(
            (
                await session.scalars(
                    select(models.Dispute.id)
                    .where(models.Dispute.status.in_(rules.OPEN_STATUSES), models.Dispute.due_at <= now)
                    .order_by(models.Dispute.due_at, models.Dispute.id)
                    .limit(SWEEP_BATCH)
                )
            ).all()
        )
    done = 0
    for dispute_id in due:
        async with UnitOfWork(rt) as uow:
            dispute = await uow.session.get(models.Dispute, dispute_id)
            if dispute is None or dispute.status not in rules.OPEN_STATUSES or dispute.due_at > now:
                continue
            old = dispute.status
            outcome = rules.DEFAULT_OUTCOME[dispute.type]
            adjustment = (
                dispute.claimed_amount_minor
                if (outcome is DisputeOutcome.FOR_CLAIMANT and dispute.type in rules.CREDIT_TYPES)
                else None
            )
            note = _expiry_note(dispute.type, outcome, old)
            try:
                await _transition(
                    uow,
                    dispute,
                    status=DisputeStatus.EXPIRED,
                    outcome=outcome,
                    closed_at=now,
                    decision_note=note,
                    adjustment_minor=adjustment,
                )
            except DomainError:
                continue  # decided meanwhile
            thread_message(uow, dispute, None, messages.Message(note, ()))
            problem = await apply_outcome(uow, dispute, outcome, None, adjustment, now)
            if problem is not None:
                thread_message(uow, dispute, None, messages.Message(problem, ()))
            await announce(uow, dispute, None, "DISPUTE_EXPIRED", old.value)
            done += 1
    return done


def _expiry_note(dispute_type: DisputeType, outcome: DisputeOutcome, old: DisputeStatus) -> str:
    missed = "answer" if old is DisputeStatus.OPEN else "decision"
    side = "for the claimant" if outcome is DisputeOutcome.FOR_CLAIMANT else "against the claimant"
    return f"The deadline for the agency's {missed} passed: decided {side} by default."
