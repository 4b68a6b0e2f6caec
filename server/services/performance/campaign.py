"""A campaign's performance: the overview, one row per registered product, and the collaboration progress of
each creator on one product. Every figure is an aggregate computed by the database (numbers.py defines them).

Who sees what is decided by the caller and handed in as a CampaignScope: the registrations the viewer may see
(the policy's row scope: an agency all of its campaign's, a seller its own, the operator all) and the ledger
accounts whose amounts it may see (a seller never the creator's or the agency's). Nothing here reads a role.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, reduce
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    Table,
    and_,
    distinct,
    exists,
    false,
    func,
    select,
    true,
    union,
)
from sqlalchemy.orm import aliased

from server import models
from server.models.enums import ContentKind, LedgerAccount, RegistrationStatus, ShowcaseStatus
from server.runtime import Runtime
from server.services.performance.numbers import (
    MONEY_NAMES,
    SAMPLE_APPROVED_STATUSES,
    SAMPLE_SHIPPED_STATUSES,
    Line,
    Numbers,
    count_if,
    total,
)
from server.services.performance.paging import Cursor, Order, Page, keyset, window
from server.services.performance.rollup_figures import plain, sales, summed
from server.services.registration_rules import effective_status_sql

R, P, Campaign = models.Registration, models.Product, models.Campaign
CampaignShops, CreatorProducts = models.rollup_campaign_shops, models.rollup_creator_products
Registrations = models.rollup_registrations
Showcase, Sample, Content = models.ShowcaseEntry, models.SampleRequest, models.Content

APPROVED_STATUSES = (RegistrationStatus.APPROVED, RegistrationStatus.PENDING_CLOSED)
REJECTED_STATUSES = (RegistrationStatus.REJECTED, RegistrationStatus.REJECT_FOREVER)

ORDER_KEYS = ("paid_orders", "actual_orders", "gmv_estimated", "gmv_actual")
MONEY_KEYS = tuple(f"{name}_{kind}" for name in MONEY_NAMES.values() for kind in ("estimated", "actual"))
COLLABORATION_KEYS = (
    "creators_collaborating",
    "creators_with_sales",
    "samples_requested",
    "samples_approved",
    "samples_shipped",
    "content_posted",
)
# What a product page may be sorted by (money keys only when the viewer's accounts include them).
PRODUCT_SORT_KEYS = ("registered_at", *COLLABORATION_KEYS, *ORDER_KEYS, *MONEY_KEYS)
CONTENT_KEYS = ("videos", "lives", "content_views", "content_likes", "content_orders")
CREATOR_SORT_KEYS = (*ORDER_KEYS, *MONEY_KEYS, *CONTENT_KEYS)


@dataclass(frozen=True, slots=True)
class CampaignScope:
    campaign_id: int
    registrations: ColumnElement[bool]  # which registrations the viewer may see (a predicate on Registration)
    accounts: frozenset[LedgerAccount]  # whose amounts the viewer may see
    now: datetime
    agency_id: int | None = None  # whose bookmarks the `bookmarked` filter reads (None: nobody's)

    def registration_ids(self) -> Select[int]:
        return select(R.id).where(R.campaign_id == self.campaign_id, self.registrations)

    def lines(self, registration_ids: Select[int] | None = None) -> list[ColumnElement[bool]]:
        ids = self.registration_ids() if registration_ids is None else registration_ids
        return [Line.campaign_id == self.campaign_id, Line.registration_id.in_(ids)]

    def shop_ids(self) -> Select[int]:
        """The shops of the registrations in scope: an order is one shop's, and a registration scope is whole
        shops (an agency or the operator all of the campaign's, a seller its own), so summing the campaign's
        per-shop rollups over them counts each order once."""
        return select(R.shop_id).where(R.campaign_id == self.campaign_id, self.registrations)

    def days(self) -> tuple[Table, list[ColumnElement[bool]]]:
        """The per-day rollup and the rows of it in scope, for series.daily."""
        t = models.rollup_campaign_days
        return t, [t.c.campaign_id == self.campaign_id, t.c.shop_id.in_(self.shop_ids())]


@cache  # fixed expressions, built once (rollup_figures.summed)
def _collaborators() -> tuple[Any, ...]:
    return (func.count(distinct(Showcase.creator_id)).label("creators_collaborating"),)


@cache
def _samples() -> tuple[Any, ...]:
    return (
        func.count(Sample.id).label("samples_requested"),
        count_if(Sample.status.in_(SAMPLE_APPROVED_STATUSES)).label("samples_approved"),
        count_if(Sample.status.in_(SAMPLE_SHIPPED_STATUSES)).label("samples_shipped"),
    )


def _cross(parts: list[Subquery]) -> Any:
    """One-row aggregates side by side (each subquery is an aggregate without GROUP BY: exactly one row)."""
    return reduce(lambda joined, part: joined.join(part, true()), parts[1:], parts[0])


# --- overview ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overview:
    products_registered: int
    products_approved: int
    products_pending: int
    products_rejected: int
    products_closed: int
    creators_collaborating: int
    creators_with_sales: int
    samples_requested: int
    samples_approved: int
    samples_shipped: int
    content_posted: int
    numbers: Numbers


async def campaign_overview(rt: Runtime, scope: CampaignScope) -> Overview:
    """The campaign's figures over the registrations in scope, in one statement."""
    ids = scope.registration_ids()
    status = effective_status_sql(scope.now)
    parts = [
        select(
            count_if(status != RegistrationStatus.WITHDRAWN).label("products_registered"),
            count_if(status.in_(APPROVED_STATUSES)).label("products_approved"),
            count_if(status == RegistrationStatus.PENDING).label("products_pending"),
            count_if(status.in_(REJECTED_STATUSES)).label("products_rejected"),
            count_if(status == RegistrationStatus.CLOSED).label("products_closed"),
        )
        .select_from(R)
        .join(Campaign, Campaign.id == R.campaign_id)
        .where(R.campaign_id == scope.campaign_id, scope.registrations),
        select(*summed(CampaignShops, scope.accounts)).where(
            CampaignShops.c.campaign_id == scope.campaign_id, CampaignShops.c.shop_id.in_(scope.shop_ids())
        ),
        select(func.count(distinct(CreatorProducts.c.creator_id)).label("creators_with_sales")).where(
            CreatorProducts.c.campaign_id == scope.campaign_id,
            CreatorProducts.c.registration_id.in_(ids),
            sales(CreatorProducts.c.sale_lines),
        ),
        select(*_collaborators()).where(
            Showcase.registration_id.in_(ids), Showcase.status == ShowcaseStatus.ACTIVE
        ),
        select(*_samples()).where(Sample.registration_id.in_(ids)),
        select(func.count(Content.id).label("content_posted")).where(Content.registration_id.in_(ids)),
    ]
    subqueries = [part.subquery() for part in parts]
    stmt = select(*(column for sq in subqueries for column in sq.c)).select_from(_cross(subqueries))
    async with rt.sessionmaker() as session:
        row = (await session.execute(stmt)).mappings().one()
    counts = {name: int(row[name]) for name in Overview.__dataclass_fields__ if name != "numbers"}
    return Overview(**counts, numbers=Numbers.from_mapping(row))


# --- products -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductFilter:
    statuses: tuple[RegistrationStatus, ...] = ()  # effective statuses; empty: any
    bookmarked: bool | None = None
    category: str | None = None
    has_content: bool | None = None  # at least one video or LIVE posted for it


@dataclass(frozen=True, slots=True)
class ProductRow:
    registration: models.Registration
    status: RegistrationStatus
    creators_collaborating: int
    creators_with_sales: int
    samples_requested: int
    samples_approved: int
    samples_shipped: int
    content_posted: int
    numbers: Numbers
    shown: tuple[Any, ...] = ()  # the values `extend` added to the row (the API's prefetched relations)


def _per_registration(scope: CampaignScope, ids: Select[int] | None = None) -> dict[str, Subquery]:
    """Each figure per registration, of the registrations in scope (or of `ids`, a page of them)."""
    ids = scope.registration_ids() if ids is None else ids
    parts = {
        "lines": select(
            Registrations.c.registration_id.label("key"), *plain(Registrations, scope.accounts)
        ).where(Registrations.c.campaign_id == scope.campaign_id, Registrations.c.registration_id.in_(ids)),
        "sales": select(
            CreatorProducts.c.registration_id.label("key"), func.count().label("creators_with_sales")
        )
        .where(
            CreatorProducts.c.campaign_id == scope.campaign_id,
            CreatorProducts.c.registration_id.in_(ids),
            sales(CreatorProducts.c.sale_lines),
        )
        .group_by(CreatorProducts.c.registration_id),
        "collaborators": select(Showcase.registration_id.label("key"), *_collaborators())
        .where(Showcase.registration_id.in_(ids), Showcase.status == ShowcaseStatus.ACTIVE)
        .group_by(Showcase.registration_id),
        "samples": select(Sample.registration_id.label("key"), *_samples())
        .where(Sample.registration_id.in_(ids))
        .group_by(Sample.registration_id),
        "content": select(
            Content.registration_id.label("key"), func.count(Content.id).label("content_posted")
        )
        .where(Content.registration_id.in_(ids))
        .group_by(Content.registration_id),
    }
    return {name: part.subquery(name) for name, part in parts.items()}


def _metrics(subqueries: list[Subquery]) -> dict[str, ColumnElement[int]]:
    """Each aggregate of the subqueries as 0 where a row has none (outer joins)."""
    return {c.name: func.coalesce(c, 0) for sq in subqueries for c in sq.c if c.name != "key"}


def _product_filters(
    scope: CampaignScope, f: ProductFilter, content: Subquery | None
) -> list[ColumnElement[bool]]:
    where = [R.campaign_id == scope.campaign_id, scope.registrations]
    if f.statuses:
        where.append(effective_status_sql(scope.now).in_([s.value for s in f.statuses]))
    if f.bookmarked is not None:
        bookmarked = (
            false()
            if scope.agency_id is None
            else exists().where(
                models.Bookmark.registration_id == R.id, models.Bookmark.agency_id == scope.agency_id
            )
        )
        where.append(bookmarked if f.bookmarked else ~bookmarked)
    if f.category:
        where.append(P.category == f.category.strip())
    if f.has_content is not None:
        assert content is not None
        posted = func.coalesce(content.c.content_posted, 0) > 0
        where.append(posted if f.has_content else ~posted)
    return where


async def product_page(
    rt: Runtime,
    scope: CampaignScope,
    f: ProductFilter,
    *,
    sort: str,
    descending: bool,
    first: int,
    after: Cursor | None,
    extend: Callable[[Select[*tuple[Any, ...]]], Select[*tuple[Any, ...]]] | None = None,
) -> Page[ProductRow]:
    """The registrations in scope with their figures, filtered, sorted by one figure (or registration time).
    `extend` may join what each row's registration shows (its values come back in `ProductRow.shown`)."""
    base = R.__table__.join(Campaign, Campaign.id == R.campaign_id).join(P, P.id == R.product_id)
    # Sorted by registration time or by an order figure (a rollup column), and not filtered by content, the page is
    # known from the registrations and their rollup row alone: compute the other figures (showcase, samples,
    # content) for that page's registrations only, not for every registration of the campaign.
    by_rollup = sort in ORDER_KEYS or sort in MONEY_KEYS
    late = (sort == "registered_at" or by_rollup) and f.has_content is None
    where = _product_filters(scope, f, None) if late else []
    page_ids = None
    if late:
        rollup = Registrations.c.registration_id == R.id
        paged = base.outerjoin(Registrations, rollup) if by_rollup else base
        if by_rollup and sort not in Registrations.c:
            raise ValueError(f"cannot sort products by {sort}")
        key = func.coalesce(Registrations.c[sort], 0) if by_rollup else R.registered_at
        order = Order(key, R.id, descending)
        # Computed once (a CTE) and shared by every figure's subquery: the planner then reaches each figure's
        # rows through its registration_id index for the page's ids, instead of re-running the page per figure.
        page = window(select(R.id).select_from(paged).where(*where), order, first=first, after=after).cte(
            "page"
        )
        page_ids = select(page.c.id)
    sq = _per_registration(scope, page_ids)
    metrics = _metrics(list(sq.values()))
    if sort not in PRODUCT_SORT_KEYS or (sort != "registered_at" and sort not in metrics):
        raise ValueError(f"cannot sort products by {sort}")
    joined = base.outerjoin(sq["content"], sq["content"].c.key == R.id)
    if not late:
        where = _product_filters(scope, f, sq["content"])
    count = select(R.id).select_from(base if late else joined).where(*where)
    for name, subquery in sq.items():
        if name != "content":
            joined = joined.outerjoin(subquery, subquery.c.key == R.id)
    status = effective_status_sql(scope.now).label("status")
    stmt: Select[*tuple[Any, ...]] = (
        select(R, status, *(column.label(name) for name, column in metrics.items()))
        .select_from(joined)
        .where(*where)
    )
    if page_ids is not None:  # the figures are there for the page's registrations only
        stmt = stmt.where(R.id.in_(page_ids))
    own = len(stmt.column_descriptions)
    if extend is not None:
        stmt = extend(stmt)
    shown = slice(own, len(stmt.column_descriptions))
    key = R.registered_at if sort == "registered_at" else metrics[sort]

    def wrap(row: Any) -> ProductRow:
        m = row._mapping
        return ProductRow(
            registration=row[0],
            status=RegistrationStatus(m["status"]),
            **{name: int(m[name]) for name in COLLABORATION_KEYS},
            numbers=Numbers.from_mapping(m),
            shown=tuple(row[shown]),
        )

    async with rt.sessionmaker() as session:
        return await keyset(
            session, stmt, count, Order(key, R.id, descending), first=first, after=after, wrap=wrap
        )


# --- collaborations (one product, per creator) -----------------------------------------------------------


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
    metrics = _metrics(list(sq.values()))
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
