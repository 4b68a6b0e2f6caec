"""Query and Mutation (Subscription is in subscription_root.py): declarations only. Each root field names its
resolver (server/resolvers/, whose signature states the arguments once) and its description; this module and the
*_root.py modules are the only importers of resolvers."""

from __future__ import annotations

# Fields declared as `name = strawberry.field(resolver=...)` take their type from the resolver; pyright's dataclass
# check wants an annotation on each and calls the field a runtime error, which it is not here (only that rule).
# pyright: reportGeneralTypeIssues=false
import strawberry

from server.resolvers.daily_roots import DailyMutation, DailyQuery
from server.resolvers.mutation.bank_account_link import resolve_bank_account_link
from server.resolvers.mutation.bank_account_unlink import resolve_bank_account_unlink
from server.resolvers.mutation.bills_generate import resolve_bills_generate
from server.resolvers.mutation.bookmark_set import resolve_bookmark_set
from server.resolvers.mutation.campaign_create import resolve_campaign_create
from server.resolvers.mutation.campaign_pending_change_cancel import resolve_campaign_pending_change_cancel
from server.resolvers.mutation.campaign_publish import resolve_campaign_publish
from server.resolvers.mutation.campaign_update import resolve_campaign_update
from server.resolvers.mutation.content_record import (
    resolve_content_record,
)
from server.resolvers.mutation.integration_key_create import (
    resolve_integration_key_create,
)
from server.resolvers.mutation.integration_key_revoke import (
    resolve_integration_key_revoke,
)
from server.resolvers.mutation.login import resolve_login
from server.resolvers.mutation.logout import resolve_logout
from server.resolvers.mutation.notifications_mark_read import (
    resolve_notifications_mark_read,
)
from server.resolvers.mutation.payout_run import resolve_payout_run
from server.resolvers.mutation.product_list_create import resolve_product_list_create
from server.resolvers.mutation.product_list_delete import resolve_product_list_delete
from server.resolvers.mutation.product_list_duplicate import (
    resolve_product_list_duplicate,
)
from server.resolvers.mutation.product_list_items_set import (
    resolve_product_list_items_set,
)
from server.resolvers.mutation.product_list_update import resolve_product_list_update
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
    resolve_sample_content_extension,
)
from server.resolvers.mutation.sample_request import resolve_sample_request
from server.resolvers.mutation.sample_request_review import (
    resolve_sample_request_review,
)
from server.resolvers.mutation.sample_shipment_update import (
    resolve_sample_shipment_update,
)
from server.resolvers.mutation.share_link_create import resolve_share_link_create
from server.resolvers.mutation.share_link_revoke import resolve_share_link_revoke
from server.resolvers.mutation.showcase_add import resolve_showcase_add
from server.resolvers.mutation.showcase_remove import resolve_showcase_remove
from server.resolvers.mutation.tax_info_review import resolve_tax_info_review
from server.resolvers.mutation.tax_info_submit import resolve_tax_info_submit
from server.resolvers.mutation.viewer_locale_set import resolve_viewer_locale_set
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
from server.resolvers.query.creator_product_performance import resolve_creator_product_performance
from server.resolvers.query.earnings import resolve_earnings
from server.resolvers.query.earnings_forecast import resolve_earnings_forecast
from server.resolvers.query.integration_keys import resolve_integration_keys
from server.resolvers.query.node import resolve_node
from server.resolvers.query.notifications import resolve_notifications
from server.resolvers.query.order_line import resolve_order_line
from server.resolvers.query.order_lines import resolve_order_lines
from server.resolvers.query.payment_account import resolve_payment_account
from server.resolvers.query.payment_accounts import resolve_payment_accounts
from server.resolvers.query.performance_series import resolve_performance_series
from server.resolvers.query.platform import resolve_platform_overview
from server.resolvers.query.product_list import resolve_product_list
from server.resolvers.query.product_lists import resolve_product_lists
from server.resolvers.query.products import resolve_products
from server.resolvers.query.registrations import resolve_registrations
from server.resolvers.query.sample_requests import resolve_sample_requests
from server.resolvers.query.sample_roi import resolve_sample_roi
from server.resolvers.query.share_link import resolve_share_link
from server.resolvers.query.showcase import resolve_showcase
from server.resolvers.query.simulate import resolve_product_list_item_simulate, resolve_registration_simulate
from server.resolvers.query.viewer import resolve_viewer
from server.resolvers.webhooks import WebhookMutations, WebhookQueries
from server.schema.disputes_root import DisputeMutations, DisputeQueries


