"""A seller's product registered into a campaign with its terms, and the agency's bookmarks on them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.constraints import non_negative, rate_bps
from server.models.enums import RegistrationStatus, RejectReason

# A product has at most one registration in these states per campaign; REJECT_FOREVER blocks it for good.
LIVE_REGISTRATION_STATUSES = (
    RegistrationStatus.PENDING,
    RegistrationStatus.APPROVED,
    RegistrationStatus.PENDING_CLOSED,
    RegistrationStatus.REJECT_FOREVER,
)
_LIVE_WHERE = "status in ({})".format(", ".join(f"'{s.value}'" for s in LIVE_REGISTRATION_STATUSES))


class Registration(IdMixin, Base):
    __tablename__ = "registrations"
    __table_args__ = (
        # shop_id is denormalised for row scopes; the composite key makes it the product's shop, always.
        ForeignKeyConstraint(
            ["product_id", "shop_id"],
            ["products.id", "products.shop_id"],
            name="fk_registrations_product_id_products",
            ondelete="RESTRICT",
        ),
        Index(
            "uq_registrations_live_campaign_product",
            "campaign_id",
            "product_id",
            unique=True,
            sqlite_where=text(_LIVE_WHERE),
            postgresql_where=text(_LIVE_WHERE),
        ),
        Index("ix_registrations_campaign_id_status", "campaign_id", "status"),
        rate_bps("total_rate_bps"),
        rate_bps("shop_ads_rate_bps"),
        non_negative("sample_quota"),
        CheckConstraint(
            "status not in ('REJECTED', 'REJECT_FOREVER') or reject_reason is not null",
            name="rejection_has_reason",
        ),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    campaign_id: Mapped[int] = mapped_column(BigID, ForeignKey("campaigns.id", ondelete="RESTRICT"))
    product_id: Mapped[int] = mapped_column(BigID, index=True)
    shop_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("shops.organisation_id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[RegistrationStatus] = mapped_column(
        enum_column(RegistrationStatus, "status"), default=RegistrationStatus.PENDING, index=True
    )

    # Terms. After approval the total rate never changes; the sample quota only increases.
    total_rate_bps: Mapped[int] = mapped_column(Integer)
    sample_quota: Mapped[int] = mapped_column(Integer, default=0)
    shop_ads_rate_bps: Mapped[int | None] = mapped_column(Integer)
    contact_email: Mapped[str] = mapped_column(String(254))
    contact_whatsapp: Mapped[str | None] = mapped_column(String(32))

    reject_reason: Mapped[RejectReason | None] = mapped_column(enum_column(RejectReason, "reject_reason"))
    reject_note: Mapped[str | None] = mapped_column(Text)

    registered_at: Mapped[datetime] = mapped_column(index=True)
    decided_at: Mapped[datetime | None]  # approved or rejected
    decided_by_user_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("users.id", ondelete="SET NULL"))
    cancellation_requested_at: Mapped[datetime | None]  # → PENDING_CLOSED
    closed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)


class Bookmark(IdMixin, CreatedMixin, Base):
    __tablename__ = "bookmarks"
    __table_args__ = (UniqueConstraint("agency_id", "registration_id"),)

    agency_id: Mapped[int] = mapped_column(BigID, ForeignKey("agencies.organisation_id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
