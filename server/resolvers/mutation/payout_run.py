from __future__ import annotations

import asyncio

from server.resolvers.finance_inputs import errors_of, input_id
from server.resolvers.inputs import principal_of
from server.schema.context import Info
from server.schema.inputs.finance import PayoutRunInput
from server.schema.types.finance import PaymentBill, Payout, PayoutRunPayload, PayoutRunResult
from server.services.errors import DomainError, DomainErrors
from server.services.finance import payouts


async def resolve_payout_run(info: Info, input: PayoutRunInput) -> PayoutRunPayload:  # noqa: A002
    try:
        bill_ids = (
            None
            if input.bill_ids is None
            else [
                input_id(value, "PaymentBill", ["input", "billIds", i])
                for i, value in enumerate(input.bill_ids)
            ]
        )
        results = await payouts.run_payouts(info.context.rt, principal_of(info), bill_ids=bill_ids)
    except (DomainError, DomainErrors) as error:
        return PayoutRunPayload(results=[], user_errors=errors_of(error))
    loaders = info.context.loaders.finance
    bill_rows, payout_rows = await asyncio.gather(
        loaders.bill_by_id.load_many([r.bill_id for r in results]),
        loaders.payouts_by_bill_id.load_many([r.bill_id for r in results]),
    )
    return PayoutRunPayload(
        results=[
            PayoutRunResult(
                bill=None if bill is None else PaymentBill.from_row(bill),
                outcome=r.outcome,
                block_reason=r.block_reason,
                message=r.message,
                payout=next((Payout.from_row(p) for p in attempts if p.id == r.payout_id), None),
            )
            for r, bill, attempts in zip(results, bill_rows, payout_rows, strict=True)
        ],
        user_errors=[],
    )
