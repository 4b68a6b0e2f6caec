from __future__ import annotations

import strawberry

from server.ids import decode_id
from server.schema.context import Info
from server.schema.types.campaign import Campaign
from server.services import campaigns


async def resolve_campaign(info: Info, id: strawberry.ID) -> Campaign | None:  # noqa: A002
    """One campaign the viewer may see (its own as an agency, a marketplace one as a seller), with its effective
    values: a pending change that fell due is applied first."""
    pk = decode_id(id, "Campaign")
    await campaigns.apply_due_pending_changes(info.context.rt, campaign_id=pk)
    row = await info.context.loaders.campaign_by_id.load(pk)
    return None if row is None else Campaign.from_row(row)
