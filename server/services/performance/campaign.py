"""A campaign's performance: the overview and one row per registered product (the collaboration progress of each
creator on one product is collaborations.py). Every figure is an aggregate computed by the database (numbers.py
defines them); the statements are built once per shape and viewer and kept (CampaignScope.kept).

Who sees what is decided by the caller and handed in as a CampaignScope: the registrations the viewer may see
(the policy's row scope: an agency all of its campaign's, a seller its own, the operator all) and the ledger
accounts whose amounts it may see (a seller never the creator's or the agency's). Nothing here reads a role.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, reduce
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    Table,
    bindparam,
    distinct,
    exists,
    false,
    func,
    select,
    true,
)

from server import models
from server.lru import LRU
from server.models.enums import LedgerAccount, RegistrationStatus, ShowcaseStatus
from server.runtime import Runtime
from server.services.performance.numbers import (
    MONEY_NAMES,
    SAMPLE_APPROVED_STATUSES,
    SAMPLE_SHIPPED_STATUSES,
    Line,
    Numbers,
    count_if,
    outer_figures,
)
from server.services.performance.paging import (
    Bounds,
    Cursor,
    KeysetStatements,
    Order,
    Page,
    keyset_statements,
    run_keyset,
    window,
)
from server.services.performance.rollup_figures import plain, sales, summed
from server.services.registration_rules import effective_status_sql

R, P, Campaign = models.Registration, models.Product, models.Campaign
CampaignShops, CreatorProducts = models.rollup_campaign_shops, models.rollup_creator_products
Registrations = models.rollup_registrations
Showcase, Sample, Content = models.ShowcaseEntry, models.SampleRequest, models.Content
T = TypeVar("T")

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


# What a kept statement holds in place of the request's campaign and instant (CampaignScope.template).
CAMPAIGN_ID = bindparam("campaign_id", type_=R.__table__.c.campaign_id.type)
NOW = bindparam("now", type_=Campaign.__table__.c.campaign_end.type)
# A viewer's overview and product page together are ~180 KiB of statement objects (tracemalloc): 256 kept
# statements stay within tens of MB however many viewers come, and the busiest ones' stay built.
KEPT_STATEMENTS = 256
_KEPT: LRU[Any] = LRU(KEPT_STATEMENTS)


@dataclass(frozen=True, slots=True)
class CampaignScope:
    campaign_id: int
    registrations: ColumnElement[bool]  # which registrations the viewer may see (a predicate on Registration)
    accounts: frozenset[LedgerAccount]  # whose amounts the viewer may see
    now: datetime
    agency_id: int | None = None  # whose bookmarks the `bookmarked` filter reads (None: nobody's)
    # Whom `registrations` was built for (the policy's row scope depends on nothing else): statements built from
    # this scope are kept per viewer. None: built for this call only.
    viewer: Hashable | None = None

    def template(self) -> CampaignScope:
        """This scope with the campaign and the instant as bind parameters, to build a statement kept across
        requests (their values: `values()`)."""
        return replace(self, campaign_id=CAMPAIGN_ID, now=NOW)  # pyright: ignore[reportArgumentType]

    def values(self) -> dict[str, Any]:
        return {"campaign_id": self.campaign_id, "now": self.now}

    def kept(self, key: Hashable | None, build: Callable[[CampaignScope], T]) -> T:
        """What `build` makes of the template, built once per (key, viewer, accounts) and kept: building the
        dashboard's statements and deriving SQLAlchemy's cache keys from them was a third of its server time.
        With no key or no viewer it is built for this call only."""
        if key is None or self.viewer is None:
            return build(self.template())
        return _KEPT.get_or_build(
            (key, self.viewer, self.accounts, self.agency_id), lambda: build(self.template())
        )

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
    stmt = scope.kept("overview", _overview)
    async with rt.sessionmaker() as session:
        row = (await session.execute(stmt, scope.values())).mappings().one()
    counts = {name: int(row[name]) for name in Overview.__dataclass_fields__ if name != "numbers"}
    return Overview(**counts, numbers=Numbers.from_mapping(row))


def _overview(scope: CampaignScope) -> Select[Any]:
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
    return select(*(column for sq in subqueries for column in sq.c)).select_from(_cross(subqueries))


# --- products -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductFilter:
    statuses: tuple[RegistrationStatus, ...] = ()  # effective statuses; empty: any
    bookmarked: bool | None = None
    category: str | None = None
    has_content: bool | None = None  # at least one video or LIVE posted for it

    def shape(self) -> tuple[Any, ...]:
        """What a page statement's text depends on (its values are `values()`)."""
        return (bool(self.statuses), self.bookmarked, bool(self.category), self.has_content)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if self.statuses:
            values["statuses"] = [s.value for s in self.statuses]
        if self.category:
            values["category"] = self.category.strip()
        return values


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