@strawberry.type
class Query(DailyQuery, WebhookQueries, DisputeQueries):
    viewer = strawberry.field(
        resolver=resolve_viewer, description="The logged-in user; null when not logged in."
    )
    node = strawberry.field(
        resolver=resolve_node,
        description="Any object by its global id; null when it does not exist or is not visible.",
    )
    notifications = strawberry.field(
        resolver=resolve_notifications,
        description="The viewer's notifications, newest first.",
    )
    products = strawberry.field(
        resolver=resolve_products,
        description="Products the viewer may see (a seller: its catalogue), newest first.",
    )
    campaign = strawberry.field(
        resolver=resolve_campaign,
        description="One campaign by id; null when it does not exist or is not visible.",
    )
    campaigns = strawberry.field(
        resolver=resolve_campaigns,
        description="Campaigns: an agency's own; for a seller the marketplace (published, its market, open or "
        "targeting its shop) and the campaigns it joined; all for an operator. Newest first by default.",
    )
    registrations = strawberry.field(
        resolver=resolve_registrations,
        description="Registrations: an agency's campaigns' (filter by campaignId for one), a seller's own across "
        "campaigns, all for an operator. Newest first by default.",
    )
    platform_overview = strawberry.field(
        resolver=resolve_platform_overview,
        description="Platform-wide counts (operators).",
    )
    product_lists = strawberry.field(
        resolver=resolve_product_lists,
        description="Product lists: an agency's own (an operator: all), newest first.",
    )
    product_list = strawberry.field(
        resolver=resolve_product_list,
        description="One product list; null when it does not exist or is not visible.",
    )
    share_link = strawberry.field(
        resolver=resolve_share_link,
        description="The offer behind a share link, as the creator sees it (its own rate only). Opening it records "
        "the visit. Null when the link is unknown, revoked or its campaign closed: the web app shows 'link not valid'.",
    )
    showcase = strawberry.field(
        resolver=resolve_showcase,
        description="The creator's showcase entries, newest first (status: any of; all when empty).",
    )
    commission_offers = strawberry.field(
        resolver=resolve_commission_offers,
        description="Every offer open to the creator through links it opened, grouped by product: products by best "
        "rate, offers best rate first. At most `first` products (1–100).",
    )
    sample_requests = strawberry.field(
        resolver=resolve_sample_requests,
        description="Sample requests, newest first: a creator's own; an agency's campaigns'; a seller's products' "
        "from approval on (to ship); all for an operator.",
    )
    sample_roi = strawberry.field(
        resolver=resolve_sample_roi,
        description="A campaign's sample-to-revenue ROI: per sample and creator (agencies), per product and for the "
        "campaign (a seller: its own products, no creator). Null when the campaign is not visible (docs/roi.md).",
    )
    campaign_performance = strawberry.field(
        resolver=resolve_campaign_performance,
        description="A campaign's overview: products, creators, samples, content, orders, GMV and commission over "
        "the registrations the viewer may see (a seller: its own products, no split). Null when not visible.",
    )
    campaign_product_performance = strawberry.field(
        resolver=resolve_campaign_product_performance,
        description="A campaign's products with their figures (a seller: its own), filtered and sorted by any figure "
        "the viewer may see; GMV first by default. Null when the campaign is not visible.",
    )
    campaign_product_collaborations = strawberry.field(
        resolver=resolve_campaign_product_collaborations,
        description="Collaboration progress on one registered product, per creator: since when, sample and "
        "shipping, content, orders, GMV and commission (agencies). Null when the registration is not visible.",
    )
    campaign_performance_series = strawberry.field(
        resolver=resolve_campaign_performance_series,
        description="A campaign's daily figures in its market's time zone, by the day each line was paid: `from` "
        "to `to` inclusive, at most 366 days; by default the 30 days up to today (or to the campaign's last day).",
    )
    creator_performance = strawberry.field(
        resolver=resolve_creator_performance,
        description="The creator's own totals in one market (default: its home market).",
    )
    creator_campaign_performance = strawberry.field(
        resolver=resolve_creator_campaign_performance,
        description="The creator's own figures per campaign it promotes in one market, most GMV first.",
    )
    creator_product_performance = strawberry.field(
        resolver=resolve_creator_product_performance,
        description="The creator's own figures per product it promotes (per campaign) in one market, most GMV first, "
        "with its sample and content deadline.",
    )
    creator_performance_series = strawberry.field(
        resolver=resolve_creator_performance_series,
        description="The creator's own daily figures in one market, like campaignPerformanceSeries.",
    )
    performance_series = strawberry.field(
        resolver=resolve_performance_series,
        description="The viewer's own daily figures over its campaigns in one market (default: its home market): an "
        "agency's campaigns', a seller's own products' (no split).",
    )
    payment_account = strawberry.field(
        resolver=resolve_payment_account,
        description="The viewer's payment account (agencies and creators): tax status, linked bank "
        "account and balances.",
    )
    payment_accounts = strawberry.field(
        resolver=resolve_payment_accounts,
        description="Every payee's payment account (operators), newest payee first; filter by tax "
        "status (PENDING_REVIEW: the review queue) or kind (AGENCY, CREATOR).",
    )
    bills = strawberry.field(
        resolver=resolve_bills,
        description="Monthly payment bills, latest period first: a payee's own, every bill for an "
        "operator (status: any of; period: YYYY-MM).",
    )
    order_lines = strawberry.field(
        resolver=resolve_order_lines,
        description="Order lines, newest order first: an agency's campaigns' (with the creator and the split), a "
        "creator's own (its own commission), a seller's shop's at product level (no creator), all for an operator.",
    )
    order_line = strawberry.field(
        resolver=resolve_order_line,
        description="One order line; null when it does not exist or is not visible.",
    )
    earnings = strawberry.field(
        resolver=resolve_earnings,
        description="The viewer's commission from the ledger, per currency (home currency first): an agency's or a "
        "creator's earnings, a seller's commission payable. With currency, that one only.",
    )
    earnings_forecast = strawberry.field(
        resolver=resolve_earnings_forecast,
        description="The viewer's own open commission: when it settles and is paid (docs/forecast.md).",
    )
    registration_simulate = strawberry.field(
        resolver=resolve_registration_simulate,
        description="A seller's registration terms simulated before registering (changes nothing).",
    )
    product_list_item_simulate = strawberry.field(
        resolver=resolve_product_list_item_simulate,
        description="An agency's creator rates simulated before setting them (changes nothing).",
    )
    integration_keys = strawberry.field(
        resolver=resolve_integration_keys,
        description="Integration keys: a seller's shop's, every key for an operator (the platform's too), newest "
        "first; revoked ones only with includeRevoked. Never their secrets.",
    )


