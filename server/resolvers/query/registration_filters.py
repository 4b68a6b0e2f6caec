"""The registrations list's date-range filter: registered at or after `from`, before `to` (UTC when no offset)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import ColumnElement

from server import models
from server.authz.errors import PublicError


class InvalidDateRange(PublicError):
    code = "INVALID_FILTER"


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def registered_between(start: datetime | None, end: datetime | None) -> list[ColumnElement[bool]]:
    r = models.Registration
    start, end = (None if at is None else _utc(at) for at in (start, end))
    if start is not None and end is not None and end <= start:
        raise InvalidDateRange(
            "filter.registeredTo: must be after filter.registeredFrom", field="filter.registeredTo"
        )
    return [
        *([] if start is None else [r.registered_at >= start]),
        *([] if end is None else [r.registered_at < end]),
    ]
