"""The clock's part of samples: DELIVERED samples past their content deadline without content become OVERDUE."""

from __future__ import annotations

from sqlalchemy import update

from server import models
from server.db import rowcount
from server.models.enums import SampleStatus
from server.runtime import Runtime
from server.services import audit
from server.services.notifications import creator_name, notify
from server.services.samples import publish_status, sample_stmt
from server.services.unit_of_work import UnitOfWork


async def mark_overdue_samples(rt: Runtime) -> int:
    """DELIVERED samples past their content deadline without content → OVERDUE. Safe with several processes:
    each row moves by a conditional update, and only the process that moved it notifies."""
    now = rt.clock.now()
    moved = 0
    async with UnitOfWork(rt) as uow:
        rows = (
            await uow.session.execute(
                sample_stmt().where(
                    models.SampleRequest.status == SampleStatus.DELIVERED,
                    models.SampleRequest.content_due_at <= now,
                )
            )
        ).all()
        for row in rows:
            sample = row[0]
            result = await uow.session.execute(
                update(models.SampleRequest)
                .where(
                    models.SampleRequest.id == sample.id,
                    models.SampleRequest.status == SampleStatus.DELIVERED,
                    models.SampleRequest.content_due_at <= now,
                )
                .values(status=SampleStatus.OVERDUE)
                .execution_options(synchronize_session=False)
            )
            if rowcount(result) != 1:
                continue
            moved += 1
            audit.record(
                uow,
                None,
                subject_type="SampleRequest",
                subject_id=sample.id,
                action="sample.overdue",
                campaign_id=row.campaign_id,
                changes={"status": [SampleStatus.DELIVERED.value, SampleStatus.OVERDUE.value]},
            )
            await notify(
                uow,
                recipient_organisation_id=row.creator_id,
                kind="SAMPLE_OVERDUE",
                title="Content overdue",
                body=f"{row.title}: the content for your sample was due and is not posted.",
                subject_type="SampleRequest",
                subject_id=sample.id,
                params={"to": "creator", "product": row.title},
            )
            name = await creator_name(uow, row.creator_id)
            await notify(
                uow,
                recipient_organisation_id=row.agency_id,
                kind="SAMPLE_OVERDUE",
                title=f"{name}'s content is overdue",
                body=f"{row.title}: no content by the deadline.",
                subject_type="SampleRequest",
                subject_id=sample.id,
                params={"to": "agency", "creator": name, "product": row.title},
            )
            publish_status(uow, row, sample.id, SampleStatus.OVERDUE)
    return moved
