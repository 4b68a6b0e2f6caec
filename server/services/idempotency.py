"""Idempotency keys with Stripe's semantics, for any request a signed-in user sends with `Idempotency-Key`.

- The first request with a key claims it (a row, unique per user and key) and runs; its answer is stored.
- The same key with the same body (hashed canonically) gets that answer again, without running anything.
- The same key with another body: IdempotencyKeyReused.
- The same key while the first request still runs: waits up to `idempotency_wait_seconds` for its answer,
  then IdempotencyKeyInUse.
- An answer that did not run (no `data`: refused before execution, over a limit, a server fault) is not kept:
  the key is released and a retry runs.
- Keys expire after `idempotency_key_ttl_hours`; the sweeper deletes them (`prune_expired_keys`).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from server import models
from server.db import rowcount
from server.runtime import Runtime
from server.services.unit_of_work import UnitOfWork

MAX_KEY_LENGTH = 255
POLL_SECONDS = 0.05


class IdempotencyKeyReused(Exception):
    """The key was first used with another request body."""


class IdempotencyKeyInUse(Exception):
    """The first request with this key is still running."""


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    status_code: int
    body: str
    content_type: str | None


def key_problem(key: str) -> str | None:
    """Why a header value is not a valid key (None when it is): 1–255 visible ASCII characters."""
    if not key:
        return "must not be empty"
    if len(key) > MAX_KEY_LENGTH:
        return f"is {len(key)} characters long; the limit is {MAX_KEY_LENGTH}"
    if any(not ("!" <= ch <= "~") for ch in key):
        return "may only contain visible ASCII characters (no spaces, no non-ASCII)"
    return None


def request_hash(body: bytes) -> str:
    """SHA-256 of the body, canonical when it is JSON (key order and spacing do not matter)."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = body
    return hashlib.sha256(canonical).hexdigest()


async def claim(rt: Runtime, *, user_id: int, key: str, body_hash: str) -> StoredAnswer | None:
    """None: the key is this request's, run it (then `complete` or `release`). A StoredAnswer: replay it."""
    K = models.IdempotencyKey
    deadline = asyncio.get_running_loop().time() + rt.settings.idempotency_wait_seconds
    while True:
        now = rt.clock.now()
        try:
            async with UnitOfWork(rt) as uow:
                uow.session.add(
                    K(
                        user_id=user_id,
                        key=key,
                        request_hash=body_hash,
                        created_at=now,
                        expires_at=now + timedelta(hours=rt.settings.idempotency_key_ttl_hours),
                    )
                )
                await uow.session.flush()
            return None
        except IntegrityError:
            pass
        async with rt.sessionmaker() as s:
            row = await s.scalar(select(K).where(K.user_id == user_id, K.key == key))
        if row is None:
            continue  # released or pruned meanwhile
        if row.expires_at <= now:
            async with UnitOfWork(rt) as uow:
                await uow.session.execute(delete(K).where(K.id == row.id, K.expires_at <= now))
            continue
        if row.request_hash != body_hash:
            raise IdempotencyKeyReused
        if row.status_code is not None:
            return StoredAnswer(row.status_code, row.response_body or "", row.content_type)
        if asyncio.get_running_loop().time() >= deadline:
            raise IdempotencyKeyInUse
        await asyncio.sleep(POLL_SECONDS)


async def complete(rt: Runtime, *, user_id: int, key: str, answer: StoredAnswer) -> None:
    K = models.IdempotencyKey
    async with UnitOfWork(rt) as uow:
        await uow.session.execute(
            update(K)
            .where(K.user_id == user_id, K.key == key, K.status_code.is_(None))
            .values(
                status_code=answer.status_code, response_body=answer.body, content_type=answer.content_type
            )
        )


async def release(rt: Runtime, *, user_id: int, key: str) -> None:
    K = models.IdempotencyKey
    async with UnitOfWork(rt) as uow:
        await uow.session.execute(
            delete(K).where(K.user_id == user_id, K.key == key, K.status_code.is_(None))
        )


async def prune_expired_keys(rt: Runtime) -> int:
    """Sweeper job: deletes keys past their expiry."""
    K = models.IdempotencyKey
    async with UnitOfWork(rt) as uow:
        result = await uow.session.execute(delete(K).where(K.expires_at <= rt.clock.now()))
    return rowcount(result) or 0
