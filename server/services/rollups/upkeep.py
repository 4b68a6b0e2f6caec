"""Rollup upkeep: in the same transaction as every change to attributed order lines and their ledger legs.

Where it runs: session hooks, so that no writer can forget it. After each flush, the ids of the order lines that
were added or changed and of the lines that got new ledger legs are noted on the session, as are the lines of
legs added by an ORM bulk INSERT; `touch` notes lines changed by a set-based UPDATE (ledger.reconcile_line calls
it for every line it reconciles, as settlement does); just before the transaction commits,
`upkeep` brings the rollups up to date for the orders of those lines, inside that transaction.

How: the figures are state-based, not event-based. For each affected order it reads what its attributed lines
are now (their facts and the sums of their legs) and what they contributed at the last upkeep (`rollup_lines`),
and adds the difference to every rollup row they count under — set-based upserts
(INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x), sorted by key, after locking the affected orders in id
order (PostgreSQL), so that concurrent writers neither deadlock nor lose increments, and a retried or repeated
upkeep adds nothing. Distinct counts (paid orders, actual orders) are exact because the unit of difference is
the whole order: "does this order have a paid line under this key" before and after.

The definitions are those of server/services/performance/numbers.py: a line is paid when paid_at is set, a sale
when its status is one of SALE_STATUSES, actual when SETTLED; its base is price × quantity − refunded; money is
the sum of its legs per account (the seller's negated), estimated over both phases, actual the SETTLED phase.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Row,
    RowMapping,
    Select,
    Table,
    event,
    func,
    select,
)
from sqlalchemy.orm import ORMExecuteState, Session

from server import models
from server.models.enums import MARKET_TIMEZONE, Currency, LedgerAccount, LedgerPhase, Market, OrderLineStatus
from server.models.rollup import (
    METRICS,
    rollup_campaign_days,
    rollup_campaign_shops,
    rollup_creator_campaigns,
    rollup_creator_days,
    rollup_creator_markets,
    rollup_creator_products,
    rollup_lines,
    rollup_registrations,
)
from server.services.bulk_writes import upsert_rows
from server.services.performance.numbers import SALE_STATUSES
from server.services.rollups import open_amounts

Line, Order, Entry = models.OrderLine, models.Order, models.LedgerEntry
INFO_KEY = "matchup_rollup_line_ids"
CHUNK = 500  # keys per IN list of a delete (SQLite binds at most 32766 parameters)

MONEY = {
    LedgerAccount.SELLER_PAYABLE: "seller",
    LedgerAccount.CREATOR_EARNINGS: "creator",
    LedgerAccount.AGENCY_EARNINGS: "agency",
}
MONEY_METRIC = {"seller": "seller_paid", "creator": "creator_commission", "agency": "agency_commission"}
FIGURE_COLUMNS = tuple(c.name for c in rollup_lines.c if c.name not in ("line_id", "order_id"))


@dataclass(frozen=True, slots=True)
class Grain:
    table: Table
    keys: tuple[str, ...]  # the line columns (of rollup_lines) that key the table
    extra: tuple[str, ...] = ()  # columns stored with the key, functionally dependent on it

    def key(self, line: Mapping[str, Any]) -> tuple[Any, ...] | None:
        key = tuple(line[k] for k in self.keys)
        return None if any(v is None for v in key) else key


GRAINS = (
    Grain(rollup_campaign_shops, ("campaign_id", "shop_id")),
    Grain(rollup_campaign_days, ("campaign_id", "shop_id", "day")),  # lines without a paid day are left out
    Grain(rollup_registrations, ("registration_id",), ("campaign_id",)),
    Grain(rollup_creator_products, ("registration_id", "creator_id"), ("campaign_id",)),
    Grain(rollup_creator_markets, ("creator_id", "market")),
    Grain(rollup_creator_campaigns, ("creator_id", "campaign_id")),
    Grain(rollup_creator_days, ("creator_id", "market", "day")),
)


# --- what one line contributes ------------------------------------------------------------------------------


def local_day(paid_at: datetime | None, market: Market) -> date | None:
    if paid_at is None:
        return None
    at = paid_at if paid_at.tzinfo is not None else paid_at.replace(tzinfo=UTC)
    return at.astimezone(ZoneInfo(MARKET_TIMEZONE[market])).date()


def line_figures(
    line: RowMapping | Mapping[str, Any], legs: Mapping[tuple[LedgerAccount, LedgerPhase], int]
) -> dict[str, Any]:
    """A rollup_lines row from an attributed line's facts (joined to its order's shop and market) and its legs."""
    status = OrderLineStatus(line["status"])
    out: dict[str, Any] = {
        "line_id": line["id"],
        "order_id": line["order_id"],
        "campaign_id": line["campaign_id"],
        "shop_id": line["shop_id"],
        "registration_id": line["registration_id"],
        "creator_id": line["creator_id"],
        "market": Market(line["market"]).value,
        "day": local_day(line["paid_at"], Market(line["market"])),
        "paid": int(line["paid_at"] is not None),
        "settled": int(status is OrderLineStatus.SETTLED),
        "sale": int(status in SALE_STATUSES),
        "base_minor": line["unit_price_minor"] * line["quantity"] - line["refunded_amount_minor"],
        "product_id": line["product_id"],
        "currency": Currency(line["currency"]).value,
        "status": status.value,
        "paid_at": line["paid_at"],
        "delivered_at": line["delivered_at"],
        "settle_after": line["settle_after"],
    }
    for account, name in MONEY.items():
        sign = -1 if account is LedgerAccount.SELLER_PAYABLE else 1
        settled = sign * legs.get((account, LedgerPhase.SETTLED), 0)
        out[f"{name}_estimated"] = sign * legs.get((account, LedgerPhase.ESTIMATED), 0) + settled
        out[f"{name}_actual"] = settled
    return out


def order_rows(lines: Iterable[Mapping[str, Any]], grain: Grain) -> dict[tuple[Any, ...], dict[str, int]]:
    """What the lines of ONE order add to each key of the grain (an order counts once per key)."""
    out: dict[tuple[Any, ...], dict[str, int]] = {}
    for line in lines:
        key = grain.key(line)
        if key is None:
            continue
        row = out.get(key)
        if row is None:
            row = out[key] = dict.fromkeys(METRICS, 0)
        row["lines"] += 1
        row["paid_orders"] = max(row["paid_orders"], line["paid"])
        row["actual_orders"] = max(row["actual_orders"], line["settled"])
        row["sale_lines"] += line["sale"]
        row["gmv_estimated"] += line["base_minor"] * line["sale"]
        row["gmv_actual"] += line["base_minor"] * line["settled"]
        for name, metric in MONEY_METRIC.items():
            row[f"{metric}_estimated"] += line[f"{name}_estimated"]
            row[f"{metric}_actual"] += line[f"{name}_actual"]
    return out


# --- reading the lines of some orders -------------------------------------------------------------------------


def lines_query(order_ids: Sequence[int] | Select[int]) -> Select[*tuple[Any, ...]]:
    """The attributed lines of the orders `order_ids` (a list or a subquery), with what a contribution needs."""
    return (
        select(
            Line.id,
            Line.order_id,
            Line.campaign_id,
            Order.shop_id,
            Line.registration_id,
            Line.creator_id,
            Order.market,
            Line.paid_at,
            Line.status,
            Line.product_id,
            Line.currency,
            Line.delivered_at,
            Line.settle_after,
            Line.unit_price_minor,
            Line.quantity,
            Line.refunded_amount_minor,
        )
        .join(Order, Order.id == Line.order_id)
        .where(Line.order_id.in_(order_ids), Line.campaign_id.is_not(None))
    )


def legs_query(
    line_ids: Sequence[int] | Select[int],
) -> Select[int | None, LedgerAccount, LedgerPhase, int]:
    return (
        select(Entry.order_line_id, Entry.account, Entry.phase, func.sum(Entry.amount_minor))
        .where(Entry.order_line_id.in_(line_ids))
        .group_by(Entry.order_line_id, Entry.account, Entry.phase)
    )


def figures_of(
    lines: Iterable[RowMapping], legs: Iterable[Row[int | None, LedgerAccount, LedgerPhase, int]]
) -> list[dict[str, Any]]:
    """The rollup_lines rows of `lines` (rows of lines_query) with their `legs` (rows of legs_query)."""
    sums: dict[int | None, dict[tuple[LedgerAccount, LedgerPhase], int]] = defaultdict(dict)
    for line_id, account, phase, amount in legs:
        sums[line_id][(LedgerAccount(account), LedgerPhase(phase))] = int(amount)
    return [line_figures(row, sums.get(row["id"], {})) for row in lines]


# --- upkeep -----------------------------------------------------------------------------------------------


def touch(session: Session | Any, line_ids: Iterable[int | None]) -> None:
    """Notes lines whose facts changed outside the ORM's view (a set-based UPDATE); upkeep runs at commit."""
    target = getattr(session, "sync_session", session)
    target.info.setdefault(INFO_KEY, set()).update(i for i in line_ids if i is not None)


