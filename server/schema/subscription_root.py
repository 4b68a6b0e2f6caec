"""Subscription: declarations only, like root.py's Query and Mutation. Each field names its resolver."""

from __future__ import annotations

import strawberry

from server.resolvers.daily_roots import DailySubscription
from server.resolvers.subscription.campaign_numbers_changed import subscribe_campaign_numbers_changed
from server.resolvers.subscription.commission_changed import subscribe_commission_changed
from server.resolvers.subscription.notification_received import subscribe_notification_received
from server.resolvers.subscription.order_line_changed import subscribe_order_line_changed
from server.resolvers.subscription.registration_status_changed import subscribe_registration_status_changed
from server.resolvers.subscription.sample_status_changed import subscribe_sample_status_changed
from server.resolvers.subscription.showcase_changed import subscribe_showcase_changed
from server.schema.disputes_root import DisputeSubscriptions


@strawberry.type
class Subscription(DailySubscription, DisputeSubscriptions):
    notification_received = strawberry.subscription(
        resolver=subscribe_notification_received,
        description="Each new notification of the viewer, live.",
    )
    registration_status_changed = strawberry.subscription(
        resolver=subscribe_registration_status_changed,
        description="Registration status changes, live: an agency's campaigns (or one campaign), a seller's own "
        "registrations, an operator one campaign's (campaignId required).",
    )
    showcase_changed = strawberry.subscription(
        resolver=subscribe_showcase_changed,
        description="The creator's showcase entries as they change (added, replaced, "
        "removed, ended, re-priced, content recorded).",
    )
    sample_status_changed = strawberry.subscription(
        resolver=subscribe_sample_status_changed,
        description="Sample requests as they change, for the creator, the campaign's agency and the product's "
        "seller, each seeing only what it may (the agency no address, the seller no creator).",
    )
    campaign_numbers_changed = strawberry.subscription(
        resolver=subscribe_campaign_numbers_changed,
        description="A campaign's figures (as the viewer sees them) changed: refetch. At most one event a second.",
    )
    commission_changed = strawberry.subscription(
        resolver=subscribe_commission_changed,
        description="Order lines attributed to the viewer (a creator's own, an agency's campaigns') as they change, "
        "each as the viewer may see it.",
    )
    order_line_changed = strawberry.subscription(
        resolver=subscribe_order_line_changed,
        description="The seller's order lines as they change, at product level.",
    )
