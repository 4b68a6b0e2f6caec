from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.resolvers.mutation.sample_request import failed, invalid_id, payload_for
from server.schema.context import Info
from server.schema.inputs.samples import SampleContentExtensionInput
from server.schema.types.sample import SampleRequestPayload
from server.services import sample_shipment
from server.services.errors import DomainError, DomainErrors


async def resolve_sample_content_extension(
    info: Info,
    input: SampleContentExtensionInput,  # noqa: A002
) -> SampleRequestPayload:
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only creators in
    try:
        sample_id = decode_id(input.id, "SampleRequest")
    except InvalidId as exc:
        return invalid_id(exc, ["input", "id"])
    try:
        await sample_shipment.extend_content_deadline(ctx.rt, ctx.principal, sample_id=sample_id)
    except (DomainError, DomainErrors) as error:
        return failed(error)
    return await payload_for(info, sample_id)