def add(session: Session, grain: Grain, deltas: Mapping[tuple[Any, ...], Mapping[str, Any]]) -> None:
    """Adds each row of `deltas` (key -> metrics and extra columns) to the grain's table, in key order."""
    rows = [
        {**dict(zip(grain.keys, key, strict=True)), **deltas[key]}
        for key in sorted(deltas)
        if any(deltas[key][m] for m in METRICS)
    ]
    upsert_rows(session, grain.table, rows, key=grain.keys, add=METRICS)


def upkeep(session: Session, line_ids: Iterable[int]) -> None:
    """Brings every rollup up to date for the orders of `line_ids` (any superset of what changed is fine)."""
    ids = sorted(set(line_ids))
    if not ids:
        return
    affected = select(Line.order_id).where(Line.id.in_(ids))
    order_ids = list(
        session.scalars(select(Order.id).where(Order.id.in_(affected)).order_by(Order.id).with_for_update())
    )
    if not order_ids:
        return
    lines = list(session.execute(lines_query(order_ids)).mappings())
    legs: Iterable[Row[int | None, LedgerAccount, LedgerPhase, int]] = (
        session.execute(legs_query([row["id"] for row in lines])) if lines else []
    )
    now = figures_of(lines, legs)
    before = [
        dict(row)
        for row in session.execute(
            select(rollup_lines).where(rollup_lines.c.order_id.in_(order_ids))
        ).mappings()
    ]
    by_order_now: dict[int, list[dict[str, Any]]] = defaultdict(list)
    by_order_before: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in now:
        by_order_now[row["order_id"]].append(row)
    for row in before:
        by_order_before[row["order_id"]].append(row)
    for grain in GRAINS:
        deltas: dict[tuple[Any, ...], dict[str, Any]] = {}
        for order_id in order_ids:
            new, old = order_rows(by_order_now[order_id], grain), order_rows(by_order_before[order_id], grain)
            for key in new.keys() | old.keys():
                a, b = new.get(key), old.get(key)
                row = deltas.setdefault(key, dict.fromkeys(METRICS, 0))
                for m in METRICS:
                    row[m] += (a[m] if a else 0) - (b[m] if b else 0)
        if grain.extra:
            source = {grain.key(r): r for r in (*before, *now)}
            for key, row in deltas.items():
                row.update({c: source[key][c] for c in grain.extra})
        add(session, grain, deltas)
    open_amounts.post(session, before, now)
    old_by_line = {row["line_id"]: row for row in before}
    changed = [row for row in now if old_by_line.get(row["line_id"]) != row]
    upsert_rows(session, rollup_lines, changed, key=["line_id"], replace=FIGURE_COLUMNS)


@event.listens_for(Session, "after_flush")
def note_flushed(session: Session, _context: Any) -> None:
    ids: set[int | None] = set()
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Line):
            ids.add(obj.id)
        elif isinstance(obj, Entry):
            ids.add(obj.order_line_id)
    if ids:
        touch(session, ids)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_legs(state: ORMExecuteState) -> None:
    """Legs added by an ORM bulk INSERT (`session.execute(insert(LedgerEntry), rows)`) never reach a flush."""
    mapper = state.bind_mapper
    params = state.parameters
    if state.is_insert and mapper is not None and mapper.class_ is Entry and params:
        rows: Sequence[Mapping[str, Any]] = [params] if isinstance(params, Mapping) else params
        touch(state.session, (row.get("order_line_id") for row in rows))


@event.listens_for(Session, "before_commit")
def upkeep_before_commit(session: Session) -> None:
    session.flush()
    while ids := session.info.pop(INFO_KEY, None):
        upkeep(session, ids)
        session.flush()
