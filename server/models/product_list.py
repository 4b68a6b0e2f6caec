"""Agency product lists (approved products with a creator rate), their share links and who opened them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, ForeignKeyConstraint, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin
from server.models.constraints import length_between, rate_bps


class ProductList(IdMixin, CreatedMixin, Base):
    """1–100 approved products of one campaign. The agency's rate is total − creator, never stored."""

    __tablename__ = "product_lists"
    __table_args__ = (
        # The list's campaign is the list's agency's campaign.
        ForeignKeyConstraint(
            ["campaign_id", "agency_id"],
            ["campaigns.id", "campaigns.agency_id"],
            name="fk_product_lists_campaign_id_campaigns",
            ondelete="CASCADE",
        ),
        length_between("name", 1, 100),
        Index("ix_product_lists_agency_id_created_at", "agency_id", "created_at"),
    )

    agency_id: Mapped[int] = mapped_column(BigID, ForeignKey("agencies.organisation_id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(BigID, index=True)
    name: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime]


class ProductListItem(IdMixin, CreatedMixin, Base):
    __tablename__ = "product_list_items"
    __table_args__ = (UniqueConstraint("list_id", "registration_id"), rate_bps("creator_rate_bps"))

    list_id: Mapped[int] = mapped_column(BigID, ForeignKey("product_lists.id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    # ≤ the registration's total rate (checked by the service: it lives in another table).
    creator_rate_bps: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


class ShareLink(IdMixin, CreatedMixin, Base):
    """A list's share link. The token is an unguessable capability, kept so the agency can copy it again."""

    __tablename__ = "share_links"
    __table_args__ = (
        UniqueConstraint("token"),
        Index(
            "uq_share_links_one_active_per_list",
            "list_id",
            unique=True,
            sqlite_where=text("revoked_at is null"),
            postgresql_where=text("revoked_at is null"),
        ),
        length_between("token", 16, 64),
    )

    list_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("product_lists.id", ondelete="CASCADE"), index=True
    )
    token: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None]


class LinkOpen(IdMixin, Base):
    """The first time a creator opened a share link (the agency sees who its links reached)."""

    __tablename__ = "link_opens"
    __table_args__ = (UniqueConstraint("share_link_id", "creator_id"),)

    share_link_id: Mapped[int] = mapped_column(BigID, ForeignKey("share_links.id", ondelete="CASCADE"))
    creator_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("creator_profiles.organisation_id", ondelete="CASCADE"), index=True
    )
    first_opened_at: Mapped[datetime]
