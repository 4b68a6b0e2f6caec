"""Audit events: who changed what, when and why, written in the caller's transaction."""

from __future__ import annotations

from typing import Any

from server import models
from server.auth.principal import Principal
from server.services.unit_of_work import UnitOfWork


def record(
    uow: UnitOfWork,
    actor: Principal | None,
    *,
    subject_type: str,
    subject_id: int,
    action: str,
    campaign_id: int | None = None,
    changes: dict[str, Any] | None = None,
    reason: str | None = None,
) -> models.AuditEvent:
    """`actor` None means the platform itself (the clock closing a campaign, a sweeper applying a change).

    `changes` is {field: [old, new]} in API form (JSON-serialisable).
    """
    row = models.AuditEvent(
        actor_user_id=None if actor is None else actor.user_id,
        actor_organisation_id=None if actor is None else actor.organisation_id,
        subject_type=subject_type,
        subject_id=subject_id,
        campaign_id=campaign_id,
        action=action,
        changes=changes or {},
        reason=reason,
        created_at=uow.rt.clock.now(),
    )
    uow.session.add(row)
    return row
