"""Campaign and creator performance: the figures each role may see (who sees what: server/authz/policy.py).

The agency sees everything of its campaigns, down to each creator; the seller the same figures for its own
products only, never a creator and never the split (creator and agency commission are null for it); the
creator its own sales and commission, never the seller's total or the agency's share. Figures are computed by
the database per request (server/services/performance/); `PerformanceNumbers` defines them for every view.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import strawberry

from server import models
from server.auth.principal import Principal
from server.authz.decisions import field_access
from server.authz.errors import PublicError
from server.authz.policy import FIELD_RULES
from server.authz.rules import Access, audience_of
from server.models import enums
from server.rates import entry_rate_in_force
from server.schema.context import Info
from server.schema.pagination import Connection, Edge, PageInfo, encode_cursor
from server.schema.types.campaign import Campaign
from server.schema.types.common import Currency, Money
from server.schema.types.content import Content
from server.schema.types.registration import Registration, RegistrationStatus
from server.schema.types.sample import SampleRequest
from server.schema.types.showcase import ShowcaseStatus
from server.schema.types.tenants import Creator

if TYPE_CHECKING:
    from server.services.performance.campaign import Overview, ProductRow
    from server.services.performance.collaborations import CollaborationRow
    from server.services.performance.numbers import Numbers
    from server.services.performance.paging import Page
    from server.services.performance.series import Day

T = TypeVar("T")
S = TypeVar("S")
LocalDate = date

# The ledger account behind each party's amounts, by the PerformanceNumbers field that shows them.
ACCOUNT_FIELDS = {
    enums.LedgerAccount.SELLER_PAYABLE: "sellerPaidEstimated",
    enums.LedgerAccount.CREATOR_EARNINGS: "creatorCommissionEstimated",
    enums.LedgerAccount.AGENCY_EARNINGS: "agencyCommissionEstimated",
}


class InvalidSort(PublicError):
    code = "INVALID_SORT"


def visible_accounts(principal: Principal | None) -> frozenset[enums.LedgerAccount]:
    """The ledger accounts whose amounts the viewer may see, read from the policy's PerformanceNumbers rules, so
    that hidden amounts are not even computed."""
    audience = audience_of(principal)
    return frozenset(
        account
        for account, name in ACCOUNT_FIELDS.items()
        if field_access("PerformanceNumbers", name, audience) is not Access.DENY
    )


def _camel(key: str) -> str:
    return re.sub(r"_(\w)", lambda m: m.group(1).upper(), key)


def check_sort(principal: Principal | None, type_name: str, key: str) -> None:
    """Sorting by a figure the viewer may not see would leak its order: refused, as the policy says. A key
    that is no field (registration time) goes with the row."""
    owner, name = ("PerformanceNumbers" if key in NUMBER_KEYS else type_name), _camel(key)
    if (
        name in FIELD_RULES.get(owner, {})
        and field_access(owner, name, audience_of(principal)) is Access.DENY
    ):
        raise InvalidSort(f"You cannot sort by {key.upper()}", field="sort.field")


def connection(page: Page[S], wrap: Callable[[S], T], after: str | None) -> Connection[T]:
    edges = [Edge(cursor=encode_cursor(*item.cursor), node=wrap(item.value)) for item in page.items]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=page.total,
    )


def _money(amount: int | None, currency: enums.Currency) -> Money | None:
    return None if amount is None else Money.of(amount, currency)


@strawberry.type(
    description="Orders, GMV and commission of a set of attributed order lines. Estimated: every paid line as it "
    "stands now (settled ones at their final amount); actual: settled lines only (after the market's settlement "
    "window, after returns). The seller never sees the creator's or the agency's share, the creator never the "
    "seller's total or the agency's share: those are null."
)
class PerformanceNumbers:
    paid_orders: int = strawberry.field(
        description="Orders with a paid line (later cancelled or returned ones included)."
    )
    actual_orders: int = strawberry.field(description="Orders with a settled line.")
    gmv_estimated: Money = strawberry.field(
        description="Paid by buyers after refunds, on lines that are sales now (not cancelled or fully refunded)."
    )
    gmv_actual: Money = strawberry.field(description="The same, on settled lines.")
    seller_paid_estimated: Money | None = strawberry.field(
        description="Commission the seller pays (total rate)."
    )
    seller_paid_actual: Money | None
    creator_commission_estimated: Money | None = strawberry.field(
        description="The creators' share (own, for a creator)."
    )
    creator_commission_actual: Money | None
    agency_commission_estimated: Money | None = strawberry.field(description="The agency's share.")
    agency_commission_actual: Money | None

    @classmethod
    def of(cls, n: Numbers, currency: enums.Currency) -> PerformanceNumbers:
        return cls(
            paid_orders=n.paid_orders,
            actual_orders=n.actual_orders,
            gmv_estimated=Money.of(n.gmv_estimated, currency),
            gmv_actual=Money.of(n.gmv_actual, currency),
            seller_paid_estimated=_money(n.seller_paid_estimated, currency),
            seller_paid_actual=_money(n.seller_paid_actual, currency),
            creator_commission_estimated=_money(n.creator_commission_estimated, currency),
            creator_commission_actual=_money(n.creator_commission_actual, currency),
            agency_commission_estimated=_money(n.agency_commission_estimated, currency),
            agency_commission_actual=_money(n.agency_commission_actual, currency),
        )


NUMBER_KEYS = frozenset(PerformanceNumbers.__annotations__)  # the service's names of the figures (sort keys)


@strawberry.type(
    description="A campaign's overview, over the registrations the viewer may see (a seller: its own)."
)
class CampaignPerformance:
    row: strawberry.Private[models.Campaign]
    currency: Currency
    computed_at: datetime = strawberry.field(description="When these figures were read (they are live).")
    products_registered: int = strawberry.field(description="Registrations not withdrawn.")
    products_approved: int = strawberry.field(description="Ongoing: APPROVED or PENDING_CLOSED.")
    products_pending: int
    products_rejected: int = strawberry.field(description="REJECTED or REJECT_FOREVER.")
    products_closed: int
    creators_collaborating: int = strawberry.field(
        description="Creators with the products in their showcase now."
    )
    creators_with_sales: int = strawberry.field(description="Creators credited with at least one sale.")
    samples_requested: int | None = strawberry.field(
        description="Sample requests, in any status (agency only)."
    )
    samples_approved: int = strawberry.field(description="Samples approved, and everything after it.")
    samples_shipped: int
    content_posted: int = strawberry.field(description="Videos and LIVE sessions posted for the products.")
    numbers: PerformanceNumbers

    @classmethod
    def of(cls, campaign: models.Campaign, overview: Overview, computed_at: datetime) -> CampaignPerformance:
        currency = enums.MARKET_CURRENCY[campaign.market]
        return cls(
            row=campaign,
            currency=currency,
            computed_at=computed_at,
            products_registered=overview.products_registered,
            products_approved=overview.products_approved,
            products_pending=overview.products_pending,
            products_rejected=overview.products_rejected,
            products_closed=overview.products_closed,
            creators_collaborating=overview.creators_collaborating,
            creators_with_sales=overview.creators_with_sales,
            samples_requested=overview.samples_requested,
            samples_approved=overview.samples_approved,
            samples_shipped=overview.samples_shipped,
            content_posted=overview.content_posted,
            numbers=PerformanceNumbers.of(overview.numbers, currency),
        )

    @strawberry.field
    def campaign(self) -> Campaign | None:
        return Campaign.from_row(self.row)


@strawberry.type(description="One registered product of a campaign with its figures.")
class ProductPerformance:
    registration: Registration = strawberry.field(
        description="The product, its terms and status, as you may see them."
    )
    status: RegistrationStatus = strawberry.field(description="Now (a campaign that ended shows CLOSED).")
    creators_collaborating: int
    creators_with_sales: int
    samples_requested: int | None = strawberry.field(description="Agency only.")
    samples_approved: int
    samples_shipped: int
    content_posted: int
    numbers: PerformanceNumbers

    @classmethod
    def of(cls, row: ProductRow, currency: enums.Currency, registration: Registration) -> ProductPerformance:
        return cls(
            registration=registration,
            status=row.status,
            creators_collaborating=row.creators_collaborating,
            creators_with_sales=row.creators_with_sales,
            samples_requested=row.samples_requested,
            samples_approved=row.samples_approved,
            samples_shipped=row.samples_shipped,
            content_posted=row.content_posted,
            numbers=PerformanceNumbers.of(row.numbers, currency),
        )


@strawberry.type(
    description="One creator's collaboration on one product: progress and figures (agency only)."
)
class CreatorCollaboration:
    row: strawberry.Private[Any]  # CollaborationRow
    since: datetime | None = strawberry.field(
        description="When the creator first added the product; null when it sold only through a link."
    )
    showcase_status: ShowcaseStatus | None = strawberry.field(
        description="Of the creator's latest showcase entry."
    )
    videos: int
    lives: int
    content_views: int = strawberry.field(
        description="Views of its videos and LIVE sessions for the product."
    )
    content_likes: int
    content_orders: int = strawberry.field(
        description="Orders its content reports (from the content platform)."
    )
    contents: list[Content] = strawberry.field(
        description="Its videos and LIVE sessions for the product, oldest first."
    )
    numbers: PerformanceNumbers

    @classmethod
    def of(cls, row: CollaborationRow, currency: enums.Currency) -> CreatorCollaboration:
        return cls(
            row=row,
            since=row.since,
            showcase_status=None if row.entry is None else row.entry.status,
            videos=row.videos,
            lives=row.lives,
            content_views=row.content_views,
            content_likes=row.content_likes,
            content_orders=row.content_orders,
            contents=[Content.from_row(c) for c in row.contents],
            numbers=PerformanceNumbers.of(row.numbers, currency),
        )

    @strawberry.field
    async def creator(self, info: Info) -> Creator | None:
        row = await info.context.loaders.creator_by_id.load(self.row.creator_id)
        return None if row is None else Creator.from_row(row)

    @strawberry.field(description="The creator's rate in force on its latest entry (bps).")
    def creator_rate_bps(self, info: Info) -> int | None:
        e = self.row.entry
        if e is None:
            return None
        return entry_rate_in_force(e, info.context.rt.clock.now())

    @strawberry.field(
        description="Its sample request: status, shipping and content deadline (never the address)."
    )
    def sample_request(self) -> SampleRequest | None:
        return None if self.row.sample is None else SampleRequest.from_row(self.row.sample)


@strawberry.type(description="One local day of a series.")
class PerformanceDay:
    date: LocalDate = strawberry.field(description="The local date in the series' time zone.")
    start: datetime = strawberry.field(description="Its local midnight, as a UTC instant.")
    numbers: PerformanceNumbers = strawberry.field(description="Of the lines paid that day.")

    @classmethod
    def of(cls, day: Day, currency: enums.Currency) -> PerformanceDay:
        return cls(date=day.date, start=day.start, numbers=PerformanceNumbers.of(day.numbers, currency))


@strawberry.type(
    description="Daily figures for charts, by the day each line was paid, in the market's time zone."
)
class PerformanceSeries:
    time_zone: str = strawberry.field(description="IANA time zone of the days, e.g. Asia/Bangkok.")
    currency: Currency
    from_: LocalDate = strawberry.field(name="from")
    to: LocalDate
    days: list[PerformanceDay] = strawberry.field(description="Every day from `from` to `to`, in order.")

    @classmethod
    def of(cls, market: enums.Market, first: date, last: date, days: list[Day]) -> PerformanceSeries:
        """The days of a market, in its time zone and currency."""
        currency = enums.MARKET_CURRENCY[market]
        return cls(
            time_zone=enums.MARKET_TIMEZONE[market],
            currency=currency,
            from_=first,
            to=last,
            days=[PerformanceDay.of(day, currency) for day in days],
        )


@strawberry.type(description="A campaign's figures changed: refetch what you show (at most one a second).")
class CampaignNumbersChange:
    campaign: Campaign | None
    at: datetime


# --- inputs ----------------------------------------------------------------------------------------------


@strawberry.enum(description="What campaignProductPerformance sorts by (a figure you may see).")
class ProductPerformanceSortField(enum.StrEnum):
    REGISTERED_AT = "REGISTERED_AT"
    CREATORS_COLLABORATING = "CREATORS_COLLABORATING"
    CREATORS_WITH_SALES = "CREATORS_WITH_SALES"
    SAMPLES_REQUESTED = "SAMPLES_REQUESTED"
    SAMPLES_APPROVED = "SAMPLES_APPROVED"
    SAMPLES_SHIPPED = "SAMPLES_SHIPPED"
    CONTENT_POSTED = "CONTENT_POSTED"
    PAID_ORDERS = "PAID_ORDERS"
    ACTUAL_ORDERS = "ACTUAL_ORDERS"
    GMV_ESTIMATED = "GMV_ESTIMATED"
    GMV_ACTUAL = "GMV_ACTUAL"
    SELLER_PAID_ESTIMATED = "SELLER_PAID_ESTIMATED"
    SELLER_PAID_ACTUAL = "SELLER_PAID_ACTUAL"
    CREATOR_COMMISSION_ESTIMATED = "CREATOR_COMMISSION_ESTIMATED"
    CREATOR_COMMISSION_ACTUAL = "CREATOR_COMMISSION_ACTUAL"
    AGENCY_COMMISSION_ESTIMATED = "AGENCY_COMMISSION_ESTIMATED"
    AGENCY_COMMISSION_ACTUAL = "AGENCY_COMMISSION_ACTUAL"


@strawberry.enum(description="What campaignProductCollaborations sorts by.")
class CreatorCollaborationSortField(enum.StrEnum):
    PAID_ORDERS = "PAID_ORDERS"
    ACTUAL_ORDERS = "ACTUAL_ORDERS"
    GMV_ESTIMATED = "GMV_ESTIMATED"
    GMV_ACTUAL = "GMV_ACTUAL"
    SELLER_PAID_ESTIMATED = "SELLER_PAID_ESTIMATED"
    SELLER_PAID_ACTUAL = "SELLER_PAID_ACTUAL"
    CREATOR_COMMISSION_ESTIMATED = "CREATOR_COMMISSION_ESTIMATED"
    CREATOR_COMMISSION_ACTUAL = "CREATOR_COMMISSION_ACTUAL"
    AGENCY_COMMISSION_ESTIMATED = "AGENCY_COMMISSION_ESTIMATED"
    AGENCY_COMMISSION_ACTUAL = "AGENCY_COMMISSION_ACTUAL"
    VIDEOS = "VIDEOS"
    LIVES = "LIVES"
    CONTENT_VIEWS = "CONTENT_VIEWS"
    CONTENT_LIKES = "CONTENT_LIKES"
    CONTENT_ORDERS = "CONTENT_ORDERS"


def sort_key(field: enum.Enum) -> str:
    """The service's name of a sort field: GMV_ESTIMATED -> gmv_estimated."""
    return str(field.value).lower()
