"""Root fields of the agency's and seller's daily operations (campaign drafts and archive, served markets,
pending-terms edits, bulk cancellation decisions, the creator preview, campaign-level live events). The root
types of server/schema/root.py inherit them; each field names its resolver, whose signature states its arguments."""

from __future__ import annotations

# Fields declared as `name = strawberry.field(resolver=...)` take their type from the resolver; pyright's dataclass
# check wants an annotation on each and calls the field a runtime error, which it is not here (only that rule).
# pyright: reportGeneralTypeIssues=false
import strawberry

from server.resolvers.mutation.agency_markets_set import resolve_agency_markets_set
from server.resolvers.mutation.campaign_archive import resolve_campaign_archive
from server.resolvers.mutation.campaign_delete import resolve_campaign_delete
from server.resolvers.mutation.campaign_duplicate import resolve_campaign_duplicate
from server.resolvers.mutation.registration_cancellations_decide import (
    resolve_registration_cancellations_decide,
)
from server.resolvers.mutation.registration_terms_update import resolve_registration_terms_update
from server.resolvers.query.share_link import resolve_share_link_preview
from server.resolvers.subscription.campaign_changed import subscribe_campaign_changed


@strawberry.type
class DailyQuery:
    share_link_preview = strawberry.field(
        resolver=resolve_share_link_preview,
        description="Preview as creator: one of the agency's own share links as a creator opening it sees it (no "
        "creator's own state: inShowcase and lowerRateNotice are null). Records no visit. Null for a link that is "
        "not the agency's, revoked, or of a closed campaign.",
    )


@strawberry.type
class DailyMutation:
    campaign_delete = strawberry.mutation(
        resolver=resolve_campaign_delete,
        description="Delete a draft that was never published (its selected shops and pending change go with it).",
    )
    campaign_duplicate = strawberry.mutation(
        resolver=resolve_campaign_duplicate,
        description="A new draft with every field of one of the agency's campaigns but the periods, which the input "
        "gives.",
    )
    campaign_archive = strawberry.mutation(
        resolver=resolve_campaign_archive,
        description="Archive (or bring back) a closed campaign: out of the agency's default list, still readable and "
        "exportable.",
    )
    agency_markets_set = strawberry.mutation(
        resolver=resolve_agency_markets_set,
        description="The markets the agency serves. Campaigns are created only in these; a market with an open "
        "campaign cannot be dropped (MARKET_IN_USE) until it closes.",
    )
    registration_terms_update = strawberry.mutation(
        resolver=resolve_registration_terms_update,
        description="The seller changes a PENDING registration's terms in place: it keeps its place in the review "
        "queue; the agency sees the change in its history and live.",
    )
    registration_cancellations_decide = strawberry.mutation(
        resolver=resolve_registration_cancellations_decide,
        description="Approve (→ CLOSED) or decline (→ APPROVED) 1–100 cancellation requests, each on its own: one "
        "result per id, in order.",
    )


@strawberry.type
class DailySubscription:
    campaign_changed = strawberry.subscription(
        resolver=subscribe_campaign_changed,
        description="Campaign-level changes (edited, a pending change requested/applied/cancelled, published, "
        "unpublished, closed, archived, deleted): an agency's own campaigns; for a seller, the marketplace changes "
        "of the campaigns it may see. campaignId: one campaign only.",
    )
