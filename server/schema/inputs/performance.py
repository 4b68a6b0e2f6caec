"""Performance lists' filters and sorts (campaign products, a product's creators)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from server.schema.types.common import SortDirection
from server.schema.types.registration import RegistrationStatus

if TYPE_CHECKING:
    pass
from server.schema.types.performance import CreatorCollaborationSortField, ProductPerformanceSortField


@strawberry.input
class ProductPerformanceFilter:
    status: list[RegistrationStatus] | None = strawberry.field(
        default=None, description="Status now: any of."
    )
    bookmarked: bool | None = strawberry.field(default=None, description="Bookmarked by the viewing agency.")
    category: str | None = None
    has_content: bool | None = strawberry.field(
        default=None, description="At least one video or LIVE was posted for it (true), or none (false)."
    )


@strawberry.input
class ProductPerformanceSort:
    field: ProductPerformanceSortField = ProductPerformanceSortField.GMV_ESTIMATED
    direction: SortDirection = SortDirection.DESC


@strawberry.input
class CreatorCollaborationSort:
    field: CreatorCollaborationSortField = CreatorCollaborationSortField.GMV_ESTIMATED
    direction: SortDirection = SortDirection.DESC
