from __future__ import annotations

from server.ids import encode_id
from server.schema.context import Info
from server.schema.pagination import check_first
from server.schema.types.offer import CommissionOffer, ProductOffers
from server.services import commission_offers


async def resolve_commission_offers(
    info: Info, first: int = 50, search: str | None = None
) -> list[ProductOffers]:
    principal = info.context.principal
    assert principal is not None  # the policy gate let only creators in
    check_first(first)
    products = await commission_offers.commission_offers(
        info.context.rt, principal, first=first, search=search
    )
    return [
        ProductOffers(
            product_pk=p.product_id,
            best_rate_bps=p.best_rate_bps,
            active_rate_bps=p.active_rate_bps,
            offers=[
                CommissionOffer(
                    list_item_id=encode_id("ProductListItem", o.list_item_id),
                    creator_rate_bps=o.creator_rate_bps,
                    campaign_name=o.campaign_name,
                    campaign_end=o.campaign_end,
                    agency_name=o.agency_name,
                    sample_available=o.samples_left > 0,
                    samples_left=o.samples_left,
                    token=o.token,
                    in_showcase=o.in_showcase,
                )
                for o in p.offers
            ],
        )
        for p in products
    ]
