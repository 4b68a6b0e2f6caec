from __future__ import annotations

from server.resolvers.registration_results import registration_payload
from server.schema.context import Info
from server.schema.inputs.registrations import BookmarkSetInput
from server.schema.types.registration import RegistrationPayload
from server.services import registration_bookmarks


async def resolve_bookmark_set(info: Info, input: BookmarkSetInput) -> RegistrationPayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    return await registration_payload(
        input.registration_id,
        lambda pk: registration_bookmarks.set_bookmark(info.context.rt, principal, pk, input.bookmarked),
        field=("input", "registrationId"),
    )
