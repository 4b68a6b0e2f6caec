"""Login, logout, accounts and integration keys."""

from __future__ import annotations

import asyncio
import hmac
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update

from server import models
from server.auth.passwords import hash_password, verify_password
from server.auth.principal import Principal
from server.auth.tokens import new_integration_key, new_session_token, signing_secret, token_hash
from server.models.enums import KIND_ROLE, MemberRole
from server.runtime import Runtime
from server.services import login_throttle, sessions
from server.services.errors import DomainError
from server.services.unit_of_work import UnitOfWork

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$")
INVALID_CREDENTIALS = "Email or password is incorrect"
LAST_USED_RESOLUTION = timedelta(minutes=1)


def normalise_email(email: str) -> str:
    return email.strip().lower()


@dataclass(slots=True)
class LoginResult:
    principal: Principal
    token: str


async def login(
    rt: Runtime, *, email: str, password: str, client_ip: str | None, user_agent: str | None
) -> LoginResult:
    email = normalise_email(email)
    if not email:
        raise DomainError("REQUIRED", "Enter your email", ["input", "email"])
    if not password:
        raise DomainError("REQUIRED", "Enter your password", ["input", "password"])
    if len(email) > 254 or len(password) > 1024:
        raise DomainError("INVALID_CREDENTIALS", INVALID_CREDENTIALS, ["input", "password"])
    now = rt.clock.now()
    # Takes this attempt's slot (or refuses) before any password is hashed: see login_throttle.
    await login_throttle.reserve_attempt(rt, email=email, client_ip=client_ip)
    async with rt.sessionmaker() as s:
        row = (
            await s.execute(
                select(models.User, models.Membership.organisation_id, models.Organisation.kind)
                .join(models.Membership, models.Membership.user_id == models.User.id)
                .join(models.Organisation, models.Organisation.id == models.Membership.organisation_id)
                .where(
                    models.User.email == email,
                    models.User.deleted_at.is_(None),
                    models.Organisation.deleted_at.is_(None),
                )
            )
        ).first()
    # argon2 is slow on purpose: keep it off the event loop.
    valid = await asyncio.to_thread(verify_password, row[0].password_hash if row else None, password)
    if not valid or row is None:
        # The attempt's row stays: it is the failure.
        raise DomainError("INVALID_CREDENTIALS", INVALID_CREDENTIALS, ["input", "password"])
    async with UnitOfWork(rt) as uow:
        s = uow.session
        user, organisation_id, kind = row
        # This attempt's row and the email's earlier failures: a good password resets the email's count.
        await s.execute(delete(models.LoginFailure).where(models.LoginFailure.email == email))
        token = new_session_token()
        session_row = models.UserSession(
            user_id=user.id,
            token_hash=token_hash(token),
            expires_at=now + timedelta(hours=rt.settings.session_ttl_hours),
            user_agent=(user_agent or "")[:300] or None,
            created_at=now,
        )
        s.add(session_row)
        await s.flush()
        # A sign-in notifies no one: every member of the organisation would see one per login of anyone.
        principal = Principal(
            user_id=user.id,
            role=KIND_ROLE[kind],
            organisation_id=organisation_id,
            session_id=session_row.id,
            expires_at=session_row.expires_at,
        )
    return LoginResult(principal=principal, token=token)


async def logout(rt: Runtime, principal: Principal | None) -> bool:
    if principal is None or principal.session_id is None:
        return False
    # Revoked and announced: the session's open websockets are closed on every process.
    await sessions.revoke_sessions(rt, session_ids=[principal.session_id])
    return True


async def create_user(
    uow: UnitOfWork,
    *,
    organisation_id: int,
    email: str,
    password: str,
    full_name: str,
    member_role: MemberRole = MemberRole.MEMBER,
    password_hash: str | None = None,
) -> models.User:
    """`password_hash` may carry a precomputed argon2 hash of `password` (bulk loads of one shared password)."""
    email = normalise_email(email)
    if not EMAIL_RE.match(email):
        raise DomainError("INVALID", "Enter a valid email address", ["input", "email"])
    if len(password) < 8:
        raise DomainError("TOO_SHORT", "Password must be at least 8 characters", ["input", "password"])
    if password_hash is not None and not verify_password(password_hash, password):
        raise ValueError("password_hash is not a hash of password")
    now = uow.rt.clock.now()
    user = models.User(
        email=email,
        password_hash=password_hash or hash_password(password),
        full_name=full_name,
        created_at=now,
    )
    uow.session.add(user)
    await uow.session.flush()
    uow.session.add(
        models.Membership(
            user_id=user.id, organisation_id=organisation_id, member_role=member_role, created_at=now
        )
    )
    await uow.session.flush()
    return user


@dataclass(slots=True)
class IssuedIntegrationKey:
    key: models.IntegrationKey
    api_key: str  # shown once: "<key_id>.<secret>"
    signing_secret: str  # shown once: the HMAC key for request signatures (docs/integrations-orders.md)


async def create_integration_key(uow: UnitOfWork, *, organisation_id: int, name: str) -> IssuedIntegrationKey:
    key_id, secret = new_integration_key()
    key = models.IntegrationKey(
        organisation_id=organisation_id,
        name=name,
        key_id=key_id,
        secret_hash=token_hash(secret),
        created_at=uow.rt.clock.now(),
    )
    uow.session.add(key)
    await uow.session.flush()
    return IssuedIntegrationKey(
        key=key,
        api_key=f"{key_id}.{secret}",
        signing_secret=signing_secret(uow.rt.settings.secret_key.get_secret_value(), key_id),
    )


async def authenticate_integration_key(rt: Runtime, api_key: str) -> models.IntegrationKey | None:
    key_id, _, secret = api_key.partition(".")
    if not key_id or not secret or len(api_key) > 200:
        return None
    async with rt.sessionmaker() as s:
        key = (
            await s.execute(
                select(models.IntegrationKey).where(
                    models.IntegrationKey.key_id == key_id, models.IntegrationKey.revoked_at.is_(None)
                )
            )
        ).scalar_one_or_none()
    # The secret is 256 random bits, so a SHA-256 (compared in constant time) is enough; argon2 is for passwords.
    if key is None or not hmac.compare_digest(key.secret_hash, token_hash(secret)):
        return None
    return key


async def touch_integration_key(rt: Runtime, key: models.IntegrationKey) -> None:
    """Records when the key last signed a request that was let in, to the minute: at most one write a minute per
    key, so a busy integration does not write on every request."""
    now = rt.clock.now()
    stale = now - LAST_USED_RESOLUTION
    if key.last_used_at is not None and key.last_used_at > stale:
        return
    async with UnitOfWork(rt) as uow:
        await uow.session.execute(
            update(models.IntegrationKey)
            .where(
                models.IntegrationKey.id == key.id,
                models.IntegrationKey.last_used_at.is_(None) | (models.IntegrationKey.last_used_at <= stale),
            )
            .values(last_used_at=now)
        )
