"""The pure rules of disputes (no database, no app but the models): who opens which type from what, the deadlines,
the default outcomes and the ageing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from server.models.dispute import DisputeOutcome, DisputeStatus, DisputeType
from server.models.enums import Role

OPEN_STATUSES = (DisputeStatus.OPEN, DisputeStatus.ANSWERED)
CLOSED_STATUSES = (DisputeStatus.RESOLVED, DisputeStatus.REJECTED, DisputeStatus.EXPIRED)

# Who opens each type, and from what (the GraphQL type of `subjectId`).
CLAIMANT: dict[DisputeType, Role] = {
    DisputeType.MISSING_ORDER: Role.CREATOR,
    DisputeType.WRONG_COMMISSION: Role.CREATOR,
    DisputeType.RATE_NOT_HONOURED: Role.CREATOR,
    DisputeType.SPLIT_DISPUTED: Role.CREATOR,
    DisputeType.REJECTION_APPEAL: Role.SELLER,
    DisputeType.SAMPLE_NOT_RECEIVED: Role.CREATOR,
    DisputeType.CONTENT_NOT_POSTED: Role.SELLER,
}
SUBJECT: dict[DisputeType, str] = {
    DisputeType.MISSING_ORDER: "ShowcaseEntry",
    DisputeType.WRONG_COMMISSION: "OrderLine",
    DisputeType.RATE_NOT_HONOURED: "OrderLine",
    DisputeType.SPLIT_DISPUTED: "OrderLine",
    DisputeType.REJECTION_APPEAL: "Registration",
    DisputeType.SAMPLE_NOT_RECEIVED: "SampleRequest",
    DisputeType.CONTENT_NOT_POSTED: "SampleRequest",
}
# Money disputes: resolving one for the claimant may post an adjustment on the order line (agency → creator).
MONEY_TYPES = frozenset(
    {DisputeType.WRONG_COMMISSION, DisputeType.RATE_NOT_HONOURED, DisputeType.SPLIT_DISPUTED}
)
# Resolving one for the creator may credit it (agency → creator): on the disputed line, or, for a missing order
# (which never reached Matchup), on no line.
CREDIT_TYPES = MONEY_TYPES | {DisputeType.MISSING_ORDER}
# The seller ships samples: it is a party to sample disputes (never learning the creator), and to its appeals.
SELLER_PARTY_TYPES = frozenset(
    {DisputeType.SAMPLE_NOT_RECEIVED, DisputeType.CONTENT_NOT_POSTED, DisputeType.REJECTION_APPEAL}
)

# What the sweeper decides when the agency lets the deadline pass. The agency is the one that must act, so its
# silence goes to the claimant; except a claim against the creator (content not posted), which lapses: the
# overdue-sample rule already records a missed content deadline.
DEFAULT_OUTCOME: dict[DisputeType, DisputeOutcome] = {
    **dict.fromkeys(DisputeType, DisputeOutcome.FOR_CLAIMANT),
    DisputeType.CONTENT_NOT_POSTED: DisputeOutcome.AGAINST_CLAIMANT,
}


def answer_window(answer_days: Mapping[str, int], dispute_type: DisputeType) -> timedelta:
    """`answer_days`: settings.dispute_answer_days."""
    return timedelta(days=answer_days[dispute_type.value])


def due_at(answer_days: Mapping[str, int], dispute_type: DisputeType, since: datetime) -> datetime:
    return since + answer_window(answer_days, dispute_type)


def age_days(opened_at: datetime, until: datetime) -> int:
    """Whole days since opening, until it closed or now (the operator's ageing)."""
    return max(0, (until - opened_at).days)
