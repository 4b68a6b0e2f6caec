from __future__ import annotations

from server.models.enums import Currency
from server.schema.context import Info
from server.schema.types.orders import Earnings
from server.services.orders import reads


async def resolve_earnings(info: Info, currency: Currency | None = None) -> list[Earnings]:
    principal = info.context.principal
    assert principal is not None  # the policy lets agencies, sellers and creators in
    organisation = await info.context.loaders.organisation_by_id.load(principal.organisation_id)
    async with info.context.rt.sessionmaker() as session:
        sums = await reads.earnings(session, principal.role, organisation, currency)
    return [Earnings.of(s) for s in sums]
