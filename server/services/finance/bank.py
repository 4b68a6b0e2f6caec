"""Bank accounts: linked only once the payee's tax info is APPROVED, in the payee's market currency.

The full account number is handed to the (simulated) payment processor and never stored: the row keeps the last
four digits and the processor's token. Linking a new account unlinks the previous one in the same transaction;
bills are paid to the account linked when the payout runs.

Validation per market (digits only after removing spaces and dashes):
US: account number 4–17 digits, routing code = the 9-digit ABA routing number (its checksum holds, check_digits.py);
GB: account number 8 digits, routing code = the 6-digit sort code;
others: account number 6–20 digits, routing code = the bank's SWIFT/BIC (8 or 11 characters) of the market's
country, e.g. BKKBTHBK for Bangkok Bank.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import MARKET_CURRENCY, Market, TaxInfoStatus
from server.runtime import Runtime
from server.services import audit
from server.services.errors import DomainError, DomainErrors, not_found
from server.services.finance.accounts import latest_tax_info, open_account
from server.services.finance.check_digits import aba_routing_ok, bic_ok
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork, begin_writing

HOLDER_MAX = 200
BANK_NAME_MAX = 120
SEPARATORS = re.compile(r"[\s-]")
ACCOUNT_DIGITS: dict[Market, tuple[int, int]] = {Market.US: (4, 17), Market.GB: (8, 8)}
OTHER_ACCOUNT_DIGITS = (6, 20)


@dataclass(frozen=True, slots=True)
class BankDetails:
    holder_name: str
    bank_name: str
    account_number: str
    routing_code: str


def _routing_problem(market: Market, code: str) -> str | None:
    """Why `code` (separators removed, upper-cased) is not the market's routing code; None when it is."""
    if market is Market.US:
        if not aba_routing_ok(code):
            return "Enter the 9-digit ABA routing number"
    elif market is Market.GB:
        if not re.fullmatch(r"\d{6}", code):
            return "Enter the 6-digit sort code, e.g. 20-00-00"
    elif not bic_ok(code, market):
        return f"Enter the bank's SWIFT/BIC code for {market.value}, e.g. BKKB{market.value}BK"
    return None


def check_details(details: BankDetails, market: Market) -> BankDetails:
    errors: list[DomainError] = []

    def text(value: str, name: str, max_len: int, what: str) -> str:
        value = (value or "").strip()
        if not value:
            errors.append(DomainError("REQUIRED", f"Enter {what}", ["input", name]))
        elif len(value) > max_len:
            errors.append(DomainError("TOO_LONG", f"Use at most {max_len} characters", ["input", name]))
        return value

    holder = text(details.holder_name, "holderName", HOLDER_MAX, "the account holder's name")
    bank = text(details.bank_name, "bankName", BANK_NAME_MAX, "the bank's name")
    number = SEPARATORS.sub("", details.account_number or "")
    low, high = ACCOUNT_DIGITS.get(market, OTHER_ACCOUNT_DIGITS)
    if not number:
        errors.append(DomainError("REQUIRED", "Enter the account number", ["input", "accountNumber"]))
    elif not number.isdigit() or not low <= len(number) <= high:
        size = f"{low}" if low == high else f"{low} to {high}"
        errors.append(
            DomainError(
                "INVALID_FORMAT", f"An account number here is {size} digits", ["input", "accountNumber"]
            )
        )
    routing = SEPARATORS.sub("", details.routing_code or "").upper()
    if not routing:
        errors.append(DomainError("REQUIRED", "Enter the routing code", ["input", "routingCode"]))
    elif (problem := _routing_problem(market, routing)) is not None:
        errors.append(DomainError("INVALID_FORMAT", problem, ["input", "routingCode"]))
    if errors:
        raise DomainErrors(errors)
    return BankDetails(holder_name=holder, bank_name=bank, account_number=number, routing_code=routing)


def processor_token() -> str:
    """The simulated processor vaults the account and answers a token; nothing of the number is in it."""
    return "sim_ba_" + secrets.token_urlsafe(24)


def masked(last4: str) -> str:
    return f"••••{last4}"


