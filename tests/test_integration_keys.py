"""Integration API keys: shown once, stored hashed, checked in constant time, refused when revoked or malformed."""

from __future__ import annotations

from sqlalchemy import select, update

from server import models
from server.services import auth
from server.services.unit_of_work import UnitOfWork


async def test_key_authenticates_only_with_its_exact_secret(rt, world) -> None:
    async with UnitOfWork(rt) as uow:
        issued = await auth.create_integration_key(
            uow, organisation_id=world["seller_a"].organisation_id, name="orders"
        )
    key_id, _, secret = issued.api_key.partition(".")
    async with rt.sessionmaker() as s:
        stored = (
            await s.execute(select(models.IntegrationKey).where(models.IntegrationKey.key_id == key_id))
        ).scalar_one()
    assert secret not in stored.secret_hash and len(stored.secret_hash) == 64

    found = await auth.authenticate_integration_key(rt, issued.api_key)
    assert found is not None and found.organisation_id == world["seller_a"].organisation_id
    for bad in (f"{key_id}.{secret[:-1]}x", f"{key_id}.", key_id, f"mk_unknown.{secret}", "", "x" * 300):
        assert await auth.authenticate_integration_key(rt, bad) is None, bad

    async with rt.sessionmaker() as s:
        await s.execute(
            update(models.IntegrationKey)
            .where(models.IntegrationKey.id == stored.id)
            .values(revoked_at=rt.clock.now())
        )
        await s.commit()
    assert await auth.authenticate_integration_key(rt, issued.api_key) is None
