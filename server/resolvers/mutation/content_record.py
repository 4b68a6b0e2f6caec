from __future__ import annotations

import strawberry

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.models.enums import ContentKind
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.content import ContentRecordInput
from server.schema.types.content import Content, ContentErrorCode, ContentUserError
from server.schema.types.sample import SampleRequest
from server.services import content
from server.services.errors import DomainError, DomainErrors


@strawberry.type
class ContentRecordPayload:
    content: Content | None
    sample_request: SampleRequest | None = strawberry.field(
        description="The delivered sample this content fulfilled (now CONTENT_POSTED), if any."
    )
    user_errors: list[ContentUserError]


async def resolve_content_record(info: Info, input: ContentRecordInput) -> ContentRecordPayload:  # noqa: A002
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only creators in
    try:
        entry_id = decode_id(input.showcase_entry_id, "ShowcaseEntry")
    except InvalidId as exc:
        return ContentRecordPayload(
            content=None,
            sample_request=None,
            user_errors=[
                ContentUserError(
                    field=["input", "showcaseEntryId"], message=str(exc), code=ContentErrorCode.INVALID_ID
                )
            ],
        )
    try:
        content_id, sample_id = await content.record_content(
            ctx.rt,
            ctx.principal,
            showcase_entry_id=entry_id,
            kind=ContentKind(input.kind),
            url=input.url,
            posted_at=input.posted_at,
        )
    except (DomainError, DomainErrors) as error:
        return ContentRecordPayload(
            content=None,
            sample_request=None,
            user_errors=user_errors(error, ContentUserError, ContentErrorCode),
        )
    row = await ctx.loaders.content_by_id.load(content_id)
    sample = None if sample_id is None else await ctx.loaders.sample_request_by_id.load(sample_id)
    return ContentRecordPayload(
        content=None if row is None else Content.from_row(row),
        sample_request=None if sample is None else SampleRequest.from_row(sample),
        user_errors=[],
    )
