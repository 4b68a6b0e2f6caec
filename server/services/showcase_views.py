"""What the API shows a creator of offers: a share link's offer with its items and lower-rate notices, and the
offers open to it grouped by product."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from server.models.enums import Market


@dataclass(frozen=True, slots=True)
class LowerRateNotice:
    """The creator already promotes the product through another offer."""

    current_rate_bps: int
    offered_rate_bps: int
    current_source: str  # "<campaign name> · <agency name>"
    current_pending_rate_bps: int | None
    current_pending_effective_at: datetime | None

    @property
    def current_is_higher(self) -> bool:
        return self.current_rate_bps > self.offered_rate_bps


@dataclass(frozen=True, slots=True)
class OfferItem:
    list_item_id: int
    product_id: int
    creator_rate_bps: int
    samples_left: int
    campaign_end: datetime
    in_showcase: bool  # ACTIVE through this very offer
    notice: LowerRateNotice | None


@dataclass(frozen=True, slots=True)
class SharedOffer:
    token: str
    agency_name: str
    campaign_name: str
    campaign_end: datetime
    market: Market
    items: list[OfferItem]


@dataclass(frozen=True, slots=True)
class CommissionOffer:
    list_item_id: int
    creator_rate_bps: int
    campaign_name: str
    campaign_end: datetime
    agency_name: str
    samples_left: int
    token: str
    in_showcase: bool


@dataclass(frozen=True, slots=True)
class ProductOffers:
    product_id: int
    offers: list[CommissionOffer]  # best rate first
    active_rate_bps: int | None  # the rate in force of the creator's ACTIVE entry for the product

    @property
    def best_rate_bps(self) -> int:
        return self.offers[0].creator_rate_bps