@strawberry.type
class Mutation(DailyMutation, WebhookMutations, DisputeMutations):
    login = strawberry.mutation(
        resolver=resolve_login,
        description="Log in with email and password. Sets the session cookie and returns a token.",
    )
    logout = strawberry.mutation(resolver=resolve_logout, description="End the current session.")
    viewer_locale_set = strawberry.mutation(
        resolver=resolve_viewer_locale_set,
        description="Choose the signed-in user's web-app language (null follows the browser).",
    )
    notifications_mark_read = strawberry.mutation(
        resolver=resolve_notifications_mark_read,
        description="Mark notifications read.",
    )
    campaign_create = strawberry.mutation(
        resolver=resolve_campaign_create,
        description="Create an unpublished (READY) campaign of the viewer's agency.",
    )
    campaign_update = strawberry.mutation(
        resolver=resolve_campaign_update,
        description="Edit a campaign. Before the first publish the edit applies at once; after it, it is stored as "
        "the one pending change and applies 30 minutes later (further edits are refused until then).",
    )
    campaign_publish = strawberry.mutation(
        resolver=resolve_campaign_publish,
        description="Publish (visible to sellers) or unpublish (hidden, no new registrations).",
    )
    campaign_pending_change_cancel = strawberry.mutation(
        resolver=resolve_campaign_pending_change_cancel,
        description="Withdraw the campaign's pending change before it applies.",
    )
    registration_create = strawberry.mutation(
        resolver=resolve_registration_create,
        description="Register 1–100 of the seller's products into a campaign; each item on its own.",
    )
    registration_withdraw = strawberry.mutation(
        resolver=resolve_registration_withdraw,
        description="Withdraw a PENDING registration (seller).",
    )
    registration_sample_quota_increase = strawberry.mutation(
        resolver=resolve_registration_sample_quota_increase,
        description="Raise a registration's sample quota (it never goes down).",
    )
    registration_cancellation_request = strawberry.mutation(
        resolver=resolve_registration_cancellation_request,
        description="Ask the agency to end an APPROVED collaboration (→ PENDING_CLOSED).",
    )
    registration_review = strawberry.mutation(
        resolver=resolve_registration_review,
        description="Approve, reject or reject forever 1–100 PENDING registrations; each succeeds or fails on its own.",
    )
    registration_cancellation_decide = strawberry.mutation(
        resolver=resolve_registration_cancellation_decide,
        description="Approve (→ CLOSED) or decline (→ APPROVED) a seller's cancellation request.",
    )
    bookmark_set = strawberry.mutation(
        resolver=resolve_bookmark_set,
        description="Bookmark a registration, or remove the bookmark (the agency's own marker).",
    )
    product_list_create = strawberry.mutation(
        resolver=resolve_product_list_create,
        description="Create a product list of one of the agency's campaigns (at most 1000 lists).",
    )
    product_list_update = strawberry.mutation(
        resolver=resolve_product_list_update,
        description="Rename a product list.",
    )
    product_list_duplicate = strawberry.mutation(
        resolver=resolve_product_list_duplicate,
        description="Copy a list with its items and rates (not its share link).",
    )
    product_list_delete = strawberry.mutation(
        resolver=resolve_product_list_delete,
        description="Delete a list with its items and links; creators keep what they added.",
    )
    product_list_items_set = strawberry.mutation(
        resolver=resolve_product_list_items_set,
        description="Add, re-price and remove a list's items in one call.",
    )
    share_link_create = strawberry.mutation(
        resolver=resolve_share_link_create,
        description="A new share link for the list; the previous one is revoked.",
    )
    share_link_revoke = strawberry.mutation(
        resolver=resolve_share_link_revoke,
        description="Revoke a share link: it opens nothing any more.",
    )
    showcase_add = strawberry.mutation(
        resolver=resolve_showcase_add,
        description="Accept the terms and add all or chosen products of a shared offer to the showcase. A product "
        "already active through another offer needs a choice: NEW replaces the old entry, EXISTING keeps it.",
    )
    showcase_remove = strawberry.mutation(
        resolver=resolve_showcase_remove,
        description="Remove products from the showcase (no new commission through them).",
    )
    sample_request = strawberry.mutation(
        resolver=resolve_sample_request,
        description="Request a free sample of a product in the showcase, with the address only its seller can read.",
    )
    sample_request_review = strawberry.mutation(
        resolver=resolve_sample_request_review,
        description="Approve a sample request against the product's quota, or reject it with a reason.",
    )
    sample_shipment_update = strawberry.mutation(
        resolver=resolve_sample_shipment_update,
        description="Record a shipment event of an approved sample of the seller's product.",
    )
    content_record = strawberry.mutation(
        resolver=resolve_content_record,
        description="Record a video or LIVE for a product in the showcase; it fulfils a delivered sample of it.",
    )
    sample_content_extension = strawberry.mutation(
        resolver=resolve_sample_content_extension,
        description="Push a delivered sample's content deadline back by 7 days (once).",
    )
    tax_info_submit = strawberry.mutation(
        resolver=resolve_tax_info_submit,
        description="Submit tax info for review (US: a W-9; other markets: the local tax id). A submission still "
        "waiting for review is replaced; after a rejection, submit again; approved tax info is final.",
    )
    tax_info_review = strawberry.mutation(
        resolver=resolve_tax_info_review,
        description="Approve or reject (with a reason) a PENDING_REVIEW tax info; the payee is told.",
    )
    bank_account_link = strawberry.mutation(
        resolver=resolve_bank_account_link,
        description="Link the bank account payouts go to (once the tax info is APPROVED); it replaces the linked one.",
    )
    bank_account_unlink = strawberry.mutation(
        resolver=resolve_bank_account_unlink,
        description="Unlink a bank account: payouts wait until another one is linked.",
    )
    bills_generate = strawberry.mutation(
        resolver=resolve_bills_generate,
        description="Issue the monthly bills of an ended month (default: the previous one) from settled earnings not "
        "billed yet, one per payee and currency. The sweeper does it by itself on the 1st.",
    )
    payout_run = strawberry.mutation(
        resolver=resolve_payout_run,
        description="Pay ISSUED bills and retry FAILED ones to the payees' linked bank accounts (simulated "
        "transfers); each bill is reported as PAID, FAILED or PAYOUT_BLOCKED with the reason.",
    )
    integration_key_create = strawberry.mutation(
        resolver=resolve_integration_key_create,
        description="Issue an integration key for the seller's shop. The payload carries the key and its signing "
        "secret in clear, this once: they can never be read again (docs/integrations-orders.md).",
    )
    integration_key_revoke = strawberry.mutation(
        resolver=resolve_integration_key_revoke,
        description="Revoke an integration key: requests signed with it are refused from now on.",
    )
