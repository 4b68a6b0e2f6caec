from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.integration_keys import IntegrationKeyRevokeInput
from server.schema.types.integration_key import (
    IntegrationKey,
    IntegrationKeyErrorCode,
    IntegrationKeyPayload,
    IntegrationKeyUserError,
)
from server.services import integration_keys
from server.services.errors import DomainError, not_found


async def resolve_integration_key_revoke(
    info: Info,
    input: IntegrationKeyRevokeInput,  # noqa: A002
) -> IntegrationKeyPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only sellers and the operator in
    try:
        try:
            key_id = decode_id(input.id, "IntegrationKey")
        except InvalidId:
            raise not_found("Integration key", ["input", "id"]) from None
        row = await integration_keys.revoke_integration_key(info.context.rt, principal, key_id=key_id)
    except DomainError as error:
        return IntegrationKeyPayload(
            integration_key=None,
            user_errors=user_errors(error, IntegrationKeyUserError, IntegrationKeyErrorCode),
        )
    return IntegrationKeyPayload(integration_key=IntegrationKey.from_row(row), user_errors=[])