async def link_bank_account(rt: Runtime, principal: Principal, details: BankDetails) -> int:
    """Links the account (unlinking the previous one); returns its id. TAX_NOT_APPROVED before approval."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        await begin_writing(uow)
        account = await open_account(uow, principal)
        s = uow.session
        latest = await latest_tax_info(s, account.id)
        if latest is None or latest.status is not TaxInfoStatus.APPROVED:
            raise DomainError(
                "TAX_NOT_APPROVED", "A bank account can be linked once your tax info is approved", ["input"]
            )
        clean = check_details(details, account.market)
        previous = await s.scalar(
            select(models.BankAccount).where(
                models.BankAccount.payment_account_id == account.id, models.BankAccount.unlinked_at.is_(None)
            )
        )
        if previous is not None:
            await _unlink(uow, previous.id, now)
        row = models.BankAccount(
            payment_account_id=account.id,
            holder_name=clean.holder_name,
            bank_name=clean.bank_name,
            account_number_last4=clean.account_number[-4:],
            account_token=processor_token(),
            currency=MARKET_CURRENCY[account.market],
            linked_at=now,
        )
        try:
            async with await uow.savepoint():
                s.add(row)
                await s.flush()
        except IntegrityError:
            raise DomainError(
                "CONFLICT", "Another bank account was linked at the same time. Reload.", ["input"]
            ) from None
        audit.record(
            uow,
            principal,
            subject_type="BankAccount",
            subject_id=row.id,
            action="bank_account.link",
            changes={
                "accountNumber": [
                    None if previous is None else masked(previous.account_number_last4),
                    masked(row.account_number_last4),
                ]
            },
        )
        await notify(
            uow,
            recipient_organisation_id=account.organisation_id,
            kind="BANK_ACCOUNT_LINKED",
            title="Bank account linked",
            body=f"Payouts now go to {clean.bank_name} {masked(row.account_number_last4)}."
            + ("" if previous is None else f" {masked(previous.account_number_last4)} was unlinked."),
            subject_type="BankAccount",
            subject_id=row.id,
            params={
                "account": f"{clean.bank_name} {masked(row.account_number_last4)}",
                "previous": None if previous is None else masked(previous.account_number_last4),
            },
        )
        return row.id


async def unlink_bank_account(rt: Runtime, principal: Principal, bank_account_id: int) -> int:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        await begin_writing(uow)
        s = uow.session
        row = (
            await s.execute(
                select(models.BankAccount, models.PaymentAccount.organisation_id)
                .join(
                    models.PaymentAccount, models.PaymentAccount.id == models.BankAccount.payment_account_id
                )
                .where(
                    models.BankAccount.id == bank_account_id,
                    models.PaymentAccount.organisation_id == principal.organisation_id,
                )
            )
        ).first()
        if row is None:
            raise not_found("Bank account", ["input", "id"])
        bank, payee_id = row
        if bank.unlinked_at is not None or not await _unlink(uow, bank.id, now):
            raise DomainError("NOT_LINKED", "This bank account is no longer linked", ["input", "id"])
        audit.record(
            uow,
            principal,
            subject_type="BankAccount",
            subject_id=bank.id,
            action="bank_account.unlink",
            changes={"accountNumber": [masked(bank.account_number_last4), None]},
        )
        await notify(
            uow,
            recipient_organisation_id=payee_id,
            kind="BANK_ACCOUNT_UNLINKED",
            title="Bank account unlinked",
            body=f"{bank.bank_name} {masked(bank.account_number_last4)} no longer receives payouts. Link an account "
            "to be paid.",
            subject_type="BankAccount",
            subject_id=bank.id,
            params={"account": f"{bank.bank_name} {masked(bank.account_number_last4)}"},
        )
        return bank.id


async def _unlink(uow: UnitOfWork, bank_account_id: int, now: datetime) -> bool:
    result = await uow.session.execute(
        update(models.BankAccount)
        .where(models.BankAccount.id == bank_account_id, models.BankAccount.unlinked_at.is_(None))
        .values(unlinked_at=now)
        .execution_options(synchronize_session=False)
    )
    return rowcount(result) == 1
