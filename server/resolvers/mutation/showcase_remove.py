from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_id, encode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.showcase import ShowcaseRemoveInput
from server.schema.types.showcase import ShowcaseErrorCode, ShowcaseRemovePayload, ShowcaseUserError
from server.services import showcase_remove
from server.services.errors import DomainError, DomainErrors


async def resolve_showcase_remove(info: Info, input: ShowcaseRemoveInput) -> ShowcaseRemovePayload:  # noqa: A002
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only creators in
    pks = []
    for index, raw in enumerate(input.entry_ids):
        try:
            pks.append(decode_id(raw, "ShowcaseEntry"))
        except InvalidId as exc:
            return ShowcaseRemovePayload(
                removed_ids=[],
                user_errors=[
                    ShowcaseUserError(
                        field=["input", "entryIds", str(index)],
                        message=str(exc),
                        code=ShowcaseErrorCode.INVALID_ID,
                    )
                ],
            )
    try:
        removed = await showcase_remove.remove_from_showcase(ctx.rt, ctx.principal, pks)
    except (DomainError, DomainErrors) as error:
        return ShowcaseRemovePayload(
            removed_ids=[], user_errors=user_errors(error, ShowcaseUserError, ShowcaseErrorCode)
        )
    return ShowcaseRemovePayload(
        removed_ids=[encode_id("ShowcaseEntry", pk) for pk in removed], user_errors=[]
    )
