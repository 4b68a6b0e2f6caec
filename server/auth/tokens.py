"""Opaque bearer tokens. Only their SHA-256 is stored, so a database leak does not leak sessions."""

from __future__ import annotations

import hashlib
import secrets

SESSION_PREFIX = "mus_"
INTEGRATION_PREFIX = "mk_"


def new_session_token() -> str:
    return SESSION_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_session_token(token: str) -> bool:
    return token.startswith(SESSION_PREFIX) and 20 < len(token) < 100


def new_integration_key() -> tuple[str, str]:
    """Returns (key_id, secret). The client authenticates with `<key_id>.<secret>`."""
    return INTEGRATION_PREFIX + secrets.token_hex(8), secrets.token_urlsafe(32)

