from __future__ import annotations

import strawberry

from server.ids import decode_id
from server.schema.context import Info
from server.schema.types.orders import OrderLine


async def resolve_order_line(info: Info, id: strawberry.ID) -> OrderLine | None:  # noqa: A002
    view = await info.context.loaders.orders.line_by_id.load(decode_id(id, "OrderLine"))
    return None if view is None else OrderLine.from_view(view)
