"""showcaseRemove: a creator takes entries out of its showcase (they end now; their links stop earning)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select, update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import ShowcaseStatus
from server.runtime import Runtime
from server.services import audit
from server.services.errors import DomainError, DomainErrors
from server.services.notification_kinds import shown_titles
from server.services.notifications import creator_name, notify
from server.services.showcase import (
    MAX_ITEMS,
    publish_showcase_change,
    showcase_conflict,
    titles_text,
)
from server.services.unit_of_work import UnitOfWork


async def remove_from_showcase(rt: Runtime, principal: Principal, entry_ids: Sequence[int]) -> list[int]:
    if not entry_ids:
        raise DomainError("REQUIRED", "Choose at least one product", ["input", "entryIds"])
    if len(entry_ids) > MAX_ITEMS:
        raise DomainError("TOO_MANY", f"Choose at most {MAX_ITEMS} products", ["input", "entryIds"])
    creator_id = principal.organisation_id
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        rows = (
            await s.execute(
                select(
                    models.ShowcaseEntry.id,
                    models.Campaign.id,
                    models.Campaign.agency_id,
                    models.Product.title,
                )
                .join(models.Registration, models.Registration.id == models.ShowcaseEntry.registration_id)
                .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
                .join(models.Product, models.Product.id == models.ShowcaseEntry.product_id)
                .where(
                    models.ShowcaseEntry.id.in_(set(entry_ids)),
                    models.ShowcaseEntry.creator_id == creator_id,
                    models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
                )
            )
        ).all()
        found = {row[0]: row for row in rows}
        missing = [
            DomainError("NOT_FOUND", "This product is not in your showcase", ["input", "entryIds", index])
            for index, entry_id in enumerate(entry_ids)
            if entry_id not in found
        ]
        if missing:
            raise DomainErrors(missing)
        result = await s.execute(
            update(models.ShowcaseEntry)
            .where(models.ShowcaseEntry.id.in_(found), models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE)
            .values(status=ShowcaseStatus.REMOVED, ended_at=now)
            .execution_options(synchronize_session=False)
        )
        if rowcount(result) != len(found):
            raise showcase_conflict()
        by_agency: dict[int, list[str]] = defaultdict(list)
        for entry_id, campaign_id, agency_id, title in found.values():
            audit.record(
                uow,
                principal,
                subject_type="ShowcaseEntry",
                subject_id=entry_id,
                action="showcase.remove",
                campaign_id=campaign_id,
                changes={"status": [ShowcaseStatus.ACTIVE.value, ShowcaseStatus.REMOVED.value]},
            )
            publish_showcase_change(uow, creator_id, entry_id, ShowcaseStatus.REMOVED)
            by_agency[agency_id].append(title)
        name = await creator_name(uow, creator_id)
        for agency_id, titles in by_agency.items():
            await notify(
                uow,
                recipient_organisation_id=agency_id,
                kind="SHOWCASE_REMOVED",
                title=f"{name} removed {len(titles)} product{'s' if len(titles) != 1 else ''}",
                body=f"No longer in their showcase: {titles_text(titles)}.",
                params={"creator": name, **shown_titles(titles)},
            )
    return list(found)
