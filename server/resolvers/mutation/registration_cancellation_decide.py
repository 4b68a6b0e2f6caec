from __future__ import annotations

from server.resolvers.registration_results import registration_payload
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationCancellationDecideInput
from server.schema.types.registration import RegistrationPayload
from server.services import registrations


async def resolve_registration_cancellation_decide(
    info: Info,
    input: RegistrationCancellationDecideInput,  # noqa: A002
) -> RegistrationPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    return await registration_payload(
        input.id,
        lambda pk: registrations.decide_cancellation(
            info.context.rt, principal, pk, approve=input.approve, note=input.note
        ),
    )
