"""What the performance root fields share: the viewer's scope on a campaign (from the policy), a creator's
scope, page arguments and the series' day range."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import strawberry

from server import models
from server.authz.decisions import row_scope
from server.authz.errors import PublicError
from server.ids import decode_id
from server.models.enums import Market
from server.schema.context import Info
from server.schema.pagination import InvalidPagination, check_first, decode_cursor
from server.schema.types.performance import visible_accounts
from server.services.performance.campaign import CampaignScope
from server.services.performance.creator import CreatorScope
from server.services.performance.paging import Cursor
from server.services.performance.series import DEFAULT_DAYS, MAX_DAYS, local_date, market_zone


class InvalidRange(PublicError):
    code = "INVALID_RANGE"


async def campaign_scope(
    info: Info, campaign_id: strawberry.ID | int
) -> tuple[models.Campaign, CampaignScope] | None:
    """The campaign if the viewer may see it, and what of it: the registrations of its row scope (an agency all
    of its campaign's, a seller its own, the operator all) and the ledger accounts the policy shows it."""
    pk = campaign_id if isinstance(campaign_id, int) else decode_id(campaign_id, "Campaign")
    campaign = await info.context.loaders.campaign_by_id.load(pk)
    if campaign is None:
        return None
    principal = info.context.principal
    return campaign, CampaignScope(
        campaign_id=pk,
        registrations=row_scope("Registration", principal),
        accounts=visible_accounts(principal),
        now=info.context.rt.clock.now(),
        agency_id=None if principal is None else principal.agency_id,
        viewer=None if principal is None else (principal.user_id, principal.role, principal.organisation_id),
    )


async def creator_scope(info: Info, market: Market | None) -> CreatorScope:
    """The viewing creator's own figures in `market` (default: its home market)."""
    principal = info.context.principal
    assert principal is not None and principal.creator_id is not None  # the policy lets creators in only
    if market is None:
        organisation = await info.context.loaders.organisation_by_id.load(principal.creator_id)
        market = organisation.market
        assert market is not None  # a creator has a home market
    return CreatorScope(creator_id=principal.creator_id, market=market)


def page_args(first: int, after: str | None, *, by_time: bool = False) -> Cursor | None:
    """The page size checked and the cursor decoded; a cursor must hold what the page is sorted by (an instant
    for registration time, otherwise a whole number): the statements bind it with that type."""
    check_first(first)
    if after is None:
        return None
    cursor = decode_cursor(after)
    value = cursor[0]
    fits = isinstance(value, datetime) if by_time else isinstance(value, int) and not isinstance(value, bool)
    if not fits:
        raise InvalidPagination("after: not a cursor of this sort", field="after")
    return cursor


def day_range(
    info: Info, market: Market, first: date | None, last: date | None, *, ends: date | None = None
) -> tuple[date, date]:
    """Local dates, inclusive: by default the 30 days up to today (or up to `ends`, a campaign's last day)."""
    today = local_date(info.context.rt.clock.now(), market_zone(market))
    if last is None:
        last = today if ends is None else min(today, ends)
    if first is None:
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidRange("from must be on or before to", field="from")
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidRange(f"Choose at most {MAX_DAYS} days", field="to")
    return first, last
