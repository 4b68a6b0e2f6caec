from __future__ import annotations

from datetime import UTC, datetime

from server import models
from server.authz.decisions import row_scope
from server.authz.errors import PublicError
from server.ids import decode_id
from server.schema.context import Info
from server.schema.inputs.orders import OrderLineFilter
from server.schema.pagination import Connection, keyset_page
from server.schema.types.orders import OrderLine
from server.services.orders import line_counts, reads


class InvalidFilter(PublicError):
    code = "INVALID_FILTER"


def _utc(value: datetime | None) -> datetime | None:
    """A time without a zone is UTC (docs/domain.md: times are UTC instants)."""
    return value if value is None or value.tzinfo is not None else value.replace(tzinfo=UTC)


def line_filter(f: OrderLineFilter | None) -> reads.LineFilter:
    if f is None:
        return reads.LineFilter()
    out = reads.LineFilter(
        placed_from=_utc(f.from_),
        placed_to=_utc(f.to),
        campaign_id=None if f.campaign_id is None else decode_id(f.campaign_id, "Campaign"),
        statuses=tuple(f.status or ()),
        attributed=f.attributed,
    )
    if out.empty_range:
        raise InvalidFilter("filter.from must be before filter.to", field="filter.from")
    return out


async def resolve_order_lines(
    info: Info,
    first: int = 20,
    after: str | None = None,
    filter: OrderLineFilter | None = None,  # noqa: A002
) -> Connection[OrderLine]:
    """An agency's campaigns' attributed lines, a creator's own, a seller's shop's (attributed or not), all for an
    operator; newest order first."""
    principal, f = info.context.principal, line_filter(filter)
    stmt = reads.filtered(reads.line_rows(), f).where(row_scope("OrderLine", principal))
    # From the rollups where the filter allows; otherwise keyset_page counts up to MATCHUP_TOTAL_COUNT_CAP.
    count = (
        None if principal is None else line_counts.from_rollups(principal.role, principal.organisation_id, f)
    )
    return await keyset_page(
        info.context.rt,
        stmt,
        sort=models.Order.placed_at,
        pk=models.OrderLine.id,
        descending=True,
        first=first,
        after=after,
        wrap=lambda row: OrderLine.from_view(reads.line_view(row)),
        count=count,
    )
