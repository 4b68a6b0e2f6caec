from __future__ import annotations

import strawberry
from starlette.responses import Response

from server.schema.context import Info
from server.services import auth


@strawberry.type
class LogoutPayload:
    ok: bool = strawberry.field(description="True when a session was ended.")


async def resolve_logout(info: Info) -> LogoutPayload:
    ctx = info.context
    ended = await auth.logout(ctx.rt, ctx.principal)
    if isinstance(ctx.response, Response):  # HTTP (a websocket has no cookies to set)
        ctx.response.delete_cookie(
            ctx.rt.settings.cookie_name,
            path="/",
            httponly=True,
            samesite="lax",
            secure=ctx.rt.settings.session_cookie_secure,
        )
    ctx.act_as(None)
    return LogoutPayload(ok=ended)
