"""An agency bookmarks registrations of its campaigns (its own marker; no one else sees it)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from server import models
from server.auth.principal import Principal
from server.runtime import Runtime
from server.services.registration_checks import (
    check_not_closed,
    load_registration,
    of_agency,
)
from server.services.unit_of_work import UnitOfWork


async def set_bookmark(
    rt: Runtime, principal: Principal, registration_id: int, bookmarked: bool
) -> models.Registration:
    """The agency's own marker on a registration (the seller never sees it). Idempotent."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        registration, campaign = await load_registration(
            uow, registration_id, of_agency(principal), ["input", "registrationId"]
        )
        check_not_closed(campaign, now, ["input", "registrationId"])
        agency_id = campaign.agency_id
        b = models.Bookmark
        if not bookmarked:
            await uow.session.execute(
                delete(b).where(b.agency_id == agency_id, b.registration_id == registration.id)
            )
            return registration
        exists_already = await uow.session.scalar(
            select(b.id).where(b.agency_id == agency_id, b.registration_id == registration.id)
        )
        if exists_already is None:
            try:
                async with await uow.savepoint():
                    uow.session.add(b(agency_id=agency_id, registration_id=registration.id, created_at=now))
                    await uow.session.flush()
            except IntegrityError:
                pass  # set at the same time by another request: bookmarked either way
    return registration
