"""The commission ledger: append-only, balanced postings; balances are SQL sums.

A posting is the legs sharing one posting_id, summing to 0: SELLER_PAYABLE −seller (party: the shop),
CREATOR_EARNINGS +creator, AGENCY_EARNINGS +agency. Each line's ledger is kept at a target by posting only
differences: before settlement its ESTIMATED legs sum to the commission due now (0 unpaid, cancelled or
unattributed; recomputed on the remaining base after refunds); at settlement the estimate is released and
the same amount is posted as SETTLED. Posting "target − what is already there" is what makes retries,
out-of-order events and partial refunds unable to count anything twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import Currency, LedgerAccount, LedgerPhase
from server.services.bulk_writes import insert_rows
from server.services.orders.commission import ZERO, Split, commission_due
from server.services.rollups.upkeep import touch as touch_rollups

Entry = models.LedgerEntry
PHASES = (LedgerPhase.ESTIMATED, LedgerPhase.SETTLED)


def target(line: models.OrderLine) -> dict[LedgerPhase, Split]:
    """What the line's ledger must hold in each phase, from the line's state alone."""
    due = commission_due(line)
    if line.settled_at is not None:
        return {LedgerPhase.ESTIMATED: ZERO, LedgerPhase.SETTLED: due}
    return {LedgerPhase.ESTIMATED: due, LedgerPhase.SETTLED: ZERO}


async def totals_by_line(
    session: AsyncSession, line_ids: Iterable[int]
) -> dict[int, dict[LedgerPhase, Split]]:
    """Per line and phase, what the ledger holds (seller as the positive amount the seller pays)."""
    ids = list(dict.fromkeys(line_ids))
    out: dict[int, dict[LedgerPhase, Split]] = {i: {p: ZERO for p in PHASES} for i in ids}
    if not ids:
        return out
    rows = await session.execute(
        select(Entry.order_line_id, Entry.phase, Entry.account, func.sum(Entry.amount_minor))
        .where(Entry.order_line_id.in_(ids), Entry.dispute_id.is_(None))  # adjustments are outside the target
        .group_by(Entry.order_line_id, Entry.phase, Entry.account)
    )
    for line_id, phase, account, amount in rows:
        assert line_id is not None  # the entries of `ids`
        amount = int(amount)
        current = out[line_id][phase]
        if account is LedgerAccount.SELLER_PAYABLE:
            current = Split(-amount, current.creator, current.agency)
        elif account is LedgerAccount.CREATOR_EARNINGS:
            current = Split(current.seller, amount, current.agency)
        else:
            current = Split(current.seller, current.creator, amount)
        out[line_id][phase] = current
    return out


@dataclass(frozen=True, slots=True)
class Leg:
    """One ledger leg to write (a LedgerEntry row); see write_legs."""

    posting_id: str
    order_line_id: int
    account: LedgerAccount
    party_organisation_id: int
    phase: LedgerPhase
    amount_minor: int
    currency: Currency
    reason: str
    created_at: datetime

    def row(self) -> dict[str, object]:
        return {
            "posting_id": self.posting_id,
            "order_line_id": self.order_line_id,
            "account": self.account,
            "party_organisation_id": self.party_organisation_id,
            "phase": self.phase,
            "amount_minor": self.amount_minor,
            "currency": self.currency,
            "reason": self.reason,
            "created_at": self.created_at,
        }


async def write_legs(session: AsyncSession, legs: Sequence[Leg]) -> None:
    """The one place ledger legs are written: every leg of a request at once, in one INSERT (bulk_writes),
    after the session's pending rows (the lines they belong to) are flushed. A Core INSERT, which the ORM does
    not see: the legs' lines are noted for the rollup upkeep at commit (server/services/rollups/)."""
    if not legs:
        return
    await session.flush()
    await insert_rows(session, Entry.__table__, [leg.row() for leg in legs])
    touch_rollups(session, {leg.order_line_id for leg in legs})


