"""Where a collaboration comes from, as every party of it may see it: names and dates, never a rate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from server.schema.context import Info


@dataclass(frozen=True, slots=True)
class OfferContext:
    campaign_id: int
    campaign_name: str
    campaign_end: datetime
    agency_name: str
    samples_left: int

    @classmethod
    async def load(cls, info: Info, registration_id: int) -> OfferContext:
        """Through the registration of a row the viewer was already allowed to load (an entry, a sample, content)."""
        row = await info.context.loaders.offer_context_by_registration_id.load(registration_id)
        _, campaign_id, campaign_name, campaign_end, agency_name, quota, consumed = row
        return cls(
            campaign_id=campaign_id,
            campaign_name=campaign_name,
            campaign_end=campaign_end,
            agency_name=agency_name,
            samples_left=max(0, quota - consumed),
        )
