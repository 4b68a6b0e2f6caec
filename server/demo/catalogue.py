"""The demo shops' catalogues, planned from data.py with a seeded generator per step (rng_for): titles, variants
and realistic shelf prices in each market's currency."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from server.demo import data
from server.demo.data import ShopSeed
from server.models.enums import (
    CURRENCY_EXPONENT,
    MARKET_CURRENCY,
    Currency,
)
from server.services.catalogue import SkuSpec


@dataclass(frozen=True, slots=True)
class ProductPlan:
    title: str
    category: str
    description: str
    image_url: str
    skus: tuple[SkuSpec, ...]


def shelf_price(usd_cents: int, currency: Currency) -> int:
    """A realistic shelf price in minor units for a price given in US cents, in integers only:
    converted at `data.USD_RATE`, then rounded the way each market prices (24.99 USD, 299.00 THB, 159000 VND)."""
    num, den = data.USD_RATE[currency]
    minor = usd_cents * num * 10 ** CURRENCY_EXPONENT[currency] // (100 * den)
    step, minus = data.PRICE_STYLE[currency]
    return max(1, (minor + step // 2) // step) * step - minus


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _variants(rng: random.Random, kind: str) -> list[tuple[str, int]]:
    if kind == "apparel":  # one colour in one to four consecutive sizes
        colour = rng.choice(data.APPAREL_COLOURS)
        sizes = data.VARIANTS["apparel"]
        count = rng.randint(1, 4)
        start = rng.randint(0, len(sizes) - count)
        return [(f"{colour} / {label}", pct) for label, pct in sizes[start : start + count]]
    options = data.VARIANTS[kind]
    count = rng.randint(1, min(4, len(options)))
    return [options[i] for i in sorted(rng.sample(range(len(options)), count))]


def plan_catalogue(shop: ShopSeed) -> list[ProductPlan]:
    """The products of one demo shop: distinct items of its categories, each under one of its brands (an item
    comes back under another brand only when the shop lists more products than its categories have items)."""
    rng = rng_for("catalogue", shop.shop_code)
    currency = MARKET_CURRENCY[shop.market]
    items = [(category, item) for category in shop.categories for item in data.ITEMS[category]]
    rng.shuffle(items)
    picks: list[tuple[str, data.ItemSeed, str]] = []
    used: dict[str, set[str]] = {}
    while len(picks) < shop.product_count:
        for category, item in items:
            if len(picks) == shop.product_count:
                break
            brands = [b for b in shop.brands if b not in used.setdefault(item.name, set())]
            if not brands:
                continue
            brand = rng.choice(brands)
            used[item.name].add(brand)
            picks.append((category, item, brand))
    plans = []
    for n, (category, item, brand) in enumerate(picks, start=1):
        title = f"{brand} {item.name}"
        base = rng.randint(*item.usd_cents)
        skus = tuple(
            SkuSpec(
                seller_sku=f"{shop.shop_code[-4:]}-{n:03d}-{j:02d}",
                name=label,
                price_minor=shelf_price(base * pct // 100, currency),
                stock=0 if rng.randint(1, 100) <= 6 else rng.randint(5, 800),
            )
            for j, (label, pct) in enumerate(_variants(rng, item.variants), start=1)
        )
        plans.append(
            ProductPlan(
                title=title,
                category=category,
                description=f"{item.pitch}. {data.CATEGORY_BLURBS[category]} Ships from {shop.ships_from}.",
                image_url=f"https://picsum.photos/seed/{shop.shop_code.lower()}-{slug(title)}/400/400",
                skus=skus,
            )
        )
    return plans


SEED = "matchup-demo"


def rng_for(*parts: str) -> random.Random:
    """A generator of its own for one step (and item): str seeds are hashed with SHA-512, stable everywhere."""
    return random.Random("/".join((SEED, *parts)))
