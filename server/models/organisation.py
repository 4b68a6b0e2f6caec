"""Tenants: an organisation of one kind (agency, shop, creator profile, platform) with its detail row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.enums import Market, Messenger, OrganisationKind, SellerType


class Organisation(IdMixin, CreatedMixin, Base):
    __tablename__ = "organisations"
    __table_args__ = (CheckConstraint("length(name) between 1 and 120", name="name_length"),)

    kind: Mapped[OrganisationKind] = mapped_column(
        enum_column(OrganisationKind, "organisation_kind"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    # The home market of a shop or creator; an agency's first market (it may serve several).
    market: Mapped[Market | None] = mapped_column(enum_column(Market, "market"))
    deleted_at: Mapped[datetime | None]


class Agency(Base):
    __tablename__ = "agencies"

    organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    markets: Mapped[list[str]] = mapped_column(JSON, default=list)  # markets served
    contact_email: Mapped[str] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(300))


class Shop(Base):
    __tablename__ = "shops"
    __table_args__ = (
        UniqueConstraint("shop_code"),
        CheckConstraint("length(shop_code) between 6 and 20", name="shop_code_length"),
    )

    organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    shop_code: Mapped[str] = mapped_column(String(20))
    seller_type: Mapped[SellerType] = mapped_column(enum_column(SellerType, "seller_type"))
    market: Mapped[Market] = mapped_column(enum_column(Market, "market"), index=True)
    rating: Mapped[int | None] = mapped_column(Integer)  # tenths of a star: 47 = 4.7
    contact_email: Mapped[str] = mapped_column(String(254))


class CreatorProfile(Base):
    __tablename__ = "creator_profiles"
    __table_args__ = (
        UniqueConstraint("handle"),
        CheckConstraint("followers >= 0", name="followers_non_negative"),
    )

    organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    handle: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(80))
    avatar_url: Mapped[str | None] = mapped_column(String(500))
    followers: Mapped[int] = mapped_column(Integer, default=0)
    market: Mapped[Market] = mapped_column(enum_column(Market, "market"), index=True)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    bio: Mapped[str | None] = mapped_column(Text)
    messenger: Mapped[Messenger | None] = mapped_column(enum_column(Messenger, "messenger"))
