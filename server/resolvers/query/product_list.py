from __future__ import annotations

import strawberry

from server.ids import decode_id
from server.schema.context import Info
from server.schema.types.product_list import ProductList


async def resolve_product_list(info: Info, id: strawberry.ID) -> ProductList | None:  # noqa: A002
    """One of the agency's lists; null when it does not exist or belongs to another agency."""
    row = await info.context.loaders.product_list_by_id.load(decode_id(id, "ProductList"))
    return None if row is None else ProductList.from_row(row)
