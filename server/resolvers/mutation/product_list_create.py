from __future__ import annotations

from server.resolvers.inputs import input_id, principal_of
from server.resolvers.product_list_inputs import item_specs, list_payload
from server.schema.context import Info
from server.schema.inputs.product_lists import ProductListCreateInput
from server.schema.types.product_list import ProductListPayload
from server.services import product_lists


async def resolve_product_list_create(info: Info, input: ProductListCreateInput) -> ProductListPayload:  # noqa: A002
    return await list_payload(
        lambda: product_lists.create_list(
            info.context.rt,
            principal_of(info),
            campaign_id=input_id(input.campaign_id, "Campaign", ["input", "campaignId"]),
            name=input.name,
            items=item_specs(input.items, ["input", "items"]),
        )
    )
