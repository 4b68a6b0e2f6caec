from __future__ import annotations

from server.resolvers.finance_inputs import errors_of, input_id
from server.resolvers.inputs import principal_of
from server.resolvers.mutation.bank_account_link import payload_for
from server.schema.context import Info
from server.schema.inputs.finance import BankAccountUnlinkInput
from server.schema.types.finance import BankAccountPayload
from server.services.errors import DomainError
from server.services.finance import bank


async def resolve_bank_account_unlink(info: Info, input: BankAccountUnlinkInput) -> BankAccountPayload:  # noqa: A002
    try:
        bank_account_id = await bank.unlink_bank_account(
            info.context.rt, principal_of(info), input_id(input.id, "BankAccount", ["input", "id"])
        )
    except DomainError as error:
        return BankAccountPayload(bank_account=None, payment_account=None, user_errors=errors_of(error))
    return await payload_for(info, bank_account_id)
