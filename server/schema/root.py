"""Query / Mutation / Subscription: the root fields, wired to their resolvers (the only importer of resolvers)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import date
from typing import Annotated

import strawberry

from server.resolvers.mutation.bank_account_link import BankAccountLinkInput, resolve_bank_account_link
from server.resolvers.mutation.bank_account_unlink import BankAccountUnlinkInput, resolve_bank_account_unlink
from server.resolvers.mutation.bills_generate import BillsGenerateInput, resolve_bills_generate
from server.resolvers.mutation.bookmark_set import resolve_bookmark_set
from server.resolvers.mutation.campaign_create import resolve_campaign_create
from server.resolvers.mutation.campaign_pending_change_cancel import resolve_campaign_pending_change_cancel
from server.resolvers.mutation.campaign_publish import resolve_campaign_publish
from server.resolvers.mutation.campaign_update import resolve_campaign_update
from server.resolvers.mutation.content_record import (
    ContentRecordInput,
    ContentRecordPayload,
    resolve_content_record,
)
from server.resolvers.mutation.integration_key_create import (
    IntegrationKeyCreateInput,
    resolve_integration_key_create,
)
from server.resolvers.mutation.integration_key_revoke import (
    IntegrationKeyRevokeInput,
    resolve_integration_key_revoke,
)
from server.resolvers.mutation.login import LoginInput, LoginPayload, resolve_login
from server.resolvers.mutation.logout import LogoutPayload, resolve_logout
from server.resolvers.mutation.notifications_mark_read import (
    NotificationsMarkReadInput,
    NotificationsMarkReadPayload,
    resolve_notifications_mark_read,
)
from server.resolvers.mutation.payout_run import PayoutRunInput, resolve_payout_run
from server.resolvers.mutation.product_list_create import ProductListCreateInput, resolve_product_list_create
from server.resolvers.mutation.product_list_delete import ProductListDeleteInput, resolve_product_list_delete
from server.resolvers.mutation.product_list_duplicate import (
    ProductListDuplicateInput,
    resolve_product_list_duplicate,
)
from server.resolvers.mutation.product_list_items_set import (
    ProductListItemsSetInput,
    resolve_product_list_items_set,
)
from server.resolvers.mutation.product_list_update import ProductListUpdateInput, resolve_product_list_update
from server.resolvers.mutation.registration_cancellation_decide import (
    resolve_registration_cancellation_decide,
)
from server.resolvers.mutation.registration_cancellation_request import (
    resolve_registration_cancellation_request,
)
from server.resolvers.mutation.registration_create import resolve_registration_create
from server.resolvers.mutation.registration_review import resolve_registration_review
from server.resolvers.mutation.registration_sample_quota_increase import (
    resolve_registration_sample_quota_increase,
)
from server.resolvers.mutation.registration_withdraw import resolve_registration_withdraw
from server.resolvers.mutation.sample_content_extension import (
    SampleContentExtensionInput,
    resolve_sample_content_extension,
)
from server.resolvers.mutation.sample_request import SampleRequestInput, resolve_sample_request
from server.resolvers.mutation.sample_request_review import (
    SampleRequestReviewInput,
    resolve_sample_request_review,
)
from server.resolvers.mutation.sample_shipment_update import (
    SampleShipmentUpdateInput,
    resolve_sample_shipment_update,
)
from server.resolvers.mutation.share_link_create import ShareLinkCreateInput, resolve_share_link_create
from server.resolvers.mutation.share_link_revoke import ShareLinkRevokeInput, resolve_share_link_revoke
from server.resolvers.mutation.showcase_add import ShowcaseAddInput, resolve_showcase_add
from server.resolvers.mutation.showcase_remove import ShowcaseRemoveInput, resolve_showcase_remove
from server.resolvers.mutation.tax_info_review import TaxInfoReviewInput, resolve_tax_info_review
from server.resolvers.mutation.tax_info_submit import TaxInfoSubmitInput, resolve_tax_info_submit
from server.resolvers.query.bills import resolve_bills
from server.resolvers.query.campaign import resolve_campaign
from server.resolvers.query.campaign_performance import resolve_campaign_performance
from server.resolvers.query.campaign_performance_series import resolve_campaign_performance_series
from server.resolvers.query.campaign_product_collaborations import resolve_campaign_product_collaborations
from server.resolvers.query.campaign_product_performance import resolve_campaign_product_performance
from server.resolvers.query.campaigns import resolve_campaigns
from server.resolvers.query.commission_offers import resolve_commission_offers
from server.resolvers.query.creator_campaign_performance import resolve_creator_campaign_performance
from server.resolvers.query.creator_performance import resolve_creator_performance
from server.resolvers.query.creator_performance_series import resolve_creator_performance_series
from server.resolvers.query.performance_series import resolve_performance_series
from server.resolvers.query.creator_product_performance import resolve_creator_product_performance
from server.resolvers.query.earnings import resolve_earnings
from server.resolvers.query.integration_keys import resolve_integration_keys
from server.resolvers.query.node import resolve_node
from server.resolvers.query.notifications import resolve_notifications
from server.resolvers.query.order_line import resolve_order_line
from server.resolvers.query.order_lines import resolve_order_lines
from server.resolvers.query.payment_account import resolve_payment_account
from server.resolvers.query.payment_accounts import resolve_payment_accounts
from server.resolvers.query.platform import resolve_platform_overview
from server.resolvers.query.product_list import resolve_product_list
from server.resolvers.query.product_lists import resolve_product_lists
from server.resolvers.query.products import resolve_products
from server.resolvers.query.registrations import resolve_registrations
from server.resolvers.query.sample_requests import resolve_sample_requests
from server.resolvers.query.share_link import resolve_share_link
from server.resolvers.query.showcase import resolve_showcase
from server.resolvers.query.viewer import resolve_viewer
from server.resolvers.subscription.campaign_numbers_changed import subscribe_campaign_numbers_changed
from server.resolvers.subscription.commission_changed import subscribe_commission_changed
from server.resolvers.subscription.notification_received import subscribe_notification_received
from server.resolvers.subscription.order_line_changed import subscribe_order_line_changed
from server.resolvers.subscription.registration_status_changed import subscribe_registration_status_changed
from server.resolvers.subscription.sample_status_changed import subscribe_sample_status_changed
from server.resolvers.subscription.showcase_changed import subscribe_showcase_changed
from server.schema.context import Info
from server.schema.pagination import Connection
from server.schema.types.campaign import Campaign
from server.schema.types.campaign_inputs import (
    CampaignCreateInput,
    CampaignFilter,
    CampaignPayload,
    CampaignPendingChangeCancelInput,
    CampaignPublishInput,
    CampaignSort,
    CampaignUpdateInput,
    CampaignUpdatePayload,
)
from server.schema.types.catalogue import Product
from server.schema.types.common import Currency, Market, Node, OrganisationKind
from server.schema.types.finance import (
    BankAccountPayload,
    BillsGeneratePayload,
    BillStatus,
    PaymentAccount,
    PaymentBill,
    PayoutRunPayload,
    TaxInfoPayload,
    TaxStatus,
)
from server.schema.types.integration_key import (
    IntegrationKey,
    IntegrationKeyCreatePayload,
    IntegrationKeyPayload,
)
from server.schema.types.notification import Notification
from server.schema.types.offer import ProductOffers, SharedOffer
from server.schema.types.orders import Earnings, OrderLine, OrderLineFilter
from server.schema.types.performance import (
    CampaignNumbersChange,
    CampaignPerformance,
    CreatorCampaignPerformance,
    CreatorCollaboration,
    CreatorCollaborationSort,
    CreatorPerformance,
    CreatorProductPerformance,
    PerformanceSeries,
    ProductPerformance,
    ProductPerformanceFilter,
    ProductPerformanceSort,
)
from server.schema.types.product_list import (
    ProductList,
    ProductListDeletePayload,
    ProductListPayload,
    ShareLinkPayload,
)
from server.schema.types.registration import (
    BookmarkSetInput,
    Registration,
    RegistrationCancellationDecideInput,
    RegistrationCancellationRequestInput,
    RegistrationCreateInput,
    RegistrationCreatePayload,
    RegistrationFilter,
    RegistrationIdInput,
    RegistrationPayload,
    RegistrationReviewInput,
    RegistrationReviewPayload,
    RegistrationSampleQuotaIncreaseInput,
    RegistrationSort,
    RegistrationStatusChange,
)
from server.schema.types.sample import SampleRequest, SampleRequestPayload, SampleStatus
from server.schema.types.showcase import (
    ShowcaseAddPayload,
    ShowcaseEntry,
    ShowcaseRemovePayload,
    ShowcaseStatus,
)
from server.schema.types.tenants import PlatformOverview, Viewer


@strawberry.type
class Query:
    @strawberry.field(description="The logged-in user; null when not logged in.")
    async def viewer(self, info: Info) -> Viewer | None:
        return await resolve_viewer(info)

    @strawberry.field(description="Any object by its global id; null when it does not exist or is not visible.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:  # noqa: A002
        return await resolve_node(info, id)

    @strawberry.field(description="The viewer's notifications, newest first.")
    async def notifications(
        self, info: Info, first: int = 20, after: str | None = None, unread_only: bool = False
    ) -> Connection[Notification]:
        return await resolve_notifications(info, first, after, unread_only)

    @strawberry.field(description="Products the viewer may see (a seller: its catalogue), newest first.")
    async def products(
        self, info: Info, first: int = 20, after: str | None = None, search: str | None = None
    ) -> Connection[Product]:
        return await resolve_products(info, first, after, search)

    @strawberry.field(description="One campaign by id; null when it does not exist or is not visible.")
    async def campaign(self, info: Info, id: strawberry.ID) -> Campaign | None:  # noqa: A002
        return await resolve_campaign(info, id)

    @strawberry.field(
        description="Campaigns: an agency's own; for a seller the marketplace (published, its market, open or "
        "targeting its shop) and the campaigns it joined; all for an operator. Newest first by default."
    )
    async def campaigns(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: CampaignFilter | None = None,  # noqa: A002
        sort: CampaignSort | None = None,
    ) -> Connection[Campaign]:
        return await resolve_campaigns(info, first, after, filter, sort)

    @strawberry.field(
        description="Registrations: an agency's campaigns' (filter by campaignId for one), a seller's own across "
        "campaigns, all for an operator. Newest first by default."
    )
    async def registrations(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: RegistrationFilter | None = None,  # noqa: A002
        sort: RegistrationSort | None = None,
    ) -> Connection[Registration]:
        return await resolve_registrations(info, first, after, filter, sort)

    @strawberry.field(description="Platform-wide counts (operators).")
    async def platform_overview(self, info: Info) -> PlatformOverview | None:
        return await resolve_platform_overview(info)

    @strawberry.field(description="Product lists: an agency's own (an operator: all), newest first.")
    async def product_lists(
        self, info: Info, first: int = 20, after: str | None = None, search: str | None = None,
        campaign_id: strawberry.ID | None = None,
    ) -> Connection[ProductList]:
        return await resolve_product_lists(info, first, after, search, campaign_id)

    @strawberry.field(description="One product list; null when it does not exist or is not visible.")
    async def product_list(self, info: Info, id: strawberry.ID) -> ProductList | None:  # noqa: A002
        return await resolve_product_list(info, id)

    @strawberry.field(
        description="The offer behind a share link, as the creator sees it (its own rate only). Opening it records "
        "the visit. Null when the link is unknown, revoked or its campaign closed: the web app shows 'link not valid'."
    )
    async def share_link(self, info: Info, token: str) -> SharedOffer | None:
        return await resolve_share_link(info, token)

    @strawberry.field(description="The creator's showcase entries, newest first (status: any of; all when empty).")
    async def showcase(
        self, info: Info, first: int = 20, after: str | None = None, status: list[ShowcaseStatus] | None = None
    ) -> Connection[ShowcaseEntry]:
        return await resolve_showcase(info, first, after, status)

    @strawberry.field(
        description="Every offer open to the creator through links it opened, grouped by product: products by best "
        "rate, offers best rate first. At most `first` products (1–100)."
    )
    async def commission_offers(
        self, info: Info, first: int = 50, search: str | None = None
    ) -> list[ProductOffers]:
        return await resolve_commission_offers(info, first, search)

    @strawberry.field(
        description="Sample requests, newest first: a creator's own; an agency's campaigns'; a seller's products' "
        "from approval on (to ship); all for an operator."
    )
    async def sample_requests(
        self, info: Info, first: int = 20, after: str | None = None, status: list[SampleStatus] | None = None
    ) -> Connection[SampleRequest]:
        return await resolve_sample_requests(info, first, after, status)

    @strawberry.field(
        description="A campaign's overview: products, creators, samples, content, orders, GMV and commission over "
        "the registrations the viewer may see (a seller: its own products, no split). Null when not visible."
    )
    async def campaign_performance(self, info: Info, campaign_id: strawberry.ID) -> CampaignPerformance | None:
        return await resolve_campaign_performance(info, campaign_id)

    @strawberry.field(
        description="A campaign's products with their figures (a seller: its own), filtered and sorted by any figure "
        "the viewer may see; GMV first by default. Null when the campaign is not visible."
    )
    async def campaign_product_performance(
        self,
        info: Info,
        campaign_id: strawberry.ID,
        first: int = 20,
        after: str | None = None,
        filter: ProductPerformanceFilter | None = None,  # noqa: A002
        sort: ProductPerformanceSort | None = None,
    ) -> Connection[ProductPerformance] | None:
        return await resolve_campaign_product_performance(info, campaign_id, first, after, filter, sort)

    @strawberry.field(
        description="Collaboration progress on one registered product, per creator: since when, sample and "
        "shipping, content, orders, GMV and commission (agencies). Null when the registration is not visible."
    )
    async def campaign_product_collaborations(
        self,
        info: Info,
        registration_id: strawberry.ID,
        first: int = 20,
        after: str | None = None,
        sort: CreatorCollaborationSort | None = None,
    ) -> Connection[CreatorCollaboration] | None:
        return await resolve_campaign_product_collaborations(info, registration_id, first, after, sort)

    @strawberry.field(
        description="A campaign's daily figures in its market's time zone, by the day each line was paid: `from` "
        "to `to` inclusive, at most 366 days; by default the 30 days up to today (or to the campaign's last day)."
    )
    async def campaign_performance_series(
        self,
        info: Info,
        campaign_id: strawberry.ID,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> PerformanceSeries | None:
        return await resolve_campaign_performance_series(info, campaign_id, from_, to)

    @strawberry.field(description="The creator's own totals in one market (default: its home market).")
    async def creator_performance(self, info: Info, market: Market | None = None) -> CreatorPerformance:
        return await resolve_creator_performance(info, market)

    @strawberry.field(description="The creator's own figures per campaign it promotes in one market, most GMV first.")
    async def creator_campaign_performance(
        self, info: Info, market: Market | None = None, first: int = 20, after: str | None = None
    ) -> Connection[CreatorCampaignPerformance]:
        return await resolve_creator_campaign_performance(info, market, first, after)

    @strawberry.field(
        description="The creator's own figures per product it promotes (per campaign) in one market, most GMV first, "
        "with its sample and content deadline."
    )
    async def creator_product_performance(
        self, info: Info, market: Market | None = None, first: int = 20, after: str | None = None
    ) -> Connection[CreatorProductPerformance]:
        return await resolve_creator_product_performance(info, market, first, after)

    @strawberry.field(description="The creator's own daily figures in one market, like campaignPerformanceSeries.")
    async def creator_performance_series(
        self,
        info: Info,
        market: Market | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> PerformanceSeries:
        return await resolve_creator_performance_series(info, market, from_, to)

    @strawberry.field(description="The viewer's own daily figures over its campaigns in one market (default: its "
                      "home market): an agency's campaigns', a seller's own products' (no split).")
    async def performance_series(
        self, info: Info, market: Market | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None, to: date | None = None,
    ) -> PerformanceSeries:
        return await resolve_performance_series(info, market, from_, to)

    @strawberry.field(description="The viewer's payment account (agencies and creators): tax status, linked bank "
                      "account and balances.")
    async def payment_account(self, info: Info) -> PaymentAccount | None:
        return await resolve_payment_account(info)

    @strawberry.field(description="Every payee's payment account (operators), newest payee first; filter by tax "
                      "status (PENDING_REVIEW: the review queue) or kind (AGENCY, CREATOR).")
    async def payment_accounts(
        self, info: Info, first: int = 20, after: str | None = None, tax_status: TaxStatus | None = None,
        kind: OrganisationKind | None = None,
    ) -> Connection[PaymentAccount]:
        return await resolve_payment_accounts(info, first, after, tax_status, kind)

    @strawberry.field(description="Monthly payment bills, latest period first: a payee's own, every bill for an "
                      "operator (status: any of; period: YYYY-MM).")
    async def bills(
        self, info: Info, first: int = 20, after: str | None = None, status: list[BillStatus] | None = None,
        period: str | None = None,
    ) -> Connection[PaymentBill]:
        return await resolve_bills(info, first, after, status, period)

    @strawberry.field(
        description="Order lines, newest order first: an agency's campaigns' (with the creator and the split), a "
        "creator's own (its own commission), a seller's shop's at product level (no creator), all for an operator."
    )
    async def order_lines(
        self, info: Info, first: int = 20, after: str | None = None,
        filter: OrderLineFilter | None = None,  # noqa: A002
    ) -> Connection[OrderLine]:
        return await resolve_order_lines(info, first, after, filter)

    @strawberry.field(description="One order line; null when it does not exist or is not visible.")
    async def order_line(self, info: Info, id: strawberry.ID) -> OrderLine | None:  # noqa: A002
        return await resolve_order_line(info, id)

    @strawberry.field(
        description="The viewer's commission from the ledger, per currency (home currency first): an agency's or a "
        "creator's earnings, a seller's commission payable. With currency, that one only."
    )
    async def earnings(self, info: Info, currency: Currency | None = None) -> list[Earnings]:
        return await resolve_earnings(info, currency)

    @strawberry.field(
        description="Integration keys: a seller's shop's, every key for an operator (the platform's too), newest "
        "first; revoked ones only with includeRevoked. Never their secrets."
    )
    async def integration_keys(
        self, info: Info, first: int = 20, after: str | None = None, include_revoked: bool = False
    ) -> Connection[IntegrationKey]:
        return await resolve_integration_keys(info, first, after, include_revoked)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Log in with email and password. Sets the session cookie and returns a token.")
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:  # noqa: A002
        return await resolve_login(info, input)

    @strawberry.mutation(description="End the current session.")
    async def logout(self, info: Info) -> LogoutPayload:
        return await resolve_logout(info)

    @strawberry.mutation(description="Mark notifications read.")
    async def notifications_mark_read(
        self, info: Info, input: NotificationsMarkReadInput  # noqa: A002
    ) -> NotificationsMarkReadPayload:
        return await resolve_notifications_mark_read(info, input)

    @strawberry.mutation(description="Create an unpublished (READY) campaign of the viewer's agency.")
    async def campaign_create(self, info: Info, input: CampaignCreateInput) -> CampaignPayload:  # noqa: A002
        return await resolve_campaign_create(info, input)

    @strawberry.mutation(
        description="Edit a campaign. Before the first publish the edit applies at once; after it, it is stored as "
        "the one pending change and applies 30 minutes later (further edits are refused until then)."
    )
    async def campaign_update(self, info: Info, input: CampaignUpdateInput) -> CampaignUpdatePayload:  # noqa: A002
        return await resolve_campaign_update(info, input)

    @strawberry.mutation(description="Publish (visible to sellers) or unpublish (hidden, no new registrations).")
    async def campaign_publish(self, info: Info, input: CampaignPublishInput) -> CampaignPayload:  # noqa: A002
        return await resolve_campaign_publish(info, input)

    @strawberry.mutation(description="Withdraw the campaign's pending change before it applies.")
    async def campaign_pending_change_cancel(
        self, info: Info, input: CampaignPendingChangeCancelInput  # noqa: A002
    ) -> CampaignPayload:
        return await resolve_campaign_pending_change_cancel(info, input)

    @strawberry.mutation(description="Register 1–100 of the seller's products into a campaign; each item on its own.")
    async def registration_create(
        self, info: Info, input: RegistrationCreateInput  # noqa: A002
    ) -> RegistrationCreatePayload:
        return await resolve_registration_create(info, input)

    @strawberry.mutation(description="Withdraw a PENDING registration (seller).")
    async def registration_withdraw(self, info: Info, input: RegistrationIdInput) -> RegistrationPayload:  # noqa: A002
        return await resolve_registration_withdraw(info, input)

    @strawberry.mutation(description="Raise a registration's sample quota (it never goes down).")
    async def registration_sample_quota_increase(
        self, info: Info, input: RegistrationSampleQuotaIncreaseInput  # noqa: A002
    ) -> RegistrationPayload:
        return await resolve_registration_sample_quota_increase(info, input)

    @strawberry.mutation(description="Ask the agency to end an APPROVED collaboration (→ PENDING_CLOSED).")
    async def registration_cancellation_request(
        self, info: Info, input: RegistrationCancellationRequestInput  # noqa: A002
    ) -> RegistrationPayload:
        return await resolve_registration_cancellation_request(info, input)

    @strawberry.mutation(
        description="Approve, reject or reject forever 1–100 PENDING registrations; each succeeds or fails on its own."
    )
    async def registration_review(
        self, info: Info, input: RegistrationReviewInput  # noqa: A002
    ) -> RegistrationReviewPayload:
        return await resolve_registration_review(info, input)

    @strawberry.mutation(description="Approve (→ CLOSED) or decline (→ APPROVED) a seller's cancellation request.")
    async def registration_cancellation_decide(
        self, info: Info, input: RegistrationCancellationDecideInput  # noqa: A002
    ) -> RegistrationPayload:
        return await resolve_registration_cancellation_decide(info, input)

    @strawberry.mutation(description="Bookmark a registration, or remove the bookmark (the agency's own marker).")
    async def bookmark_set(self, info: Info, input: BookmarkSetInput) -> RegistrationPayload:  # noqa: A002
        return await resolve_bookmark_set(info, input)

    @strawberry.mutation(description="Create a product list of one of the agency's campaigns (at most 1000 lists).")
    async def product_list_create(self, info: Info, input: ProductListCreateInput) -> ProductListPayload:  # noqa: A002
        return await resolve_product_list_create(info, input)

    @strawberry.mutation(description="Rename a product list.")
    async def product_list_update(self, info: Info, input: ProductListUpdateInput) -> ProductListPayload:  # noqa: A002
        return await resolve_product_list_update(info, input)

    @strawberry.mutation(description="Copy a list with its items and rates (not its share link).")
    async def product_list_duplicate(
        self, info: Info, input: ProductListDuplicateInput  # noqa: A002
    ) -> ProductListPayload:
        return await resolve_product_list_duplicate(info, input)

    @strawberry.mutation(description="Delete a list with its items and links; creators keep what they added.")
    async def product_list_delete(
        self, info: Info, input: ProductListDeleteInput  # noqa: A002
    ) -> ProductListDeletePayload:
        return await resolve_product_list_delete(info, input)

    @strawberry.mutation(description="Add, re-price and remove a list's items in one call.")
    async def product_list_items_set(
        self, info: Info, input: ProductListItemsSetInput  # noqa: A002
    ) -> ProductListPayload:
        return await resolve_product_list_items_set(info, input)

    @strawberry.mutation(description="A new share link for the list; the previous one is revoked.")
    async def share_link_create(self, info: Info, input: ShareLinkCreateInput) -> ShareLinkPayload:  # noqa: A002
        return await resolve_share_link_create(info, input)

    @strawberry.mutation(description="Revoke a share link: it opens nothing any more.")
    async def share_link_revoke(self, info: Info, input: ShareLinkRevokeInput) -> ShareLinkPayload:  # noqa: A002
        return await resolve_share_link_revoke(info, input)

    @strawberry.mutation(
        description="Accept the terms and add all or chosen products of a shared offer to the showcase. A product "
        "already active through another offer needs a choice: NEW replaces the old entry, EXISTING keeps it."
    )
    async def showcase_add(self, info: Info, input: ShowcaseAddInput) -> ShowcaseAddPayload:  # noqa: A002
        return await resolve_showcase_add(info, input)

    @strawberry.mutation(description="Remove products from the showcase (no new commission through them).")
    async def showcase_remove(self, info: Info, input: ShowcaseRemoveInput) -> ShowcaseRemovePayload:  # noqa: A002
        return await resolve_showcase_remove(info, input)

    @strawberry.mutation(
        description="Request a free sample of a product in the showcase, with the address only its seller can read."
    )
    async def sample_request(self, info: Info, input: SampleRequestInput) -> SampleRequestPayload:  # noqa: A002
        return await resolve_sample_request(info, input)

    @strawberry.mutation(description="Approve a sample request against the product's quota, or reject it with a reason.")
    async def sample_request_review(
        self, info: Info, input: SampleRequestReviewInput  # noqa: A002
    ) -> SampleRequestPayload:
        return await resolve_sample_request_review(info, input)

    @strawberry.mutation(description="Record a shipment event of an approved sample of the seller's product.")
    async def sample_shipment_update(
        self, info: Info, input: SampleShipmentUpdateInput  # noqa: A002
    ) -> SampleRequestPayload:
        return await resolve_sample_shipment_update(info, input)

    @strawberry.mutation(
        description="Record a video or LIVE for a product in the showcase; it fulfils a delivered sample of it."
    )
    async def content_record(self, info: Info, input: ContentRecordInput) -> ContentRecordPayload:  # noqa: A002
        return await resolve_content_record(info, input)

    @strawberry.mutation(description="Push a delivered sample's content deadline back by 7 days (once).")
    async def sample_content_extension(
        self, info: Info, input: SampleContentExtensionInput  # noqa: A002
    ) -> SampleRequestPayload:
        return await resolve_sample_content_extension(info, input)

    @strawberry.mutation(
        description="Submit tax info for review (US: a W-9; other markets: the local tax id). A submission still "
        "waiting for review is replaced; after a rejection, submit again; approved tax info is final."
    )
    async def tax_info_submit(self, info: Info, input: TaxInfoSubmitInput) -> TaxInfoPayload:  # noqa: A002
        return await resolve_tax_info_submit(info, input)

    @strawberry.mutation(description="Approve or reject (with a reason) a PENDING_REVIEW tax info; the payee is told.")
    async def tax_info_review(self, info: Info, input: TaxInfoReviewInput) -> TaxInfoPayload:  # noqa: A002
        return await resolve_tax_info_review(info, input)

    @strawberry.mutation(
        description="Link the bank account payouts go to (once the tax info is APPROVED); it replaces the linked one."
    )
    async def bank_account_link(self, info: Info, input: BankAccountLinkInput) -> BankAccountPayload:  # noqa: A002
        return await resolve_bank_account_link(info, input)

    @strawberry.mutation(description="Unlink a bank account: payouts wait until another one is linked.")
    async def bank_account_unlink(
        self, info: Info, input: BankAccountUnlinkInput  # noqa: A002
    ) -> BankAccountPayload:
        return await resolve_bank_account_unlink(info, input)

    @strawberry.mutation(
        description="Issue the monthly bills of an ended month (default: the previous one) from settled earnings not "
        "billed yet, one per payee and currency. The sweeper does it by itself on the 1st."
    )
    async def bills_generate(self, info: Info, input: BillsGenerateInput) -> BillsGeneratePayload:  # noqa: A002
        return await resolve_bills_generate(info, input)

    @strawberry.mutation(
        description="Pay ISSUED bills and retry FAILED ones to the payees' linked bank accounts (simulated "
        "transfers); each bill is reported as PAID, FAILED or PAYOUT_BLOCKED with the reason."
    )
    async def payout_run(self, info: Info, input: PayoutRunInput) -> PayoutRunPayload:  # noqa: A002
        return await resolve_payout_run(info, input)

    @strawberry.mutation(
        description="Issue an integration key for the seller's shop. The payload carries the key and its signing "
        "secret in clear, this once: they can never be read again (docs/integrations-orders.md)."
    )
    async def integration_key_create(
        self, info: Info, input: IntegrationKeyCreateInput  # noqa: A002
    ) -> IntegrationKeyCreatePayload:
        return await resolve_integration_key_create(info, input)

    @strawberry.mutation(description="Revoke an integration key: requests signed with it are refused from now on.")
    async def integration_key_revoke(
        self, info: Info, input: IntegrationKeyRevokeInput  # noqa: A002
    ) -> IntegrationKeyPayload:
        return await resolve_integration_key_revoke(info, input)


@strawberry.type
class Subscription:
    @strawberry.subscription(description="Each new notification of the viewer, live.")
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        async for notification in subscribe_notification_received(info):
            yield notification

    @strawberry.subscription(
        description="Registration status changes, live: an agency's campaigns (or one campaign), a seller's own "
        "registrations, an operator one campaign's (campaignId required)."
    )
    async def registration_status_changed(
        self, info: Info, campaign_id: strawberry.ID | None = None
    ) -> AsyncGenerator[RegistrationStatusChange, None]:
        async for change in subscribe_registration_status_changed(info, campaign_id):
            yield change

    @strawberry.subscription(description="The creator's showcase entries as they change (added, replaced, "
                             "removed, ended, re-priced, content recorded).")
    async def showcase_changed(self, info: Info) -> AsyncGenerator[ShowcaseEntry, None]:
        async for entry in subscribe_showcase_changed(info):
            yield entry

    @strawberry.subscription(
        description="Sample requests as they change, for the creator, the campaign's agency and the product's "
        "seller, each seeing only what it may (the agency no address, the seller no creator)."
    )
    async def sample_status_changed(self, info: Info) -> AsyncGenerator[SampleRequest, None]:
        async for sample in subscribe_sample_status_changed(info):
            yield sample

    @strawberry.subscription(
        description="A campaign's figures (as the viewer sees them) changed: refetch. At most one event a second."
    )
    async def campaign_numbers_changed(
        self, info: Info, campaign_id: strawberry.ID
    ) -> AsyncGenerator[CampaignNumbersChange, None]:
        async for change in subscribe_campaign_numbers_changed(info, campaign_id):
            yield change

    @strawberry.subscription(
        description="Order lines attributed to the viewer (a creator's own, an agency's campaigns') as they change, "
        "each as the viewer may see it."
    )
    async def commission_changed(self, info: Info) -> AsyncGenerator[OrderLine, None]:
        async for line in subscribe_commission_changed(info):
            yield line

    @strawberry.subscription(description="The seller's order lines as they change, at product level.")
    async def order_line_changed(self, info: Info) -> AsyncGenerator[OrderLine, None]:
        async for line in subscribe_order_line_changed(info):
            yield line
