"""What an issued bill tells its payee: the amount as every screen shows it, and how it will be paid: to the linked
bank account, or once the payee links one (a bill is paid only to a linked bank account)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import Currency
from server.money_text import money_text


async def payees_with_a_bank_account(session: AsyncSession, payees: set[int]) -> set[int]:
    """Of `payees` (organisation ids), those with a linked bank account now: one statement for all of them."""
    if not payees:
        return set()
    rows = await session.scalars(
        select(models.PaymentAccount.organisation_id)
        .join(models.BankAccount, models.BankAccount.payment_account_id == models.PaymentAccount.id)
        .where(models.PaymentAccount.organisation_id.in_(payees), models.BankAccount.unlinked_at.is_(None))
    )
    return set(rows)


def bill_notice(
    period: str, amount_minor: int, currency: Currency, *, has_bank_account: bool
) -> tuple[str, str]:
    """(title, body) of the BILL_ISSUED notification."""
    title = f"Your {period} bill: {money_text(amount_minor, currency)}"
    how = (
        "They are paid to your linked bank account in the next payout run."
        if has_bank_account
        else "Link a bank account in your payment account to be paid: payouts wait until you do."
    )
    return title, f"Your settled earnings of {period}. {how}"
