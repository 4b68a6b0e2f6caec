"""The markets an agency serves bind its campaigns.

A campaign is created (or duplicated) only in a market the agency serves. The agency changes the markets it
serves with `set_markets`; a market can be dropped only when no campaign of the agency in it is still open
(READY, UPCOMING or ONGOING): those would be stranded, running in a market the agency no longer serves, so the
change is refused with MARKET_IN_USE naming them. CLOSED campaigns never block it: they are read-only history,
stay readable and exportable, and keep their market. Both paths lock the agency row, so a campaign created
while its market is being dropped either lands first (and blocks the drop) or is refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.models.enums import CampaignStatus, Market
from server.runtime import Runtime
from server.services import audit, campaign_rules
from server.services.errors import DomainError
from server.services.unit_of_work import UnitOfWork

OPEN = [CampaignStatus.READY, CampaignStatus.UPCOMING, CampaignStatus.ONGOING]
NAMES_SHOWN = 5


async def served_markets(uow: UnitOfWork, agency_id: int) -> list[Market]:
    """The agency's markets, with its row locked for the rest of the transaction (PostgreSQL; SQLite's
    transactions already hold the write lock)."""
    markets = await uow.session.scalar(
        select(models.Agency.markets).where(models.Agency.organisation_id == agency_id).with_for_update()
    )
    return [Market(m) for m in markets or []]


async def not_served(uow: UnitOfWork, agency_id: int, market: Market) -> str | None:
    """Why the agency may not run a campaign in the market (None: it serves it)."""
    served = await served_markets(uow, agency_id)
    if market in served:
        return None
    return (
        f"Your agency serves {', '.join(m.value for m in served)}, not {market.value}; add {market.value} to the "
        "markets you serve first"
    )


def _normalise(markets: Sequence[Market]) -> list[Market]:
    if not markets:
        raise DomainError("REQUIRED", "Choose at least one market", ["input", "markets"])
    seen: list[Market] = []
    for market in markets:
        if market not in seen:
            seen.append(market)
    return seen


async def set_markets(
    rt: Runtime, principal: Principal, markets: Sequence[Market]
) -> tuple[models.Agency, models.Organisation]:
    """Replaces the markets the principal's agency serves (order kept, duplicates dropped)."""
    wanted = _normalise(markets)
    agency_id = principal.organisation_id
    async with UnitOfWork(rt) as uow:
        current = await served_markets(uow, agency_id)
        dropped = [m for m in current if m not in wanted]
        if dropped:
            c = models.Campaign
            rows = (
                await uow.session.execute(
                    select(c.market, c.name)
                    .where(
                        c.agency_id == agency_id,
                        c.market.in_(dropped),
                        campaign_rules.status_is(OPEN, rt.clock.now()),
                    )
                    .order_by(c.market, c.campaign_start, c.id)
                )
            ).all()
            if rows:
                names = ", ".join(f"{name} ({market.value})" for market, name in rows[:NAMES_SHOWN])
                more = f" and {len(rows) - NAMES_SHOWN} more" if len(rows) > NAMES_SHOWN else ""
                raise DomainError(
                    "MARKET_IN_USE",
                    f"{len(rows)} open campaign(s) run in a market you would drop: {names}{more}. They keep running "
                    "until they close; drop the market after that.",
                    ["input", "markets"],
                )
        agency = await uow.session.get_one(models.Agency, agency_id)
        organisation = await uow.session.get_one(models.Organisation, agency_id)
        if current != wanted:
            agency.markets = [m.value for m in wanted]
            organisation.market = wanted[0]
            audit.record(
                uow,
                principal,
                subject_type="Agency",
                subject_id=agency_id,
                action="agency.markets",
                changes={"markets": [[m.value for m in current], [m.value for m in wanted]]},
            )
    return agency, organisation
