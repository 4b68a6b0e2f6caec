from __future__ import annotations

import strawberry
from starlette.responses import Response

from server.resolvers.errors import user_errors
from server.resolvers.query.viewer import resolve_viewer
from server.schema.context import Info
from server.schema.errors import AuthErrorCode, AuthUserError
from server.schema.inputs.auth import LoginInput
from server.schema.types.tenants import Viewer
from server.services import auth
from server.services.errors import DomainError


@strawberry.type
class LoginPayload:
    viewer: Viewer | None
    token: str | None = strawberry.field(
        description="Bearer token for API clients. The web app uses the HttpOnly cookie."
    )
    user_errors: list[AuthUserError]


def _client_ip(info: Info) -> str | None:
    client = info.context.request.client
    return client.host if client else None


async def resolve_login(info: Info, input: LoginInput) -> LoginPayload:  # noqa: A002
    ctx = info.context
    try:
        result = await auth.login(
            ctx.rt,
            email=input.email,
            password=input.password,
            client_ip=_client_ip(info),
            user_agent=ctx.request.headers.get("user-agent"),
        )
    except DomainError as error:
        return LoginPayload(
            viewer=None, token=None, user_errors=user_errors(error, AuthUserError, AuthErrorCode)
        )
    settings = ctx.rt.settings
    if isinstance(ctx.response, Response):  # HTTP (a websocket has no cookies to set)
        ctx.response.set_cookie(
            settings.cookie_name,
            result.token,
            max_age=settings.session_ttl_hours * 3600,
            httponly=True,
            samesite="lax",
            secure=settings.session_cookie_secure,
            path="/",
        )
    ctx.act_as(result.principal)
    return LoginPayload(viewer=await resolve_viewer(info), token=result.token, user_errors=[])
