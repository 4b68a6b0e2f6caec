"""Disputes for the visibility matrix (tests/schema/test_visibility_matrix.py `connect_tenants_a`): creator A's
money dispute on its settled line, resolved for it with an adjustment; creator A's missing-order dispute, answered;
and creator A's sample-not-received dispute on the sample seller A shipped, open (seller A is a party to it and
must never learn who opened it). DISPUTES_EMPTY_BY_DESIGN says which fields a type leaves empty."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.dispute import DisputeOutcome, DisputeStatus, DisputeType
from server.models.enums import Currency, Role
from tests.plugins.api import World

D = models.Dispute


def _where(*conditions) -> Select[tuple[int]]:  # noqa: ANN002
    return select(D.id).where(*conditions)


DISPUTES_EMPTY_BY_DESIGN: dict[tuple[str, str], Select[tuple[int]]] = {
    # Only an open dispute lacks an outcome, a closing time and a decision; only an answered one was answered.
    **{("Dispute", name): _where(D.closed_at.is_(None)) for name in ("outcome", "closedAt", "decisionNote")},
    ("Dispute", "answeredAt"): _where(D.answered_at.is_(None)),
    # Each type concerns one kind of object.
    ("Dispute", "orderLine"): _where(D.order_line_id.is_(None)),
    ("Dispute", "registration"): _where(D.type != DisputeType.REJECTION_APPEAL),
    ("Dispute", "sampleRequest"): _where(D.sample_request_id.is_(None)),
    **{("Dispute", name): _where(D.order_number.is_(None)) for name in ("orderNumber", "orderDate")},
    ("Dispute", "claimedAmount"): _where(D.claimed_amount_minor.is_(None)),
    ("Dispute", "adjustment"): _where(D.adjustment_minor.is_(None)),
}


async def seed_disputes(s: AsyncSession, world: World, now) -> None:  # noqa: ANN001
    creator, agency, seller = world["creator_a"], world["agency_a"], world["seller_a"]
    line = await s.scalar(
        select(models.OrderLine).where(models.OrderLine.creator_id == creator.organisation_id)
    )
    sample = await s.scalar(
        select(models.SampleRequest).where(models.SampleRequest.creator_id == creator.organisation_id)
    )
    entry = await s.scalar(
        select(models.ShowcaseEntry).where(models.ShowcaseEntry.creator_id == creator.organisation_id)
    )
    assert line is not None and sample is not None and entry is not None, (
        "seed the orders and the creator side first"
    )
    common = dict(
        claimant_organisation_id=creator.organisation_id,
        claimant_role=Role.CREATOR,
        agency_id=agency.organisation_id,
        creator_id=creator.organisation_id,
        campaign_id=line.campaign_id,
        product_id=line.product_id,
        currency=Currency.THB,
        opened_by_user_id=creator.user_id,
        created_at=now - timedelta(days=3),
        updated_at=now,
        version=2,
    )
    money = D(
        type=DisputeType.WRONG_COMMISSION,
        status=DisputeStatus.RESOLVED,
        outcome=DisputeOutcome.FOR_CLAIMANT,
        order_line_id=line.id,
        registration_id=line.registration_id,
        claimed_amount_minor=500,
        adjustment_minor=400,
        due_at=now,
        answered_at=now - timedelta(days=2),
        closed_at=now,
        decided_by_user_id=agency.user_id,
        decision_note="Paid at the wrong rate: corrected.",
        **common,
    )
    missing = D(
        type=DisputeType.MISSING_ORDER,
        status=DisputeStatus.ANSWERED,
        showcase_entry_id=entry.id,
        registration_id=entry.registration_id,
        order_number="TT-5550001",
        order_date=date(2026, 11, 15),
        claimed_amount_minor=300,
        due_at=now + timedelta(days=10),
        answered_at=now - timedelta(days=1),
        **common,
    )
    sample_dispute = D(
        type=DisputeType.SAMPLE_NOT_RECEIVED,
        status=DisputeStatus.OPEN,
        shop_id=seller.organisation_id,
        sample_request_id=sample.id,
        registration_id=sample.registration_id,
        due_at=now + timedelta(days=4),
        **{**common, "product_id": sample.product_id},
    )
    s.add_all([money, missing, sample_dispute])
    await s.flush()
    for dispute in (money, missing, sample_dispute):
        s.add(
            models.DisputeMessage(
                dispute_id=dispute.id,
                author_organisation_id=creator.organisation_id,
                author_role=Role.CREATOR,
                author_user_id=creator.user_id,
                body="It never arrived.",
                links=["https://example.test/proof"],
                created_at=dispute.created_at,
            )
        )
