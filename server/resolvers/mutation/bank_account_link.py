from __future__ import annotations

from server.resolvers.finance_inputs import errors_of
from server.resolvers.inputs import principal_of
from server.schema.context import Info
from server.schema.inputs.finance import BankAccountLinkInput
from server.schema.types.finance import BankAccount, BankAccountPayload, PaymentAccount
from server.services.errors import DomainError, DomainErrors
from server.services.finance import bank


async def resolve_bank_account_link(info: Info, input: BankAccountLinkInput) -> BankAccountPayload:  # noqa: A002
    principal = principal_of(info)
    details = bank.BankDetails(
        holder_name=input.holder_name,
        bank_name=input.bank_name,
        account_number=input.account_number,
        routing_code=input.routing_code,
    )
    try:
        bank_account_id = await bank.link_bank_account(info.context.rt, principal, details)
    except (DomainError, DomainErrors) as error:
        return BankAccountPayload(bank_account=None, payment_account=None, user_errors=errors_of(error))
    return await payload_for(info, bank_account_id)


async def payload_for(info: Info, bank_account_id: int) -> BankAccountPayload:
    return BankAccountPayload(
        bank_account=await BankAccount.load(info, bank_account_id),
        payment_account=await PaymentAccount.load(info, principal_of(info).organisation_id),
        user_errors=[],
    )
