"""Payout runs (operator): every ISSUED bill, and every FAILED one again, is paid to its payee's linked bank account.

Per bill, in its own transaction: a bill whose payee has no approved tax info, no linked bank account or one in
another currency is not attempted (PAYOUT_BLOCKED with the reason; the bill is left as it was). Otherwise the bill
is claimed by a conditional update of its attempt counter (so two runs at once never pay a bill twice), the
transfer is made and recorded as a Payout row (attempt n, reference MUP-<bill>-<n>), and the bill becomes PAID or
FAILED; a FAILED bill is retried by the next run, to the account linked then.

The bank transfer is simulated, synchronously and inside the transaction: it fails for accounts whose number ends
in settings.payout_failing_account_ending (default 0000) and succeeds otherwise. A real processor would be called
after the claim commits, with the reference as its idempotency key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import exists, select, update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import BillStatus, PayoutStatus, TaxInfoStatus
from server.money import minor_to_decimal_string
from server.runtime import Runtime
from server.services import audit
from server.services.errors import DomainError, DomainErrors
from server.services.finance.bank import masked
from server.services.finance.finance_rules import PayoutBlockReason, PayoutOutcome
from server.services.notification_kinds import money
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork, begin_writing

Bill = models.PaymentBill
PAYABLE = (BillStatus.ISSUED, BillStatus.FAILED)
MAX_BILLS = 100


@dataclass(frozen=True, slots=True)
class PayoutResult:
    bill_id: int
    outcome: PayoutOutcome
    message: str
    payout_id: int | None = None
    block_reason: PayoutBlockReason | None = None


def transfer_failure(rt: Runtime, bank: models.BankAccount) -> str | None:
    """The simulated bank's answer: None when the transfer went through, else why it failed."""
    failing = rt.settings.payout_failing_account_ending
    if failing and bank.account_number_last4 == failing:
        return f"The bank refused the transfer to {masked(failing)} (simulated failure)"
    return None


async def run_payouts(
    rt: Runtime, principal: Principal, *, bill_ids: Sequence[int] | None = None
) -> list[PayoutResult]:
    """Pays the given bills (1–100, each ISSUED or FAILED), or every ISSUED and FAILED bill, oldest first.
    A bill another run handled meanwhile is left out of the results."""
    if bill_ids is not None:
        await _check_requested(rt, bill_ids)
        candidates = list(dict.fromkeys(bill_ids))
    else:
        async with rt.sessionmaker() as session:
            candidates = list(
                await session.scalars(select(Bill.id).where(Bill.status.in_(PAYABLE)).order_by(Bill.id))
            )
    results: list[PayoutResult] = []
    for bill_id in candidates:
        result = await _pay(rt, principal, bill_id)
        if result is not None:
            results.append(result)
    return results


async def _check_requested(rt: Runtime, bill_ids: Sequence[int]) -> None:
    if not 1 <= len(bill_ids) <= MAX_BILLS:
        raise DomainError(
            "INVALID_COUNT",
            f"Give 1 to {MAX_BILLS} bills, or none to pay every payable bill",
            ["input", "billIds"],
        )
    async with rt.sessionmaker() as session:
        status = dict(
            (await session.execute(select(Bill.id, Bill.status).where(Bill.id.in_(bill_ids)))).all()
        )
    errors: list[DomainError] = []
    for i, bill_id in enumerate(bill_ids):
        if bill_id not in status:
            errors.append(DomainError("NOT_FOUND", "Bill not found", ["input", "billIds", i]))
        elif status[bill_id] not in PAYABLE:
            errors.append(
                DomainError(
                    "INVALID_STATE",
                    f"Only ISSUED and FAILED bills are paid; this one is {status[bill_id].value}",
                    ["input", "billIds", i],
                )
            )
    if errors:
        raise DomainErrors(errors)


