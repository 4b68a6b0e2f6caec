from __future__ import annotations

from server.ids import decode_id
from server.resolvers.registration_results import pk_or_none, registration_errors
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationCreateInput
from server.schema.types.registration import Registration, RegistrationCreatePayload, RegistrationItemResult
from server.services import registrations
from server.services.errors import DomainError


async def resolve_registration_create(
    info: Info,
    input: RegistrationCreateInput,  # noqa: A002
) -> RegistrationCreatePayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only sellers in
    items = [
        registrations.ItemSpec(
            product_id=pk_or_none(item.product_id, "Product"),
            total_rate_bps=item.total_rate_bps,
            sample_quota=item.sample_quota,
            shop_ads_rate_bps=item.shop_ads_rate_bps,
        )
        for item in input.items
    ]
    try:
        outcome = await registrations.create(
            info.context.rt,
            principal,
            campaign_id=decode_id(input.campaign_id, "Campaign"),
            items=items,
            contact_email=input.contact_email,
            contact_whatsapp=input.contact_whatsapp,
        )
    except DomainError as error:
        return RegistrationCreatePayload(
            registrations=[], results=[], user_errors=registration_errors([error])
        )
    return RegistrationCreatePayload(
        registrations=[Registration.from_row(row) for row in outcome.created],
        results=[
            RegistrationItemResult(
                index=item.index,
                product_id=input.items[item.index].product_id,
                registration=None if item.registration is None else Registration.from_row(item.registration),
                user_errors=registration_errors(item.errors),
            )
            for item in outcome.items
        ],
        user_errors=[],
    )
