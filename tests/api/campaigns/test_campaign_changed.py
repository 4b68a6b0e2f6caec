"""campaignChanged, live: the agency hears its campaigns' changes; a seller hears the marketplace changes of the
campaigns it may see — including the one that takes a campaign off its marketplace (UNPUBLISHED), which it can no
longer read — and never learns of a campaign it was not shown, not even its id."""

from __future__ import annotations

from contextlib import AsyncExitStack

from server.events import channels
from server.models.enums import Market, RegistrationStatus
from tests.live.helpers import socket
from tests.orders_api.test_live import listening, payload
from tests.plugins.api import login_token

from .support import create_campaign, publish, register, update

CHANGES = "subscription { campaignChanged { campaignId kind campaign { id name } } }"


async def test_a_seller_hears_a_campaign_leave_its_marketplace_and_only_campaigns_it_was_shown(
    rt, app, http, world, as_role, clock
) -> None:
    agency = await as_role("agency_a")
    market = channels.campaigns_of_market(Market.TH.value)
    async with AsyncExitStack() as stack:
        sockets = {}
        for who in ("agency_a", "seller_a", "seller_b"):
            ws = await stack.enter_async_context(socket(app, await login_token(http, world[who].email)))
            channel = (
                channels.campaigns_of_agency(world["agency_a"].organisation_id)
                if who == "agency_a"
                else market
            )
            sockets[who] = await listening(rt, ws, CHANGES, channel)

        only_a = await create_campaign(
            agency,
            clock.now(),
            name="Only shop A",
            targeting={"mode": "SELECTED", "shopCodes": ["THSHOPAAA1"]},
        )
        await publish(agency, only_a["id"])
        heard = await payload(sockets["seller_a"])
        assert (heard["kind"], heard["campaign"]) == (
            "PUBLISHED",
            {"id": only_a["id"], "name": "Only shop A"},
        )

        await publish(agency, only_a["id"], published=False)
        heard = await payload(sockets["seller_a"])
        assert (heard["campaignId"], heard["kind"], heard["campaign"]) == (only_a["id"], "UNPUBLISHED", None)
        agency_heard = [(await payload(sockets["agency_a"]))["kind"] for _ in range(2)]
        assert agency_heard == ["PUBLISHED", "UNPUBLISHED"]

        # Shop B was never shown the targeted campaign: its first event is the open campaign published next.
        open_one = await create_campaign(agency, clock.now(), name="Open to all")
        await publish(agency, open_one["id"])
        heard = await payload(sockets["seller_b"])
        assert (heard["campaignId"], heard["kind"]) == (open_one["id"], "PUBLISHED")


async def test_a_registered_seller_hears_the_pending_changes_its_campaign_history_shows(
    rt, app, http, world, as_role, clock
) -> None:
    """Campaign.history shows a registered seller the changes the agency schedules and cancels, so the seller's
    open history refreshes on them; a seller of the market that is not registered hears neither."""
    agency = await as_role("agency_a")
    market = channels.campaigns_of_market(Market.TH.value)
    campaign = await create_campaign(agency, clock.now(), name="Scheduled edits")
    await publish(agency, campaign["id"])
    await register(rt, world, campaign["id"], "seller_a", 0, RegistrationStatus.PENDING)
    async with AsyncExitStack() as stack:
        sockets = {}
        for who in ("seller_a", "seller_b"):
            ws = await stack.enter_async_context(socket(app, await login_token(http, world[who].email)))
            sockets[who] = await listening(rt, ws, CHANGES, market)

        result = await update(agency, campaign["id"], description="Longer registration, more products.")
        assert result["userErrors"] == [] and result["appliedNow"] is False
        heard = await payload(sockets["seller_a"])
        assert (heard["campaignId"], heard["kind"]) == (campaign["id"], "CHANGE_REQUESTED")

        cancelled = await agency(
            "mutation($i: CampaignPendingChangeCancelInput!) { campaignPendingChangeCancel(input: $i) "
            "{ userErrors { message } } }",
            {"i": {"campaignId": campaign["id"]}},
        )
        assert cancelled["campaignPendingChangeCancel"]["userErrors"] == []
        heard = await payload(sockets["seller_a"])
        assert (heard["campaignId"], heard["kind"]) == (campaign["id"], "CHANGE_CANCELLED")

        # Seller B (same market, not registered): its first event is the next marketplace change.
        await publish(agency, campaign["id"], published=False)
        heard = await payload(sockets["seller_b"])
        assert (heard["campaignId"], heard["kind"]) == (campaign["id"], "UNPUBLISHED")
