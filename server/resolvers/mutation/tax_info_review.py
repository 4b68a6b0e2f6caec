from __future__ import annotations

from server.resolvers.finance_inputs import errors_of, input_id
from server.resolvers.inputs import principal_of
from server.resolvers.mutation.tax_info_submit import payload_for
from server.schema.context import Info
from server.schema.inputs.finance import TaxInfoReviewInput
from server.schema.types.finance import TaxInfoPayload
from server.services.errors import DomainError
from server.services.finance import tax


async def resolve_tax_info_review(info: Info, input: TaxInfoReviewInput) -> TaxInfoPayload:  # noqa: A002
    try:
        tax_info_id = await tax.review_tax_info(
            info.context.rt,
            principal_of(info),
            tax_info_id=input_id(input.id, "TaxInfo", ["input", "id"]),
            approve=input.approve,
            reason=input.reason,
        )
    except DomainError as error:
        return TaxInfoPayload(tax_info=None, payment_account=None, user_errors=errors_of(error))
    return await payload_for(info, tax_info_id)
