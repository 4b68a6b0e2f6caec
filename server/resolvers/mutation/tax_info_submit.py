from __future__ import annotations

from server.resolvers.finance_inputs import address_of, errors_of
from server.resolvers.inputs import principal_of
from server.schema.context import Info
from server.schema.inputs.finance import TaxInfoSubmitInput
from server.schema.types.finance import PaymentAccount, TaxInfo, TaxInfoPayload
from server.services.errors import DomainError, DomainErrors
from server.services.finance import tax


async def resolve_tax_info_submit(info: Info, input: TaxInfoSubmitInput) -> TaxInfoPayload:  # noqa: A002
    principal = principal_of(info)
    w9 = (
        None
        if input.w9 is None
        else tax.W9(
            legal_name=input.w9.legal_name,
            business_name=input.w9.business_name,
            entity_type=input.w9.entity_type,
            tin_type=input.w9.tin_type,
            tin=input.w9.tin,
            address=address_of(input.w9.address),
            certified=input.w9.certify,
        )
    )
    local = (
        None
        if input.local is None
        else tax.LocalTaxInfo(
            legal_name=input.local.legal_name,
            entity_type=input.local.entity_type,
            tax_id=input.local.tax_id,
            address=address_of(input.local.address),
        )
    )
    try:
        tax_info_id = await tax.submit_tax_info(info.context.rt, principal, w9=w9, local=local)
    except (DomainError, DomainErrors) as error:
        return TaxInfoPayload(tax_info=None, payment_account=None, user_errors=errors_of(error))
    return await payload_for(info, tax_info_id)


async def payload_for(info: Info, tax_info_id: int) -> TaxInfoPayload:
    row = await info.context.loaders.finance.tax_info_by_id.load(tax_info_id)
    if row is None:
        return TaxInfoPayload(tax_info=None, payment_account=None, user_errors=[])
    tax_info = TaxInfo.from_row(row)
    return TaxInfoPayload(
        tax_info=tax_info, payment_account=await PaymentAccount.load(info, tax_info.payee_pk), user_errors=[]
    )
