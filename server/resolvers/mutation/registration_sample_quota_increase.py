from __future__ import annotations

from server.resolvers.registration_results import registration_payload
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationSampleQuotaIncreaseInput
from server.schema.types.registration import RegistrationPayload
from server.services import registrations


async def resolve_registration_sample_quota_increase(
    info: Info,
    input: RegistrationSampleQuotaIncreaseInput,  # noqa: A002
) -> RegistrationPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only sellers in
    return await registration_payload(
        input.id,
        lambda pk: registrations.increase_sample_quota(info.context.rt, principal, pk, input.sample_quota),
    )
