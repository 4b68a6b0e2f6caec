from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.samples import SampleRequestInput
from server.schema.types.sample import (
    SampleRequest,
    SampleRequestErrorCode,
    SampleRequestPayload,
    SampleRequestUserError,
)
from server.services import sample_address, samples
from server.services.errors import DomainError, DomainErrors


async def payload_for(info: Info, sample_id: int) -> SampleRequestPayload:
    row = await info.context.loaders.sample_request_by_id.load(sample_id)
    return SampleRequestPayload(
        sample_request=None if row is None else SampleRequest.from_row(row), user_errors=[]
    )


def failed(error: DomainError | DomainErrors) -> SampleRequestPayload:
    return SampleRequestPayload(
        sample_request=None, user_errors=user_errors(error, SampleRequestUserError, SampleRequestErrorCode)
    )


def invalid_id(exc: InvalidId, field: list[str]) -> SampleRequestPayload:
    return SampleRequestPayload(
        sample_request=None,
        user_errors=[
            SampleRequestUserError(field=field, message=str(exc), code=SampleRequestErrorCode.INVALID_ID)
        ],
    )


async def resolve_sample_request(info: Info, input: SampleRequestInput) -> SampleRequestPayload:  # noqa: A002
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only creators in
    try:
        entry_id = decode_id(input.showcase_entry_id, "ShowcaseEntry")
    except InvalidId as exc:
        return invalid_id(exc, ["input", "showcaseEntryId"])
    a = input.address
    try:
        sample_id = await samples.request_sample(
            ctx.rt,
            ctx.principal,
            showcase_entry_id=entry_id,
            address=sample_address.Address(
                recipient_name=a.recipient_name,
                phone=a.phone,
                line1=a.line1,
                line2=a.line2,
                city=a.city,
                region=a.region,
                postal_code=a.postal_code,
                country=a.country,
            ),
        )
    except (DomainError, DomainErrors) as error:
        return failed(error)
    return await payload_for(info, sample_id)
