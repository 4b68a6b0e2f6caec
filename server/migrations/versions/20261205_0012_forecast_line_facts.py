"""forecast_line_facts: rollup_lines keeps copies of the line facts the earnings forecast groups by (product,
currency, status, paid/delivered/settle-after times), filled here from order_lines; the forecast then reads a
party's open lines from rollup_lines alone, through a partial index that covers the forecast's columns.

Revision ID: 0012_forecast_line_facts
Revises: 0011_dispute_credit
Create Date: 2026-12-05 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_forecast_line_facts"
down_revision: str | Sequence[str] | None = "0011_dispute_credit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
FACTS = ("product_id", "currency", "status", "paid_at", "delivered_at", "settle_after")


def upgrade() -> None:
    with op.batch_alter_table("rollup_lines") as batch:
        batch.add_column(sa.Column("product_id", BigID, nullable=True))
        batch.add_column(sa.Column("currency", sa.String(8), nullable=True))
        batch.add_column(sa.Column("status", sa.String(32), nullable=True))
        for name in ("paid_at", "delivered_at", "settle_after"):
            batch.add_column(sa.Column(name, sa.DateTime(timezone=True), nullable=True))
    # Same values as the line's (same storage on either backend: the columns have the line columns' types).
    picks = ", ".join(
        f"{c} = (SELECT o.{c} FROM order_lines o WHERE o.id = rollup_lines.line_id)" for c in FACTS
    )
    if op.get_bind().dialect.name == "postgresql":
        sets = ", ".join(f"{c} = o.{c}" for c in FACTS)
        op.execute(f"UPDATE rollup_lines SET {sets} FROM order_lines o WHERE o.id = rollup_lines.line_id")
    else:
        op.execute(f"UPDATE rollup_lines SET {picks}")


def downgrade() -> None:
    with op.batch_alter_table("rollup_lines") as batch:
        for name in reversed(FACTS):
            batch.drop_column(name)
