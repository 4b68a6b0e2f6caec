"""Loaders of terms histories (audit events with the actor's organisation and person), reached as
`info.context.loaders.history`. Each history is a child of a subject loaded through its own row scope."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.loaders.base import ScopedLoader
from server.runtime import Runtime

Event = models.AuditEvent


def _of(subject_type: str) -> Any:
    return (
        select(Event, models.Organisation.name, models.Organisation.kind, models.User.full_name)
        .outerjoin(models.Organisation, models.Organisation.id == Event.actor_organisation_id)
        .outerjoin(models.User, models.User.id == Event.actor_user_id)
        .where(Event.subject_type == subject_type)
        .order_by(Event.created_at, Event.id)
    )


class HistoryLoaders:
    def __init__(self, rt: Runtime, principal: Principal | None, *, cache: bool = True) -> None:
        def loader(subject_type: str) -> ScopedLoader:
            return ScopedLoader(
                rt,
                principal,
                type_name=None,
                statement=lambda: _of(subject_type),
                key_column=Event.subject_id,
                key_of=lambda row: row[0].subject_id,
                many=True,
                cache=cache,
            )

        self.campaign = loader("Campaign")
        self.sample_request = loader("SampleRequest")
        self.showcase_entry = loader("ShowcaseEntry")
        self.list_item = loader("ProductListItem")
