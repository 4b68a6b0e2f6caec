from __future__ import annotations

from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.integration_keys import IntegrationKeyCreateInput
from server.schema.types.integration_key import (
    IntegrationKey,
    IntegrationKeyCreatePayload,
    IntegrationKeyErrorCode,
    IntegrationKeyUserError,
)
from server.services import integration_keys
from server.services.errors import DomainError


async def resolve_integration_key_create(
    info: Info,
    input: IntegrationKeyCreateInput,  # noqa: A002
) -> IntegrationKeyCreatePayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only sellers in
    try:
        issued = await integration_keys.issue_integration_key(info.context.rt, principal, name=input.name)
    except DomainError as error:
        return IntegrationKeyCreatePayload(
            integration_key=None,
            api_key=None,
            signing_secret=None,
            user_errors=user_errors(error, IntegrationKeyUserError, IntegrationKeyErrorCode),
        )
    return IntegrationKeyCreatePayload(
        integration_key=IntegrationKey.from_row(issued.key),
        api_key=issued.api_key,
        signing_secret=issued.signing_secret,
        user_errors=[],
    )
