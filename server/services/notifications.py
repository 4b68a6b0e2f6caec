"""Notifications: a row for the recipient organisation, pushed live after commit."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from server import models
from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.events import channels
from server.runtime import Runtime
from server.services.notification_kinds import check_params
from server.services.unit_of_work import UnitOfWork


async def notify(
    uow: UnitOfWork,
    *,
    recipient_organisation_id: int,
    kind: str,
    title: str,
    body: str,
    recipient_user_id: int | None = None,
    subject_type: str | None = None,
    subject_id: int | None = None,
    data: dict[str, Any] | None = None,
    params: dict[str, Any] | None = None,
) -> models.Notification:
    """`params`: the values `title` and `body` show, by the names notification_kinds.KIND_PARAMS gives `kind`."""
    check_params(kind, params or {})
    row = models.Notification(
        recipient_organisation_id=recipient_organisation_id,
        recipient_user_id=recipient_user_id,
        kind=kind,
        title=title,
        body=body,
        subject_type=subject_type,
        subject_id=subject_id,
        data=data or {},
        params=params or {},
        created_at=uow.rt.clock.now(),
    )
    uow.session.add(row)
    await uow.session.flush()
    uow.publish_after_commit(
        channels.notifications(recipient_organisation_id),
        {"type": "NotificationReceived", "id": row.id, "kind": kind},
    )
    return row


async def mark_read(rt: Runtime, principal: Principal, ids: list[int] | None) -> None:
    """Marks the given (or all) notifications the principal can see as read."""
    async with UnitOfWork(rt) as uow:
        stmt = (
            update(models.Notification)
            .where(row_scope("Notification", principal), models.Notification.read_at.is_(None))
            .values(read_at=rt.clock.now())
        )
        if ids is not None:
            stmt = stmt.where(models.Notification.id.in_(ids))
        await uow.session.execute(stmt)


async def creator_name(uow: UnitOfWork, creator_id: int) -> str:
    """The creator's display name for a notification's text."""
    name = await uow.session.scalar(
        select(models.CreatorProfile.display_name).where(models.CreatorProfile.organisation_id == creator_id)
    )
    return name or "A creator"
