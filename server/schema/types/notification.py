"""Notifications for the viewer's organisation."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from server import models
from server.ids import encode_id
from server.schema.types.common import Node


@strawberry.type(description="Something that happened that the viewer should know about.")
class Notification(Node):
    pk: strawberry.Private[int]
    kind: str = strawberry.field(description="Machine-readable kind, e.g. REGISTRATION_APPROVED.")
    title: str
    body: str
    subject_id: strawberry.ID | None = strawberry.field(
        description="The object it is about, when it has one."
    )
    params: JSON | None = strawberry.field(
        description="The values the English title and body show, by name, for writing the message in another "
        "language: texts, counts, instants as ISO strings, rates in basis points, money as "
        '{"amountMinor": int, "currency": "THB"}. Null for notifications written before they were kept: show '
        "the English title and body."
    )
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def from_row(cls, row: models.Notification) -> Notification:
        subject = encode_id(row.subject_type, row.subject_id) if row.subject_type and row.subject_id else None
        return cls(
            id=encode_id("Notification", row.id),
            pk=row.id,
            kind=row.kind,
            title=row.title,
            body=row.body,
            subject_id=subject,
            params=cast(Any, row.params),
            created_at=row.created_at,
            read_at=row.read_at,
        )
