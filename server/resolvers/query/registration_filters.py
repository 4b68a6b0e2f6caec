"""The registrations list's filters as SQL with bind parameters: the statement depends only on which filters are
set (its shape), so it is built once per shape and viewer's role and run with each request's values.

Dates without an offset are UTC; a price bound is a decimal amount in each row's product currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, bindparam, case, exists, false, func, or_, select

from server import models
from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.authz.errors import PublicError
from server.ids import decode_id
from server.loaders.snapshots import columns_of
from server.models.enums import CURRENCY_EXPONENT, Currency
from server.schema.inputs.registrations import RegistrationFilter
from server.search import contains, contains_pattern
from server.services.registration_rules import effective_status_sql

R, P = models.Registration, models.Product
PRICE_FILTER_MAX = Decimal(10) ** 12  # far above any shelf price, far below any integer overflow


class InvalidFilter(PublicError):
    code = "INVALID_FILTER"


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _price_bound(value: str, name: str, rounding: str) -> dict[str, int]:
    """A decimal amount as minor units of each currency, by bind parameter name (a bound between two minor units
    rounds inwards, so the filter never lets in a price outside the range)."""
    try:
        amount = Decimal(value.strip()) if len(value) <= 30 else Decimal("NaN")
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or not 0 <= amount < PRICE_FILTER_MAX:
        raise InvalidFilter(f"filter.{name}: enter a decimal amount such as 12.50", field=f"filter.{name}")
    return {
        f"{name}_{c.value}": int(amount.scaleb(CURRENCY_EXPONENT[c]).to_integral_value(rounding))
        for c in Currency
    }


def _price_in_currency(name: str) -> ColumnElement[int]:
    return case(*((P.currency == c, bindparam(f"{name}_{c.value}", type_=BigInteger)) for c in Currency))


def lowest_price() -> ColumnElement[int]:
    """The lowest SKU price of each listed product, read through the SKU index per row (a grouped subquery over
    every SKU would aggregate the whole catalogue on every page)."""
    return (
        select(func.min(models.Sku.price_minor))
        .where(models.Sku.product_id == R.product_id)
        .scalar_subquery()
    )


@dataclass(frozen=True, slots=True)
class FilterShape:
    """Which filters are set (with the two whose value changes the SQL itself)."""

    campaign: bool
    shop: bool
    status: bool
    bookmarked: bool | None
    category: bool
    min_price: bool
    max_price: bool
    min_rate: bool
    max_rate: bool
    search: bool
    has_content: bool | None
    registered_from: bool
    registered_to: bool


def filter_values(f: RegistrationFilter, now: datetime) -> tuple[FilterShape, dict[str, Any]]:
    """The filter's shape and its bind parameters' values; bad values raise a field error here."""
    start, end = (None if at is None else _utc(at) for at in (f.registered_from, f.registered_to))
    if start is not None and end is not None and end <= start:
        raise InvalidFilter(
            "filter.registeredTo: must be after filter.registeredFrom", field="filter.registeredTo"
        )
    pattern = contains_pattern(f.search)
    category = f.category.strip() if f.category else None
    params: dict[str, Any] = {
        "campaign_id": None if f.campaign_id is None else decode_id(f.campaign_id, "Campaign"),
        "shop_id": None if f.shop_id is None else decode_id(f.shop_id, "Shop"),
        "statuses": [s.value for s in f.status] if f.status else None,
        "category": category,
        "min_rate": f.min_rate_bps,
        "max_rate": f.max_rate_bps,
        "search": pattern,
        "registered_from": start,
        "registered_to": end,
    }
    if f.min_price is not None:
        params |= _price_bound(f.min_price, "minPrice", ROUND_CEILING)
    if f.max_price is not None:
        params |= _price_bound(f.max_price, "maxPrice", ROUND_FLOOR)
    shape = FilterShape(
        campaign=params["campaign_id"] is not None,
        shop=params["shop_id"] is not None,
        status=params["statuses"] is not None,
        bookmarked=f.bookmarked,
        category=category is not None,
        min_price=f.min_price is not None,
        max_price=f.max_price is not None,
        min_rate=f.min_rate_bps is not None,
        max_rate=f.max_rate_bps is not None,
        search=pattern is not None,
        has_content=f.has_content,
        registered_from=start is not None,
        registered_to=end is not None,
    )
    if shape.status:
        params["now"] = now
    return shape, {name: value for name, value in params.items() if value is not None}


def filtered(shape: FilterShape, principal: Principal | None) -> Select[*tuple[Any, ...]]:
    """The registrations the viewer may see that match a filter of this shape, as the registration's columns.

    The campaign and the product are joined only for a filter that reads them: every registration has both
    (foreign keys), so the join filters nothing, and joined for nothing they cost PostgreSQL a hash of every
    product of the list on each count."""
    stmt: Select[*tuple[Any, ...]] = select(*columns_of(R)).where(row_scope("Registration", principal))
    if shape.status:  # the campaign's end
        stmt = stmt.join(models.Campaign, models.Campaign.id == R.campaign_id)
    if shape.category or shape.min_price or shape.max_price or shape.search:  # the product's own columns
        stmt = stmt.join(P, P.id == R.product_id)
    if shape.campaign:
        stmt = stmt.where(R.campaign_id == bindparam("campaign_id"))
    if shape.shop:
        stmt = stmt.where(R.shop_id == bindparam("shop_id"))
    if shape.status:
        now = bindparam("now", type_=models.Campaign.campaign_end.type)
        stmt = stmt.where(effective_status_sql(now).in_(bindparam("statuses", expanding=True)))
    if shape.bookmarked is not None:
        agency_id = None if principal is None else principal.agency_id
        bookmarked = (
            false()
            if agency_id is None
            else exists().where(
                models.Bookmark.registration_id == R.id, models.Bookmark.agency_id == agency_id
            )
        )
        stmt = stmt.where(bookmarked if shape.bookmarked else ~bookmarked)
    if shape.category:
        stmt = stmt.where(P.category == bindparam("category"))
    if shape.min_price:
        stmt = stmt.where(lowest_price() >= _price_in_currency("minPrice"))
    if shape.max_price:
        stmt = stmt.where(lowest_price() <= _price_in_currency("maxPrice"))
    if shape.min_rate:
        stmt = stmt.where(R.total_rate_bps >= bindparam("min_rate"))
    if shape.max_rate:
        stmt = stmt.where(R.total_rate_bps <= bindparam("max_rate"))
    if shape.search:
        pattern = bindparam("search", type_=P.title.type)
        shops_named = select(models.Organisation.id).where(contains(models.Organisation.name, pattern))
        stmt = stmt.where(or_(contains(P.title, pattern), R.shop_id.in_(shops_named)))
    if shape.has_content is not None:
        posted = exists().where(models.Content.registration_id == R.id)
        stmt = stmt.where(posted if shape.has_content else ~posted)
    if shape.registered_from:
        stmt = stmt.where(R.registered_at >= bindparam("registered_from", type_=R.registered_at.type))
    if shape.registered_to:
        stmt = stmt.where(R.registered_at < bindparam("registered_to", type_=R.registered_at.type))
    return stmt
