"""Opaque bearer tokens. Only their SHA-256 is stored, so a database leak does not leak sessions."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SESSION_PREFIX = "mus_"
INTEGRATION_PREFIX = "mk_"
SIGNING_PREFIX = "mks_"


def new_session_token() -> str:
    return SESSION_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_session_token(token: str) -> bool:
    return token.startswith(SESSION_PREFIX) and 20 < len(token) < 100


def new_integration_key() -> tuple[str, str]:
    """Returns (key_id, secret). The client authenticates with `<key_id>.<secret>`."""
    return INTEGRATION_PREFIX + secrets.token_hex(8), secrets.token_urlsafe(32)


def signing_secret(server_secret: str, key_id: str) -> str:
    """The secret an integration signs request bodies with (HMAC-SHA256). Derived from the server secret and
    the key id, so it is stored nowhere and never travels with a request; shown once with the key."""
    digest = hmac.new(server_secret.encode(), f"integration-signing:{key_id}".encode(), hashlib.sha256)
    return SIGNING_PREFIX + digest.hexdigest()
