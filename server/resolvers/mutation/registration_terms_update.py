from __future__ import annotations

from server.resolvers.registration_results import registration_errors, registration_payload
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationTermsUpdateInput
from server.schema.types.registration import RegistrationPayload
from server.services import registration_terms
from server.services.errors import DomainErrors


async def resolve_registration_terms_update(
    info: Info,
    input: RegistrationTermsUpdateInput,  # noqa: A002
) -> RegistrationPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only sellers in
    data = registration_terms.TermsInput(
        total_rate_bps=input.total_rate_bps,
        sample_quota=input.sample_quota,
        shop_ads_rate_bps=input.shop_ads_rate_bps,
        clear_shop_ads_rate=input.clear_shop_ads_rate,
        contact_email=input.contact_email,
        contact_whatsapp=input.contact_whatsapp,
        clear_contact_whatsapp=input.clear_contact_whatsapp,
    )
    try:
        return await registration_payload(
            input.id, lambda pk: registration_terms.update_terms(info.context.rt, principal, pk, data)
        )
    except DomainErrors as errors:
        return RegistrationPayload(registration=None, user_errors=registration_errors(errors.errors))
