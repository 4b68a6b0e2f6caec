"""The content a creator records for a delivered sample (contentRecord)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from server.schema.types.content import ContentKind as ContentKindEnum


@strawberry.input
class ContentRecordInput:
    showcase_entry_id: strawberry.ID = strawberry.field(
        description="The product's ACTIVE entry in your showcase."
    )
    kind: ContentKindEnum
    url: str = strawberry.field(description="The https:// address of the video or LIVE session.")
    posted_at: datetime | None = strawberry.field(
        default=None, description="Defaults to now; never in the future."
    )
