"""Root fields of the agency's and seller's daily operations (campaign drafts and archive, served markets,
pending-terms edits, bulk cancellation decisions, the creator preview, campaign-level live events). The root
types of server/schema/root.py inherit them, so that module stays the one place roots are assembled."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from server.resolvers.mutation.agency_markets_set import resolve_agency_markets_set
from server.resolvers.mutation.campaign_archive import resolve_campaign_archive
from server.resolvers.mutation.campaign_delete import resolve_campaign_delete
from server.resolvers.mutation.campaign_duplicate import resolve_campaign_duplicate
from server.resolvers.mutation.registration_cancellations_decide import resolve_registration_cancellations_decide
from server.resolvers.mutation.registration_terms_update import resolve_registration_terms_update
from server.resolvers.query.share_link import resolve_share_link_preview
from server.resolvers.subscription.campaign_changed import subscribe_campaign_changed
from server.schema.context import Info
from server.schema.types.campaign_inputs import CampaignPayload
from server.schema.types.campaign_ops import (
    AgencyMarketsSetInput,
    AgencyPayload,
    CampaignArchiveInput,
    CampaignChange,
    CampaignDeleteInput,
    CampaignDeletePayload,
    CampaignDuplicateInput,
)
from server.schema.types.offer import SharedOffer
from server.schema.types.registration import (
    RegistrationCancellationsDecideInput,
    RegistrationPayload,
    RegistrationReviewPayload,
    RegistrationTermsUpdateInput,
)


@strawberry.type
class DailyQuery:
    @strawberry.field(
        description="Preview as creator: one of the agency's own share links as a creator opening it sees it (no "
        "creator's own state: inShowcase and lowerRateNotice are null). Records no visit. Null for a link that is "
        "not the agency's, revoked, or of a closed campaign."
    )
    async def share_link_preview(self, info: Info, token: str) -> SharedOffer | None:
        return await resolve_share_link_preview(info, token)


@strawberry.type
class DailyMutation:
    @strawberry.mutation(description="Delete a draft that was never published (its selected shops and pending "
                         "change go with it).")
    async def campaign_delete(self, info: Info, input: CampaignDeleteInput) -> CampaignDeletePayload:  # noqa: A002
        return await resolve_campaign_delete(info, input)

    @strawberry.mutation(description="A new draft with every field of one of the agency's campaigns but the periods, "
                         "which the input gives.")
    async def campaign_duplicate(self, info: Info, input: CampaignDuplicateInput) -> CampaignPayload:  # noqa: A002
        return await resolve_campaign_duplicate(info, input)

    @strawberry.mutation(description="Archive (or bring back) a closed campaign: out of the agency's default list, "
                         "still readable and exportable.")
    async def campaign_archive(self, info: Info, input: CampaignArchiveInput) -> CampaignPayload:  # noqa: A002
        return await resolve_campaign_archive(info, input)

    @strawberry.mutation(description="The markets the agency serves. Campaigns are created only in these; a market "
                         "with an open campaign cannot be dropped (MARKET_IN_USE) until it closes.")
    async def agency_markets_set(self, info: Info, input: AgencyMarketsSetInput) -> AgencyPayload:  # noqa: A002
        return await resolve_agency_markets_set(info, input)

    @strawberry.mutation(description="The seller changes a PENDING registration's terms in place: it keeps its place "
                         "in the review queue; the agency sees the change in its history and live.")
    async def registration_terms_update(
        self, info: Info, input: RegistrationTermsUpdateInput  # noqa: A002
    ) -> RegistrationPayload:
        return await resolve_registration_terms_update(info, input)

    @strawberry.mutation(description="Approve (→ CLOSED) or decline (→ APPROVED) 1–100 cancellation requests, each "
                         "on its own: one result per id, in order.")
    async def registration_cancellations_decide(
        self, info: Info, input: RegistrationCancellationsDecideInput  # noqa: A002
    ) -> RegistrationReviewPayload:
        return await resolve_registration_cancellations_decide(info, input)


@strawberry.type
class DailySubscription:
    @strawberry.subscription(
        description="Campaign-level changes (edited, a pending change requested/applied/cancelled, published, "
        "unpublished, closed, archived, deleted): an agency's own campaigns; for a seller, the marketplace "
        "changes of the campaigns it may see. campaignId: one campaign only."
    )
    async def campaign_changed(
        self, info: Info, campaign_id: strawberry.ID | None = None
    ) -> AsyncGenerator[CampaignChange, None]:
        async for change in subscribe_campaign_changed(info, campaign_id):
            yield change
