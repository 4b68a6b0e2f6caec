"""The collaboration progress of each creator on one product of a campaign: who added it or sold it, since when,
their latest showcase entry, sample and content, and their figures (read from the rollups), a keyset page of them.
Who sees what comes in the CampaignScope (campaign.py), as for the campaign's other views."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, union
from sqlalchemy.orm import aliased

from server import models
from server.models.enums import ContentKind
from server.runtime import Runtime
from server.services.performance.campaign import MONEY_KEYS, ORDER_KEYS, CampaignScope
from server.services.performance.numbers import Numbers, count_if, outer_figures, total
from server.services.performance.paging import Cursor, Order, Page, keyset
from server.services.performance.rollup_figures import plain

R = models.Registration
CreatorProducts = models.rollup_creator_products
Showcase, Sample, Content = models.ShowcaseEntry, models.SampleRequest, models.Content

CONTENT_KEYS = ("videos", "lives", "content_views", "content_likes", "content_orders")
CREATOR_SORT_KEYS = (*ORDER_KEYS, *MONEY_KEYS, *CONTENT_KEYS)


@dataclass(slots=True)
class CollaborationRow:
    creator_id: int
    since: datetime | None  # when the creator first added the product (null: orders through a link only)
    entry: models.ShowcaseEntry | None  # the creator's latest showcase entry for the product
    sample: models.SampleRequest | None
    videos: int
    lives: int
    content_views: int
    content_likes: int
    content_orders: int
    numbers: Numbers
    contents: list[models.Content] = field(default_factory=list[models.Content])


async def collaboration_page(
    rt: Runtime,
    scope: CampaignScope,
    registration_id: int,
    *,
    sort: str,
    descending: bool,
    first: int,
    after: Cursor | None,
) -> Page[CollaborationRow]:
    """Every creator who added the product (any entry status) or sold it, with its progress and figures; empty
    when the registration is not the campaign's or not in scope."""
    reg = select(R.id).where(R.id == registration_id, R.campaign_id == scope.campaign_id, scope.registrations)
    creators = union(
        select(Showcase.creator_id.label("creator_id")).where(Showcase.registration_id.in_(reg)),
        select(CreatorProducts.c.creator_id).where(CreatorProducts.c.registration_id.in_(reg)),
    ).subquery("creators")
    entries = (
        select(
            Showcase.creator_id.label("key"),
            func.min(Showcase.added_at).label("since"),
            func.max(Showcase.id).label("latest_entry_id"),
        )
        .where(Showcase.registration_id.in_(reg))
        .group_by(Showcase.creator_id)
        .subquery("entries")
    )
    parts = {
        "lines": select(
            CreatorProducts.c.creator_id.label("key"), *plain(CreatorProducts, scope.accounts)
        ).where(CreatorProducts.c.registration_id.in_(reg)),
        "content": select(
            Content.creator_id.label("key"),
            count_if(Content.kind == ContentKind.VIDEO).label("videos"),
            count_if(Content.kind == ContentKind.LIVE).label("lives"),
            total(Content.views).label("content_views"),
            total(Content.likes).label("content_likes"),
            total(Content.orders_count).label("content_orders"),
        )
        .where(Content.registration_id.in_(reg))
        .group_by(Content.creator_id),
    }
    sq = {name: part.subquery(name) for name, part in parts.items()}
    metrics = outer_figures(list(sq.values()))
    if sort not in CREATOR_SORT_KEYS or sort not in metrics:
        raise ValueError(f"cannot sort collaborations by {sort}")
    latest = aliased(Showcase, name="latest_entry")
    creator_id = creators.c.creator_id
    joined = (
        creators.outerjoin(entries, entries.c.key == creator_id)
        .outerjoin(latest, latest.id == entries.c.latest_entry_id)
        .outerjoin(Sample, and_(Sample.creator_id == creator_id, Sample.registration_id == registration_id))
    )
    for subquery in sq.values():
        joined = joined.outerjoin(subquery, subquery.c.key == creator_id)
    stmt = select(
        creator_id, entries.c.since, latest, Sample, *(column.label(name) for name, column in metrics.items())
    ).select_from(joined)

    def wrap(row: Any) -> CollaborationRow:
        m = row._mapping
        content_counts: dict[str, Any] = {name: int(m[name]) for name in CONTENT_KEYS}
        return CollaborationRow(
            creator_id=row[0],
            since=row[1],
            entry=row[2],
            sample=row[3],
            **content_counts,
            numbers=Numbers.from_mapping(m),
        )

    async with rt.sessionmaker() as session:
        page = await keyset(
            session,
            stmt,
            select(creator_id),
            Order(metrics[sort], creator_id, descending),
            first=first,
            after=after,
            wrap=wrap,
        )
        by_creator: dict[int, list[models.Content]] = defaultdict(list)
        if page.items:
            rows = await session.scalars(
                select(Content)
                .where(
                    Content.registration_id == registration_id,
                    Content.creator_id.in_([item.value.creator_id for item in page.items]),
                )
                .order_by(Content.posted_at, Content.id)
            )
            for content in rows:
                by_creator[content.creator_id].append(content)
    for item in page.items:
        item.value.contents = by_creator[item.value.creator_id]
    return page
