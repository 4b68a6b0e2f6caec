from __future__ import annotations

import strawberry
from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.ids import decode_id
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.product_list import ProductList
from server.search import contains, contains_pattern


async def resolve_product_lists(
    info: Info,
    first: int = 20,
    after: str | None = None,
    search: str | None = None,
    campaign_id: strawberry.ID | None = None,
) -> Connection[ProductList]:
    """The agency's lists (an operator: all), newest first; `search` matches the name."""
    stmt = select(models.ProductList).where(row_scope("ProductList", info.context.principal))
    if campaign_id is not None:
        stmt = stmt.where(models.ProductList.campaign_id == decode_id(campaign_id, "Campaign"))
    if (pattern := contains_pattern(search)) is not None:
        stmt = stmt.where(contains(models.ProductList.name, pattern))
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.ProductList.created_at,
        pk=models.ProductList.id,
        descending=True,
        first=first,
        after=after,
        wrap=ProductList.from_row,
    )
