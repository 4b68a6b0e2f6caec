"""rollups: the performance figures of attributed order lines per campaign × shop, campaign × shop × local day,
registration, registration × creator, creator × market, creator × campaign and creator × market × local day, and what each line contributes (rollup_lines); filled from the lines
and legs already stored.

Revision ID: 0005_rollups
Revises: 0003_finance
Create Date: 2026-12-05 02:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_rollups"
down_revision: str | Sequence[str] | None = "0004_idempotency"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
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
LINE_FLAGS = ("paid", "settled", "sale")
LINE_AMOUNTS = (
    "base_minor",
    "seller_estimated",
    "seller_actual",
    "creator_estimated",
    "creator_actual",
    "agency_estimated",
    "agency_actual",
)


def _key(name: str) -> sa.Column:
    return sa.Column(name, BigID, autoincrement=False, nullable=False)


def _metrics() -> list[sa.Column]:
    return [sa.Column(name, sa.BigInteger(), server_default="0", nullable=False) for name in METRICS]


def upgrade() -> None:
    op.create_table(
        "rollup_campaign_shops",
        _key("campaign_id"),
        _key("shop_id"),
        *_metrics(),
        sa.PrimaryKeyConstraint("campaign_id", "shop_id", name=op.f("pk_rollup_campaign_shops")),
    )
    op.create_table(
        "rollup_campaign_days",
        _key("campaign_id"),
        _key("shop_id"),
        sa.Column("day", sa.Date(), nullable=False),
        *_metrics(),
        sa.PrimaryKeyConstraint("campaign_id", "shop_id", "day", name=op.f("pk_rollup_campaign_days")),
    )
    op.create_table(
        "rollup_registrations",
        _key("registration_id"),
        sa.Column("campaign_id", BigID, nullable=False),
        *_metrics(),
        sa.PrimaryKeyConstraint("registration_id", name=op.f("pk_rollup_registrations")),
    )
    op.create_index(op.f("ix_rollup_registrations_campaign_id"), "rollup_registrations", ["campaign_id"])
    op.create_table(
        "rollup_creator_products",
        _key("registration_id"),
        _key("creator_id"),
        sa.Column("campaign_id", BigID, nullable=False),
        *_metrics(),
        sa.PrimaryKeyConstraint("registration_id", "creator_id", name=op.f("pk_rollup_creator_products")),
    )
    op.create_index(
        "ix_rollup_creator_products_campaign_id_creator_id",
        "rollup_creator_products",
        ["campaign_id", "creator_id"],
    )
    market = sa.Column("market", sa.String(length=8), nullable=False)
    op.create_table(
        "rollup_creator_markets",
        _key("creator_id"),
        market._copy(),
        *_metrics(),
        sa.PrimaryKeyConstraint("creator_id", "market", name=op.f("pk_rollup_creator_markets")),
    )
    op.create_table(
        "rollup_creator_campaigns",
        _key("creator_id"),
        _key("campaign_id"),
        *_metrics(),
        sa.PrimaryKeyConstraint("creator_id", "campaign_id", name=op.f("pk_rollup_creator_campaigns")),
    )
    op.create_table(
        "rollup_creator_days",
        _key("creator_id"),
        market._copy(),
        sa.Column("day", sa.Date(), nullable=False),
        *_metrics(),
        sa.PrimaryKeyConstraint("creator_id", "market", "day", name=op.f("pk_rollup_creator_days")),
    )
    op.create_table(
        "rollup_lines",
        _key("line_id"),
        *(
            sa.Column(name, BigID, nullable=False)
            for name in ("order_id", "campaign_id", "shop_id", "registration_id", "creator_id")
        ),
        market._copy(),
        sa.Column("day", sa.Date(), nullable=True),
        *(sa.Column(name, sa.SmallInteger(), nullable=False) for name in LINE_FLAGS),
        *(sa.Column(name, sa.BigInteger(), nullable=False) for name in LINE_AMOUNTS),
        sa.PrimaryKeyConstraint("line_id", name=op.f("pk_rollup_lines")),
    )
    op.create_index(op.f("ix_rollup_lines_order_id"), "rollup_lines", ["order_id"])

    from server.services.rollups.backfill import backfill  # noqa: PLC0415 - the upkeep's own arithmetic

    backfill(op.get_bind())


def downgrade() -> None:
    for name in (
        "rollup_lines",
        "rollup_creator_days",
        "rollup_creator_campaigns",
        "rollup_creator_markets",
        "rollup_creator_products",
        "rollup_registrations",
        "rollup_campaign_days",
        "rollup_campaign_shops",
    ):
        op.drop_table(name)
