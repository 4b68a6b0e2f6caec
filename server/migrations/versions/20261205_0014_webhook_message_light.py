"""webhook_message_light: a lighter outbox row, since order ingestion writes thousands of them in its transaction.
webhook_messages loses its foreign key to webhook_endpoints (checked once per row; the outbox now reads the
endpoints it writes for FOR KEY SHARE, once per transaction, and deleting an endpoint deletes its messages) and
the unique index on message_id (128 random bits, never looked up); the (status, next_attempt_at) index becomes a
partial index of the PENDING messages, in the delivery loop's order (next_attempt_at, id).

Revision ID: 0014_webhook_message_light
Revises: 0013_forecast_open_amounts
Create Date: 2026-12-05 12:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_webhook_message_light"
down_revision: str | Sequence[str] | None = "0013_forecast_open_amounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING = sa.text("status = 'PENDING'")


def upgrade() -> None:
    with op.batch_alter_table("webhook_messages") as batch:
        batch.drop_constraint("fk_webhook_messages_endpoint_id_webhook_endpoints", type_="foreignkey")
        batch.drop_constraint("uq_webhook_messages_message_id", type_="unique")
        batch.drop_index("ix_webhook_messages_status_next_attempt_at")
        batch.create_index(
            "ix_webhook_messages_pending",
            ["next_attempt_at", "id"],
            postgresql_where=PENDING,
            sqlite_where=PENDING,
        )


def downgrade() -> None:
    # Messages of an endpoint deleted outside the app (with its organisation) would break the foreign key.
    op.execute("DELETE FROM webhook_messages WHERE endpoint_id NOT IN (SELECT id FROM webhook_endpoints)")
    with op.batch_alter_table("webhook_messages") as batch:
        batch.drop_index("ix_webhook_messages_pending")
        batch.create_index("ix_webhook_messages_status_next_attempt_at", ["status", "next_attempt_at"])
        batch.create_unique_constraint("uq_webhook_messages_message_id", ["message_id"])
        batch.create_foreign_key(
            "fk_webhook_messages_endpoint_id_webhook_endpoints",
            "webhook_endpoints",
            ["endpoint_id"],
            ["id"],
            ondelete="CASCADE",
        )
