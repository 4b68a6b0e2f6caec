"""Registration rules that depend on the clock: the status a registration shows, in Python and in SQL.

A campaign that ends moves its open registrations to CLOSED. The sweeper writes that down
(registration_sweep.close_registrations_of_ended_campaigns); until it has, every read shows CLOSED already.
Pure functions and SQL expressions; callers pass `now` from the one injectable clock.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case

from server import models
from server.models.enums import RegistrationStatus

# Open registrations: the ones a campaign's end closes.
OPEN_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.PENDING_CLOSED)
NOTE_MAX = 500  # review notes, cancellation reasons and decision notes


class ReviewDecision(enum.StrEnum):
    APPROVE = "APPROVE"
    REJECT = "REJECT"
    REJECT_FOREVER = "REJECT_FOREVER"


DECISION_STATUS = {
    ReviewDecision.APPROVE: RegistrationStatus.APPROVED,
    ReviewDecision.REJECT: RegistrationStatus.REJECTED,
    ReviewDecision.REJECT_FOREVER: RegistrationStatus.REJECT_FOREVER,
}


def closes_with_campaign(status: RegistrationStatus) -> bool:
    """Whether the campaign's end closes a registration in this status (only an open one): for any other, its
    shown status and closing time need no campaign."""
    return status in OPEN_STATUSES


def effective_status(status: RegistrationStatus, campaign_end: datetime, now: datetime) -> RegistrationStatus:
    if closes_with_campaign(status) and now >= campaign_end:
        return RegistrationStatus.CLOSED
    return status


def campaign_closed_at(campaign_end: datetime | None, now: datetime) -> datetime | None:
    """When the campaign's end closes its open registrations: the end once it has passed, else None."""
    return campaign_end if campaign_end is not None and now >= campaign_end else None


def effective_status_sql(now: datetime | ColumnElement[datetime]) -> ColumnElement[str]:
    """effective_status() as SQL; the statement must join campaigns (for campaign_end)."""
    r = models.Registration
    return case(
        (
            and_(r.status.in_(OPEN_STATUSES), models.Campaign.campaign_end <= now),
            RegistrationStatus.CLOSED.value,
        ),
        else_=r.status,
    )
