"""How many order lines a viewer's filter keeps, without counting order lines where the rollups know the answer.

Every attributed line is counted in the rollups (`lines` of rollup_campaign_shops and rollup_creator_campaigns),
so a filter that narrows only by campaign and attribution is answered by summing a few rollup rows:
an agency's lines are its campaigns' (the attribution snapshot names the campaign's agency), a creator's its own,
a seller's attributed lines its shop's rows, the operator's attributed lines every row. Anything else (a time
range, statuses, or a shop's unattributed lines, which no rollup holds) is counted on the lines, but only up to
a cap: the count stops at `cap`, and a total equal to the cap means "at least that many".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, literal, select

from server import models
from server.models.enums import Role
from server.services.orders.reads import LineFilter
from server.services.performance.numbers import total

CampaignShops, CreatorCampaigns = models.rollup_campaign_shops, models.rollup_creator_campaigns


def from_rollups(role: Role, organisation_id: int, f: LineFilter) -> Select[*tuple[Any, ...]] | None:
    """One statement summing the rollup rows that hold the count, or None when the rollups cannot answer."""
    if f.placed_from is not None or f.placed_to is not None or f.statuses:
        return None
    if f.attributed is False:  # unattributed lines are in no rollup (and an agency or a creator has none)
        return None if role in (Role.SELLER, Role.OPERATOR) else select(literal(0))
    attributed_only = f.attributed is True or f.campaign_id is not None
    where: list[ColumnElement[bool]]
    if role is Role.CREATOR:
        table: Any = CreatorCampaigns
        where = [table.c.creator_id == organisation_id]
    elif role is Role.AGENCY:
        table = CampaignShops
        where = [
            table.c.campaign_id.in_(
                select(models.Campaign.id).where(models.Campaign.agency_id == organisation_id)
            )
        ]
    elif role is Role.SELLER and attributed_only:
        table = CampaignShops
        where = [table.c.shop_id == organisation_id]
    elif role is Role.OPERATOR and attributed_only:
        table, where = CampaignShops, []
    else:
        return None
    if f.campaign_id is not None:
        where.append(table.c.campaign_id == f.campaign_id)
    return select(total(table.c.lines)).where(*where)
