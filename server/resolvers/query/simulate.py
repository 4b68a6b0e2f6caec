"""registrationSimulate (sellers) and productListItemSimulate (agencies): pure reads; refused inputs come back as
userErrors with the input path, like a mutation's."""

from __future__ import annotations

import strawberry

from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.simulator import ProductListItemSimulateInput, RegistrationSimulateItemInput
from server.schema.types.simulator import (
    ProductListItemSimulation,
    ProductListItemSimulationItem,
    RegistrationSimulation,
    RegistrationSimulationItem,
    SimulationErrorCode,
    SimulationUserError,
)
from server.services.errors import DomainError, DomainErrors
from server.services.insight import simulator


async def resolve_registration_simulate(
    info: Info, campaign_id: strawberry.ID, items: list[RegistrationSimulateItemInput]
) -> RegistrationSimulation:
    principal = info.context.principal
    assert principal is not None  # sellers only (policy)
    specs = [
        simulator.SellerItemSpec(
            decode_id(i.product_id, "Product"), i.total_rate_bps, i.sample_quota, i.shop_ads_rate_bps
        )
        for i in items
    ]
    try:
        result = await simulator.simulate_registration(
            info.context.reads, principal, decode_id(campaign_id, "Campaign"), specs
        )
    except (DomainError, DomainErrors) as e:
        return RegistrationSimulation(
            items=[], user_errors=user_errors(e, SimulationUserError, SimulationErrorCode)
        )
    return RegistrationSimulation(items=[RegistrationSimulationItem.of(r) for r in result], user_errors=[])


async def resolve_product_list_item_simulate(
    info: Info, items: list[ProductListItemSimulateInput]
) -> ProductListItemSimulation:
    principal = info.context.principal
    assert principal is not None  # agencies only (policy)
    specs = [
        simulator.AgencyItemSpec(decode_id(i.registration_id, "Registration"), i.creator_rate_bps)
        for i in items
    ]
    try:
        result = await simulator.simulate_creator_rates(info.context.reads, principal, specs)
    except (DomainError, DomainErrors) as e:
        return ProductListItemSimulation(
            items=[], user_errors=user_errors(e, SimulationUserError, SimulationErrorCode)
        )
    return ProductListItemSimulation(
        items=[ProductListItemSimulationItem.of(r) for r in result], user_errors=[]
    )
