"""order ingestion: held events found by their order, and the creator rate's provenance on order lines

- order_events.platform_order_id + a partial index of the events not applied yet, so that the events held for
  an order (possibly not created yet) are found when their prerequisite arrives, without a scan;
- order_lines.list_item_id (a snapshot id, no foreign key) and order_lines.creator_rate_source, so that a
  line's receipt says where its creator rate came from even after the list item is deleted.

Nothing wrote order_events before this revision (ingestion arrives with it), so the new NOT NULL column is
added with a temporary default that is dropped at once.

Revision ID: 0002_order_ingestion
Revises: 0001
Create Date: 2026-11-22 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_order_ingestion"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("order_events") as batch:
        batch.add_column(
            sa.Column("platform_order_id", sa.String(length=64), nullable=False, server_default="")
        )
    with op.batch_alter_table("order_events") as batch:
        batch.alter_column("platform_order_id", existing_type=sa.String(length=64), server_default=None)
    op.create_index(
        "ix_order_events_waiting",
        "order_events",
        ["shop_id", "platform_order_id"],
        unique=False,
        sqlite_where=sa.text("applied_at is null"),
        postgresql_where=sa.text("applied_at is null"),
    )
    op.add_column("order_lines", sa.Column("list_item_id", BigID, nullable=True))
    op.add_column("order_lines", sa.Column("creator_rate_source", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("order_lines") as batch:
        batch.drop_column("creator_rate_source")
        batch.drop_column("list_item_id")
    op.drop_index("ix_order_events_waiting", table_name="order_events")
    with op.batch_alter_table("order_events") as batch:
        batch.drop_column("platform_order_id")
