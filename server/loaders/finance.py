"""Loaders of the finance types (payment accounts, tax info, bank accounts, bills, payouts, balances), reached as
`info.context.loaders.finance`. Row-scoped like every loader; payouts and balances are children of a row that was
loaded through its own scope."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, func, select

from server import models
from server.auth.principal import Principal
from server.loaders.base import ScopedLoader
from server.models.enums import Currency
from server.runtime import Runtime
from server.services.finance.balances import PayeeBalance, payee_balances
from server.services.finance.finance_rules import PAYEE_KINDS, TaxStatus

Account = models.PaymentAccount


def payees() -> Any:
    """(organisation, its payment account or None) of every agency and creator."""
    return (
        select(models.Organisation, Account)
        .outerjoin(Account, Account.organisation_id == models.Organisation.id)
        .where(models.Organisation.kind.in_(PAYEE_KINDS))
    )


def tax_infos() -> Any:
    """(tax info, payee organisation id)."""
    return select(models.TaxInfo, Account.organisation_id).join(
        Account, Account.id == models.TaxInfo.payment_account_id
    )


def latest_tax_status() -> ColumnElement[Any]:
    """The status of the latest tax info of the payee organisation in the enclosing query (NULL: none)."""
    return (
        select(models.TaxInfo.status)
        .join(Account, Account.id == models.TaxInfo.payment_account_id)
        .where(Account.organisation_id == models.Organisation.id)
        .order_by(models.TaxInfo.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def has_tax_status(status: TaxStatus) -> ColumnElement[bool]:
    latest = latest_tax_status()
    return latest.is_(None) if status is TaxStatus.NOT_SUBMITTED else latest == status.value


class BalanceLoader(DataLoader):
    """Keys (payee organisation id, its account's currency) → its balances, for many payees in two statements."""

    def __init__(self, rt: Runtime, *, cache: bool) -> None:
        super().__init__(cache=cache)
        self.rt = rt

    async def batch_load_fn(self, keys: Sequence[tuple[int, Currency]]) -> list[list[PayeeBalance]]:
        async with self.rt.sessionmaker() as session:
            balances = await payee_balances(session, dict(keys))
        return [balances[payee] for payee, _ in keys]


class FinanceLoaders:
    def __init__(self, rt: Runtime, principal: Principal | None, *, cache: bool) -> None:
        self.rt = rt
        self.principal = principal
        self.cache = cache
        self._loaders: dict[str, DataLoader] = {}

    def _get(self, name: str, **spec: Any) -> ScopedLoader:
        loader = self._loaders.get(name)
        if loader is None:
            loader = ScopedLoader(
                self.rt, self.principal, cache=self.cache, name=(type(self).__qualname__, name), **spec
            )
            self._loaders[name] = loader
        assert isinstance(loader, ScopedLoader)
        return loader

    @property
    def payment_account_by_org_id(self) -> ScopedLoader:
        return self._get(
            "payment_account_by_org_id",
            type_name="PaymentAccount",
            statement=payees,
            key_column=models.Organisation.id,
            key_of=lambda row: row[0].id,
        )

    @property
    def tax_info_by_id(self) -> ScopedLoader:
        return self._get(
            "tax_info_by_id",
            type_name="TaxInfo",
            statement=tax_infos,
            key_column=models.TaxInfo.id,
            key_of=lambda row: row[0].id,
        )

    @property
    def latest_tax_info_by_org_id(self) -> ScopedLoader:
        return self._get(
            "latest_tax_info_by_org_id",
            type_name="TaxInfo",
            statement=lambda: tax_infos().where(
                models.TaxInfo.id.in_(
                    select(func.max(models.TaxInfo.id)).group_by(models.TaxInfo.payment_account_id)
                )
            ),
            key_column=Account.organisation_id,
            key_of=lambda row: row[1],
        )

    @property
    def bank_account_by_id(self) -> ScopedLoader:
        return self._get(
            "bank_account_by_id",
            type_name="BankAccount",
            statement=lambda: select(models.BankAccount),
            key_column=models.BankAccount.id,
            key_of=lambda row: row.id,
        )

    @property
    def linked_bank_account_by_org_id(self) -> ScopedLoader:
        return self._get(
            "linked_bank_account_by_org_id",
            type_name="BankAccount",
            statement=lambda: (
                select(models.BankAccount, Account.organisation_id)
                .join(Account, Account.id == models.BankAccount.payment_account_id)
                .where(models.BankAccount.unlinked_at.is_(None))
            ),
            key_column=Account.organisation_id,
            key_of=lambda row: row[1],
        )

    @property
    def bill_by_id(self) -> ScopedLoader:
        return self._get(
            "bill_by_id",
            type_name="PaymentBill",
            statement=lambda: select(models.PaymentBill),
            key_column=models.PaymentBill.id,
            key_of=lambda row: row.id,
        )

    @property
    def payouts_by_bill_id(self) -> ScopedLoader:
        return self._get(
            "payouts_by_bill_id",
            type_name=None,
            statement=lambda: select(models.Payout).order_by(models.Payout.attempt),
            key_column=models.Payout.bill_id,
            key_of=lambda row: row.bill_id,
            many=True,
        )

    @property
    def balances_by_payee(self) -> DataLoader:
        loader = self._loaders.get("balances_by_payee")
        if loader is None:
            loader = self._loaders["balances_by_payee"] = BalanceLoader(self.rt, cache=self.cache)
        return loader
