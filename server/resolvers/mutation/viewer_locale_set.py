"""viewerLocaleSet: the signed-in user chooses the web app's language (or null to follow the browser)."""

from __future__ import annotations

import strawberry
from sqlalchemy import update

from server import models
from server.schema.context import Info
from server.schema.inputs.viewer import ViewerLocaleSetInput
from server.schema.types.common import Locale
from server.services.unit_of_work import UnitOfWork


@strawberry.type
class ViewerLocaleSetPayload:
    locale: Locale | None = strawberry.field(description="The viewer's language as now stored.")


async def resolve_viewer_locale_set(
    info: Info,
    input: ViewerLocaleSetInput,  # noqa: A002
) -> ViewerLocaleSetPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate let only logged-in roles in
    async with UnitOfWork(info.context.rt) as uow:
        await uow.session.execute(
            update(models.User).where(models.User.id == principal.user_id).values(locale=input.locale)
        )
    return ViewerLocaleSetPayload(locale=input.locale)
