"""The read side of orders, shared by the GraphQL API and the CSV exports: one statement for order lines with
what every view shows next to them (order, product title, SKU, shop, campaign, agency and creator names), the
filters of `orderLines`, earnings sums and the ledger statement of a party.

Callers pass the viewer's row scope (server/authz/policy.py ROW_SCOPES "OrderLine") as a predicate: this module
decides what a line says, never who may read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from server import models
from server.models.enums import MARKET_CURRENCY, Currency, LedgerAccount, LedgerPhase, OrderLineStatus, Role
from server.money import agency_rate_bps
from server.services.finance.balances import payee_balances
from server.services.orders import ledger
from server.services.orders.commission import Split, commission_due, gross_minor, remaining_base

Line, Order = models.OrderLine, models.Order
_Shop = aliased(models.Organisation, name="line_shop")
_Agency = aliased(models.Organisation, name="line_agency")

# The ledger account each role's earnings are read from.
ACCOUNT_OF_ROLE = {
    Role.AGENCY: LedgerAccount.AGENCY_EARNINGS,
    Role.CREATOR: LedgerAccount.CREATOR_EARNINGS,
    Role.SELLER: LedgerAccount.SELLER_PAYABLE,
}


@dataclass(frozen=True, slots=True)
class LineView:
    """An order line with its order, the names shown next to it, and its commission in its current state."""

    line: models.OrderLine
    order: models.Order
    product_title: str
    seller_sku: str | None
    shop_name: str
    campaign_name: str | None
    agency_name: str | None
    creator_name: str | None
    creator_handle: str | None
    due: (
        Split  # what the ledger holds for the line (estimated, or actual once settled); 0 unpaid/unattributed
    )

    @property
    def settled(self) -> bool:
        return self.line.settled_at is not None

    @property
    def gross_minor(self) -> int:
        return gross_minor(self.line)

    @property
    def base_minor(self) -> int:
        return remaining_base(self.line)

    @property
    def agency_rate_bps(self) -> int | None:
        total, creator = self.line.total_rate_bps, self.line.creator_rate_bps
        return None if total is None or creator is None else agency_rate_bps(total, creator)


def line_rows() -> Select[*tuple[Any, ...]]:
    """(line, order, product title, seller SKU, shop name, campaign name, agency name, creator display name,
    creator handle): one row per line, for `line_view`."""
    return (
        select(
            Line,
            Order,
            models.Product.title,
            models.Sku.seller_sku,
            _Shop.name,
            models.Campaign.name,
            _Agency.name,
            models.CreatorProfile.display_name,
            models.CreatorProfile.handle,
        )
        .join(Order, Order.id == Line.order_id)
        .join(models.Product, models.Product.id == Line.product_id)
        .join(_Shop, _Shop.id == Order.shop_id)
        .outerjoin(models.Sku, models.Sku.id == Line.sku_id)
        .outerjoin(models.Campaign, models.Campaign.id == Line.campaign_id)
        .outerjoin(_Agency, _Agency.id == Line.agency_id)
        .outerjoin(models.CreatorProfile, models.CreatorProfile.organisation_id == Line.creator_id)
    )


def line_view(row: Sequence[Any]) -> LineView:
    line, order, title, sku, shop, campaign, agency, creator, handle = row
    return LineView(line, order, title, sku, shop, campaign, agency, creator, handle, commission_due(line))


@dataclass(frozen=True, slots=True)
class LineFilter:
    """`placed_from` inclusive, `placed_to` exclusive (the order's placed_at); statuses: any of (all when empty)."""

    placed_from: datetime | None = None
    placed_to: datetime | None = None
    campaign_id: int | None = None
    statuses: tuple[OrderLineStatus, ...] = ()
    attributed: bool | None = None

    @property
    def empty_range(self) -> bool:
        return (
            self.placed_from is not None and self.placed_to is not None and self.placed_from >= self.placed_to
        )


def filtered(stmt: Select[*tuple[Any, ...]], f: LineFilter) -> Select[*tuple[Any, ...]]:
    """`stmt` (joined to orders, like line_rows) narrowed by the filter."""
    if f.placed_from is not None:
        stmt = stmt.where(Order.placed_at >= f.placed_from)
    if f.placed_to is not None:
        stmt = stmt.where(Order.placed_at < f.placed_to)
    if f.campaign_id is not None:
        stmt = stmt.where(Line.campaign_id == f.campaign_id)
    if f.statuses:
        stmt = stmt.where(Line.status.in_(f.statuses))
    if f.attributed is not None:
        stmt = stmt.where(Line.campaign_id.is_not(None) if f.attributed else Line.campaign_id.is_(None))
    return stmt


async def lines(session: AsyncSession, scope: ColumnElement[bool], f: LineFilter) -> list[LineView]:
    """Every line in scope that the filter keeps, newest order first (for exports)."""
    stmt = filtered(line_rows(), f).where(scope).order_by(Order.placed_at.desc(), Line.id.desc())
    return [line_view(row) for row in await session.execute(stmt)]


# ------------------------------------------------------------------------------------------------ earnings


@dataclass(frozen=True, slots=True)
class Earnings:
    """A party's sums of its own ledger account in one currency (minor units, positive: what it earns, or for a
    shop what it pays). billed / paid: the payee's bills (agencies and creators; None for shops)."""

    currency: Currency
    account: LedgerAccount
    estimated: int
    settled: int
    billed: int | None = None
    paid: int | None = None

    @property
    def settled_unbilled(self) -> int | None:
        return None if self.billed is None or self.paid is None else self.settled - self.billed - self.paid


async def earnings(
    session: AsyncSession, role: Role, organisation: models.Organisation, currency: Currency | None = None
) -> list[Earnings]:
    """One entry per currency the party has money in, its home market's currency first (zeros included); with
    `currency`, that one only. Payees' sums are finance's balances (server/services/finance/accounts.py), a
    shop's the sums of its SELLER_PAYABLE legs."""
    account = ACCOUNT_OF_ROLE[role]
    assert organisation.market is not None, "agencies, shops and creators have a market"
    home = currency or MARKET_CURRENCY[organisation.market]
    found: dict[Currency, Earnings] = {}
    if role is Role.SELLER:
        sums: dict[tuple[Currency, LedgerPhase], int] = {}
        for b in await ledger.balances(session, party_ids=[organisation.id], currency=currency):
            if b.account is account:
                sums[(b.currency, b.phase)] = sums.get((b.currency, b.phase), 0) - b.amount_minor
        for c in sorted({c for c, _ in sums}):
            found[c] = Earnings(
                c, account, sums.get((c, LedgerPhase.ESTIMATED), 0), sums.get((c, LedgerPhase.SETTLED), 0)
            )
        zero = Earnings(home, account, 0, 0)
    else:
        for b in (await payee_balances(session, {organisation.id: home}))[organisation.id]:
            found[b.currency] = Earnings(
                b.currency, account, b.estimated, b.settled_unbilled + b.billed + b.paid, b.billed, b.paid
            )
        zero = Earnings(home, account, 0, 0, 0, 0)
    if currency is not None:
        return [found.get(currency, zero)]
    return [found.get(home, zero), *(found[c] for c in sorted(found) if c != home)]


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One leg of a party's ledger account, with the line it is for."""

    posted_at: datetime
    phase: LedgerPhase
    amount_minor: int
    currency: Currency
    reason: str
    view: LineView


async def statement(
    session: AsyncSession,
    organisation_id: int,
    account: LedgerAccount,
    scope: ColumnElement[bool],
    f: LineFilter,
    *,
    posted_from: datetime | None = None,
    posted_to: datetime | None = None,
) -> list[StatementRow]:
    """The party's legs in `account` (its earnings statement), oldest first, on the lines of `scope` and `f`."""
    Entry = models.LedgerEntry
    stmt = (
        filtered(line_rows(), f)
        .add_columns(Entry.created_at, Entry.phase, Entry.amount_minor, Entry.currency, Entry.reason)
        .join(Entry, Entry.order_line_id == Line.id)
        .where(scope, Entry.party_organisation_id == organisation_id, Entry.account == account)
        .order_by(Entry.created_at, Entry.id)
    )
    if posted_from is not None:
        stmt = stmt.where(Entry.created_at >= posted_from)
    if posted_to is not None:
        stmt = stmt.where(Entry.created_at < posted_to)
    out: list[StatementRow] = []
    for row in await session.execute(stmt):
        *line_part, posted_at, phase, amount, currency, reason = row
        if account is LedgerAccount.SELLER_PAYABLE:
            amount = -amount
        out.append(StatementRow(posted_at, phase, amount, currency, reason, line_view(line_part)))
    return out
