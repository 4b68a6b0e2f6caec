"""Rollups: the performance figures of attributed order lines, kept per campaign × shop, per campaign × shop ×
day (the market's local date the line was paid), per registration, per registration × creator, and per creator ×
market, creator × campaign and creator × market × day.

They are derived data, never written by hand: server/services/rollups/upkeep.py keeps them in the same
transaction as every change to order lines and ledger legs (so they are exact, never eventually right), and
`rollup_lines` holds what each attributed line currently contributes, so that upkeep posts differences only.
No foreign keys: a rollup row is an aggregate, and FK checks would add locks to the hottest rows.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, Index, SmallInteger, String, Table

from server.models.base import Base, BigID, UTCDateTime

# What every rollup row holds (the names of server/services/performance/numbers.py, plus lines: attributed lines, and sale_lines: lines that
# are a sale now, for "creators with sales").
METRICS = (
    "lines",
    "paid_orders",
    "actual_orders",
    "sale_lines",
    "gmv_estimated",
    "gmv_actual",
    "seller_paid_estimated",
    "seller_paid_actual",
    "creator_commission_estimated",
    "creator_commission_actual",
    "agency_commission_estimated",
    "agency_commission_actual",
)


def _metrics() -> list[Column[int]]:
    return [Column(name, BigInteger, nullable=False, server_default="0") for name in METRICS]


rollup_campaign_shops = Table(
    "rollup_campaign_shops",
    Base.metadata,
    Column("campaign_id", BigID, primary_key=True, autoincrement=False),
    Column("shop_id", BigID, primary_key=True, autoincrement=False),
    *_metrics(),
)

rollup_campaign_days = Table(
    "rollup_campaign_days",
    Base.metadata,
    Column("campaign_id", BigID, primary_key=True, autoincrement=False),
    Column("shop_id", BigID, primary_key=True, autoincrement=False),
    Column("day", Date, primary_key=True),
    *_metrics(),
)

rollup_registrations = Table(
    "rollup_registrations",
    Base.metadata,
    Column("registration_id", BigID, primary_key=True, autoincrement=False),
    Column("campaign_id", BigID, nullable=False, index=True),
    *_metrics(),
)

rollup_creator_products = Table(
    "rollup_creator_products",
    Base.metadata,
    Column("registration_id", BigID, primary_key=True, autoincrement=False),
    Column("creator_id", BigID, primary_key=True, autoincrement=False),
    Column("campaign_id", BigID, nullable=False),
    *_metrics(),
    Index("ix_rollup_creator_products_campaign_id_creator_id", "campaign_id", "creator_id"),
)

# A creator's own figures: per market (its totals), per campaign, and per market × local day (its series).
rollup_creator_markets = Table(
    "rollup_creator_markets",
    Base.metadata,
    Column("creator_id", BigID, primary_key=True, autoincrement=False),
    Column("market", String(8), primary_key=True),
    *_metrics(),
)

rollup_creator_campaigns = Table(
    "rollup_creator_campaigns",
    Base.metadata,
    Column("creator_id", BigID, primary_key=True, autoincrement=False),
    Column("campaign_id", BigID, primary_key=True, autoincrement=False),
    *_metrics(),
)

rollup_creator_days = Table(
    "rollup_creator_days",
    Base.metadata,
    Column("creator_id", BigID, primary_key=True, autoincrement=False),
    Column("market", String(8), primary_key=True),
    Column("day", Date, primary_key=True),
    *_metrics(),
)

# What each attributed line contributes now (its last upkeep): the keys it counts under and its figures.
rollup_lines = Table(
    "rollup_lines",
    Base.metadata,
    Column("line_id", BigID, primary_key=True, autoincrement=False),
    Column("order_id", BigID, nullable=False, index=True),
    Column("campaign_id", BigID, nullable=False),
    Column("shop_id", BigID, nullable=False),
    Column("registration_id", BigID, nullable=False),
    Column("creator_id", BigID, nullable=False),
    Column("market", String(8), nullable=False),
    Column("day", Date, nullable=True),  # the market's local date of paid_at (null: not paid)
    Column("paid", SmallInteger, nullable=False),
    Column("settled", SmallInteger, nullable=False),
    Column("sale", SmallInteger, nullable=False),
    Column("base_minor", BigInteger, nullable=False),
    Column("seller_estimated", BigInteger, nullable=False),
    Column("seller_actual", BigInteger, nullable=False),
    Column("creator_estimated", BigInteger, nullable=False),
    Column("creator_actual", BigInteger, nullable=False),
    Column("agency_estimated", BigInteger, nullable=False),
    Column("agency_actual", BigInteger, nullable=False),
    # Copies of the line's facts the earnings forecast groups by (server/services/insight/forecast_groups.py), so
    # that it reads a party's open lines from this table alone (null only before migration 0012 filled them).
    Column("product_id", BigID, nullable=True),
    Column("currency", String(8), nullable=True),
    Column("status", String(32), nullable=True),
    Column("paid_at", UTCDateTime(), nullable=True),
    Column("delivered_at", UTCDateTime(), nullable=True),
    Column("settle_after", UTCDateTime(), nullable=True),
)

ROLLUP_TABLES = (
    rollup_campaign_shops,
    rollup_campaign_days,
    rollup_registrations,
    rollup_creator_products,
    rollup_creator_markets,
    rollup_creator_campaigns,
    rollup_creator_days,
)
