"""Monthly payment bills: a payee's settled earnings, per currency, billed once.

On or after the 1st of a month (UTC), bill generation puts every settled earnings leg (CREATOR_EARNINGS or
AGENCY_EARNINGS, phase SETTLED) created before the end of the billed month and not billed yet into one bill per
payee and currency: OPEN while the bill is assembled, ISSUED when the transaction commits (so clients only ever see
ISSUED, PAID or FAILED bills). A leg is billed at most once, ever: payment_bill_entries has the leg as its primary
key. A payee with a bill of that period already (a late leg: committed after the month's run) waits for the next
month's bill; so does a payee whose unbilled legs do not add up to more than zero.

Runs are serialised (PostgreSQL: a transaction-level advisory lock; SQLite: the write lock taken first), so
several processes (the sweeper of each, an operator's billsGenerate) can run it at once: the later runs find
nothing left to bill.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Select, exists, func, insert, select, text, update

from server import models
from server.auth.principal import Principal
from server.models.enums import BillStatus, Currency, LedgerPhase
from server.money import minor_to_decimal_string
from server.runtime import Runtime
from server.services import audit
from server.services.errors import DomainError
from server.services.finance.bill_notice import bill_notice, payees_with_a_bank_account
from server.services.finance.finance_rules import PAYEE_ACCOUNTS, is_period, period_bounds, previous_period
from server.services.notification_kinds import money
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork, begin_writing

Bill = models.PaymentBill
Entry = models.LedgerEntry
BillEntry = models.PaymentBillEntry
BILLING_LOCK = 0x4D55_4249_4C4C  # pg_advisory_xact_lock key of bill generation ("MUBILL")


def _unbilled(end: datetime) -> tuple[ColumnElement[bool], ...]:
    """Settled payee legs created before `end` and in no bill."""
    return (
        Entry.phase == LedgerPhase.SETTLED,
        Entry.account.in_(PAYEE_ACCOUNTS),
        Entry.created_at < end,
        ~exists().where(BillEntry.ledger_entry_id == Entry.id),
    )


def _to_bill(period: str) -> Select[int, Currency]:
    """(payee, currency) of the bills `period` lacks: unbilled legs adding up to more than zero, no bill yet."""
    return (
        select(Entry.party_organisation_id, Entry.currency)
        .where(
            *_unbilled(period_bounds(period)[1]),
            ~exists().where(
                Bill.payee_organisation_id == Entry.party_organisation_id,
                Bill.period == period,
                Bill.currency == Entry.currency,
            ),
        )
        .group_by(Entry.party_organisation_id, Entry.currency)
        .having(func.sum(Entry.amount_minor) > 0)
    )


async def issue_monthly_bills(rt: Runtime) -> int:
    """The sweeper's job (every tick of every process): bills the previous month once; returns how many bills it
    issued. Once that month has bills it is one query; before, a read decides whether anything is to be billed
    before the lock is taken."""
    period = previous_period(rt.clock.now())
    async with rt.sessionmaker() as session:
        if await session.scalar(select(exists().where(Bill.period == period))):
            return 0
        if (await session.execute(_to_bill(period).limit(1))).first() is None:
            return 0
    return len(await generate_bills(rt, period=period))


async def generate_bills(
    rt: Runtime, *, period: str | None = None, actor: Principal | None = None
) -> list[int]:
    """Bills `period` ('YYYY-MM', a month that has ended; default: the previous month); returns the ids of the
    bills it issued (none when there is nothing left to bill)."""
    now = rt.clock.now()
    period = previous_period(now) if period is None else period.strip()
    if not is_period(period):
        raise DomainError("INVALID_PERIOD", "A period is a month, written YYYY-MM", ["input", "period"])
    end = period_bounds(period)[1]
    if end > now:
        raise DomainError(
            "INVALID_PERIOD", f"{period} has not ended yet; bill it from {end:%Y-%m-%d}", ["input", "period"]
        )
    async with UnitOfWork(rt) as uow:
        s = uow.session
        if rt.settings.is_sqlite:
            await begin_writing(uow)
        else:
            await s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": BILLING_LOCK})
        groups = (await s.execute(_to_bill(period))).all()
        if not groups:
            return []
        bills = [
            Bill(
                payee_organisation_id=payee,
                period=period,
                currency=currency,
                amount_minor=0,
                status=BillStatus.OPEN,
                attempts=0,
                created_at=now,
            )
            for payee, currency in groups
        ]
        s.add_all(bills)
        await s.flush()
        ids = [bill.id for bill in bills]
        await s.execute(
            insert(BillEntry).from_select(
                ["ledger_entry_id", "bill_id"],
                select(Entry.id, Bill.id)
                .join(
                    Bill,
                    (Bill.payee_organisation_id == Entry.party_organisation_id)
                    & (Bill.currency == Entry.currency),
                )
                .where(Bill.id.in_(ids), *_unbilled(end)),
            )
        )
        # The amount is the sum of exactly the legs the bill took (a leg committed meanwhile included).
        billed = (
            select(func.coalesce(func.sum(Entry.amount_minor), 0))
            .join(BillEntry, BillEntry.ledger_entry_id == Entry.id)
            .where(BillEntry.bill_id == Bill.id)
            .scalar_subquery()
        )
        await s.execute(
            update(Bill)
            .where(Bill.id.in_(ids))
            .values(amount_minor=billed)
            .execution_options(synchronize_session=False)
        )
        issued = (
            await s.execute(
                update(Bill)
                .where(Bill.id.in_(ids), Bill.status == BillStatus.OPEN)
                .values(status=BillStatus.ISSUED, issued_at=now)
                .returning(Bill.id, Bill.payee_organisation_id, Bill.amount_minor, Bill.currency)
                .execution_options(synchronize_session=False)
            )
        ).all()
        banked = await payees_with_a_bank_account(s, {payee for _, payee, *_ in issued})
        for bill_id, payee, amount, currency in sorted(issued):
            total = f"{minor_to_decimal_string(amount, currency)} {currency.value}"
            audit.record(
                uow,
                actor,
                subject_type="PaymentBill",
                subject_id=bill_id,
                action="bill.issue",
                changes={"status": [BillStatus.OPEN.value, BillStatus.ISSUED.value], "amount": [None, total]},
            )
            title, body = bill_notice(period, amount, currency, has_bank_account=payee in banked)
            await notify(
                uow,
                recipient_organisation_id=payee,
                kind="BILL_ISSUED",
                title=title,
                body=body,
                subject_type="PaymentBill",
                subject_id=bill_id,
                params={
                    "period": period,
                    "amount": money(amount, currency.value),
                    "bankAccount": "linked" if payee in banked else "none",
                },
            )
        return [bill_id for bill_id, *_ in sorted(issued)]
