from __future__ import annotations

import strawberry

from server.schema.context import Info
from server.schema.ids import decode_id
from server.schema.types.campaign import Campaign


async def resolve_campaign(info: Info, id: strawberry.ID) -> Campaign | None:  # noqa: A002
    """One campaign the viewer may see (its own as an agency, a marketplace one as a seller)."""
    row = await info.context.loaders.campaign_by_id.load(decode_id(id, "Campaign"))
    return None if row is None else Campaign.from_row(row)
