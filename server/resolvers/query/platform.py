from __future__ import annotations

from server.loaders.counts import platform_counts
from server.schema.context import Info
from server.schema.types.tenants import PlatformOverview


async def resolve_platform_overview(info: Info) -> PlatformOverview | None:
    return PlatformOverview(**await platform_counts(info.context.reads))
