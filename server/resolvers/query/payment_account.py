from __future__ import annotations

from server.resolvers.inputs import principal_of
from server.schema.context import Info
from server.schema.types.finance import PaymentAccount


async def resolve_payment_account(info: Info) -> PaymentAccount | None:
    """The viewer's own payment account (agencies and creators)."""
    return await PaymentAccount.load(info, principal_of(info).organisation_id)
