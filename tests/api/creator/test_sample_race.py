"""Read, check, write under contention: simultaneous approvals against a sample quota of 1 approve exactly one,
on SQLite (the embedded default) as on PostgreSQL."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from server import models
from server.auth.principal import Principal
from server.models.enums import Market, Role, SampleStatus
from server.services import onboarding, samples
from server.services.errors import DomainError
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import World

from .offers import ADDRESS, make_offer

APPROVERS = 4


async def _requests_from_new_creators(rt, registration_id: int, product_id: int, n: int) -> list[int]:  # noqa: ANN001
    """`n` creators each with one REQUESTED sample of the same registration."""
    ids = []
    async with UnitOfWork(rt) as uow:
        for i in range(n):
            creator = await onboarding.create_creator(
                uow,
                handle=f"racer{i}",
                display_name=f"Racer {i}",
                market=Market.TH,
                followers=100,
                categories=["Beauty & Personal Care"],
            )
            sample = models.SampleRequest(
                creator_id=creator.id,
                registration_id=registration_id,
                product_id=product_id,
                status=SampleStatus.REQUESTED,
                recipient_name=ADDRESS["recipientName"],
                phone=ADDRESS["phone"],
                line1=ADDRESS["line1"],
                line2=None,
                city=ADDRESS["city"],
                region=None,
                postal_code=ADDRESS["postalCode"],
                country=ADDRESS["country"],
                created_at=rt.clock.now(),
            )
            uow.session.add(sample)
            await uow.session.flush()
            ids.append(sample.id)
    return ids


async def test_simultaneous_approvals_against_a_quota_of_one_approve_exactly_one(rt, world: World) -> None:
    product = world.products["seller_a"][0]
    offer = await make_offer(rt, world, [product], sample_quota=1)
    sample_ids = await _requests_from_new_creators(rt, offer.registrations[product], product, APPROVERS)
    agency = Principal(
        user_id=world["agency_a"].user_id, role=Role.AGENCY, organisation_id=world["agency_a"].organisation_id
    )

    async def approve(sample_id: int) -> str:
        try:
            await samples.review_sample(rt, agency, sample_id=sample_id, approve=True, reason=None)
        except DomainError as error:
            return error.code
        return "APPROVED"

    outcomes = await asyncio.gather(*(approve(i) for i in sample_ids))
    assert sorted(outcomes) == ["APPROVED"] + ["QUOTA_EXHAUSTED"] * (APPROVERS - 1), outcomes
    async with rt.sessionmaker() as s:
        approved = await s.scalar(
            select(func.count())
            .select_from(models.SampleRequest)
            .where(models.SampleRequest.status == SampleStatus.APPROVED)
        )
    assert approved == 1
