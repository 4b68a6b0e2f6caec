"""The creator rate in force on a showcase entry at an instant.

A decrease of a list item's rate waits out its lock in `pending_rate_bps` until `pending_rate_effective_at`;
from that instant it is the rate in force, whether or not the sweeper has written it back yet.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from server.models.creator import ShowcaseEntry


def rate_in_force(
    creator_rate_bps: int,
    pending_rate_bps: int | None,
    pending_rate_effective_at: datetime | None,
    now: datetime,
) -> int:
    if (
        pending_rate_bps is not None
        and pending_rate_effective_at is not None
        and pending_rate_effective_at <= now
    ):
        return pending_rate_bps
    return creator_rate_bps


def entry_rate_in_force(entry: ShowcaseEntry, now: datetime) -> int:
    return rate_in_force(entry.creator_rate_bps, entry.pending_rate_bps, entry.pending_rate_effective_at, now)


def still_pending(
    pending_rate_bps: int | None, pending_rate_effective_at: datetime | None, now: datetime
) -> tuple[int | None, datetime | None]:
    """(pending rate, effective at) while the decrease is still ahead, (None, None) once it is in force."""
    if pending_rate_bps is None or pending_rate_effective_at is None or pending_rate_effective_at <= now:
        return None, None
    return pending_rate_bps, pending_rate_effective_at
