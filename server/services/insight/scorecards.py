"""Trust scorecards, computed from history over the last 180 days (stats.PERIOD), each figure with its sample size:

- seller: median hours from sample approval to shipment; cancellation-request rate of its approved registrations;
  refund rate of its attributed order lines;
- agency: median hours from registration to review; approval rate of its reviews; median hours to decide a
  cancellation request;
- creator: rate of samples whose content was posted within the deadline; refund rate of its attributed lines.

Batch functions (many parties at once, one statement per figure) for the loaders. Who may see which card is the
policy table's business (Shop/Agency/Creator.scorecard); `tips` (what would improve the card) are meant for the
party itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from server import models
from server.models.enums import RegistrationStatus, SampleStatus
from server.services.insight import refund_rates
from server.services.insight.stats import DurationFigure, Period, RateFigure, median_hours
from server.services.performance.numbers import count_if

Reg, Sample, Audit, Line, Order = (
    models.Registration,
    models.SampleRequest,
    models.AuditEvent,
    models.OrderLine,
    models.Order,
)
APPROVED_STATES = (RegistrationStatus.APPROVED, RegistrationStatus.PENDING_CLOSED, RegistrationStatus.CLOSED)
REJECTED_STATES = (RegistrationStatus.REJECTED, RegistrationStatus.REJECT_FOREVER)

# What a good card looks like (a tip is given when a figure is worse).
SHIP_WITHIN_HOURS = 48
CANCELLATION_RATE_MAX_BPS = 500
REFUND_RATE_MAX_BPS = 1000
REVIEW_WITHIN_HOURS = 24
DECIDE_CANCELLATION_WITHIN_HOURS = 48
POSTING_RATE_MIN_BPS = 9000


@dataclass(frozen=True, slots=True)
class Tip:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class SellerCard:
    sample_shipping: DurationFigure
    cancellation_requests: RateFigure
    refunds: RateFigure
    tips: list[Tip] = field(default_factory=list[Tip])


@dataclass(frozen=True, slots=True)
class AgencyCard:
    review_latency: DurationFigure
    approvals: RateFigure
    cancellation_decisions: DurationFigure
    tips: list[Tip] = field(default_factory=list[Tip])


@dataclass(frozen=True, slots=True)
class CreatorCard:
    samples_posted_on_time: RateFigure
    refunds: RateFigure
    tips: list[Tip] = field(default_factory=list[Tip])


def _slow(figure: DurationFigure, limit: int) -> bool:
    return figure.hours is not None and figure.hours > limit


def _above(figure: RateFigure, limit: int) -> bool:
    return figure.bps is not None and figure.bps > limit


def _below(figure: RateFigure, limit: int) -> bool:
    return figure.bps is not None and figure.bps < limit


def _refund_tip(refunds: RateFigure) -> list[Tip]:
    if not _above(refunds, REFUND_RATE_MAX_BPS):
        return []
    return [
        Tip(
            "LOWER_REFUNDS",
            f"Keep refunds of attributed orders at or under {REFUND_RATE_MAX_BPS // 100}%: "
            f"accurate listings and careful packing protect every party's commission.",
        )
    ]


async def _refunds(
    session: AsyncSession,
    column: InstrumentedAttribute[int] | InstrumentedAttribute[int | None],
    ids: Sequence[int],
    period: Period,
) -> dict[int, RateFigure]:
    stats = await refund_rates.grouped(
        session, [column], column.in_(ids) & Line.campaign_id.is_not(None), period.start, join_order=True
    )
    out: dict[int, RateFigure] = {}
    for pk in ids:
        s = stats.get((pk,), refund_rates.RefundStats())
        out[pk] = RateFigure(s.returned, s.lines, period)
    return out


def _medians(
    rows: Iterable[tuple[int, datetime | None, datetime | None]], ids: Sequence[int], period: Period
) -> dict[int, DurationFigure]:
    """The median duration from start to end of the rows (owner, start, end) of each owner; the queries ask for
    rows with both set."""
    durations: dict[int, list[timedelta]] = defaultdict(list)
    for pk, start, end in rows:
        if start is not None and end is not None:
            durations[pk].append(end - start)
    return {pk: median_hours(durations.get(pk, []), period) for pk in ids}


async def seller_cards(
    session: AsyncSession, shop_ids: Sequence[int], now: datetime
) -> dict[int, SellerCard]:
    period = Period.ending(now)
    shipping = _medians(
        (
            await session.execute(
                select(Reg.shop_id, Sample.reviewed_at, Sample.shipped_at)
                .join(Reg, Reg.id == Sample.registration_id)
                .where(
                    Reg.shop_id.in_(shop_ids),
                    Sample.shipped_at.is_not(None),
                    Sample.reviewed_at >= period.start,
                )
            )
        ).all(),
        shop_ids,
        period,
    )
    requested = select(Audit.subject_id).where(
        Audit.subject_type == "Registration", Audit.action == "registration.cancellation_request"
    )
    approved = {
        shop: (int(n), int(asked or 0))
        for shop, n, asked in await session.execute(
            select(Reg.shop_id, func.count(Reg.id), count_if(Reg.id.in_(requested)))
            .where(Reg.shop_id.in_(shop_ids), Reg.status.in_(APPROVED_STATES), Reg.decided_at >= period.start)
            .group_by(Reg.shop_id)
        )
    }
    refunds = await _refunds(session, Order.shop_id, shop_ids, period)
    cards: dict[int, SellerCard] = {}
    for shop in shop_ids:
        n, asked = approved.get(shop, (0, 0))
        card = SellerCard(shipping[shop], RateFigure(asked, n, period), refunds[shop])
        if _slow(card.sample_shipping, SHIP_WITHIN_HOURS):
            card.tips.append(
                Tip(
                    "SHIP_SAMPLES_FASTER",
                    f"Ship approved samples within {SHIP_WITHIN_HOURS} hours: "
                    f"creators post sooner and agencies approve more of your samples.",
                )
            )
        if _above(card.cancellation_requests, CANCELLATION_RATE_MAX_BPS):
            card.tips.append(
                Tip(
                    "FEWER_CANCELLATIONS",
                    "Register products you can keep for the whole campaign: "
                    f"ask to cancel at most {CANCELLATION_RATE_MAX_BPS // 100}% of approved products.",
                )
            )
        card.tips.extend(_refund_tip(card.refunds))
        cards[shop] = card
    return cards


async def agency_cards(
    session: AsyncSession, agency_ids: Sequence[int], now: datetime
) -> dict[int, AgencyCard]:
    period = Period.ending(now)
    decided = list(
        await session.execute(
            select(models.Campaign.agency_id, Reg.registered_at, Reg.decided_at, Reg.status)
            .join(models.Campaign, models.Campaign.id == Reg.campaign_id)
            .where(
                models.Campaign.agency_id.in_(agency_ids),
                Reg.decided_at >= period.start,
                Reg.status.in_(APPROVED_STATES + REJECTED_STATES),
            )
        )
    )
    latency = _medians([(a, r, d) for a, r, d, _ in decided], agency_ids, period)
    approvals = {pk: [0, 0] for pk in agency_ids}
    for agency, _, _, status in decided:
        approvals[agency][1] += 1
        approvals[agency][0] += status in APPROVED_STATES
    # A declined request leaves no mark on the registration: pair the audit events instead.
    events = await session.execute(
        select(models.Campaign.agency_id, Audit.subject_id, Audit.action, Audit.created_at)
        .join(models.Campaign, models.Campaign.id == Audit.campaign_id)
        .where(
            models.Campaign.agency_id.in_(agency_ids),
            Audit.subject_type == "Registration",
            Audit.action.in_(
                (
                    "registration.cancellation_request",
                    "registration.cancellation_approve",
                    "registration.cancellation_decline",
                )
            ),
            Audit.created_at >= period.start,
        )
        .order_by(Audit.created_at, Audit.id)
    )
    asked: dict[int, datetime] = {}
    pairs: list[tuple[int, datetime, datetime]] = []
    for agency, subject, action, at in events:
        if action == "registration.cancellation_request":
            asked[subject] = at
        elif subject in asked:
            pairs.append((agency, asked.pop(subject), at))
    decisions = _medians(pairs, agency_ids, period)
    cards: dict[int, AgencyCard] = {}
    for agency in agency_ids:
        card = AgencyCard(latency[agency], RateFigure(*approvals[agency], period=period), decisions[agency])
        if _slow(card.review_latency, REVIEW_WITHIN_HOURS):
            card.tips.append(
                Tip(
                    "REVIEW_FASTER",
                    f"Review registrations within {REVIEW_WITHIN_HOURS} hours: "
                    "sellers choose campaigns whose agencies answer quickly.",
                )
            )
        if _slow(card.cancellation_decisions, DECIDE_CANCELLATION_WITHIN_HOURS):
            card.tips.append(
                Tip(
                    "DECIDE_CANCELLATIONS_FASTER",
                    f"Decide cancellation requests within {DECIDE_CANCELLATION_WITHIN_HOURS} hours.",
                )
            )
        cards[agency] = card
    return cards


async def creator_cards(
    session: AsyncSession, creator_ids: Sequence[int], now: datetime
) -> dict[int, CreatorCard]:
    """Samples count once their deadline has passed or content was posted; on time: first content by the deadline."""
    period = Period.ending(now)
    first_post = cast(  # NULL for a sample without content: min() over no rows
        "ScalarSelect[datetime | None]",
        select(func.min(models.Content.posted_at))
        .where(models.Content.sample_request_id == Sample.id)
        .scalar_subquery(),
    )
    rows = await session.execute(
        select(Sample.creator_id, Sample.content_due_at, first_post).where(
            Sample.creator_id.in_(creator_ids),
            Sample.content_due_at.is_not(None),
            Sample.delivered_at >= period.start,
            Sample.status.in_((SampleStatus.DELIVERED, SampleStatus.CONTENT_POSTED, SampleStatus.OVERDUE)),
        )
    )
    posting = {pk: [0, 0] for pk in creator_ids}
    for creator, due, posted in rows:
        assert due is not None  # the query asks for samples with a deadline
        if posted is None and due > now:
            continue  # still within its deadline
        posting[creator][1] += 1
        posting[creator][0] += posted is not None and posted <= due
    refunds = await _refunds(session, Line.creator_id, creator_ids, period)
    cards: dict[int, CreatorCard] = {}
    for creator in creator_ids:
        card = CreatorCard(RateFigure(*posting[creator], period=period), refunds[creator])
        if _below(card.samples_posted_on_time, POSTING_RATE_MIN_BPS):
            card.tips.append(
                Tip(
                    "POST_ON_TIME",
                    f"Post content for at least {POSTING_RATE_MIN_BPS // 100}% of your "
                    "samples within their deadline (ask for the one 7-day extension in time).",
                )
            )
        card.tips.extend(_refund_tip(card.refunds))
        cards[creator] = card
    return cards
