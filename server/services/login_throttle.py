"""Login throttling that holds under concurrency: an attempt takes its slot before the password is checked.

Every attempt first writes its LoginFailure row, in a short transaction that holds a lock per email and per
client address (PostgreSQL: transaction-scoped advisory locks; SQLite: the database write lock, taken up front
with BEGIN IMMEDIATE) while it counts the window. So however many attempts arrive at once, at most
`login_max_failures` of them per email (and `login_max_failures_per_address` per address) reach the password
check in a window; the rest are refused before any hashing. A successful login deletes the email's rows.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.runtime import Runtime
from server.services.errors import DomainError
from server.services.unit_of_work import UnitOfWork


async def _serialise(uow: UnitOfWork, keys: list[str]) -> None:
    """Holds, until the transaction ends, a lock for each key (in the given order, the same for everyone)."""
    if uow.rt.settings.is_sqlite:  # a unit of work begins with BEGIN IMMEDIATE there: it holds the write lock
        await uow.session.connection()
        return
    for key in keys:
        await uow.session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": key})


def _throttled(first_at: datetime, now: datetime, window: timedelta, message: str) -> DomainError:
    retry_at = first_at + window
    seconds = max(1, math.ceil((retry_at - now).total_seconds()))
    minutes = max(1, math.ceil(seconds / 60))
    return DomainError(
        "THROTTLED",
        f"{message} Try again in {minutes} minute{'s' if minutes != 1 else ''}.",
        ["input", "email"],
        retry_after_seconds=seconds,
    )


async def _failures_since(
    s: AsyncSession, which: ColumnElement[bool], since: datetime
) -> tuple[int, datetime]:
    failure = models.LoginFailure
    count, first_at = (
        await s.execute(
            select(func.count(), func.min(failure.created_at)).where(which, failure.created_at > since)
        )
    ).one()
    return count, first_at


async def reserve_attempt(rt: Runtime, *, email: str, client_ip: str | None) -> int:
    """Counts the window and records this attempt as a failure, atomically; returns the row's id. Raises
    THROTTLED (with `retry_after_seconds`) when the email or the client address is over its limit."""
    settings = rt.settings
    now = rt.clock.now()
    window = timedelta(minutes=settings.login_failure_window_minutes)
    failure = models.LoginFailure
    async with UnitOfWork(rt) as uow:
        s = uow.session
        await _serialise(
            uow, [f"login-email:{email}"] + ([f"login-address:{client_ip}"] if client_ip else [])
        )
        count, first_at = await _failures_since(s, failure.email == email, now - window)
        if count >= settings.login_max_failures:
            # Same answer for known and unknown emails.
            raise _throttled(first_at, now, window, "Too many failed attempts.")
        if client_ip:
            count, first_at = await _failures_since(s, failure.client_ip == client_ip, now - window)
            if count >= settings.login_max_failures_per_address:
                raise _throttled(first_at, now, window, "Too many failed attempts from your network address.")
        row = failure(email=email, client_ip=(client_ip or "")[:64] or None, created_at=now)
        s.add(row)
        await s.flush()
        return row.id
