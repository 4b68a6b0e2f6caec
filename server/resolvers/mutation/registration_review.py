from __future__ import annotations

from server.resolvers.registration_results import pk_or_none, registration_errors
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationReviewInput
from server.schema.types.registration import Registration, RegistrationReviewPayload, RegistrationReviewResult
from server.services import registrations
from server.services.errors import DomainError


async def resolve_registration_review(
    info: Info,
    input: RegistrationReviewInput,  # noqa: A002
) -> RegistrationReviewPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        outcomes = await registrations.review(
            info.context.rt, principal, ids=[pk_or_none(i, "Registration") for i in input.ids],
            decision=input.decision, reason=input.reason, note=input.note,
        )
    except DomainError as error:
        return RegistrationReviewPayload(results=[], user_errors=registration_errors([error]))
    return RegistrationReviewPayload(
        results=[
            RegistrationReviewResult(
                id=input.ids[outcome.index],
                registration=None if outcome.registration is None else Registration.from_row(outcome.registration),
                user_errors=registration_errors(outcome.errors),
            )
            for outcome in outcomes
        ],
        user_errors=[],
    )
