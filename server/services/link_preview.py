""" "Preview as creator": the offer behind one of the agency's own share links, built exactly as a creator opening
it gets it (the same approved items, creator rates, sample availability and campaign end), minus what belongs to
one creator (whether it is in that creator's showcase, a lower-rate notice). Previewing records no visit.
A link of another agency, a revoked link or one of a closed campaign previews as nothing, as for a creator."""

from __future__ import annotations

from server.auth.principal import Principal
from server.models.enums import RegistrationStatus
from server.runtime import Runtime
from server.services.showcase import SharedOffer, list_items, offer_item, share_link_row, shared_offer
from server.services.unit_of_work import UnitOfWork


async def preview(rt: Runtime, principal: Principal, token: str) -> SharedOffer | None:
    async with UnitOfWork(rt) as uow:
        link = await share_link_row(uow, token)
        if link is None or link.agency_id != principal.organisation_id:
            return None
        items = [i for i in await list_items(uow, link.list_id) if i.status == RegistrationStatus.APPROVED]
    return shared_offer(
        token, link, [offer_item(item, link, in_showcase=False, notice=None) for item in items]
    )
