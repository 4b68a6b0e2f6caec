from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from sqlalchemy import ColumnElement, case, exists, false, func, or_, select

from server import models
from server.authz.decisions import row_scope
from server.authz.errors import PublicError
from server.ids import decode_id
from server.models.enums import CURRENCY_EXPONENT, Currency
from server.resolvers.query.registration_filters import registered_between
from server.resolvers.query.registration_rows import Shown
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationFilter, RegistrationSort
from server.schema.pagination import Connection, keyset_page
from server.schema.types.common import SortDirection
from server.schema.types.registration import Registration, RegistrationSortField
from server.search import contains, contains_pattern
from server.services.registration_rules import effective_status_sql

R, P = models.Registration, models.Product
PRICE_FILTER_MAX = Decimal(10) ** 12  # far above any shelf price, far below any integer overflow


class InvalidFilter(PublicError):
    code = "INVALID_FILTER"


def _price_bound(value: str, name: str, rounding: str) -> ColumnElement[int]:
    """A decimal amount as minor units of each row's product currency (a bound between two minor units
    rounds inwards, so the filter never lets in a price outside the range)."""
    try:
        amount = Decimal(value.strip()) if len(value) <= 30 else Decimal("NaN")
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or not 0 <= amount < PRICE_FILTER_MAX:
        raise InvalidFilter(f"filter.{name}: enter a decimal amount such as 12.50", field=f"filter.{name}")
    return case(
        *(
            (P.currency == c, int(amount.scaleb(CURRENCY_EXPONENT[c]).to_integral_value(rounding)))
            for c in Currency
        )
    )


async def resolve_registrations(
    info: Info,
    first: int = 20,
    after: str | None = None,
    filter: RegistrationFilter | None = None,  # noqa: A002
    sort: RegistrationSort | None = None,
) -> Connection[Registration]:
    """An agency's campaigns' registrations, a seller's own ("my registrations"), all for an operator."""
    principal = info.context.principal
    f = filter or RegistrationFilter()
    order = sort or RegistrationSort()
    # The lowest SKU price of each listed product, read through the SKU index per row (a grouped subquery over
    # every SKU would aggregate the whole catalogue on every page).
    price = (
        select(func.min(models.Sku.price_minor))
        .where(models.Sku.product_id == R.product_id)
        .scalar_subquery()
    )
    stmt = (
        select(R)
        .join(models.Campaign, models.Campaign.id == R.campaign_id)
        .join(P, P.id == R.product_id)
        .where(row_scope("Registration", principal))
    )
    if f.campaign_id is not None:
        stmt = stmt.where(R.campaign_id == decode_id(f.campaign_id, "Campaign"))
    if f.shop_id is not None:
        stmt = stmt.where(R.shop_id == decode_id(f.shop_id, "Shop"))
    if f.status:
        stmt = stmt.where(effective_status_sql(info.context.rt.clock.now()).in_([s.value for s in f.status]))
    if f.bookmarked is not None:
        agency_id = None if principal is None else principal.agency_id
        bookmarked = (
            false()
            if agency_id is None
            else exists().where(
                models.Bookmark.registration_id == R.id, models.Bookmark.agency_id == agency_id
            )
        )
        stmt = stmt.where(bookmarked if f.bookmarked else ~bookmarked)
    if f.category:
        stmt = stmt.where(P.category == f.category.strip())
    if f.min_price is not None:
        stmt = stmt.where(price >= _price_bound(f.min_price, "minPrice", ROUND_CEILING))
    if f.max_price is not None:
        stmt = stmt.where(price <= _price_bound(f.max_price, "maxPrice", ROUND_FLOOR))
    if f.min_rate_bps is not None:
        stmt = stmt.where(R.total_rate_bps >= f.min_rate_bps)
    if f.max_rate_bps is not None:
        stmt = stmt.where(R.total_rate_bps <= f.max_rate_bps)
    if (pattern := contains_pattern(f.search)) is not None:
        shops_named = select(models.Organisation.id).where(contains(models.Organisation.name, pattern))
        stmt = stmt.where(or_(contains(P.title, pattern), R.shop_id.in_(shops_named)))
    if f.has_content is not None:
        posted = exists().where(models.Content.registration_id == R.id)
        stmt = stmt.where(posted if f.has_content else ~posted)
    stmt = stmt.where(*registered_between(f.registered_from, f.registered_to))
    sort_key = {
        RegistrationSortField.REGISTERED_AT: R.registered_at,
        RegistrationSortField.TOTAL_RATE: R.total_rate_bps,
        RegistrationSortField.PRICE: price,
    }[order.field]
    # What each row shows is read by the page's own select and primes the loaders (registration_rows.py).
    shown = Shown.of(info)
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=sort_key,
        pk=R.id,
        descending=order.direction is SortDirection.DESC,
        first=first,
        after=after,
        wrap=lambda values: Registration.from_row(shown.prime(info, values)),
        page=shown.extend(principal) if shown.any else None,
    )
