from __future__ import annotations

from server.resolvers.inputs import input_id, principal_of
from server.resolvers.product_list_inputs import errors_of
from server.schema.context import Info
from server.schema.inputs.product_lists import ShareLinkCreateInput
from server.schema.types.product_list import ShareLink, ShareLinkPayload
from server.services import product_lists
from server.services.errors import DomainError


async def resolve_share_link_create(info: Info, input: ShareLinkCreateInput) -> ShareLinkPayload:  # noqa: A002
    try:
        row = await product_lists.create_share_link(
            info.context.rt,
            principal_of(info),
            list_id=input_id(input.list_id, "ProductList", ["input", "listId"]),
        )
    except DomainError as error:
        return ShareLinkPayload(share_link=None, user_errors=errors_of(error))
    return ShareLinkPayload(share_link=ShareLink.from_row(row), user_errors=[])
