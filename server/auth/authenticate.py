"""Token → Principal. Reads the session cookie, the Authorization header or websocket connectionParams."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select

from server import models
from server.auth.principal import Principal
from server.auth.principal_cache import PrincipalCache
from server.auth.tokens import looks_like_session_token, token_hash
from server.models.enums import KIND_ROLE
from server.runtime import Runtime


def token_from_headers(headers: Any, cookies: Any, cookie_name: str) -> str | None:
    auth = headers.get("authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    return cookies.get(cookie_name) or None


def token_from_connection_params(params: Any) -> str | None:
    if not isinstance(params, dict):
        return None
    for key in ("token", "authToken", "authorization", "Authorization"):
        value = params.get(key)
        if isinstance(value, str) and value:
            return value.removeprefix("Bearer ").strip()
    return None


# Built once at import: a request only binds the token hash and the time (no statement construction, no ORM
# entity to hydrate; the compiled form is cached under this statement's cache key, itself computed once).
_SESSION_LOOKUP = (
    select(
        models.UserSession.id,
        models.UserSession.user_id,
        models.UserSession.expires_at,
        models.Membership.organisation_id,
        models.Organisation.kind,
    )
    .join(models.User, models.User.id == models.UserSession.user_id)
    .join(models.Membership, models.Membership.user_id == models.User.id)
    .join(models.Organisation, models.Organisation.id == models.Membership.organisation_id)
    .where(
        models.UserSession.token_hash == bindparam("token_hash"),
        models.UserSession.revoked_at.is_(None),
        models.UserSession.expires_at > bindparam("now", type_=models.UserSession.expires_at.type),
        models.User.deleted_at.is_(None),
        models.Organisation.deleted_at.is_(None),
    )
)


async def principal_for_token(
    rt: Runtime, token: str | None, cache: PrincipalCache | None = None
) -> Principal | None:
    """None for a missing, malformed, unknown, expired or revoked token, or a deleted user/organisation. With a
    cache, a token verified a moment ago is answered from it (server/auth/principal_cache.py)."""
    if not token or not looks_like_session_token(token):
        return None
    hashed, now = token_hash(token), rt.clock.now()
    generation = 0
    if cache is not None:
        if (cached := cache.get(hashed, now)) is not None:
            return cached
        generation = cache.generation
    async with rt.sessionmaker() as session:
        row = (await session.execute(_SESSION_LOOKUP, {"token_hash": hashed, "now": now})).first()
    if row is None:
        return None
    session_id, user_id, expires_at, organisation_id, kind = row
    principal = Principal(
        user_id=user_id,
        role=KIND_ROLE[kind],
        organisation_id=organisation_id,
        session_id=session_id,
        expires_at=expires_at,
    )
    if cache is not None:
        cache.put(hashed, principal, now, generation)
    return principal
