"""A shop's catalogue: products and their SKUs (variants with price and stock)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.constraints import length_between, non_negative, positive
from server.models.enums import Currency, ProductStatus


class Product(IdMixin, CreatedMixin, Base):
    __tablename__ = "products"
    __table_args__ = (
        # Target of registrations' (product_id, shop_id) foreign key: the denormalised shop is the product's.
        UniqueConstraint("id", "shop_id"),
        length_between("title", 1, 255),
    )

    shop_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("shops.organisation_id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(255))
    category: Mapped[str] = mapped_column(String(80), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    image_url: Mapped[str | None] = mapped_column(String(500))
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    status: Mapped[ProductStatus] = mapped_column(
        enum_column(ProductStatus, "status"), default=ProductStatus.ACTIVE, index=True
    )
    created_at: Mapped[datetime] = mapped_column(index=True)


class Sku(IdMixin, Base):
    __tablename__ = "skus"
    __table_args__ = (
        UniqueConstraint("product_id", "seller_sku"),
        positive("price_minor"),
        non_negative("stock"),
    )

    product_id: Mapped[int] = mapped_column(BigID, ForeignKey("products.id", ondelete="CASCADE"), index=True)
    seller_sku: Mapped[str] = mapped_column(String(64))
    variant_name: Mapped[str | None] = mapped_column(String(120))
    price_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[Currency] = mapped_column(enum_column(Currency, "currency"))
    stock: Mapped[int] = mapped_column(Integer, default=0)
