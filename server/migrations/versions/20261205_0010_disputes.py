"""disputes: a dispute per claim (type, state, parties, what it concerns, deadline, outcome), its message thread,
and ledger_entries.dispute_id marking a resolved dispute's adjustment posting.

Revision ID: 0006_disputes
Revises: 0009_user_locale
Create Date: 2026-12-05 05:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_disputes"
down_revision: str | Sequence[str] | None = "0009_user_locale"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TYPES = (
    "MISSING_ORDER",
    "WRONG_COMMISSION",
    "RATE_NOT_HONOURED",
    "SPLIT_DISPUTED",
    "REJECTION_APPEAL",
    "SAMPLE_NOT_RECEIVED",
    "CONTENT_NOT_POSTED",
)
STATUSES = ("OPEN", "ANSWERED", "RESOLVED", "REJECTED", "EXPIRED")
OUTCOMES = ("FOR_CLAIMANT", "AGAINST_CLAIMANT")
ROLES = ("AGENCY", "SELLER", "CREATOR", "OPERATOR")
CURRENCIES = ("IDR", "MYR", "PHP", "THB", "VND", "GBP", "USD")


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _fk(name: str, table: str, ondelete: str = "RESTRICT", nullable: bool = True) -> sa.Column:
    return sa.Column(name, BigID, sa.ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "disputes",
        sa.Column("id", BigID, autoincrement=True, nullable=False),
        sa.Column("type", _enum(TYPES, "dispute_type"), nullable=False),
        sa.Column("status", _enum(STATUSES, "dispute_status"), nullable=False),
        sa.Column("outcome", _enum(OUTCOMES, "dispute_outcome"), nullable=True),
        _fk("claimant_organisation_id", "organisations", nullable=False),
        sa.Column("claimant_role", _enum(ROLES, "role"), nullable=False),
        _fk("agency_id", "organisations", nullable=False),
        _fk("shop_id", "organisations"),
        _fk("creator_id", "organisations"),
        _fk("campaign_id", "campaigns", nullable=False),
        _fk("order_line_id", "order_lines"),
        _fk("registration_id", "registrations"),
        _fk("sample_request_id", "sample_requests"),
        _fk("showcase_entry_id", "showcase_entries"),
        _fk("product_id", "products", nullable=False),
        sa.Column("order_number", sa.String(64), nullable=True),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("currency", _enum(CURRENCIES, "currency"), nullable=True),
        sa.Column("claimed_amount_minor", sa.BigInteger(), nullable=True),
        sa.Column("adjustment_minor", sa.BigInteger(), nullable=True),
        _fk("opened_by_user_id", "users", ondelete="SET NULL"),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        _fk("decided_by_user_id", "users", ondelete="SET NULL"),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "claimed_amount_minor is null or claimed_amount_minor > 0", name="claimed_positive"
        ),
        sa.CheckConstraint("adjustment_minor is null or adjustment_minor > 0", name="adjustment_positive"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
        sa.PrimaryKeyConstraint("id", name="pk_disputes"),
    )
    op.create_index("ix_disputes_status_due_at", "disputes", ["status", "due_at"])
    op.create_index("ix_disputes_claimant_organisation_id", "disputes", ["claimant_organisation_id"])
    op.create_index("ix_disputes_agency_id", "disputes", ["agency_id"])
    op.create_index("ix_disputes_shop_id", "disputes", ["shop_id"])
    op.create_table(
        "dispute_messages",
        sa.Column("id", BigID, autoincrement=True, nullable=False),
        _fk("dispute_id", "disputes", ondelete="CASCADE", nullable=False),
        _fk("author_organisation_id", "organisations", ondelete="SET NULL"),
        sa.Column("author_role", _enum(ROLES, "role"), nullable=True),
        _fk("author_user_id", "users", ondelete="SET NULL"),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_dispute_messages"),
    )
    op.create_index("ix_dispute_messages_dispute_id", "dispute_messages", ["dispute_id"])
    with op.batch_alter_table("ledger_entries") as batch:
        batch.add_column(sa.Column("dispute_id", BigID, nullable=True))
        batch.create_foreign_key(
            "fk_ledger_entries_dispute_id_disputes", "disputes", ["dispute_id"], ["id"], ondelete="RESTRICT"
        )


def downgrade() -> None:
    with op.batch_alter_table("ledger_entries") as batch:
        batch.drop_constraint("fk_ledger_entries_dispute_id_disputes", type_="foreignkey")
        batch.drop_column("dispute_id")
    op.drop_index("ix_dispute_messages_dispute_id", table_name="dispute_messages")
    op.drop_table("dispute_messages")
    for name in (
        "ix_disputes_shop_id",
        "ix_disputes_agency_id",
        "ix_disputes_claimant_organisation_id",
        "ix_disputes_status_due_at",
    ):
        op.drop_index(name, table_name="disputes")
    op.drop_table("disputes")