def post(
    legs: list[Leg],
    *,
    line: models.OrderLine,
    shop_id: int,
    phase: LedgerPhase,
    delta: Split,
    reason: str,
    now: datetime,
) -> str:
    """Adds to `legs` one balanced posting of `delta` (seller pays delta.seller more; creator and agency earn
    theirs). Nothing is written until write_legs(legs)."""
    if delta.seller != delta.creator + delta.agency:
        raise ValueError(f"unbalanced posting {delta}")
    assert line.creator_id is not None and line.agency_id is not None
    posting_id = str(uuid.uuid4())
    legs.extend(
        Leg(
            posting_id=posting_id,
            order_line_id=line.id,
            account=account,
            party_organisation_id=party,
            phase=phase,
            amount_minor=amount,
            currency=line.currency,
            reason=reason[:200],
            created_at=now,
        )
        for account, party, amount in (
            (LedgerAccount.SELLER_PAYABLE, shop_id, -delta.seller),
            (LedgerAccount.CREATOR_EARNINGS, line.creator_id, delta.creator),
            (LedgerAccount.AGENCY_EARNINGS, line.agency_id, delta.agency),
        )
    )
    return posting_id


@dataclass(frozen=True, slots=True)
class Posted:
    line_id: int
    phase: LedgerPhase
    posting_id: str
    delta: Split


def reconcile_line(
    legs: list[Leg],
    line: models.OrderLine,
    shop_id: int,
    current: dict[LedgerPhase, Split],
    reason: str | Mapping[LedgerPhase, str],
    now: datetime,
) -> list[Posted]:
    """Adds to `legs` what the line's ledger lacks to reach its target; `current` (what it holds) is updated
    in place. The caller writes the legs (write_legs), once for all its lines."""
    wanted = target(line)
    posted: list[Posted] = []
    for phase in PHASES:
        delta = wanted[phase] - current[phase]
        if delta.is_zero:
            continue
        why = reason if isinstance(reason, str) else reason[phase]
        posting_id = post(legs, line=line, shop_id=shop_id, phase=phase, delta=delta, reason=why, now=now)
        current[phase] = wanted[phase]
        posted.append(Posted(line.id, phase, posting_id, delta))
    return posted


async def reconcile(
    session: AsyncSession,
    lines: Iterable[tuple[models.OrderLine, int]],
    reasons: Mapping[int, str | Mapping[LedgerPhase, str]],
    now: datetime,
) -> list[Posted]:
    """Brings each (line, shop id)'s ledger to its target, reading what it holds first."""
    pairs = list(lines)
    touch_rollups(
        session, (line.id for line, _ in pairs)
    )  # their facts may have changed by a set-based UPDATE
    current = await totals_by_line(session, (line.id for line, _ in pairs))
    legs: list[Leg] = []
    posted = [
        posted
        for line, shop_id in pairs
        for posted in reconcile_line(legs, line, shop_id, current[line.id], reasons[line.id], now)
    ]
    await write_legs(session, legs)
    return posted


@dataclass(frozen=True, slots=True)
class Balance:
    party_organisation_id: int
    account: LedgerAccount
    phase: LedgerPhase
    currency: Currency
    amount_minor: int


async def balances(
    session: AsyncSession, *, party_ids: Iterable[int] | None = None, currency: Currency | None = None
) -> list[Balance]:
    """Per party, account, phase and currency: the sum of the legs (never a stored total)."""
    query = select(
        Entry.party_organisation_id, Entry.account, Entry.phase, Entry.currency, func.sum(Entry.amount_minor)
    ).group_by(Entry.party_organisation_id, Entry.account, Entry.phase, Entry.currency)
    if party_ids is not None:
        query = query.where(Entry.party_organisation_id.in_(list(party_ids)))
    if currency is not None:
        query = query.where(Entry.currency == currency)
    rows = await session.execute(query.order_by(Entry.party_organisation_id, Entry.account, Entry.phase))
    return [Balance(party, account, phase, cur, int(amount)) for party, account, phase, cur, amount in rows]


async def unbalanced_postings(session: AsyncSession) -> list[str]:
    """Posting ids whose legs do not sum to 0 (always empty; for checks and tests)."""
    rows = await session.scalars(
        select(Entry.posting_id).group_by(Entry.posting_id).having(func.sum(Entry.amount_minor) != 0)
    )
    return list(rows)
