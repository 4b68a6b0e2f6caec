"""Idempotency keys: the first answer to a keyed request, kept for replay (Stripe's semantics)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin


class IdempotencyKey(IdMixin, CreatedMixin, Base):
    """One `Idempotency-Key` of one user. `status_code` is null while the first request runs; then it and
    `response_body` hold the answer every retry with the same body gets. Pruned once `expires_at` is past."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    user_id: Mapped[int] = mapped_column(BigID, ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the canonical request body
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str | None] = mapped_column(String(100))
    expires_at: Mapped[datetime] = mapped_column(index=True)
