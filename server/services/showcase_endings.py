"""The hook for registrations that close: their showcase entries end for new orders, and each creator hears of it."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select, update

from server import models
from server.models.enums import ShowcaseStatus
from server.services import audit
from server.services.notification_kinds import shown_titles
from server.services.notifications import notify
from server.services.showcase import publish_showcase_change, titles_text
from server.services.unit_of_work import UnitOfWork


async def end_entries_for_registrations(uow: UnitOfWork, registration_ids: list[int]) -> None:
    """ACTIVE entries of these registrations → ENDED (no new orders through them), in the caller's transaction.

    Their creators are notified; showcaseChanged is published after the caller commits."""
    if not registration_ids:
        return
    s = uow.session
    now = uow.rt.clock.now()
    ended = (
        await s.execute(
            update(models.ShowcaseEntry)
            .where(
                models.ShowcaseEntry.registration_id.in_(set(registration_ids)),
                models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
            )
            .values(status=ShowcaseStatus.ENDED, ended_at=now)
            .returning(
                models.ShowcaseEntry.id, models.ShowcaseEntry.creator_id, models.ShowcaseEntry.product_id
            )
            .execution_options(synchronize_session=False)
        )
    ).all()
    if not ended:
        return
    titles = dict(
        (
            await s.execute(
                select(models.Product.id, models.Product.title).where(
                    models.Product.id.in_({r[2] for r in ended})
                )
            )
        ).all()
    )
    by_creator: dict[int, list[str]] = defaultdict(list)
    for entry_id, creator_id, product_id in ended:
        audit.record(
            uow,
            None,
            subject_type="ShowcaseEntry",
            subject_id=entry_id,
            action="showcase.end",
            changes={"status": [ShowcaseStatus.ACTIVE.value, ShowcaseStatus.ENDED.value]},
            reason="The collaboration closed",
        )
        publish_showcase_change(uow, creator_id, entry_id, ShowcaseStatus.ENDED)
        by_creator[creator_id].append(titles.get(product_id, ""))
    for creator_id, ended_titles in by_creator.items():
        await notify(
            uow,
            recipient_organisation_id=creator_id,
            kind="SHOWCASE_ENDED",
            title=f"{len(ended_titles)} product{'s' if len(ended_titles) != 1 else ''} left your showcase",
            body=f"The collaboration closed, so new orders no longer earn commission: {titles_text(ended_titles)}.",
            params=shown_titles(ended_titles),
        )
