from __future__ import annotations

from server.resolvers.finance_inputs import errors_of
from server.resolvers.inputs import principal_of
from server.schema.context import Info
from server.schema.inputs.finance import BillsGenerateInput
from server.schema.types.finance import BillsGeneratePayload, PaymentBill
from server.services.errors import DomainError
from server.services.finance import bills


async def resolve_bills_generate(info: Info, input: BillsGenerateInput) -> BillsGeneratePayload:  # noqa: A002
    try:
        ids = await bills.generate_bills(info.context.rt, period=input.period, actor=principal_of(info))
    except DomainError as error:
        return BillsGeneratePayload(bills=[], user_errors=errors_of(error))
    rows = await info.context.loaders.finance.bill_by_id.load_many(ids)
    return BillsGeneratePayload(
        bills=[PaymentBill.from_row(row) for row in rows if row is not None], user_errors=[]
    )
