from __future__ import annotations

from server.resolvers.registration_results import batch_payload
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationCancellationsDecideInput
from server.schema.types.registration import RegistrationReviewPayload
from server.services import cancellation_decisions


async def resolve_registration_cancellations_decide(
    info: Info,
    input: RegistrationCancellationsDecideInput,  # noqa: A002
) -> RegistrationReviewPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    return await batch_payload(
        input.ids,
        lambda pks: cancellation_decisions.decide_many(
            info.context.rt, principal, pks, approve=input.approve, note=input.note
        ),
    )
