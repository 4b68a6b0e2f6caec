"""Integration keys as a product feature: a seller issues keys for its shop's order pushes and revokes them; the
operator may revoke any key (a leaked one). The key and its signing secret exist in clear only in what
`issue_integration_key` returns (docs/integrations-orders.md): the key is stored hashed, the secret derived."""

from __future__ import annotations

from sqlalchemy import func, select, update

from server import models
from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.db import count_of, rowcount
from server.runtime import Runtime
from server.services import audit
from server.services.auth import IssuedIntegrationKey, create_integration_key
from server.services.errors import DomainError, not_found
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork

NAME_MAX = 80  # the column's length
ACTIVE_KEYS_PER_SHOP = 20


def check_key_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise DomainError(
            "REQUIRED", "Name the key after what will use it, e.g. “Shop platform sync”", ["input", "name"]
        )
    if len(name) > NAME_MAX:
        raise DomainError(
            "TOO_LONG", f"Use at most {NAME_MAX} characters ({len(name)} now)", ["input", "name"]
        )
    return name


async def issue_integration_key(rt: Runtime, principal: Principal, *, name: str) -> IssuedIntegrationKey:
    """A new key for the seller's shop: it pushes that shop's orders only."""
    shop_id = principal.shop_id
    if shop_id is None:  # the policy gate lets only sellers in
        raise not_found("Shop")
    name = check_key_name(name)
    async with UnitOfWork(rt) as uow:
        s = uow.session
        # The shop row is locked (PostgreSQL) and the insert comes before the count (SQLite: the insert takes the
        # write lock), so two concurrent creates can never both pass the limit.
        await s.execute(
            select(models.Shop.organisation_id)
            .where(models.Shop.organisation_id == shop_id)
            .with_for_update()
        )
        issued = await create_integration_key(uow, organisation_id=shop_id, name=name)
        active = await count_of(
            s,
            select(func.count()).where(
                models.IntegrationKey.organisation_id == shop_id, models.IntegrationKey.revoked_at.is_(None)
            ),
        )
        if active > ACTIVE_KEYS_PER_SHOP:
            raise DomainError(
                "TOO_MANY",
                f"A shop has at most {ACTIVE_KEYS_PER_SHOP} active keys: revoke one you no longer use",
                ["input", "name"],
            )
        audit.record(
            uow,
            principal,
            subject_type="IntegrationKey",
            subject_id=issued.key.id,
            action="integration_key.create",
            changes={"name": [None, name]},
        )
        await notify(
            uow,
            recipient_organisation_id=shop_id,
            kind="SECURITY_INTEGRATION_KEY_CREATED",
            title="Integration key created",
            body=f"A new integration key “{name}” ({issued.key.key_id}) can now push your shop's orders.",
            subject_type="IntegrationKey",
            subject_id=issued.key.id,
            params={"name": name, "keyId": issued.key.key_id},
        )
    return issued


async def revoke_integration_key(rt: Runtime, principal: Principal, *, key_id: int) -> models.IntegrationKey:
    """Revoked at once: requests signed with it are refused (401 UNKNOWN_KEY). Whoever sees the key may revoke it
    (its shop; the operator any key)."""
    async with UnitOfWork(rt) as uow:
        s = uow.session
        key = await s.scalar(
            select(models.IntegrationKey).where(
                models.IntegrationKey.id == key_id, row_scope("IntegrationKey", principal)
            )
        )
        if key is None:
            raise not_found("Integration key", ["input", "id"])
        now = rt.clock.now()
        # Conditional, so two concurrent revokes cannot both succeed; the loaded key is updated in place.
        result = await s.execute(
            update(models.IntegrationKey)
            .where(models.IntegrationKey.id == key.id, models.IntegrationKey.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        if rowcount(result) == 0:
            raise DomainError("ALREADY_REVOKED", "This key is already revoked", ["input", "id"])
        audit.record(
            uow, principal, subject_type="IntegrationKey", subject_id=key.id, action="integration_key.revoke"
        )
        by_matchup = key.organisation_id != principal.organisation_id
        await notify(
            uow,
            recipient_organisation_id=key.organisation_id,
            kind="SECURITY_INTEGRATION_KEY_REVOKED",
            title="Integration key revoked",
            body=f"{'Matchup revoked' if by_matchup else 'Revoked'}: “{key.name}” ({key.key_id}) can no longer push "
            "orders. Issue a new key if you still need one.",
            subject_type="IntegrationKey",
            subject_id=key.id,
            params={"name": key.name, "keyId": key.key_id, "byMatchup": "yes" if by_matchup else "no"},
        )
    return key
