"""idempotency keys, and login failures counted per client address

- idempotency_keys: one row per (user, Idempotency-Key): the hash of the first request's body and, once it has
  run, its answer (status and body) for replay; expires_at for the sweeper's pruning;
- login_failures(client_ip, created_at) index: the per-address login limit counts by it.

Revision ID: 0004_idempotency
Revises: 0003_finance
Create Date: 2026-12-05 02:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_idempotency"
down_revision: str | Sequence[str] | None = "0003_finance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "idempotency_keys",
        sa.Column("id", BigID, autoincrement=True, nullable=False),
        sa.Column("user_id", BigID, nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("content_type", sa.String(length=100), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_idempotency_keys_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("user_id", "key", name=op.f("uq_idempotency_keys_user_id_key")),
    )
    op.create_index(op.f("ix_idempotency_keys_expires_at"), "idempotency_keys", ["expires_at"], unique=False)
    op.create_index(
        "ix_login_failures_client_ip_created", "login_failures", ["client_ip", "created_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_login_failures_client_ip_created", table_name="login_failures")
    op.drop_index(op.f("ix_idempotency_keys_expires_at"), table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
