from __future__ import annotations

from server.resolvers.registration_results import batch_payload
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationReviewInput
from server.schema.types.registration import RegistrationReviewPayload
from server.services import registrations


async def resolve_registration_review(
    info: Info,
    input: RegistrationReviewInput,  # noqa: A002
) -> RegistrationReviewPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    return await batch_payload(
        input.ids,
        lambda pks: registrations.review(
            info.context.rt, principal, ids=pks, decision=input.decision, reason=input.reason, note=input.note
        ),
    )
