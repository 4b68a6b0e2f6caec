"""Dispute inputs: opening one from what it concerns, replying in its thread, the agency's decision."""

from __future__ import annotations

from datetime import date

import strawberry

from server.schema.types.disputes import DisputeType


@strawberry.input(description="A message: text (1..2000 characters) and at most 5 http(s) links.")
class DisputeMessageInput:
    body: str
    links: list[str] | None = None


@strawberry.input
class DisputeOpenInput:
    type: DisputeType
    subject_id: strawberry.ID = strawberry.field(
        description="What it concerns: your ShowcaseEntry (MISSING_ORDER), OrderLine (money disputes), Registration "
        "(REJECTION_APPEAL) or SampleRequest (sample disputes)."
    )
    message: DisputeMessageInput
    order_number: str | None = strawberry.field(
        default=None, description="MISSING_ORDER: the order's number."
    )
    order_date: date | None = strawberry.field(
        default=None, description="MISSING_ORDER: the day it was ordered."
    )
    claimed_amount: str | None = strawberry.field(
        default=None,
        description="Money disputes: what you ask for, a decimal string in the campaign's currency.",
    )


@strawberry.input
class DisputeReplyInput:
    id: strawberry.ID
    body: str = strawberry.field(description="1..2000 characters.")
    links: list[str] | None = strawberry.field(default=None, description="At most 5 http(s) links.")


@strawberry.input
class DisputeDecideInput:
    id: strawberry.ID
    uphold: bool = strawberry.field(description="True: resolve for the claimant; false: reject the claim.")
    note: str = strawberry.field(description="Why, for the parties (1..1000 characters).")
    amount: str | None = strawberry.field(
        default=None,
        description="Money and missing-order disputes resolved for the creator: the adjustment (default: the amount "
        "claimed), at most the line's sale; a missing order's credit stands on no line.",
    )
