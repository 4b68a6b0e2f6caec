"""Audit events: who changed what, when and why — written in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin


class AuditEvent(IdMixin, CreatedMixin, Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_subject", "subject_type", "subject_id"),)

    actor_user_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("users.id", ondelete="SET NULL"))
    actor_organisation_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    subject_type: Mapped[str] = mapped_column(String(40))  # e.g. Campaign, Registration
    subject_id: Mapped[int] = mapped_column(BigInteger)
    campaign_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(60))  # e.g. registration.approve
    # {field: [old, new]} in API form.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(index=True)