async def _pay(rt: Runtime, principal: Principal, bill_id: int) -> PayoutResult | None:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        await begin_writing(uow)
        s = uow.session
        approved = exists().where(
            models.TaxInfo.payment_account_id == models.PaymentAccount.id,
            models.TaxInfo.status == TaxInfoStatus.APPROVED,
        )
        row = (
            await s.execute(
                select(Bill, approved, models.BankAccount)
                .outerjoin(
                    models.PaymentAccount, models.PaymentAccount.organisation_id == Bill.payee_organisation_id
                )
                .outerjoin(
                    models.BankAccount,
                    (models.BankAccount.payment_account_id == models.PaymentAccount.id)
                    & models.BankAccount.unlinked_at.is_(None),
                )
                .where(Bill.id == bill_id)
            )
        ).first()
        if row is None or row[0].status not in PAYABLE:
            return None
        bill, tax_approved, linked = row
        bank = cast("models.BankAccount | None", linked)  # the outer join's: None when no account is linked
        amount = f"{minor_to_decimal_string(bill.amount_minor, bill.currency)} {bill.currency.value}"
        if not tax_approved:
            return PayoutResult(
                bill.id,
                PayoutOutcome.PAYOUT_BLOCKED,
                "The payee's tax info is not approved",
                block_reason=PayoutBlockReason.TAX_NOT_APPROVED,
            )
        if bank is None:
            return PayoutResult(
                bill.id,
                PayoutOutcome.PAYOUT_BLOCKED,
                "The payee has no linked bank account",
                block_reason=PayoutBlockReason.NO_BANK_ACCOUNT,
            )
        if bank.currency != bill.currency:
            return PayoutResult(
                bill.id,
                PayoutOutcome.PAYOUT_BLOCKED,
                f"The linked bank account is in {bank.currency.value}; the bill is in {bill.currency.value}",
                block_reason=PayoutBlockReason.CURRENCY_MISMATCH,
            )
        attempt = bill.attempts + 1
        claimed = await s.execute(
            update(Bill)
            .where(Bill.id == bill.id, Bill.status.in_(PAYABLE), Bill.attempts == bill.attempts)
            .values(attempts=attempt, bank_account_id=bank.id)
            .execution_options(synchronize_session=False)
        )
        if rowcount(claimed) != 1:
            return None  # another run took it
        failure = transfer_failure(rt, bank)
        payout = models.Payout(
            bill_id=bill.id,
            attempt=attempt,
            status=PayoutStatus.FAILED if failure else PayoutStatus.SUCCEEDED,
            bank_account_id=bank.id,
            reference=f"MUP-{bill.id:08d}-{attempt}",
            amount_minor=bill.amount_minor,
            currency=bill.currency,
            failure_reason=failure,
            completed_at=now,
            created_at=now,
        )
        s.add(payout)
        to = BillStatus.FAILED if failure else BillStatus.PAID
        await s.execute(
            update(Bill)
            .where(Bill.id == bill.id)
            .values(status=to, paid_at=None if failure else now, failed_reason=failure)
            .execution_options(synchronize_session=False)
        )
        await s.flush()
        audit.record(
            uow,
            principal,
            subject_type="PaymentBill",
            subject_id=bill.id,
            action="bill.payout",
            changes={"status": [bill.status.value, to.value], "attempts": [bill.attempts, attempt]},
            reason=failure,
        )
        account = f"{bank.bank_name} {masked(bank.account_number_last4)}"
        if failure:
            await notify(
                uow,
                recipient_organisation_id=bill.payee_organisation_id,
                kind="PAYOUT_FAILED",
                title=f"Payout of {amount} failed",
                body=f"{failure}. It is retried in the next payout run; check the bank account you linked.",
                subject_type="PaymentBill",
                subject_id=bill.id,
                params={"amount": money(bill.amount_minor, bill.currency.value), "failure": failure},
            )
            return PayoutResult(bill.id, PayoutOutcome.FAILED, failure, payout_id=payout.id)
        await notify(
            uow,
            recipient_organisation_id=bill.payee_organisation_id,
            kind="PAYOUT_SENT",
            title=f"Payout of {amount} sent",
            body=f"Your {bill.period} bill was paid to {account}.",
            subject_type="PaymentBill",
            subject_id=bill.id,
            params={
                "amount": money(bill.amount_minor, bill.currency.value),
                "period": bill.period,
                "account": account,
            },
        )
        return PayoutResult(bill.id, PayoutOutcome.PAID, f"Paid to {account}", payout_id=payout.id)
