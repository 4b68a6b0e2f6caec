"""A shop's catalogue: products with their SKUs, priced in the shop's market currency."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from server import models
from server.models.enums import MARKET_CURRENCY, OrganisationKind, ProductStatus
from server.services.errors import DomainError, not_found
from server.services.unit_of_work import UnitOfWork

# The top-level product categories (TikTok Shop's tree, simplified). Products and creator profiles use them,
# so agencies can filter both by the same names.
CATEGORIES: tuple[str, ...] = (
    "Beauty & Personal Care",
    "Womenswear",
    "Menswear",
    "Fashion Accessories",
    "Shoes",
    "Home & Living",
    "Kitchenware",
    "Household Appliances",
    "Phones & Electronics",
    "Computers & Office",
    "Food & Beverages",
    "Sports & Outdoor",
    "Baby & Maternity",
    "Kids' Fashion",
    "Toys & Hobbies",
    "Health",
    "Pet Supplies",
    "Automotive & Motorcycle",
    "Books & Stationery",
    "Luggage & Bags",
    "Jewellery",
    "Tools & Hardware",
)

TITLE_MAX = 255
DESCRIPTION_MAX = 10_000
IMAGE_URL_MAX = 500
SKUS_MAX = 50
SELLER_SKU_MAX = 64
VARIANT_NAME_MAX = 120
PRICE_MAX_MINOR = 10**13  # far above any real shelf price in any of the currencies
STOCK_MAX = 10_000_000


@dataclass(frozen=True, slots=True)
class SkuSpec:
    seller_sku: str
    name: str | None  # the variant, e.g. "Black / M", "50ml", "N20 Ivory"
    price_minor: int  # in the shop's currency
    stock: int


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_skus(skus: Sequence[SkuSpec]) -> list[SkuSpec]:
    if not skus:
        raise DomainError("REQUIRED", "Add at least one SKU", ["input", "skus"])
    if len(skus) > SKUS_MAX:
        raise DomainError("TOO_MANY", f"A product has at most {SKUS_MAX} SKUs", ["input", "skus"])
    seen: set[str] = set()
    cleaned: list[SkuSpec] = []
    for i, sku in enumerate(skus):
        seller_sku = sku.seller_sku.strip()
        if not seller_sku:
            raise DomainError("REQUIRED", "Enter the seller SKU", ["input", "skus", i, "sellerSku"])
        if len(seller_sku) > SELLER_SKU_MAX:
            raise DomainError(
                "TOO_LONG", f"Use at most {SELLER_SKU_MAX} characters", ["input", "skus", i, "sellerSku"]
            )
        if seller_sku in seen:
            raise DomainError(
                "DUPLICATE", f"SKU {seller_sku} is listed twice", ["input", "skus", i, "sellerSku"]
            )
        seen.add(seller_sku)
        name = (sku.name or "").strip() or None
        if name is not None and len(name) > VARIANT_NAME_MAX:
            raise DomainError(
                "TOO_LONG", f"Use at most {VARIANT_NAME_MAX} characters", ["input", "skus", i, "name"]
            )
        if not _whole(sku.price_minor) or sku.price_minor <= 0:
            raise DomainError(
                "NOT_POSITIVE", "The price must be more than zero", ["input", "skus", i, "price"]
            )
        if sku.price_minor > PRICE_MAX_MINOR:
            raise DomainError("TOO_LARGE", "The price is too large", ["input", "skus", i, "price"])
        if not _whole(sku.stock) or sku.stock < 0:
            raise DomainError("NEGATIVE", "Stock must be 0 or more", ["input", "skus", i, "stock"])
        if sku.stock > STOCK_MAX:
            raise DomainError("TOO_LARGE", "Stock is too large", ["input", "skus", i, "stock"])
        cleaned.append(
            SkuSpec(seller_sku=seller_sku, name=name, price_minor=sku.price_minor, stock=sku.stock)
        )
    return cleaned


async def create_product(
    uow: UnitOfWork,
    *,
    shop_id: int,
    title: str,
    category: str,
    description: str,
    image_url: str | None,
    skus: Sequence[SkuSpec],
) -> models.Product:
    """A product with 1-50 SKUs. Prices are integer minor units of the shop's market currency."""
    title = title.strip()
    if not title:
        raise DomainError("REQUIRED", "Enter a title", ["input", "title"])
    if len(title) > TITLE_MAX:
        raise DomainError("TOO_LONG", f"Use at most {TITLE_MAX} characters", ["input", "title"])
    category = category.strip()
    if category not in CATEGORIES:
        raise DomainError("INVALID", f"Unknown category {category!r}", ["input", "category"])
    description = (description or "").strip()
    if len(description) > DESCRIPTION_MAX:
        raise DomainError("TOO_LONG", f"Use at most {DESCRIPTION_MAX} characters", ["input", "description"])
    image_url = (image_url or "").strip() or None
    if image_url is not None and (
        len(image_url) > IMAGE_URL_MAX or not re.match(r"^https://\S+$", image_url)
    ):
        raise DomainError("INVALID", "Enter an https:// image address", ["input", "imageUrl"])
    cleaned = _check_skus(skus)

    s = uow.session
    market = (
        await s.execute(
            select(models.Shop.market)
            .join(models.Organisation, models.Organisation.id == models.Shop.organisation_id)
            .where(
                models.Shop.organisation_id == shop_id,
                models.Organisation.kind == OrganisationKind.SHOP,
                models.Organisation.deleted_at.is_(None),
            )
        )
    ).scalar_one_or_none()
    if market is None:
        raise not_found("Shop", ["input", "shopId"])
    currency = MARKET_CURRENCY[market]

    product = models.Product(
        shop_id=shop_id,
        title=title,
        category=category,
        description=description,
        image_url=image_url,
        currency=currency,
        status=ProductStatus.ACTIVE,
        created_at=uow.rt.clock.now(),
    )
    s.add(product)
    await s.flush()
    s.add_all(
        models.Sku(
            product_id=product.id,
            seller_sku=sku.seller_sku,
            variant_name=sku.name,
            price_minor=sku.price_minor,
            currency=currency,
            stock=sku.stock,
        )
        for sku in cleaned
    )
    await s.flush()
    return product
