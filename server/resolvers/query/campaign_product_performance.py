from __future__ import annotations

import strawberry

from server.models.enums import MARKET_CURRENCY
from server.resolvers.performance_scopes import campaign_scope, page_args
from server.resolvers.query.registration_rows import Shown
from server.schema.context import Info
from server.schema.inputs.performance import ProductPerformanceFilter, ProductPerformanceSort
from server.schema.pagination import Connection
from server.schema.types.common import SortDirection
from server.schema.types.performance import ProductPerformance, check_sort, connection, sort_key
from server.services.performance.campaign import ProductFilter, ProductRow, product_page


async def resolve_campaign_product_performance(
    info: Info,
    campaign_id: strawberry.ID,
    first: int = 20,
    after: str | None = None,
    filter: ProductPerformanceFilter | None = None,  # noqa: A002
    sort: ProductPerformanceSort | None = None,
) -> Connection[ProductPerformance] | None:
    """The campaign's products the viewer may see (a seller: its own), with their figures; null when the campaign
    is not visible. Sorting by a figure the viewer may not see is refused."""
    order = sort or ProductPerformanceSort()
    key = sort_key(order.field)
    cursor = page_args(first, after, by_time=key == "registered_at")
    check_sort(info.context.principal, "ProductPerformance", key)
    scoped = await campaign_scope(info, campaign_id)
    if scoped is None:
        return None
    campaign, scope = scoped
    f = filter or ProductPerformanceFilter()
    # What each row's registration shows is joined into the page's select and primes the loaders, as on the
    # registrations page (registration_rows.py).
    shown = Shown.of(info, "edges", "node", "registration")
    page = await product_page(
        info.context.reads,
        scope,
        ProductFilter(
            statuses=tuple(f.status or ()),
            bookmarked=f.bookmarked,
            category=f.category,
            has_content=f.has_content,
        ),
        sort=key,
        descending=order.direction is SortDirection.DESC,
        first=first,
        after=cursor,
        extend=shown.extend(info.context.principal) if shown.any else None,
        extend_key=shown,
    )
    currency = MARKET_CURRENCY[campaign.market]

    def node(row: ProductRow) -> ProductPerformance:
        return ProductPerformance.of(row, currency, shown.node(info, row.registration, row.shown))

    return connection(page, node, after)
