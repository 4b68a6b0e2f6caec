"""campaigns.archived_at: an agency archives a closed campaign (out of its default list, still readable);
campaigns.close_announced_at: the sweeper announced the campaign's closing live (once)

Revision ID: 0006_campaign_archive
Revises: 0005_rollups
Create Date: 2026-12-05 05:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_campaign_archive"
down_revision: str | Sequence[str] | None = "0005_rollups"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("close_announced_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("close_announced_at")
        batch.drop_column("archived_at")
