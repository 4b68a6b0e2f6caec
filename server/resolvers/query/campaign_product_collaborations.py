from __future__ import annotations

import strawberry

from server.ids import decode_id
from server.models.enums import MARKET_CURRENCY
from server.resolvers.performance_scopes import campaign_scope, page_args
from server.schema.context import Info
from server.schema.inputs.performance import CreatorCollaborationSort
from server.schema.pagination import Connection
from server.schema.types.common import SortDirection
from server.schema.types.performance import CreatorCollaboration, check_sort, connection, sort_key
from server.services.performance.collaborations import collaboration_page


async def resolve_campaign_product_collaborations(
    info: Info,
    registration_id: strawberry.ID,
    first: int = 20,
    after: str | None = None,
    sort: CreatorCollaborationSort | None = None,
) -> Connection[CreatorCollaboration] | None:
    """Each creator's progress and figures on one registered product (agencies and the operator); null when the
    registration is not visible."""
    cursor = page_args(first, after)
    order = sort or CreatorCollaborationSort()
    key = sort_key(order.field)
    check_sort(info.context.principal, "CreatorCollaboration", key)
    pk = decode_id(registration_id, "Registration")
    registration = await info.context.loaders.registration_by_id.load(pk)
    if registration is None:
        return None
    scoped = await campaign_scope(info, registration.campaign_id)
    if scoped is None:
        return None
    campaign, scope = scoped
    page = await collaboration_page(
        info.context.reads,
        scope,
        pk,
        sort=key,
        descending=order.direction is SortDirection.DESC,
        first=first,
        after=cursor,
    )
    currency = MARKET_CURRENCY[campaign.market]
    return connection(page, lambda row: CreatorCollaboration.of(row, currency), after)
