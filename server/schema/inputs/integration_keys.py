"""Integration key inputs (create, revoke)."""

from __future__ import annotations

import strawberry


@strawberry.input
class IntegrationKeyCreateInput:
    name: str = strawberry.field(
        description="What will use the key, 1–80 characters (e.g. “Shop platform sync”)."
    )


@strawberry.input
class IntegrationKeyRevokeInput:
    id: strawberry.ID
