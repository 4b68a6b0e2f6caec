"""The clock's part: registrations of campaigns that ended are closed in batches, each change announced like any
other (registration_changes.StatusChanges).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, update

from server import models
from server.models.enums import RegistrationStatus
from server.runtime import Runtime
from server.services import showcase_endings
from server.services.registration_changes import (
    StatusChanges,
)
from server.services.registration_rules import OPEN_STATUSES
from server.services.unit_of_work import UnitOfWork

Status = RegistrationStatus
R, C = models.Registration, models.Campaign
SWEEP_BATCH = 500


async def close_registrations_of_ended_campaigns(rt: Runtime) -> int:
    """Moves the open registrations of ended campaigns to CLOSED; returns how many this call closed.

    Safe with several processes: each row is closed by a conditional UPDATE (status still what was read), so
    it is closed, audited and announced exactly once.
    """
    total = 0
    while True:
        async with UnitOfWork(rt) as uow:
            now = rt.clock.now()
            s = uow.session
            candidates = (
                await s.execute(
                    select(R.id, R.status)
                    .join(C, C.id == R.campaign_id)
                    .where(R.status.in_(OPEN_STATUSES), C.campaign_end <= now)
                    .order_by(R.id)
                    .limit(SWEEP_BATCH)
                )
            ).all()
            by_status: dict[Status, list[int]] = defaultdict(list)
            for registration_id, status in candidates:
                by_status[status].append(registration_id)
            closed: list[tuple[models.Registration, Status]] = []
            for old, registration_ids in by_status.items():
                rows = await s.execute(
                    update(R)
                    .where(R.id.in_(registration_ids), R.status == old)
                    .values(status=Status.CLOSED, closed_at=now, version=R.version + 1)
                    .returning(R)
                    .execution_options(populate_existing=True, synchronize_session=False)
                )
                closed += [(registration, old) for registration in rows.scalars().all()]
            if closed:
                campaigns = {
                    c.id: c
                    for c in (
                        await s.scalars(select(C).where(C.id.in_({r.campaign_id for r, _ in closed})))
                    ).all()
                }
                await showcase_endings.end_entries_for_registrations(uow, [r.id for r, _ in closed])
                changes = StatusChanges(uow, None)
                for registration, old in closed:
                    changes.add(
                        registration,
                        campaigns[registration.campaign_id],
                        old,
                        Status.CLOSED,
                        action="registration.close",
                        reason="The campaign ended",
                    )
                await changes.announce()
        total += len(closed)
        if len(candidates) < SWEEP_BATCH:
            return total
