"""A payee's payment account (its balances: server/services/finance/balances.py).

Every agency and creator has a payment account in the API; its row (market, currency) is written on the payee's
first finance write (tax info), from the organisation's market.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.auth.principal import Principal
from server.models.enums import MARKET_CURRENCY
from server.services.errors import DomainError
from server.services.finance.finance_rules import PAYEE_KINDS, payee_market
from server.services.unit_of_work import UnitOfWork


async def open_account(uow: UnitOfWork, principal: Principal) -> models.PaymentAccount:
    """The principal's payment account, created if it is not there yet, and locked (PostgreSQL) so that the
    payee's finance writes queue up. Only agencies and creators have one."""
    s = uow.session
    organisation = await s.get(models.Organisation, principal.organisation_id)
    if organisation is None or organisation.kind not in PAYEE_KINDS:
        raise DomainError("NOT_A_PAYEE", "Only agencies and creators have a payment account", ["input"])
    locked = (
        select(models.PaymentAccount)
        .where(models.PaymentAccount.organisation_id == organisation.id)
        .with_for_update()
    )
    account = await s.scalar(locked)
    if account is not None:
        return account
    market = payee_market(organisation, None)
    try:
        async with await uow.savepoint():
            s.add(
                models.PaymentAccount(
                    organisation_id=organisation.id,
                    market=market,
                    currency=MARKET_CURRENCY[market],
                    created_at=uow.rt.clock.now(),
                )
            )
            await s.flush()
    except IntegrityError:
        pass  # created by a concurrent request of the same payee
    account = await s.scalar(locked.execution_options(populate_existing=True))
    assert account is not None
    return account


async def latest_tax_info(session: AsyncSession, account_id: int) -> models.TaxInfo | None:
    return await session.scalar(
        select(models.TaxInfo)
        .where(models.TaxInfo.payment_account_id == account_id)
        .order_by(models.TaxInfo.id.desc())
        .limit(1)
    )
