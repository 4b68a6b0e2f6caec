"""What a creator may be offered: valid share links, offerable registrations and the samples left on them.

SQL predicates and constants only, shared by the creator-side services and the loaders.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, ScalarSelect, and_, func, select

from server import models
from server.models.enums import RegistrationStatus, SampleStatus

# A sample counts against the registration's quota from its approval on.
CONSUMED_SAMPLE_STATUSES = (
    SampleStatus.APPROVED,
    SampleStatus.SHIPPED,
    SampleStatus.DELIVERED,
    SampleStatus.CONTENT_POSTED,
    SampleStatus.OVERDUE,
)
# Sellers see a request once there is something to ship: the approved ones and what follows.
SHIPPABLE_SAMPLE_STATUSES = CONSUMED_SAMPLE_STATUSES
CONTENT_DUE_AFTER_DAYS = 14
EXTENSION_DAYS = 7
TOKEN_MIN, TOKEN_MAX = 16, 64


def plausible_token(token: str) -> bool:
    return TOKEN_MIN <= len(token) <= TOKEN_MAX


def valid_link(token: str, now: datetime) -> ColumnElement[bool]:
    """The link exists, is not revoked and its campaign is not closed (joined: ShareLink, ProductList, Campaign)."""
    return and_(
        models.ShareLink.token == token,
        models.ShareLink.revoked_at.is_(None),
        models.Campaign.campaign_end > now,
    )


def offerable(now: datetime) -> ColumnElement[bool]:
    """A registration creators may add now (joined: Registration, Campaign)."""
    return and_(models.Registration.status == RegistrationStatus.APPROVED, models.Campaign.campaign_end > now)


def consumed_samples() -> ScalarSelect[int]:
    """Samples counted against the quota of the (outer, correlated) registration."""
    return (
        select(func.count(models.SampleRequest.id))
        .where(
            models.SampleRequest.registration_id == models.Registration.id,
            models.SampleRequest.status.in_(CONSUMED_SAMPLE_STATUSES),
        )
        .correlate(models.Registration)
        .scalar_subquery()
    )


def samples_left(sample_quota: int, consumed: int) -> int:
    return max(0, sample_quota - consumed)
