"""A payee's balances, read side (loaders batch it): sums of the ledger's (estimated and settled earnings,
server/services/orders/ledger.py `balances`) and the bills' (billed, paid); settled earnings not billed yet are the
difference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import BillStatus, Currency, LedgerPhase
from server.services.finance.finance_rules import PAYEE_ACCOUNTS
from server.services.orders import ledger


@dataclass(frozen=True, slots=True)
class PayeeBalance:
    """Minor units in `currency`: estimated (paid orders, not settled), settled but not billed yet, billed and
    not paid yet, paid."""

    currency: Currency
    estimated: int = 0
    settled_unbilled: int = 0
    billed: int = 0
    paid: int = 0


async def payee_balances(
    session: AsyncSession, account_currencies: Mapping[int, Currency]
) -> dict[int, list[PayeeBalance]]:
    """Per payee organisation (keys of `account_currencies`): one balance per currency it has money in, its
    account's currency first (always there, zeros included). Two statements whatever the number of payees."""
    ids = list(account_currencies)
    estimated: dict[tuple[int, Currency], int] = {}
    settled: dict[tuple[int, Currency], int] = {}
    for b in await ledger.balances(session, party_ids=ids):
        if b.account in PAYEE_ACCOUNTS:
            into = estimated if b.phase is LedgerPhase.ESTIMATED else settled
            into[(b.party_organisation_id, b.currency)] = (
                into.get((b.party_organisation_id, b.currency), 0) + b.amount_minor
            )
    billed: dict[tuple[int, Currency], int] = {}
    paid: dict[tuple[int, Currency], int] = {}
    if ids:
        rows = await session.execute(
            select(
                models.PaymentBill.payee_organisation_id,
                models.PaymentBill.currency,
                models.PaymentBill.status,
                func.sum(models.PaymentBill.amount_minor),
            )
            .where(models.PaymentBill.payee_organisation_id.in_(ids))
            .group_by(
                models.PaymentBill.payee_organisation_id,
                models.PaymentBill.currency,
                models.PaymentBill.status,
            )
        )
        for payee, currency, status, amount in rows:
            into = paid if status is BillStatus.PAID else billed
            into[(payee, currency)] = into.get((payee, currency), 0) + int(amount)
    out: dict[int, list[PayeeBalance]] = {}
    for payee, home in account_currencies.items():
        currencies = {c for (p, c) in (*estimated, *settled, *billed, *paid) if p == payee} - {home}
        out[payee] = [
            _balance(payee, c, estimated, settled, billed, paid) for c in (home, *sorted(currencies))
        ]
    return out


def _balance(payee: int, currency: Currency, *sums: dict[tuple[int, Currency], int]) -> PayeeBalance:
    estimated, settled, billed, paid = (s.get((payee, currency), 0) for s in sums)
    return PayeeBalance(
        currency=currency,
        estimated=estimated,
        settled_unbilled=settled - billed - paid,
        billed=billed,
        paid=paid,
    )
