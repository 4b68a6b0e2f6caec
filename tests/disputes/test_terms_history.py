"""Counterparty-visible history of terms through the API: a campaign's changes to the sellers registered in it (only
the fields they may see), a creator's own rate on its showcase entry, a sample's steps (the seller: shipping only).
A person's name stays inside the actor's organisation; a seller sees who acted only as a role."""

from __future__ import annotations

from server import models
from server.ids import decode_id, encode_id
from server.services.unit_of_work import UnitOfWork
from tests.disputes.conftest import Subjects
from tests.orders.world import OrdersWorld

EVENT = "history { action actorRole actorName actorPersonName reason changes { field from to } }"


async def test_a_campaign_change_reaches_its_registered_sellers_only(
    api, ow: OrdersWorld, subjects: Subjects
) -> None:
    agency, seller_us, seller_vn = await api("agency"), await api("seller_us"), await api("seller_vn")
    campaign = encode_id("Campaign", ow.us.campaign_id)
    result = await agency(
        "mutation($input: CampaignUpdateInput!) { campaignUpdate(input: $input) { userErrors { field message } } }",
        {
            "input": {
                "id": campaign,
                "name": "Campaign US, extended",
                "description": "Now with more products.",
            }
        },
    )
    assert result["campaignUpdate"]["userErrors"] == []
    query = f"query($id: ID!) {{ campaign(id: $id) {{ {EVENT} }} }}"
    mine = (await agency(query, {"id": campaign}))["campaign"]["history"][-1]
    assert (mine["actorRole"], mine["actorName"], mine["actorPersonName"]) == (
        "AGENCY",
        "Agency Orders",
        "Agency",
    )
    assert {"field": "name", "from": "Campaign US", "to": "Campaign US, extended"} in mine["changes"]
    theirs = (await seller_us(query, {"id": campaign}))["campaign"]["history"][-1]
    assert (theirs["action"], theirs["actorRole"], theirs["actorName"], theirs["actorPersonName"]) == (
        mine["action"],
        "AGENCY",
        None,
        None,
    )
    assert theirs["changes"] == [c for c in mine["changes"] if c["field"] != "targetShopCodes"]
    # A seller of another market neither reaches the campaign nor its history.
    assert (await seller_vn(query, {"id": campaign}))["campaign"] is None


async def test_a_creator_reads_the_changes_to_its_own_rate(api, ow: OrdersWorld, subjects: Subjects) -> None:
    agency, alice = await api("agency"), await api("alice")
    first = ow.us.registered[0]
    result = await agency(
        "mutation($input: ProductListItemsSetInput!) { productListItemsSet(input: $input) { userErrors { message } } }",
        {
            "input": {
                "listId": encode_id("ProductList", ow.us.list_id),
                "set": [
                    {
                        "registrationId": encode_id("Registration", first.registration_id),
                        "creatorRateBps": 1200,
                    }
                ],
            }
        },
    )
    assert result["productListItemsSet"]["userErrors"] == []
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on ShowcaseEntry {{ {EVENT} }} }} }}"
    history = (await alice(query, {"id": first.entry_gid("alice")}))["node"]["history"]
    assert history[-1] == {
        "action": "product_list_item.reprice",
        "actorRole": "AGENCY",
        "actorName": "Agency Orders",
        "actorPersonName": None,
        "reason": None,
        "changes": [{"field": "creatorRateBps", "from": "1500", "to": "1200"}],
    }


async def test_a_sample_history_shows_the_seller_its_shipping_steps_only(rt, api, subjects: Subjects) -> None:

    sample_id = decode_id(subjects.sample, "SampleRequest")
    async with UnitOfWork(
        rt
    ) as uow:  # what the request, review and shipment wrote (server/services/samples.py)
        for action, changes in (
            ("sample.request", {"status": [None, "REQUESTED"]}),
            ("sample.approve", {"status": ["REQUESTED", "APPROVED"]}),
            ("sample.shipment", {"status": ["APPROVED", "SHIPPED"], "trackingNumber": [None, "1Z999"]}),
        ):
            uow.session.add(
                models.AuditEvent(
                    subject_type="SampleRequest",
                    subject_id=sample_id,
                    action=action,
                    changes=changes,
                    created_at=rt.clock.now(),
                )
            )
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on SampleRequest {{ {EVENT} }} }} }}"
    seller = [
        e["action"]
        for e in (await (await api("seller_us"))(query, {"id": subjects.sample}))["node"]["history"]
    ]
    creator = [
        e["action"] for e in (await (await api("alice"))(query, {"id": subjects.sample}))["node"]["history"]
    ]
    assert seller == ["sample.approve", "sample.shipment"]
    assert creator == ["sample.request", "sample.approve", "sample.shipment"]
