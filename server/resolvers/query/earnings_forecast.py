from __future__ import annotations

from server.schema.context import Info
from server.schema.types.forecast import EarningsForecast
from server.services.insight.forecast_groups import party_forecast


async def resolve_earnings_forecast(info: Info) -> EarningsForecast:
    principal = info.context.principal
    assert principal is not None  # the policy lets agencies, sellers and creators in: each its own forecast
    return EarningsForecast.of(await party_forecast(info.context.reads, principal))
