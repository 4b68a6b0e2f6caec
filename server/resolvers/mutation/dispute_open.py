from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_any_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.disputes import DisputeOpenInput
from server.schema.types.disputes import (
    Dispute,
    DisputeErrorCode,
    DisputePayload,
    DisputeUserError,
)
from server.services.disputes.opening import OpenSpec, open_dispute
from server.services.errors import DomainError, DomainErrors


async def payload_for(info: Info, dispute_id: int) -> DisputePayload:
    row = await info.context.loaders.disputes.dispute_by_id.load(dispute_id)
    return DisputePayload(dispute=None if row is None else Dispute.from_row(row), user_errors=[])


def failed(error: DomainError | DomainErrors) -> DisputePayload:
    return DisputePayload(dispute=None, user_errors=user_errors(error, DisputeUserError, DisputeErrorCode))


def invalid_id(exc: InvalidId, field: list[str]) -> DisputePayload:
    return DisputePayload(
        dispute=None,
        user_errors=[DisputeUserError(field=field, message=str(exc), code=DisputeErrorCode.INVALID_ID)],
    )


async def resolve_dispute_open(info: Info, input: DisputeOpenInput) -> DisputePayload:  # noqa: A002
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only creators and sellers in
    try:
        subject_type, subject_id = decode_any_id(input.subject_id)
    except InvalidId as exc:
        return invalid_id(exc, ["input", "subjectId"])
    spec = OpenSpec(
        type=input.type,
        subject_type=subject_type,
        subject_id=subject_id,
        body=input.message.body,
        links=list(input.message.links or []),
        order_number=input.order_number,
        order_date=input.order_date,
        claimed_amount=input.claimed_amount,
    )
    try:
        dispute_id = await open_dispute(ctx.rt, ctx.principal, spec)
    except (DomainError, DomainErrors) as error:
        return failed(error)
    return await payload_for(info, dispute_id)
