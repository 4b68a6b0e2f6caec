"""Campaigns (agency), their selected shops, and edits waiting out their 30 minutes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.constraints import length_between, rate_bps
from server.models.enums import Market, Messenger, PendingChangeStatus, SellerType, TargetingMode


class Campaign(IdMixin, CreatedMixin, Base):
    """Status (READY/UPCOMING/ONGOING/CLOSED) is derived from the clock and `published`, never stored."""

    __tablename__ = "campaigns"
    __table_args__ = (
        # Target of product_lists' (campaign_id, agency_id) foreign key: a list's campaign is its agency's.
        UniqueConstraint("id", "agency_id"),
        length_between("name", 1, 49),
        CheckConstraint("length(description) <= 999", name="description_length"),
        rate_bps("commission_requirement_bps"),
        CheckConstraint("registration_start = campaign_start", name="registration_starts_with_campaign"),
        CheckConstraint("registration_end > registration_start", name="registration_period"),
        CheckConstraint("registration_end <= campaign_end", name="registration_ends_in_campaign"),
        CheckConstraint("campaign_end > campaign_start", name="campaign_period"),
        CheckConstraint("(messenger is null) = (messenger_handle is null)", name="messenger_with_handle"),
        CheckConstraint("version >= 1", name="version_positive"),
        Index("ix_campaigns_market_published", "market", "published"),
    )

    agency_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("agencies.organisation_id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(49))
    description: Mapped[str] = mapped_column(Text, default="")
    # The campaign's money is in this market's currency (MARKET_CURRENCY).
    market: Mapped[Market] = mapped_column(enum_column(Market, "market"))
    seller_requirements: Mapped[str] = mapped_column(Text, default="")
    commission_requirement_bps: Mapped[int] = mapped_column(Integer)

    contact_email: Mapped[str] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    messenger: Mapped[Messenger | None] = mapped_column(enum_column(Messenger, "messenger"))
    messenger_handle: Mapped[str | None] = mapped_column(String(100))

    registration_start: Mapped[datetime]
    registration_end: Mapped[datetime]
    campaign_start: Mapped[datetime] = mapped_column(index=True)
    campaign_end: Mapped[datetime] = mapped_column(index=True)

    targeting_mode: Mapped[TargetingMode] = mapped_column(enum_column(TargetingMode, "targeting_mode"))
    # Optional extra filter on the targeted sellers (None: any seller type).
    target_seller_type: Mapped[SellerType | None] = mapped_column(
        enum_column(SellerType, "target_seller_type")
    )

    published: Mapped[bool] = mapped_column(default=False)
    first_published_at: Mapped[datetime | None]  # edits apply immediately until this is set
    created_at: Mapped[datetime] = mapped_column(index=True)
    updated_at: Mapped[datetime]
    # Optimistic concurrency: UPDATE … SET version = version + 1 WHERE id = :id AND version = :seen.
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Set when the agency archives the closed campaign: out of its default list, still readable and exportable.
    archived_at: Mapped[datetime | None]
    # Set once by the sweeper when the campaign's end has passed and its closing was announced live.
    close_announced_at: Mapped[datetime | None]


class CampaignTargetShop(IdMixin, Base):
    """A shop selected by a SELECTED-targeting campaign (unknown shop codes are reported, never stored)."""

    __tablename__ = "campaign_target_shops"
    __table_args__ = (UniqueConstraint("campaign_id", "shop_id"),)

    campaign_id: Mapped[int] = mapped_column(BigID, ForeignKey("campaigns.id", ondelete="CASCADE"))
    shop_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("shops.organisation_id", ondelete="CASCADE"), index=True
    )


class CampaignPendingChange(IdMixin, Base):
    """An edit after the first publish: effective at `applies_at` (30 minutes later). At most one PENDING."""

    __tablename__ = "campaign_pending_changes"
    __table_args__ = (
        Index(
            "uq_campaign_pending_changes_one_pending",
            "campaign_id",
            unique=True,
            sqlite_where=text("status = 'PENDING'"),
            postgresql_where=text("status = 'PENDING'"),
        ),
        Index("ix_campaign_pending_changes_status_applies_at", "status", "applies_at"),
        CheckConstraint("applies_at >= requested_at", name="applies_after_request"),
    )

    campaign_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    # Only the changed fields, with their new values in API form (times as ISO-8601 UTC, shop codes as a list).
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    requested_by_user_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("users.id", ondelete="SET NULL")
    )
    requested_at: Mapped[datetime]
    applies_at: Mapped[datetime]
    status: Mapped[PendingChangeStatus] = mapped_column(
        enum_column(PendingChangeStatus, "status"), default=PendingChangeStatus.PENDING
    )
    applied_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
