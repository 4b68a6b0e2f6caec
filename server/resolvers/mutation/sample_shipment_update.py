from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.models.enums import ShipmentStatus
from server.resolvers.mutation.sample_request import failed, invalid_id, payload_for
from server.schema.context import Info
from server.schema.inputs.samples import SampleShipmentUpdateInput
from server.schema.types.sample import SampleRequestPayload
from server.services import sample_shipment
from server.services.errors import DomainError, DomainErrors


async def resolve_sample_shipment_update(
    info: Info,
    input: SampleShipmentUpdateInput,  # noqa: A002
) -> SampleRequestPayload:
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only sellers in
    try:
        sample_id = decode_id(input.id, "SampleRequest")
    except InvalidId as exc:
        return invalid_id(exc, ["input", "id"])
    try:
        await sample_shipment.update_shipment(
            ctx.rt,
            ctx.principal,
            sample_id=sample_id,
            status=ShipmentStatus(input.status),
            carrier=input.carrier,
            tracking_number=input.tracking_number,
            note=input.note,
        )
    except (DomainError, DomainErrors) as error:
        return failed(error)
    return await payload_for(info, sample_id)
