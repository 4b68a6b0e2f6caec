"""Trust scorecards (server/services/insight/scorecards.py): figures with their sample size and period, and what
would improve the card. Reached as Shop.scorecard, Agency.scorecard and Creator.scorecard, where each party sees its
own and the counterparty that decides about it sees it (server/authz/policy.py)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

from server.schema.context import Info

if TYPE_CHECKING:
    from server.services.insight import scorecards
    from server.services.insight.stats import DurationFigure, RateFigure


@strawberry.type(
    description="A share of a sample, in basis points, over a period (null when the sample is empty)."
)
class ScoreRate:
    bps: int | None
    part: int = strawberry.field(description="How many of the sample count towards the rate.")
    sample_size: int
    period_start: datetime
    period_end: datetime

    @classmethod
    def of(cls, f: RateFigure) -> ScoreRate:
        return cls(
            bps=f.bps,
            part=f.part,
            sample_size=f.sample_size,
            period_start=f.period.start,
            period_end=f.period.end,
        )


@strawberry.type(
    description="The median of a sample of durations, in whole hours (null when the sample is empty)."
)
class ScoreDuration:
    hours: int | None
    sample_size: int
    period_start: datetime
    period_end: datetime

    @classmethod
    def of(cls, f: DurationFigure) -> ScoreDuration:
        return cls(
            hours=f.hours, sample_size=f.sample_size, period_start=f.period.start, period_end=f.period.end
        )


@strawberry.type(description="What would improve a scorecard (stable code, English sentence).")
class ScorecardTip:
    code: str
    message: str


def _tips(card: scorecards.SellerCard | scorecards.AgencyCard | scorecards.CreatorCard) -> list[ScorecardTip]:
    return [ScorecardTip(code=t.code, message=t.message) for t in card.tips]


@strawberry.type(description="How a shop behaves towards agencies and creators.")
class SellerScorecard:
    sample_shipping: ScoreDuration | None = strawberry.field(
        description="Median hours from sample approval to shipment."
    )
    cancellation_requests: ScoreRate | None = strawberry.field(
        description="Approved registrations the seller asked to cancel."
    )
    refunds: ScoreRate | None = strawberry.field(
        description="Finished attributed order lines refunded or cancelled."
    )
    tips: list[ScorecardTip] | None = strawberry.field(description="For the shop itself.")

    @classmethod
    def of(cls, card: scorecards.SellerCard) -> SellerScorecard:
        return cls(
            sample_shipping=ScoreDuration.of(card.sample_shipping),
            cancellation_requests=ScoreRate.of(card.cancellation_requests),
            refunds=ScoreRate.of(card.refunds),
            tips=_tips(card),
        )


@strawberry.type(description="How an agency treats sellers.")
class AgencyScorecard:
    review_latency: ScoreDuration | None = strawberry.field(
        description="Median hours from registration to review."
    )
    approvals: ScoreRate | None = strawberry.field(description="Reviewed registrations that were approved.")
    cancellation_decisions: ScoreDuration | None = strawberry.field(
        description="Median hours to decide a seller's cancellation request."
    )
    tips: list[ScorecardTip] | None = strawberry.field(description="For the agency itself.")

    @classmethod
    def of(cls, card: scorecards.AgencyCard) -> AgencyScorecard:
        return cls(
            review_latency=ScoreDuration.of(card.review_latency),
            approvals=ScoreRate.of(card.approvals),
            cancellation_decisions=ScoreDuration.of(card.cancellation_decisions),
            tips=_tips(card),
        )


@strawberry.type(description="How a creator keeps its word on samples and what its buyers keep.")
class CreatorScorecard:
    samples_posted_on_time: ScoreRate | None = strawberry.field(
        description="Samples past their deadline (or posted) whose content was posted by the deadline."
    )
    refunds: ScoreRate | None = strawberry.field(
        description="Finished attributed order lines refunded or cancelled."
    )
    tips: list[ScorecardTip] | None = strawberry.field(description="For the creator itself.")

    @classmethod
    def of(cls, card: scorecards.CreatorCard) -> CreatorScorecard:
        return cls(
            samples_posted_on_time=ScoreRate.of(card.samples_posted_on_time),
            refunds=ScoreRate.of(card.refunds),
            tips=_tips(card),
        )


async def seller_scorecard(info: Info, shop_id: int) -> SellerScorecard:
    return SellerScorecard.of(await info.context.loaders.insight.seller_card.load(shop_id))


async def agency_scorecard(info: Info, agency_id: int) -> AgencyScorecard:
    return AgencyScorecard.of(await info.context.loaders.insight.agency_card.load(agency_id))


async def creator_scorecard(info: Info, creator_id: int) -> CreatorScorecard:
    return CreatorScorecard.of(await info.context.loaders.insight.creator_card.load(creator_id))
