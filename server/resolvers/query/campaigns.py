from __future__ import annotations

from datetime import UTC

from sqlalchemy import select

from server import models
from server.authz.decisions import row_scope
from server.models.enums import Role
from server.schema.context import Info
from server.schema.inputs.campaigns import CampaignFilter, CampaignSort
from server.schema.pagination import Connection, keyset_page
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_payloads import CampaignSortField
from server.schema.types.common import SortDirection
from server.search import contains, contains_pattern
from server.services import campaign_rules, campaigns

SORT_COLUMNS = {
    CampaignSortField.START: models.Campaign.campaign_start,
    CampaignSortField.END: models.Campaign.campaign_end,
    CampaignSortField.CREATED: models.Campaign.created_at,
    CampaignSortField.REGISTRATION_END: models.Campaign.registration_end,
    CampaignSortField.COMMISSION_REQUIREMENT: models.Campaign.commission_requirement_bps,
}


async def resolve_campaigns(
    info: Info,
    first: int = 20,
    after: str | None = None,
    filter: CampaignFilter | None = None,  # noqa: A002
    sort: CampaignSort | None = None,
) -> Connection[Campaign]:
    """An agency's own campaigns; a seller's marketplace (and the campaigns it joined); every campaign for the
    operator. Pending changes that fell due are applied first, so every value shown is effective."""
    rt, principal = info.context.rt, info.context.principal
    await campaigns.apply_due_pending_changes(rt)
    c = models.Campaign
    now = rt.clock.now()
    stmt = select(c).where(row_scope("Campaign", principal))
    f = filter or CampaignFilter()
    if f.status:
        stmt = stmt.where(campaign_rules.status_is(list(f.status), now))
    if f.market is not None:
        stmt = stmt.where(c.market == f.market)
    if (pattern := contains_pattern(f.search)) is not None:
        stmt = stmt.where(contains(c.name, pattern))
    if f.max_commission_requirement_bps is not None:
        stmt = stmt.where(c.commission_requirement_bps <= f.max_commission_requirement_bps)
    if f.active_on is not None:
        at = f.active_on if f.active_on.tzinfo else f.active_on.replace(tzinfo=UTC)
        stmt = stmt.where(c.campaign_start <= at, c.campaign_end > at)
    if f.joined is not None and principal is not None and principal.role is Role.SELLER:
        joined = campaign_rules.joined_by_shop(principal.organisation_id)
        stmt = stmt.where(joined if f.joined else ~joined)
    if f.registration_open is not None:
        open_now = campaign_rules.registration_open_sql(now)
        stmt = stmt.where(open_now if f.registration_open else ~open_now)
    if f.archived is not None:
        stmt = stmt.where(c.archived_at.is_not(None) if f.archived else c.archived_at.is_(None))
    elif principal is not None and principal.role is Role.AGENCY:
        stmt = stmt.where(c.archived_at.is_(None))  # an agency's default list leaves its archive out
    s = sort or CampaignSort()
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=SORT_COLUMNS[s.field],
        pk=c.id,
        descending=s.direction is SortDirection.DESC,
        first=first,
        after=after,
        wrap=Campaign.from_row,
    )
