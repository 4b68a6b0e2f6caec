"""forecast_open_amounts: the earnings forecast's aggregate of open amounts (rollup_open_products,
rollup_open_days: per party × product / shop × currency × market × paid day × settle day), kept by the rollup
upkeep from now on; filled here from rollup_lines with the upkeep's own arithmetic.

Revision ID: 0013_forecast_open_amounts
Revises: 0012_forecast_line_facts
Create Date: 2026-12-05 12:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_forecast_open_amounts"
down_revision: str | Sequence[str] | None = "0012_forecast_line_facts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CHUNK = 2000


def _id(name: str) -> sa.Column:
    return sa.Column(name, BigID, autoincrement=False, nullable=False)


def _metrics(*names: str) -> list[sa.Column]:
    return [sa.Column(name, sa.BigInteger(), server_default="0", nullable=False) for name in names]


def upgrade() -> None:
    op.create_table(
        "rollup_open_products",
        sa.Column("party", sa.String(8), nullable=False),
        _id("party_id"),
        _id("product_id"),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("market", sa.String(8), nullable=False),
        sa.Column("frozen", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("shop_id", BigID, nullable=False),
        *_metrics("lines", "undelivered", "amount"),
        sa.PrimaryKeyConstraint(
            "party",
            "party_id",
            "product_id",
            "currency",
            "market",
            "frozen",
            name=op.f("pk_rollup_open_products"),
        ),
    )
    op.create_table(
        "rollup_open_days",
        sa.Column("party", sa.String(8), nullable=False),
        _id("party_id"),
        _id("shop_id"),
        _id("product_id"),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("market", sa.String(8), nullable=False),
        sa.Column("paid_day", sa.Date(), nullable=False),
        sa.Column("delivered", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("settle_day", sa.Date(), nullable=False),
        *_metrics("lines", "amount", "squares"),
        sa.PrimaryKeyConstraint(
            "party",
            "party_id",
            "shop_id",
            "product_id",
            "currency",
            "market",
            "paid_day",
            "delivered",
            "settle_day",
            name=op.f("pk_rollup_open_days"),
        ),
    )
    # The upkeep's arithmetic over what rollup_lines holds (its open lines only).
    from server.models.rollup import rollup_lines  # noqa: PLC0415
    from server.services.rollups import open_amounts  # noqa: PLC0415

    conn = op.get_bind()
    r = rollup_lines.c
    rows = conn.execute(sa.select(rollup_lines).where(r.paid == 1, r.sale == 1, r.settled == 0))
    sums: open_amounts.Sums = {t: {} for t in open_amounts.OPEN_TABLES}
    open_amounts.open_sums((row._mapping for row in rows), 1, sums)
    for table, values in open_amounts.rows_of(sums).items():
        for start in range(0, len(values), CHUNK):
            conn.execute(sa.insert(table), values[start : start + CHUNK])


def downgrade() -> None:
    op.drop_table("rollup_open_days")
    op.drop_table("rollup_open_products")
