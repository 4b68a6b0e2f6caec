"""The earnings forecast's aggregate of open amounts (server/services/rollups/open_amounts.py keeps it, in the same
transaction as the ledger postings, like the other rollups): per party — a creator, a campaign (its agency's
commission) or a shop (the commission it owes) — the Σ of its estimated amounts of its open lines (paid, a sale,
not settled), so that the forecast reads a few thousand rows instead of every open line.

- rollup_open_products: per party × product × currency × market × frozen: open lines, undelivered ones, Σ amount
  (the party's products, markets and frozen amounts).
- rollup_open_days: the open lines that are not frozen, per party × shop × product × currency × market × paid day
  (UTC) × delivered × settle day (UTC date of settle_after; the paid day while undelivered): lines, Σ amount,
  Σ amount². product_id 0 holds the whole shop (every product of it), so that a shop whose products share the shop's
  survival curve is read in one row per day pair.
Rows whose lines fall to 0 are deleted by the upkeep. No foreign keys (aggregates, as the other rollups).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, SmallInteger, String, Table

from server.models.base import Base, BigID

OPEN_METRICS = {
    "rollup_open_products": ("lines", "undelivered", "amount"),
    "rollup_open_days": ("lines", "amount", "squares"),
}


def _key(name: str) -> Column[int]:
    return Column(name, BigID, primary_key=True, autoincrement=False)


def _metrics(table: str) -> list[Column[int]]:
    return [Column(m, BigInteger, nullable=False, server_default="0") for m in OPEN_METRICS[table]]


rollup_open_products = Table(
    "rollup_open_products",
    Base.metadata,
    Column("party", String(8), primary_key=True),  # creator | campaign | shop
    _key("party_id"),
    _key("product_id"),
    Column("currency", String(8), primary_key=True),
    Column("market", String(8), primary_key=True),
    Column("frozen", SmallInteger, primary_key=True, autoincrement=False),
    Column("shop_id", BigID, nullable=False),
    *_metrics("rollup_open_products"),
)

rollup_open_days = Table(
    "rollup_open_days",
    Base.metadata,
    Column("party", String(8), primary_key=True),
    _key("party_id"),
    _key("shop_id"),
    _key("product_id"),  # 0: every product of the shop
    Column("currency", String(8), primary_key=True),
    Column("market", String(8), primary_key=True),
    Column("paid_day", Date, primary_key=True),
    Column("delivered", SmallInteger, primary_key=True, autoincrement=False),
    Column("settle_day", Date, primary_key=True),
    *_metrics("rollup_open_days"),
)

OPEN_TABLES = (rollup_open_products, rollup_open_days)
