"""Payees' payment accounts, tax info (operator-reviewed), bank accounts, monthly bills and payout attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.constraints import market_currency, non_negative
from server.models.enums import (
    BillStatus,
    Currency,
    Market,
    PayoutStatus,
    TaxEntityType,
    TaxForm,
    TaxInfoStatus,
    TinType,
)


class PaymentAccount(IdMixin, CreatedMixin, Base):
    """The payout profile of an agency or a creator."""

    __tablename__ = "payment_accounts"
    __table_args__ = (UniqueConstraint("organisation_id"), market_currency())

    organisation_id: Mapped[int] = mapped_column(BigID, ForeignKey("organisations.id", ondelete="RESTRICT"))
    market: Mapped[Market] = mapped_column(enum_column(Market, "market"))
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))


class TaxInfo(IdMixin, Base):
    """A tax-info submission (US: W-9; other markets: local tax id). A bank account can be linked only once one
    is APPROVED. Re-submissions are new rows; at most one waits for review."""

    __tablename__ = "tax_infos"
    __table_args__ = (
        Index(
            "uq_tax_infos_one_pending_review",
            "payment_account_id",
            unique=True,
            sqlite_where=text("status = 'PENDING_REVIEW'"),
            postgresql_where=text("status = 'PENDING_REVIEW'"),
        ),
        Index("ix_tax_infos_status_submitted_at", "status", "submitted_at"),
        CheckConstraint("status != 'REJECTED' or reject_reason is not null", name="rejection_has_reason"),
        CheckConstraint(
            "form != 'W9' or (tin_type is not null and certified_at is not null)", name="w9_complete"
        ),
    )

    payment_account_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("payment_accounts.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[TaxInfoStatus] = mapped_column(
        enum_column(TaxInfoStatus, "status"), default=TaxInfoStatus.PENDING_REVIEW
    )
    form: Mapped[TaxForm] = mapped_column(enum_column(TaxForm, "form"))
    entity_type: Mapped[TaxEntityType] = mapped_column(enum_column(TaxEntityType, "entity_type"))
    legal_name: Mapped[str] = mapped_column(String(200))
    tax_id: Mapped[str] = mapped_column(String(40))
    address_line1: Mapped[str] = mapped_column(String(200))
    address_line2: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    postal_code: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    submitted_at: Mapped[datetime]
    reviewed_at: Mapped[datetime | None]
    reviewed_by_user_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("users.id", ondelete="SET NULL")
    )
    reject_reason: Mapped[str | None] = mapped_column(Text)
    # W-9 only: the optional business name (line 2), the TIN's kind and when the payee certified the form.
    # sort_order: after the columns above, where the migration that added them put them.
    business_name: Mapped[str | None] = mapped_column(String(200), sort_order=1)
    tin_type: Mapped[TinType | None] = mapped_column(enum_column(TinType, "tin_type"), sort_order=1)
    certified_at: Mapped[datetime | None] = mapped_column(sort_order=1)


class BankAccount(IdMixin, Base):
    """A linked bank account: only the last four digits and the processor's token are stored."""

    __tablename__ = "bank_accounts"
    __table_args__ = (
        Index(
            "uq_bank_accounts_one_linked",
            "payment_account_id",
            unique=True,
            sqlite_where=text("unlinked_at is null"),
            postgresql_where=text("unlinked_at is null"),
        ),
        CheckConstraint("length(account_number_last4) = 4", name="last4_length"),
    )

    payment_account_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("payment_accounts.id", ondelete="CASCADE"), index=True
    )
    holder_name: Mapped[str] = mapped_column(String(200))
    bank_name: Mapped[str] = mapped_column(String(120))
    account_number_last4: Mapped[str] = mapped_column(String(4))
    account_token: Mapped[str] = mapped_column(String(200))
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    linked_at: Mapped[datetime]
    unlinked_at: Mapped[datetime | None]


class PaymentBill(IdMixin, CreatedMixin, Base):
    """A payee's settled earnings of one month: OPEN → ISSUED → PAID, or FAILED and retried."""

    __tablename__ = "payment_bills"
    __table_args__ = (
        UniqueConstraint("payee_organisation_id", "period", "currency"),
        CheckConstraint(
            "length(period) = 7 and substr(period, 5, 1) = '-' and substr(period, 6, 2) between '01' and '12'",
            name="period_format",
        ),
        non_negative("amount_minor"),
        non_negative("attempts"),
        Index("ix_payment_bills_status_period", "status", "period"),
    )

    payee_organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    period: Mapped[str] = mapped_column(String(7))  # 'YYYY-MM'
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[BillStatus] = mapped_column(enum_column(BillStatus, "status"), default=BillStatus.OPEN)
    issued_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]
    failed_reason: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    bank_account_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("bank_accounts.id", ondelete="RESTRICT"), index=True
    )


class Payout(IdMixin, CreatedMixin, Base):
    """One attempt to pay a bill to a linked bank account."""

    __tablename__ = "payouts"
    __table_args__ = (
        UniqueConstraint("bill_id", "attempt"),
        CheckConstraint("attempt >= 1", name="attempt_positive"),
        non_negative("amount_minor"),
    )

    bill_id: Mapped[int] = mapped_column(BigID, ForeignKey("payment_bills.id", ondelete="RESTRICT"))
    attempt: Mapped[int] = mapped_column(Integer)
    status: Mapped[PayoutStatus] = mapped_column(
        enum_column(PayoutStatus, "status"), default=PayoutStatus.PENDING
    )
    bank_account_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("bank_accounts.id", ondelete="RESTRICT"), index=True
    )
    reference: Mapped[str | None] = mapped_column(String(100))  # the processor's transfer reference
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    failure_reason: Mapped[str | None] = mapped_column(String(200))
    completed_at: Mapped[datetime | None]


class PaymentBillEntry(Base):
    """A settled earnings leg (CREATOR_EARNINGS or AGENCY_EARNINGS, phase SETTLED) and the bill that pays it. The
    primary key makes billing exactly-once: a leg is in at most one bill, ever."""

    __tablename__ = "payment_bill_entries"

    ledger_entry_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("ledger_entries.id", ondelete="RESTRICT"), primary_key=True, autoincrement=False
    )
    bill_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("payment_bills.id", ondelete="RESTRICT"), index=True
    )
