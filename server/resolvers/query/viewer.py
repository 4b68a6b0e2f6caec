from __future__ import annotations

from server.schema.context import Info
from server.schema.types.tenants import Viewer


async def resolve_viewer(info: Info) -> Viewer | None:
    principal = info.context.principal
    if principal is None:
        return None
    return Viewer(
        role=principal.role,
        session_expires_at=principal.expires_at,
        user_pk=principal.user_id,
        organisation_pk=principal.organisation_id,
    )
