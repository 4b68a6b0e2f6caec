from __future__ import annotations

from functools import partial

from server.resolvers.registration_results import registration_payload
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationIdInput
from server.schema.types.registration import RegistrationPayload
from server.services import registrations


async def resolve_registration_withdraw(info: Info, input: RegistrationIdInput) -> RegistrationPayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only sellers in
    return await registration_payload(input.id, partial(registrations.withdraw, info.context.rt, principal))
