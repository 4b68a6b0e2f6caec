"""viewerLocaleSet input."""

from __future__ import annotations

import strawberry

from server.schema.types.common import Locale


@strawberry.input
class ViewerLocaleSetInput:
    locale: Locale | None = strawberry.field(
        description="The language to use; null follows the browser again."
    )
