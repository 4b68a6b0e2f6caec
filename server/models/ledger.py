"""The double-entry commission ledger: append-only; balances are sums, never stored totals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.enums import Currency, LedgerAccount, LedgerPhase


class LedgerEntry(IdMixin, CreatedMixin, Base):
    """One leg of a posting. The legs of a posting (same posting_id) sum to 0, e.g. for a 40.00 USD line at
    total 2000 / creator 1500: SELLER_PAYABLE -800, CREATOR_EARNINGS +600, AGENCY_EARNINGS +200.
    Entries are never updated or deleted: corrections are new postings (reversal, then the new amounts)."""

    __tablename__ = "ledger_entries"
    __table_args__ = (
        Index("ix_ledger_entries_party_account_phase", "party_organisation_id", "account", "phase"),
        Index("ix_ledger_entries_order_line_id_phase", "order_line_id", "phase"),
        # Only a dispute's credit stands on no line (a missing order: it never reached Matchup).
        CheckConstraint("order_line_id is not null or dispute_id is not null", name="line_or_dispute"),
    )

    posting_id: Mapped[str] = mapped_column(String(36), index=True)  # a uuid4 shared by a balanced posting
    order_line_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("order_lines.id", ondelete="RESTRICT")
    )
    account: Mapped[LedgerAccount] = mapped_column(enum_column(LedgerAccount, "account"))
    # The seller's shop, the creator or the agency the amount is owed by or to.
    party_organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    phase: Mapped[LedgerPhase] = mapped_column(enum_column(LedgerPhase, "phase"))
    amount_minor: Mapped[int] = mapped_column(BigInteger)  # signed
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    reason: Mapped[str] = mapped_column(String(200))  # the rule that produced it, for "why this number"
    created_at: Mapped[datetime] = mapped_column(index=True)
    # A dispute's adjustment (server/services/disputes/): outside the line's target, which reconciling never undoes.
    dispute_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("disputes.id", ondelete="RESTRICT"))
