"""In-app notifications: to an organisation (every member) or to one of its users."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin


class Notification(IdMixin, CreatedMixin, Base):
    __tablename__ = "notifications"
    __table_args__ = (
        Index(
            "ix_notifications_recipient_organisation_id_created_at", "recipient_organisation_id", "created_at"
        ),
    )

    recipient_organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="CASCADE")
    )
    recipient_user_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(60))  # e.g. REGISTRATION_APPROVED
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    subject_type: Mapped[str | None] = mapped_column(String(40))  # e.g. Registration
    subject_id: Mapped[int | None] = mapped_column(BigInteger)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    read_at: Mapped[datetime | None]
    # The values the English title and body show, for the web app to write the message in the reader's language
    # (server/services/notification_kinds.py lists each kind's names); None on rows written before they were kept.
    # sort_order: after created_at, where the migration that added it put it.
    params: Mapped[dict[str, Any] | None] = mapped_column(JSON, sort_order=1)
