"""Thin live events after order lines change, sent after commit: the shop's line channel, the creator's and the
agency's commissions, and the campaign's figures."""

from __future__ import annotations

from typing import Any

from server.events import channels
from server.services.unit_of_work import UnitOfWork


def publish_line_changes(uow: UnitOfWork, lines: Any) -> None:
    campaigns: set[int] = set()
    for line, shop_id in lines:
        event = {"orderLineId": line.id, "orderId": line.order_id, "status": line.status.value}
        uow.publish_after_commit(channels.order_lines_of_shop(shop_id), event)
        if line.campaign_id is not None:
            uow.publish_after_commit(channels.commissions_of_org(line.creator_id), event)
            uow.publish_after_commit(channels.commissions_of_org(line.agency_id), event)
            campaigns.add(line.campaign_id)
    for campaign_id in sorted(campaigns):
        uow.publish_after_commit(channels.campaign_numbers(campaign_id), {"campaignId": campaign_id})
