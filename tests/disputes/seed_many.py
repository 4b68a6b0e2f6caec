"""Many disputes at once, for the inbox's query-count test."""

from __future__ import annotations

from datetime import timedelta

from server import models
from server.models.dispute import DisputeStatus, DisputeType
from server.models.enums import Role
from server.runtime import Runtime
from server.services.unit_of_work import UnitOfWork


async def add_disputes(rt: Runtime, line: models.OrderLine, n: int) -> None:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        rows = [
            models.Dispute(
                type=DisputeType.WRONG_COMMISSION,
                status=DisputeStatus.OPEN,
                claimant_organisation_id=line.creator_id,
                claimant_role=Role.CREATOR,
                agency_id=line.agency_id,
                creator_id=line.creator_id,
                campaign_id=line.campaign_id,
                product_id=line.product_id,
                order_line_id=line.id,
                currency=line.currency,
                due_at=now + timedelta(days=1, minutes=i),
                created_at=now,
                updated_at=now,
                version=1,
            )
            for i in range(n)
        ]
        uow.session.add_all(rows)
        await uow.session.flush()
        uow.session.add_all(
            models.DisputeMessage(
                dispute_id=row.id,
                author_organisation_id=line.creator_id,
                author_role=Role.CREATOR,
                body="Why?",
                links=[],
                created_at=now,
            )
            for row in rows
        )