def _product_filters(
    scope: CampaignScope, f: ProductFilter, content: Subquery | None
) -> list[ColumnElement[bool]]:
    where = [R.campaign_id == scope.campaign_id, scope.registrations]
    if f.statuses:
        where.append(effective_status_sql(scope.now).in_(bindparam("statuses", expanding=True)))
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
        where.append(P.category == bindparam("category", type_=P.__table__.c.category.type))
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
    extend_key: Hashable | None = None,
) -> Page[ProductRow]:
    """The registrations in scope with their figures, filtered, sorted by one figure (or registration time).
    `extend` may join what each row's registration shows (its values come back in `ProductRow.shown`); with
    `extend_key` saying what it joins, the page's statements are built once per shape and kept."""
    if sort not in PRODUCT_SORT_KEYS:
        raise ValueError(f"cannot sort products by {sort}")
    # A page that joins what `extend` adds without saying what that is cannot be kept.
    unknown = extend is not None and extend_key is None
    key = None if unknown else ("products", f.shape(), sort, descending, after is not None, extend_key)
    page = scope.kept(key, lambda t: _product_statements(t, f, sort, descending, after is not None, extend))
    shown = page.shown

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
        return await run_keyset(
            session, page.statements, scope.values() | f.values(), first=first, after=after, wrap=wrap
        )


@dataclass(frozen=True, slots=True)
class _ProductStatements:
    statements: KeysetStatements
    shown: slice  # where a row's `extend` columns are


def _product_statements(
    scope: CampaignScope,
    f: ProductFilter,
    sort: str,
    descending: bool,
    after: bool,
    extend: Callable[[Select[*tuple[Any, ...]]], Select[*tuple[Any, ...]]] | None,
) -> _ProductStatements:
    base = R.__table__.join(Campaign, Campaign.id == R.campaign_id).join(P, P.id == R.product_id)
    # Sorted by registration time or by an order figure (a rollup column), and not filtered by content, the page is
    # known from the registrations and their rollup row alone: compute the other figures (showcase, samples,
    # content) for that page's registrations only, not for every registration of the campaign.
    by_rollup = sort in ORDER_KEYS or sort in MONEY_KEYS
    late = (sort == "registered_at" or by_rollup) and f.has_content is None
    where = _product_filters(scope, f, None) if late else []
    page_ids = None
    bounds = None
    if late:
        rollup = Registrations.c.registration_id == R.id
        paged = base.outerjoin(Registrations, rollup) if by_rollup else base
        if by_rollup and sort not in Registrations.c:
            raise ValueError(f"cannot sort products by {sort}")
        key = func.coalesce(Registrations.c[sort], 0) if by_rollup else R.registered_at
        order = Order(key, R.id, descending)
        bounds = Bounds(order)
        # Computed once (a CTE) and shared by every figure's subquery: the planner then reaches each figure's
        # rows through its registration_id index for the page's ids, instead of re-running the page per figure.
        page = window(select(R.id).select_from(paged).where(*where), order, bounds, after=after).cte("page")
        page_ids = select(page.c.id)
    sq = _per_registration(scope, page_ids)
    metrics = outer_figures(list(sq.values()))
    if sort != "registered_at" and sort not in metrics:
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
    order = Order(key, R.id, descending)
    # The page CTE and the outer page share their bounds (the same cursor and size, one parameter each).
    statements = keyset_statements(stmt, count, order, after=after, bounds=bounds)
    return _ProductStatements(statements, shown)
