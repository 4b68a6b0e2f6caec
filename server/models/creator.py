"""The creator side: showcase entries (one active rate per product), samples, shipments and content."""

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
from server.models.constraints import non_negative, rate_bps
from server.models.enums import ContentKind, SampleStatus, ShipmentStatus, ShowcaseStatus


class ShowcaseEntry(IdMixin, Base):
    """A product in a creator's showcase through one collaboration (registration) at one creator rate.

    A decrease of the list item's rate is held in `pending_rate_bps` until `pending_rate_effective_at`
    (the 30-day lock); an increase is written to `creator_rate_bps` at once.
    """

    __tablename__ = "showcase_entries"
    __table_args__ = (
        Index(
            "uq_showcase_entries_active_creator_product",
            "creator_id",
            "product_id",
            unique=True,
            sqlite_where=text("status = 'ACTIVE'"),
            postgresql_where=text("status = 'ACTIVE'"),
        ),
        Index("ix_showcase_entries_creator_id_status", "creator_id", "status"),
        rate_bps("creator_rate_bps"),
        rate_bps("pending_rate_bps"),
        CheckConstraint(
            "(pending_rate_bps is null) = (pending_rate_effective_at is null)", name="pending_rate_with_date"
        ),
        CheckConstraint("status = 'ACTIVE' or ended_at is not null", name="ended_has_time"),
    )

    creator_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("creator_profiles.organisation_id", ondelete="RESTRICT")
    )
    product_id: Mapped[int] = mapped_column(BigID, ForeignKey("products.id", ondelete="RESTRICT"), index=True)
    registration_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("registrations.id", ondelete="RESTRICT"), index=True
    )
    # Where the creator added it from; kept if the agency later removes the item or deletes the list.
    list_item_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("product_list_items.id", ondelete="SET NULL"), index=True
    )
    share_link_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("share_links.id", ondelete="SET NULL")
    )
    creator_rate_bps: Mapped[int] = mapped_column(Integer)
    pending_rate_bps: Mapped[int | None] = mapped_column(Integer)
    pending_rate_effective_at: Mapped[datetime | None]
    status: Mapped[ShowcaseStatus] = mapped_column(
        enum_column(ShowcaseStatus, "status"), default=ShowcaseStatus.ACTIVE, index=True
    )
    added_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    terms_accepted_at: Mapped[datetime]


class SampleRequest(IdMixin, CreatedMixin, Base):
    """A creator's request for a free sample, approved by the agency against the quota, shipped by the seller.

    The shipping address is for the seller (and the creator) only, never for the agency.
    """

    __tablename__ = "sample_requests"
    __table_args__ = (
        UniqueConstraint("creator_id", "registration_id"),
        Index("ix_sample_requests_registration_id_status", "registration_id", "status"),
    )

    creator_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("creator_profiles.organisation_id", ondelete="RESTRICT")
    )
    registration_id: Mapped[int] = mapped_column(BigID, ForeignKey("registrations.id", ondelete="RESTRICT"))
    product_id: Mapped[int] = mapped_column(BigID, ForeignKey("products.id", ondelete="RESTRICT"), index=True)
    showcase_entry_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("showcase_entries.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[SampleStatus] = mapped_column(
        enum_column(SampleStatus, "status"), default=SampleStatus.REQUESTED, index=True
    )

    recipient_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(32))
    line1: Mapped[str] = mapped_column(String(200))
    line2: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    postal_code: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2

    reviewed_at: Mapped[datetime | None]
    reviewed_by_user_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("users.id", ondelete="SET NULL")
    )
    reject_reason: Mapped[str | None] = mapped_column(Text)
    carrier: Mapped[str | None] = mapped_column(String(80))
    tracking_number: Mapped[str | None] = mapped_column(String(80))
    shipped_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    content_due_at: Mapped[datetime | None]  # delivered_at + 14 days (+ 7 with the one extension)
    extension_used: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(index=True)


class Shipment(IdMixin, CreatedMixin, Base):
    """One event in a sample's shipment history (the request carries the latest state)."""

    __tablename__ = "shipments"
    __table_args__ = (
        Index("ix_shipments_sample_request_id_occurred_at", "sample_request_id", "occurred_at"),
    )

    sample_request_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("sample_requests.id", ondelete="CASCADE")
    )
    status: Mapped[ShipmentStatus] = mapped_column(enum_column(ShipmentStatus, "status"))
    carrier: Mapped[str | None] = mapped_column(String(80))
    tracking_number: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime]


class Content(IdMixin, CreatedMixin, Base):
    """A video or LIVE session promoting a product, pushed by an integration or recorded by the creator."""

    __tablename__ = "contents"
    __table_args__ = (
        UniqueConstraint("kind", "external_id"),  # idempotent pushes; NULL external ids never collide
        Index("ix_contents_creator_id_posted_at", "creator_id", "posted_at"),
        non_negative("views"),
        non_negative("likes"),
        non_negative("orders_count"),
    )

    creator_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("creator_profiles.organisation_id", ondelete="RESTRICT")
    )
    product_id: Mapped[int] = mapped_column(BigID, ForeignKey("products.id", ondelete="RESTRICT"), index=True)
    registration_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("registrations.id", ondelete="RESTRICT"), index=True
    )
    sample_request_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("sample_requests.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[ContentKind] = mapped_column(enum_column(ContentKind, "kind"))
    url: Mapped[str] = mapped_column(String(500))
    external_id: Mapped[str | None] = mapped_column(String(64))
    posted_at: Mapped[datetime]
    views: Mapped[int] = mapped_column(BigInteger, default=0)
    likes: Mapped[int] = mapped_column(BigInteger, default=0)
    orders_count: Mapped[int] = mapped_column(Integer, default=0)
