"""Integration keys for the visibility matrix (tests/schema/test_visibility_matrix.py `connect_tenants_a`): seller
A has a key in use and a revoked one, seller B a key never used, the platform its own key. INTEGRATION_KEYS_EMPTY_BY_
DESIGN says which fields the domain leaves empty."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.auth.tokens import new_integration_key, token_hash
from tests.plugins.api import World

Key = models.IntegrationKey

INTEGRATION_KEYS_EMPTY_BY_DESIGN: dict[tuple[str, str], Select[tuple[int]]] = {
    # A key that never signed a request that was let in; a key that is still active.
    ("IntegrationKey", "lastUsedAt"): select(Key.id).where(Key.last_used_at.is_(None)),
    ("IntegrationKey", "revokedAt"): select(Key.id).where(Key.revoked_at.is_(None)),
}


def _key(organisation_id: int, name: str, created_at: datetime, **fields: datetime) -> models.IntegrationKey:
    key_id, secret = new_integration_key()
    return Key(
        organisation_id=organisation_id,
        name=name,
        key_id=key_id,
        secret_hash=token_hash(secret),
        created_at=created_at,
        **fields,
    )


async def seed_integration_keys(s: AsyncSession, world: World, now: datetime) -> None:
    earlier = now - timedelta(days=30)
    s.add_all(
        [
            _key(world["seller_a"].organisation_id, "Shop platform sync", earlier, last_used_at=now),
            _key(
                world["seller_a"].organisation_id,
                "Old sync",
                earlier - timedelta(days=30),
                last_used_at=earlier,
                revoked_at=earlier,
            ),
            _key(world["seller_b"].organisation_id, "Staging", now),
            _key(world["operator"].organisation_id, "Shop platform (all shops)", earlier, last_used_at=now),
        ]
    )
    await s.flush()
