"""ledger_entries.order_line_id nullable for a dispute's credit on no line: a missing order resolved for the
creator (the order never reached Matchup). Every other leg keeps its line (check: a line or a dispute).

Revision ID: 0011_dispute_credit
Revises: 0006_disputes
Create Date: 2026-12-05 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_dispute_credit"
down_revision: str | Sequence[str] | None = "0006_disputes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("ledger_entries") as batch:
        batch.alter_column("order_line_id", existing_type=BigID, nullable=True)
        batch.create_check_constraint(
            "line_or_dispute", "order_line_id is not null or dispute_id is not null"
        )


def downgrade() -> None:
    with op.batch_alter_table("ledger_entries") as batch:
        batch.drop_constraint(op.f("ck_ledger_entries_line_or_dispute"), type_="check")
        batch.alter_column("order_line_id", existing_type=BigID, nullable=False)
