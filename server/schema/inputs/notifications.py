"""notificationsMarkRead input."""

from __future__ import annotations

import strawberry


@strawberry.input
class NotificationsMarkReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Notifications to mark read (1–100); null marks all."
    )
