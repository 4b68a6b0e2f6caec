"""The big campaign's orders, lines and ledger legs (as ingestion posts them), written with COPY."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import asyncpg

from bench.copy_rows import copy_rows, next_id
from server.money import apply_rate


async def copy_orders(
    conn: asyncpg.Connection,
    *,
    now: datetime,
    start: datetime,
    n_lines: int,
    entries: list[tuple[int, int, int, int]],
    product_of: dict[int, int],
    price_of: dict[int, int],
    shop_of: dict[int, int],
    total_of: dict[int, int],
    link_id: int,
    campaign_id: int,
    agency_id: int,
) -> dict[str, int]:
    """`n_lines` lines, one order each, spread over the showcase `entries` (entry, creator, registration, rate)."""
    rows: dict[str, int] = {}
    o0, l0 = await next_id(conn, "orders"), await next_id(conn, "order_lines")
    lifecycle = [
        line_state(n, now, start, price_of[product_of[entries[n % len(entries)][2]]]) for n in range(n_lines)
    ]
    rows["orders"] = await copy_rows(
        conn,
        "orders",
        ["id", "shop_id", "platform_order_id", "market", "currency", "placed_at", "created_at"],
        (
            (
                o0 + n,
                shop_of[product_of[entries[n % len(entries)][2]]],
                f"bench-{n}",
                "TH",
                "THB",
                state.placed,
                state.placed,
            )
            for n, state in enumerate(lifecycle)
        ),
    )
    line_columns = [
        "id",
        "order_id",
        "platform_line_id",
        "product_id",
        "quantity",
        "unit_price_minor",
        "currency",
        "status",
        "refunded_quantity",
        "refunded_amount_minor",
        "showcase_entry_id",
        "share_link_id",
        "campaign_id",
        "registration_id",
        "creator_id",
        "agency_id",
        "total_rate_bps",
        "creator_rate_bps",
        "paid_at",
        "delivered_at",
        "settle_after",
        "settled_at",
        "cancelled_at",
        "refunded_at",
        "created_at",
        "updated_at",
        "version",
        "creator_rate_source",
    ]

    def line_records() -> Iterator[tuple]:
        for n, line in enumerate(lifecycle):
            e, c, r, rate = entries[n % len(entries)]
            delivered = line.paid + timedelta(days=3) if line.status in ("DELIVERED", "SETTLED") else None
            yield (
                l0 + n,
                o0 + n,
                "1",
                product_of[r],
                line.quantity,
                line.price,
                "THB",
                line.status,
                line.refunded_quantity,
                line.refunded,
                e,
                link_id,
                campaign_id,
                r,
                c,
                agency_id,
                total_of[r],
                rate,
                line.paid,
                delivered,
                None if delivered is None else delivered + timedelta(days=7),
                now if line.status == "SETTLED" else None,
                now if line.status == "CANCELLED" else None,
                now if line.refunded else None,
                line.placed,
                now,
                1,
                "SHOWCASE_ENTRY",
            )

    rows["order_lines"] = await copy_rows(conn, "order_lines", line_columns, line_records())

    def ledger_records() -> Iterator[tuple]:
        """As ingestion posts them: the estimate at payment, then the difference to each new target."""
        for n, line in enumerate(lifecycle):
            if line.paid is None:
                continue
            _, c, r, rate = entries[n % len(entries)]
            shop = shop_of[product_of[r]]

            def split(base: int) -> tuple[int, int]:
                return apply_rate(base, total_of[r]), apply_rate(base, rate)  # noqa: B023

            paid = split(line.gross)
            due = split(0 if line.status in ("CANCELLED", "REFUNDED") else line.gross - line.refunded)
            postings = [("ESTIMATED", paid, line.paid)]
            if due != paid:
                postings.append(("ESTIMATED", (due[0] - paid[0], due[1] - paid[1]), now))
            if line.status == "SETTLED":
                postings += [("ESTIMATED", (-due[0], -due[1]), now), ("SETTLED", due, now)]
            for k, (phase, (seller, creator), at) in enumerate(postings):
                posting, line_id = f"bench-{n}-{k}", l0 + n
                yield (posting, line_id, "SELLER_PAYABLE", shop, phase, -seller, "THB", "bench", at)
                yield (posting, line_id, "CREATOR_EARNINGS", c, phase, creator, "THB", "bench", at)
                yield (
                    posting,
                    line_id,
                    "AGENCY_EARNINGS",
                    agency_id,
                    phase,
                    seller - creator,
                    "THB",
                    "bench",
                    at,
                )

    rows["ledger_entries"] = await copy_rows(
        conn,
        "ledger_entries",
        [
            "posting_id",
            "order_line_id",
            "account",
            "party_organisation_id",
            "phase",
            "amount_minor",
            "currency",
            "reason",
            "created_at",
        ],
        ledger_records(),
    )
    return rows


@dataclass(frozen=True, slots=True)
class LineState:
    placed: datetime
    status: str
    paid: datetime | None
    quantity: int
    price: int
    refunded_quantity: int = 0
    refunded: int = 0  # minor units

    @property
    def gross(self) -> int:
        return self.price * self.quantity


def line_state(n: int, now: datetime, start: datetime, price: int) -> LineState:
    """Line n: 5% placed, 5% cancelled, 5% fully refunded, 25% settled, 60% in flight (a twelfth of those partly
    refunded), placed over the campaign's 60 days."""
    placed = start + timedelta(seconds=(n * 5_171) % int((now - start).total_seconds()))
    quantity = 1 + n % 3
    kind = n % 20
    if kind == 0:
        return LineState(placed, "PLACED", None, quantity, price)
    paid = placed + timedelta(minutes=1)
    if kind == 1:
        return LineState(placed, "CANCELLED", paid, quantity, price)
    if kind == 2:
        return LineState(placed, "REFUNDED", paid, quantity, price, quantity, price * quantity)
    if kind < 8:
        return LineState(placed, "SETTLED", paid, quantity, price)
    if kind == 8:
        return LineState(placed, "DELIVERED", paid, quantity, price, 0, price // 2)
    return LineState(placed, ("PAID", "SHIPPED", "DELIVERED")[kind % 3], paid, quantity, price)
