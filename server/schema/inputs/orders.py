"""The order lines list's filter."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

from server.schema.types.orders import OrderLineStatus

if TYPE_CHECKING:
    pass


@strawberry.input(description="Which order lines: placed in [from, to), of one campaign, in some statuses.")
class OrderLineFilter:
    from_: datetime | None = strawberry.field(default=None, name="from", description="Placed at or after.")
    to: datetime | None = strawberry.field(default=None, description="Placed before.")
    campaign_id: strawberry.ID | None = None
    status: list[OrderLineStatus] | None = strawberry.field(
        default=None, description="Any of; all when empty."
    )
    attributed: bool | None = strawberry.field(
        default=None,
        description="true: through a creator (with commission); false: organic or not attributable.",
    )
