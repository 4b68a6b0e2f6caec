from __future__ import annotations

from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.campaign_ops import AgencyMarketsSetInput
from server.schema.types.campaign_ops import AgencyErrorCode, AgencyPayload, AgencyUserError
from server.schema.types.tenants import Agency
from server.services import agency_markets
from server.services.errors import DomainError


async def resolve_agency_markets_set(info: Info, input: AgencyMarketsSetInput) -> AgencyPayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        row = await agency_markets.set_markets(info.context.rt, principal, list(input.markets))
    except DomainError as error:
        return AgencyPayload(agency=None, user_errors=user_errors(error, AgencyUserError, AgencyErrorCode))
    return AgencyPayload(agency=Agency.from_row(row), user_errors=[])
