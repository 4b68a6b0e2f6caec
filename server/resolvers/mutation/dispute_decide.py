from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.resolvers.mutation.dispute_open import failed, invalid_id, payload_for
from server.schema.context import Info
from server.schema.inputs.disputes import DisputeDecideInput
from server.schema.types.disputes import DisputePayload
from server.services.disputes.deciding import decide
from server.services.errors import DomainError, DomainErrors


async def resolve_dispute_decide(info: Info, input: DisputeDecideInput) -> DisputePayload:  # noqa: A002
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only agencies in
    try:
        dispute_id = decode_id(input.id, "Dispute")
    except InvalidId as exc:
        return invalid_id(exc, ["input", "id"])
    try:
        await decide(
            ctx.rt,
            ctx.principal,
            dispute_id=dispute_id,
            uphold=input.uphold,
            note=input.note,
            amount=input.amount,
        )
    except (DomainError, DomainErrors) as error:
        return failed(error)
    return await payload_for(info, dispute_id)
