"""Integration keys: what a shop's order integration authenticates with (docs/integrations-orders.md)."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server import models
from server.ids import encode_id
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.types.common import Node
from server.schema.types.tenants import Organisation


@strawberry.type(
    description="A machine credential that pushes orders to POST /integrations/orders. Its secret and signing "
    "secret are shown once, in integrationKeyCreate's payload, and can never be read again."
)
class IntegrationKey(Node):
    pk: strawberry.Private[int]
    organisation_pk: strawberry.Private[int]
    name: str
    key_id: str = strawberry.field(
        description="The key's public part (`mk_…`): the text before the dot in X-Matchup-Key. Not a secret."
    )
    created_at: datetime
    last_used_at: datetime | None = strawberry.field(
        description="When a request signed with the key was last let in (to the minute); null if never."
    )
    revoked_at: datetime | None = strawberry.field(description="Set when revoked; a revoked key is refused.")

    @classmethod
    def from_row(cls, row: models.IntegrationKey) -> IntegrationKey:
        return cls(
            id=encode_id("IntegrationKey", row.id),
            pk=row.id,
            organisation_pk=row.organisation_id,
            name=row.name,
            key_id=row.key_id,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            revoked_at=row.revoked_at,
        )

    @strawberry.field(description="Whose orders the key pushes: a shop, or the platform (any shop's).")
    async def organisation(self, info: Info) -> Organisation | None:
        row = await info.context.loaders.organisation_by_id.load(self.organisation_pk)
        return None if row is None else Organisation.from_row(row)


@strawberry.enum
class IntegrationKeyErrorCode(enum.StrEnum):
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    TOO_MANY = "TOO_MANY"
    NOT_FOUND = "NOT_FOUND"
    ALREADY_REVOKED = "ALREADY_REVOKED"


@strawberry.type
class IntegrationKeyUserError(UserError):
    code: IntegrationKeyErrorCode


@strawberry.type(description="The new key, with its two secrets in clear: shown this once, never again.")
class IntegrationKeyCreatePayload:
    integration_key: IntegrationKey | None
    api_key: str | None = strawberry.field(
        description="The whole key, `<keyId>.<secret>`: send it in X-Matchup-Key. Stored hashed; not readable again."
    )
    signing_secret: str | None = strawberry.field(
        description="`mks_…`: the HMAC-SHA256 key for X-Matchup-Signature. Never sent with a request; not readable "
        "again."
    )
    user_errors: list[IntegrationKeyUserError]


@strawberry.type
class IntegrationKeyPayload:
    integration_key: IntegrationKey | None
    user_errors: list[IntegrationKeyUserError]
