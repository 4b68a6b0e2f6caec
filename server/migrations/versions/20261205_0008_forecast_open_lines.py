"""forecast_open_lines: partial indexes on rollup_lines for a party's open lines (the earnings forecast).

Revision ID: 0006_forecast_open_lines
Revises: 0006_webhooks
Create Date: 2026-12-05 05:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_forecast_open_lines"
down_revision: str | Sequence[str] | None = "0006_webhooks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "paid = 1 AND sale = 1 AND settled = 0"
COLUMNS = ("creator_id", "shop_id", "campaign_id")


def upgrade() -> None:
    for column in COLUMNS:
        op.create_index(
            f"ix_rollup_lines_open_{column}",
            "rollup_lines",
            [column],
            sqlite_where=sa.text(OPEN),
            postgresql_where=sa.text(OPEN),
        )


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_rollup_lines_open_{column}", table_name="rollup_lines")
