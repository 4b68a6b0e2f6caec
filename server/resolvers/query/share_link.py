from __future__ import annotations

from server.ids import encode_id
from server.models.enums import MARKET_CURRENCY
from server.schema.context import Info
from server.schema.types.offer import LowerRateNotice, OfferItem, SharedOffer
from server.services import link_preview, showcase


async def resolve_share_link(info: Info, token: str) -> SharedOffer | None:
    """The offer behind a share link, as the creator sees it; null for an unknown, revoked or closed link alike."""
    principal = info.context.principal
    assert principal is not None  # the policy gate let only creators in
    return shared_offer(await showcase.open_share_link(info.context.rt, principal, token.strip()))


async def resolve_share_link_preview(info: Info, token: str) -> SharedOffer | None:
    """The agency's own share link as a creator sees it (no creator's own state); null for another's link."""
    principal = info.context.principal
    assert principal is not None  # the policy gate let only agencies in
    return shared_offer(await link_preview.preview(info.context.rt, principal, token.strip()))


def shared_offer(offer: showcase.SharedOffer | None) -> SharedOffer | None:
    if offer is None:
        return None
    return SharedOffer(
        token=offer.token,
        agency_name=offer.agency_name,
        campaign_name=offer.campaign_name,
        campaign_end=offer.campaign_end,
        market=offer.market,
        currency=MARKET_CURRENCY[offer.market],
        items=[
            OfferItem(
                id=encode_id("ProductListItem", item.list_item_id),
                product_pk=item.product_id,
                creator_rate_bps=item.creator_rate_bps,
                sample_available=item.samples_left > 0,
                samples_left=item.samples_left,
                campaign_end=item.campaign_end,
                in_showcase=item.in_showcase,
                lower_rate_notice=None
                if item.notice is None
                else LowerRateNotice(
                    current_rate_bps=item.notice.current_rate_bps,
                    offered_rate_bps=item.notice.offered_rate_bps,
                    current_source=item.notice.current_source,
                    current_is_higher=item.notice.current_is_higher,
                    current_pending_rate_bps=item.notice.current_pending_rate_bps,
                    current_pending_effective_at=item.notice.current_pending_effective_at,
                ),
            )
            for item in offer.items
        ],
    )
