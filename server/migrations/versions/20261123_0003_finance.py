"""finance: which settled ledger legs each payment bill pays, and the W-9 fields of tax info

- payment_bill_entries: (ledger_entry_id primary key, bill_id), so that a settled earnings leg is billed at most
  once, ever, whatever runs bill generation at the same time;
- tax_infos.business_name, tin_type (SSN/EIN), certified_at: the W-9 fields the first revision lacked, with a
  CHECK that a W-9 has its TIN type and certification.

Revision ID: 0003_finance
Revises: 0002_order_ingestion
Create Date: 2026-11-23 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_finance"
down_revision: str | Sequence[str] | None = "0002_order_ingestion"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "payment_bill_entries",
        sa.Column("ledger_entry_id", BigID, autoincrement=False, nullable=False),
        sa.Column("bill_id", BigID, nullable=False),
        sa.ForeignKeyConstraint(
            ["bill_id"],
            ["payment_bills.id"],
            name=op.f("fk_payment_bill_entries_bill_id_payment_bills"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["ledger_entry_id"],
            ["ledger_entries.id"],
            name=op.f("fk_payment_bill_entries_ledger_entry_id_ledger_entries"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("ledger_entry_id", name=op.f("pk_payment_bill_entries")),
    )
    op.create_index(
        op.f("ix_payment_bill_entries_bill_id"), "payment_bill_entries", ["bill_id"], unique=False
    )
    with op.batch_alter_table("tax_infos") as batch:
        batch.add_column(sa.Column("business_name", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("tin_type", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("certified_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_check_constraint("tin_type", "tin_type IN ('SSN', 'EIN')")
        batch.create_check_constraint(
            "w9_complete", "form != 'W9' or (tin_type is not null and certified_at is not null)"
        )


def downgrade() -> None:
    with op.batch_alter_table("tax_infos") as batch:
        batch.drop_constraint(op.f("ck_tax_infos_w9_complete"), type_="check")
        batch.drop_constraint(op.f("ck_tax_infos_tin_type"), type_="check")
        batch.drop_column("certified_at")
        batch.drop_column("tin_type")
        batch.drop_column("business_name")
    op.drop_index(op.f("ix_payment_bill_entries_bill_id"), table_name="payment_bill_entries")
    op.drop_table("payment_bill_entries")
