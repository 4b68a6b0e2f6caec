from __future__ import annotations

from server.schema.context import Info
from server.schema.pagination import Connection
from server.schema.types.catalogue import Product, products_connection


async def resolve_products(
    info: Info,
    first: int = 20,
    after: str | None = None,
    search: str | None = None,
) -> Connection[Product]:
    """Products the viewer may see: a seller's own catalogue, an agency's registered products, and so on."""
    return await products_connection(info, shop_id=None, first=first, after=after, search=search)
