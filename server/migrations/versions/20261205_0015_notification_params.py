"""notifications.params: the values a notification's English title and body show (names, counts, ISO instants,
money as amountMinor and currency), so that the web app writes the message in the reader's language. Rows
written before have none (NULL): the app shows their English title and body.

Revision ID: 0015_notification_params
Revises: 0014_webhook_message_light
Create Date: 2026-12-05 20:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_notification_params"
down_revision: str | Sequence[str] | None = "0014_webhook_message_light"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("params", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("params")
