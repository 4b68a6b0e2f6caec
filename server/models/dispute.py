"""Disputes: a party questions something another party did (a missing order, a commission, a rejection, a
sample), the campaign's agency answers and decides, and the clock applies a default outcome when it does not.
Imports nothing of the app."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.enums import Currency, Role


class DisputeType(enum.StrEnum):
    MISSING_ORDER = "MISSING_ORDER"  # creator → agency: an order that never showed up (order number and date)
    WRONG_COMMISSION = "WRONG_COMMISSION"  # creator → agency: a line's commission is wrong
    RATE_NOT_HONOURED = (
        "RATE_NOT_HONOURED"  # creator → agency: a line was paid at a rate other than the offer's
    )
    SPLIT_DISPUTED = "SPLIT_DISPUTED"  # creator → agency: the split of a line
    REJECTION_APPEAL = "REJECTION_APPEAL"  # seller → agency: a rejection or a reject-forever
    SAMPLE_NOT_RECEIVED = "SAMPLE_NOT_RECEIVED"  # creator → seller, through the agency
    CONTENT_NOT_POSTED = "CONTENT_NOT_POSTED"  # seller → creator, through the agency


class DisputeStatus(enum.StrEnum):
    OPEN = "OPEN"  # waiting for the agency's answer
    ANSWERED = "ANSWERED"  # the agency answered; waiting for its decision
    RESOLVED = "RESOLVED"  # decided in the claimant's favour
    REJECTED = "REJECTED"  # decided against the claimant
    EXPIRED = "EXPIRED"  # the deadline passed: the type's default outcome was applied


class DisputeOutcome(enum.StrEnum):
    FOR_CLAIMANT = "FOR_CLAIMANT"
    AGAINST_CLAIMANT = "AGAINST_CLAIMANT"


class Dispute(IdMixin, CreatedMixin, Base):
    __tablename__ = "disputes"
    __table_args__ = (
        Index("ix_disputes_status_due_at", "status", "due_at"),
        CheckConstraint("claimed_amount_minor is null or claimed_amount_minor > 0", name="claimed_positive"),
        CheckConstraint("adjustment_minor is null or adjustment_minor > 0", name="adjustment_positive"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    type: Mapped[DisputeType] = mapped_column(enum_column(DisputeType, "dispute_type"))
    status: Mapped[DisputeStatus] = mapped_column(enum_column(DisputeStatus, "dispute_status"))
    outcome: Mapped[DisputeOutcome | None] = mapped_column(enum_column(DisputeOutcome, "dispute_outcome"))
    # The parties: the claimant, the campaign's agency (answers, decides, relays) and, for sample disputes, the
    # product's seller. A seller never learns the creator: the agency relays.
    claimant_organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    claimant_role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    agency_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    shop_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    creator_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("organisations.id", ondelete="RESTRICT"))
    campaign_id: Mapped[int] = mapped_column(BigID, ForeignKey("campaigns.id", ondelete="RESTRICT"))
    # What it concerns (one, by type).
    order_line_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("order_lines.id", ondelete="RESTRICT")
    )
    registration_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("registrations.id", ondelete="RESTRICT")
    )
    sample_request_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("sample_requests.id", ondelete="RESTRICT")
    )
    showcase_entry_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("showcase_entries.id", ondelete="RESTRICT")
    )
    product_id: Mapped[int] = mapped_column(BigID, ForeignKey("products.id", ondelete="RESTRICT"))
    order_number: Mapped[str | None] = mapped_column(String(64))
    order_date: Mapped[date | None] = mapped_column(Date)
    currency: Mapped[Currency | None] = mapped_column(enum_column(Currency, "currency"))
    claimed_amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    adjustment_minor: Mapped[int | None] = mapped_column(BigInteger)  # posted to the ledger when resolved
    opened_by_user_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("users.id", ondelete="SET NULL"))
    due_at: Mapped[datetime] = mapped_column()  # the agency's deadline (to answer, then to decide)
    answered_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    decided_by_user_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column()


class DisputeMessage(IdMixin, CreatedMixin, Base):
    __tablename__ = "dispute_messages"

    dispute_id: Mapped[int] = mapped_column(BigID, ForeignKey("disputes.id", ondelete="CASCADE"), index=True)
    author_organisation_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="SET NULL")
    )  # null: the platform (a default outcome)
    author_role: Mapped[Role | None] = mapped_column(enum_column(Role, "role"))
    author_user_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    links: Mapped[list[Any]] = mapped_column(JSON, default=list)
