from __future__ import annotations

from server.resolvers.registration_results import registration_payload
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationCancellationRequestInput
from server.schema.types.registration import RegistrationPayload
from server.services import registrations


async def resolve_registration_cancellation_request(
    info: Info,
    input: RegistrationCancellationRequestInput,  # noqa: A002
) -> RegistrationPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only sellers in
    return await registration_payload(
        input.id, lambda pk: registrations.request_cancellation(info.context.rt, principal, pk, input.reason)
    )
