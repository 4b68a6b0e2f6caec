"""Orders from the shop platform, their lines with the attribution snapshot, and the ingested events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.constraints import market_currency, non_negative, positive, rate_bps
from server.models.enums import Currency, Market, OrderLineStatus


class Order(IdMixin, CreatedMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("shop_id", "platform_order_id"),  # idempotent ingestion by the platform's order id
        market_currency(),
    )

    shop_id: Mapped[int] = mapped_column(BigID, ForeignKey("shops.organisation_id", ondelete="RESTRICT"))
    platform_order_id: Mapped[str] = mapped_column(String(64))
    market: Mapped[Market] = mapped_column(enum_column(Market, "market"))
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    placed_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)


class OrderLine(IdMixin, CreatedMixin, Base):
    """One product line. The attribution columns are a snapshot at order time: later rate changes never
    rewrite them. The agency's rate is `total_rate_bps - creator_rate_bps`, derived, never stored."""

    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "platform_line_id"),
        positive("quantity"),
        non_negative("unit_price_minor"),
        non_negative("refunded_quantity"),
        non_negative("refunded_amount_minor"),
        CheckConstraint("refunded_quantity <= quantity", name="refunded_quantity_max"),
        CheckConstraint("refunded_amount_minor <= unit_price_minor * quantity", name="refunded_amount_max"),
        rate_bps("total_rate_bps"),
        rate_bps("creator_rate_bps"),
        CheckConstraint("creator_rate_bps <= total_rate_bps", name="creator_rate_within_total"),
        CheckConstraint(
            "campaign_id is null or (registration_id is not null and creator_id is not null"
            " and agency_id is not null and total_rate_bps is not null and creator_rate_bps is not null)",
            name="attribution_complete",
        ),
        CheckConstraint("version >= 1", name="version_positive"),
        Index("ix_order_lines_status_settle_after", "status", "settle_after"),
        Index("ix_order_lines_campaign_id_created_at", "campaign_id", "created_at"),
        Index("ix_order_lines_creator_id_created_at", "creator_id", "created_at"),
        Index("ix_order_lines_agency_id_created_at", "agency_id", "created_at"),
    )

    order_id: Mapped[int] = mapped_column(BigID, ForeignKey("orders.id", ondelete="CASCADE"))
    platform_line_id: Mapped[str] = mapped_column(String(64))
    product_id: Mapped[int] = mapped_column(BigID, ForeignKey("products.id", ondelete="RESTRICT"), index=True)
    sku_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("skus.id", ondelete="SET NULL"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)  # actually paid: after coupons, before tax
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    status: Mapped[OrderLineStatus] = mapped_column(enum_column(OrderLineStatus, "status"))
    refunded_quantity: Mapped[int] = mapped_column(Integer, default=0)
    refunded_amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)

    # Attribution snapshot (all null when the line is not attributed; then unattributed_reason says why).
    showcase_entry_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("showcase_entries.id", ondelete="RESTRICT"), index=True
    )
    share_link_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("share_links.id", ondelete="SET NULL")
    )
    campaign_id: Mapped[int | None] = mapped_column(BigID, ForeignKey("campaigns.id", ondelete="RESTRICT"))
    registration_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("registrations.id", ondelete="RESTRICT"), index=True
    )
    creator_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("creator_profiles.organisation_id", ondelete="RESTRICT")
    )
    agency_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("agencies.organisation_id", ondelete="RESTRICT")
    )
    total_rate_bps: Mapped[int | None] = mapped_column(Integer)
    creator_rate_bps: Mapped[int | None] = mapped_column(Integer)
    unattributed_reason: Mapped[str | None] = mapped_column(String(40))

    paid_at: Mapped[datetime | None]
    shipped_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    settle_after: Mapped[datetime | None]  # delivered_at + the market's settlement window
    settled_at: Mapped[datetime | None]
    frozen_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    refunded_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic concurrency: every ORM update adds `AND version = :seen` and raises StaleDataError on a lost
    # race; set-based updates (settlement) bump it themselves.
    __mapper_args__ = {"version_id_col": version}
    # Where the creator rate came from (server/services/orders/attribution.py RATE_SOURCES) and the list item
    # behind it: a snapshot id, not a foreign key, so the receipt keeps it after the agency deletes the item.
    # sort_order: after created_at, where the migration that added them put them.
    list_item_id: Mapped[int | None] = mapped_column(BigID, sort_order=1)
    creator_rate_source: Mapped[str | None] = mapped_column(String(40), sort_order=1)


class OrderEvent(IdMixin, Base):
    """An ingested platform event, kept for idempotency: the same (shop, event id) is applied once, and a
    replay with a different body (other sha256) is refused. An event that cannot be applied yet is held
    (applied_at null, held_reason WAITING_FOR_…) and applied when its prerequisite arrives; a held event that
    turns out never to apply keeps applied_at null with held_reason 'REFUSED <code>: <message>'."""

    __tablename__ = "order_events"
    __table_args__ = (
        UniqueConstraint("shop_id", "platform_event_id"),
        Index("ix_order_events_received_at", "received_at"),
        # Held events of an order (possibly not created yet), retried when their prerequisite arrives.
        Index(
            "ix_order_events_waiting",
            "shop_id",
            "platform_order_id",
            sqlite_where=text("applied_at is null"),
            postgresql_where=text("applied_at is null"),
        ),
    )

    shop_id: Mapped[int] = mapped_column(BigID, ForeignKey("shops.organisation_id", ondelete="RESTRICT"))
    platform_event_id: Mapped[str] = mapped_column(String(64))
    order_id: Mapped[int | None] = mapped_column(
        BigID, ForeignKey("orders.id", ondelete="SET NULL"), index=True
    )
    event_type: Mapped[str] = mapped_column(String(40))
    body_sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)  # the parsed body, to apply a held event later
    received_at: Mapped[datetime]
    applied_at: Mapped[datetime | None]
    held_reason: Mapped[str | None] = mapped_column(String(200))
    platform_order_id: Mapped[str] = mapped_column(String(64))
