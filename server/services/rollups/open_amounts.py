"""The forecast's aggregate of open amounts (server/models/rollup_forecast.py): what a set of lines (rows shaped as
rollup_lines: their facts and the party's estimated amounts) adds to rollup_open_products and rollup_open_days.
The upkeep posts the difference between what the affected orders' lines add now and what they added at the last
upkeep (the rollup_lines rows it replaces); the backfill inserts what all the lines add."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, delete, tuple_
from sqlalchemy.orm import Session

from server.models.enums import OrderLineStatus
from server.models.rollup_forecast import OPEN_METRICS, OPEN_TABLES, rollup_open_days, rollup_open_products
from server.services.bulk_writes import upsert_rows

OPEN_STATUSES = frozenset(
    s.value for s in (OrderLineStatus.PAID, OrderLineStatus.SHIPPED, OrderLineStatus.DELIVERED)
)
FROZEN = OrderLineStatus.FROZEN.value
# (party, the rollup_lines column of its id, the column of its amount)
PARTIES = (
    ("creator", "creator_id", "creator_estimated"),
    ("campaign", "campaign_id", "agency_estimated"),
    ("shop", "shop_id", "seller_estimated"),
)
Sums = dict[Table, dict[tuple[Any, ...], list[int]]]
CHUNK = 500  # keys per IN list of a delete (SQLite binds at most 32766 parameters)


def utc_day(at: datetime) -> date:
    return (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).astimezone(UTC).date()


def is_open(line: Mapping[str, Any]) -> bool:
    """Paid, a sale, not settled, and open or frozen: the lines the earnings forecast is about."""
    status = line["status"]
    status = getattr(status, "value", status)
    return bool(line["paid"] and line["sale"] and not line["settled"]) and (
        status in OPEN_STATUSES or status == FROZEN
    )


def open_sums(lines: Iterable[Mapping[str, Any]], sign: int = 1, into: Sums | None = None) -> Sums:
    """Key → metrics that the open lines among `lines` add to each table (× sign), added to `into`."""
    out: Sums = into if into is not None else {t: {} for t in OPEN_TABLES}
    products, days = out[rollup_open_products], out[rollup_open_days]
    for line in lines:
        if not is_open(line):
            continue
        status = getattr(line["status"], "value", line["status"])
        frozen = int(status == FROZEN)
        currency, market = getattr(line["currency"], "value", line["currency"]), line["market"]
        market = getattr(market, "value", market)
        delivered = line["settle_after"] is not None
        paid_day = utc_day(line["paid_at"])
        settle_day = utc_day(line["settle_after"]) if delivered else paid_day
        shop, product = line["shop_id"], line["product_id"]
        for party, id_column, amount_column in PARTIES:
            a = sign * line[amount_column]
            row = products.get(key := (party, line[id_column], product, currency, market, frozen))
            if row is None:
                row = products[key] = [0, 0, 0, shop]
            row[0] += sign
            row[1] += sign * int(not delivered and not frozen)
            row[2] += a
            if frozen:
                continue
            for p in (product, 0):
                key = (
                    party,
                    line[id_column],
                    shop,
                    p,
                    currency,
                    market,
                    paid_day,
                    int(delivered),
                    settle_day,
                )
                row = days.get(key)
                if row is None:
                    row = days[key] = [0, 0, 0]
                row[0] += sign
                row[1] += a
                row[2] += sign * line[amount_column] * line[amount_column]
    return out


def _rows(table: Table, sums: Mapping[tuple[Any, ...], list[int]]) -> list[dict[str, Any]]:
    keys = [c.name for c in table.primary_key.columns]
    metrics = OPEN_METRICS[table.name]
    out: list[dict[str, Any]] = []
    for key in sorted(sums):
        values = sums[key]
        if not any(values[: len(metrics)]):
            continue
        row = dict(zip(keys, key, strict=True)) | dict(zip(metrics, values, strict=False))
        if table is rollup_open_products:
            row["shop_id"] = values[3]
        out.append(row)
    return out


def post(session: Session, before: Sequence[Mapping[str, Any]], now: Sequence[Mapping[str, Any]]) -> None:
    """Adds what `now` adds less what `before` added, key by key in key order (as the other rollups: locks taken
    in one order), then deletes the rows left without lines."""
    sums = open_sums(before, -1, open_sums(now))
    for table in OPEN_TABLES:
        upsert_rows(
            session,
            table,
            _rows(table, sums[table]),
            key=[c.name for c in table.primary_key.columns],
            add=OPEN_METRICS[table.name],
        )
        emptied = [key for key in sorted(sums[table]) if sums[table][key][0] < 0]
        pk = tuple_(*table.primary_key.columns)
        for start in range(0, len(emptied), CHUNK):
            session.execute(delete(table).where(pk.in_(emptied[start : start + CHUNK]), table.c.lines == 0))


def rows_of(sums: Sums) -> dict[Table, list[dict[str, Any]]]:
    """The rows to insert for `sums` (the backfill: what all the lines add)."""
    return {table: _rows(table, sums[table]) for table in OPEN_TABLES}
