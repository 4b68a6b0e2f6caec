"""Samples: request (creator), review against the quota (agency), shipment (seller), the content deadline and its
one extension, overdue samples, who sees what of a request, and sampleStatusChanged per party."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server import models
from server.ids import encode_id
from server.models.enums import SampleStatus, ShipmentStatus
from server.services import sample_sweep
from tests.api.test_websocket import ws_client
from tests.plugins.api import Api, login_token
from tests.plugins.ws import until_listening

from .offers import (
    EXTENSION,
    SAMPLE_FIELDS,
    add_ok,
    make_offer,
    more_products,
    request_sample,
    review,
    rows,
    ship,
)

SAMPLES = f"query($first: Int = 20, $status: [SampleStatus!]) {{ sampleRequests(first: $first, status: $status) {{ totalCount edges {{ node {{ {SAMPLE_FIELDS} }} }} }} }}"
NODE = f"query($id: ID!) {{ node(id: $id) {{ ... on SampleRequest {{ {SAMPLE_FIELDS} }} }} }}"


@pytest.fixture
async def entry(rt, world, as_role):  # noqa: ANN201
    """Creator A has seller A's first product in its showcase through agency A's offer (quota 1)."""
    offer = await make_offer(rt, world, world.products["seller_a"], sample_quota=1)
    [first, second] = await add_ok(await as_role("creator_a"), offer.token)
    return {"offer": offer, "id": first["id"], "other_id": second["id"]}


async def requested(as_role, entry) -> str:  # noqa: ANN001
    result = await request_sample(await as_role("creator_a"), entry["id"])
    assert result["userErrors"] == [], result
    return result["sampleRequest"]["id"]


async def delivered(as_role, entry) -> str:  # noqa: ANN001
    sample_id = await requested(as_role, entry)
    assert (await review(await as_role("agency_a"), sample_id))["userErrors"] == []
    seller = await as_role("seller_a")
    assert (await ship(seller, sample_id, "SHIPPED", carrier="Kerry", trackingNumber="KE1"))[
        "userErrors"
    ] == []
    assert (await ship(seller, sample_id, "DELIVERED"))["userErrors"] == []
    return sample_id


# --- request -------------------------------------------------------------------------------------------------


async def test_request_with_an_address(rt, world, as_role, entry, clock) -> None:
    result = await request_sample(await as_role("creator_a"), entry["id"])
    assert result["userErrors"] == []
    assert result["sampleRequest"]["status"] == "REQUESTED"
    assert result["sampleRequest"]["shippingAddress"] == {
        "recipientName": "Creator A Person",
        "country": "TH",
    }
    [stored] = await rows(rt, models.SampleRequest)
    assert (stored.creator_id, stored.product_id, stored.line1, stored.postal_code) == (
        world["creator_a"].organisation_id,
        world.products["seller_a"][0],
        "1 Sukhumvit Road",
        "10110",
    )
    notes = await rows(rt, models.Notification, models.Notification.kind == "SAMPLE_REQUESTED")
    assert [(n.recipient_organisation_id, n.title) for n in notes] == [
        (world["agency_a"].organisation_id, "Creator A requested a sample")
    ]
    assert [
        a.action for a in await rows(rt, models.AuditEvent, models.AuditEvent.subject_type == "SampleRequest")
    ] == ["sample.request"]


async def test_address_is_checked_field_by_field(rt, as_role, entry) -> None:
    result = await request_sample(
        await as_role("creator_a"),
        entry["id"],
        recipientName=" ",
        phone="call me",
        line1="",
        city="x" * 101,
        postalCode="#",
        country="FR",
    )
    assert result["sampleRequest"] is None
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "address", "recipientName"], "REQUIRED"),
        (["input", "address", "phone"], "INVALID_FORMAT"),
        (["input", "address", "line1"], "REQUIRED"),
        (["input", "address", "city"], "TOO_LONG"),
        (["input", "address", "postalCode"], "INVALID_FORMAT"),
        (["input", "address", "country"], "INVALID_FORMAT"),
    ]
    assert await rows(rt, models.SampleRequest) == []


async def test_only_for_a_product_in_the_showcase(rt, world, as_role, entry) -> None:
    creator = await as_role("creator_a")
    # Another creator's entry, a removed entry, a malformed id.
    theirs = await add_ok(await as_role("creator_b"), entry["offer"].token)
    result = await request_sample(creator, theirs[0]["id"])
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "showcaseEntryId"], "NOT_IN_SHOWCASE")
    ]
    await creator(
        "mutation($ids: [ID!]!) { showcaseRemove(input: {entryIds: $ids}) { removedIds } }",
        {"ids": [entry["other_id"]]},
    )
    result = await request_sample(creator, entry["other_id"])
    assert [e["code"] for e in result["userErrors"]] == ["NOT_IN_SHOWCASE"]
    result = await request_sample(creator, encode_id("Product", 1))
    assert [e["code"] for e in result["userErrors"]] == ["INVALID_ID"]
    assert await rows(rt, models.SampleRequest) == []


async def test_twice_for_the_same_product(rt, as_role, entry) -> None:
    await requested(as_role, entry)
    result = await request_sample(await as_role("creator_a"), entry["id"])
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "showcaseEntryId"], "ALREADY_REQUESTED")
    ]


async def test_beyond_the_quota(rt, world, as_role, entry) -> None:
    sample_id = await requested(as_role, entry)
    await review(await as_role("agency_a"), sample_id)  # the one sample of the quota is taken
    # Creator B wants one too: none left.
    [theirs, _] = await add_ok(await as_role("creator_b"), entry["offer"].token)
    result = await request_sample(await as_role("creator_b"), theirs["id"])
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "showcaseEntryId"], "QUOTA_EXHAUSTED")
    ]
    # A product with no samples at all.
    no_samples = await make_offer(rt, world, world.products["seller_b"][:1], sample_quota=0)
    [e] = await add_ok(await as_role("creator_a"), no_samples.token)
    assert [x["code"] for x in (await request_sample(await as_role("creator_a"), e["id"]))["userErrors"]] == [
        "QUOTA_EXHAUSTED"
    ]


# --- review ---------------------------------------------------------------------------------------------------


async def test_review_by_the_campaigns_agency(rt, world, as_role, entry) -> None:
    sample_id = await requested(as_role, entry)
    other_agency = await review(await as_role("agency_b"), sample_id)
    assert [(e["field"], e["code"]) for e in other_agency["userErrors"]] == [(["input", "id"], "NOT_FOUND")]
    agency = await as_role("agency_a")
    assert [
        (e["field"], e["code"]) for e in (await review(agency, sample_id, approve=False))["userErrors"]
    ] == [(["input", "reason"], "REQUIRED")]
    result = await review(agency, sample_id)
    assert result["userErrors"] == [] and result["sampleRequest"]["status"] == "APPROVED"
    assert result["sampleRequest"]["reviewedAt"] is not None
    assert [e["code"] for e in (await review(agency, sample_id))["userErrors"]] == ["INVALID_STATE"]
    kinds = {(n.kind, n.recipient_organisation_id) for n in await rows(rt, models.Notification)}
    assert ("SAMPLE_APPROVED", world["creator_a"].organisation_id) in kinds
    assert ("SAMPLE_TO_SHIP", world["seller_a"].organisation_id) in kinds
    to_ship = next(n for n in await rows(rt, models.Notification) if n.kind == "SAMPLE_TO_SHIP")
    assert "Creator A" not in to_ship.title + to_ship.body  # the seller never learns who


async def test_reject_with_a_reason(rt, world, as_role, entry) -> None:
    sample_id = await requested(as_role, entry)
    result = await review(await as_role("agency_a"), sample_id, approve=False, reason="Audience too small")
    assert result["sampleRequest"]["status"] == "REJECTED"
    assert result["sampleRequest"]["rejectReason"] == "Audience too small"
    notes = await rows(rt, models.Notification, models.Notification.kind == "SAMPLE_REJECTED")
    assert [n.recipient_organisation_id for n in notes] == [world["creator_a"].organisation_id]


async def test_approval_is_refused_beyond_the_quota(rt, world, as_role, entry) -> None:
    first = await requested(as_role, entry)
    [theirs, _] = await add_ok(await as_role("creator_b"), entry["offer"].token)
    second = (await request_sample(await as_role("creator_b"), theirs["id"]))["sampleRequest"]["id"]
    agency = await as_role("agency_a")
    assert (await review(agency, first))["userErrors"] == []
    assert [e["code"] for e in (await review(agency, second))["userErrors"]] == ["QUOTA_EXHAUSTED"]
    assert {s.status for s in await rows(rt, models.SampleRequest)} == {
        SampleStatus.APPROVED,
        SampleStatus.REQUESTED,
    }


# --- shipment -------------------------------------------------------------------------------------------------


async def test_shipment_by_the_products_seller(rt, world, as_role, entry, clock) -> None:
    sample_id = await requested(as_role, entry)
    seller = await as_role("seller_a")
    # Nothing to ship before approval: the seller does not even see the request.
    assert [
        e["code"]
        for e in (await ship(seller, sample_id, "SHIPPED", carrier="K", trackingNumber="1"))["userErrors"]
    ] == ["NOT_FOUND"]
    await review(await as_role("agency_a"), sample_id)
    assert [
        e["code"]
        for e in (
            await ship(await as_role("seller_b"), sample_id, "SHIPPED", carrier="K", trackingNumber="1")
        )["userErrors"]
    ] == ["NOT_FOUND"]
    result = await ship(seller, sample_id, "SHIPPED")
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "carrier"], "REQUIRED"),
        (["input", "trackingNumber"], "REQUIRED"),
    ]
    assert [e["code"] for e in (await ship(seller, sample_id, "DELIVERED"))["userErrors"]] == [
        "INVALID_STATE"
    ]

    shipped = await ship(
        seller, sample_id, "SHIPPED", carrier="Kerry Express", trackingNumber="KE1", note="Box 1"
    )
    assert shipped["userErrors"] == []
    assert shipped["sampleRequest"] | {"id": None} == {
        "id": None,
        "status": "SHIPPED",
        "carrier": "Kerry Express",
        "trackingNumber": "KE1",
        "shippedAt": clock.now().isoformat(),
        "deliveredAt": None,
        "contentDueAt": None,
        "shipmentStatus": "SHIPPED",
        "creator": None,
    }
    clock.advance(timedelta(days=1))
    seller = Api(seller.http, await login_token(seller.http, world["seller_a"].email))
    assert (await ship(seller, sample_id, "IN_TRANSIT"))["sampleRequest"]["status"] == "SHIPPED"
    clock.advance(timedelta(days=1))
    done = (await ship(seller, sample_id, "DELIVERED"))["sampleRequest"]
    assert (done["status"], done["deliveredAt"], done["contentDueAt"], done["shipmentStatus"]) == (
        "DELIVERED",
        clock.now().isoformat(),
        (clock.now() + timedelta(days=14)).isoformat(),
        "DELIVERED",
    )
    assert [e["code"] for e in (await ship(seller, sample_id, "DELIVERED"))["userErrors"]] == [
        "INVALID_STATE"
    ]
    history = await rows(rt, models.Shipment)
    assert [(h.status, h.carrier, h.tracking_number) for h in history] == [
        (ShipmentStatus.SHIPPED, "Kerry Express", "KE1"),
        (ShipmentStatus.IN_TRANSIT, "Kerry Express", "KE1"),
        (ShipmentStatus.DELIVERED, "Kerry Express", "KE1"),
    ]
    kinds = [(n.kind, n.recipient_organisation_id) for n in await rows(rt, models.Notification)]
    assert ("SAMPLE_DELIVERED", world["creator_a"].organisation_id) in kinds
    assert ("SAMPLE_DELIVERED", world["agency_a"].organisation_id) in kinds


async def test_a_returned_sample_can_be_shipped_again(rt, as_role, entry) -> None:
    sample_id = await requested(as_role, entry)
    await review(await as_role("agency_a"), sample_id)
    seller = await as_role("seller_a")
    await ship(seller, sample_id, "SHIPPED", carrier="Kerry", trackingNumber="KE1")
    assert (await ship(seller, sample_id, "FAILED_DELIVERY"))["sampleRequest"]["status"] == "SHIPPED"
    returned = (await ship(seller, sample_id, "RETURNED"))["sampleRequest"]
    assert (returned["status"], returned["shipmentStatus"]) == ("APPROVED", "RETURNED")
    again = (await ship(seller, sample_id, "SHIPPED", carrier="Flash", trackingNumber="TH2"))["sampleRequest"]
    assert (again["status"], again["carrier"], again["trackingNumber"]) == ("SHIPPED", "Flash", "TH2")


# --- deadline, extension, overdue -----------------------------------------------------------------------------


async def test_one_seven_day_extension_after_delivery(rt, world, as_role, entry, clock) -> None:
    creator = await as_role("creator_a")
    sample_id = await requested(as_role, entry)
    before = (await creator(EXTENSION, {"i": {"id": sample_id}}))["sampleContentExtension"]
    assert [(e["field"], e["code"]) for e in before["userErrors"]] == [(["input", "id"], "INVALID_STATE")]
    await review(await as_role("agency_a"), sample_id)
    seller = await as_role("seller_a")
    await ship(seller, sample_id, "SHIPPED", carrier="Kerry", trackingNumber="KE1")
    await ship(seller, sample_id, "DELIVERED")
    other = (await (await as_role("creator_b"))(EXTENSION, {"i": {"id": sample_id}}))[
        "sampleContentExtension"
    ]
    assert [e["code"] for e in other["userErrors"]] == ["NOT_FOUND"]

    extended = (await creator(EXTENSION, {"i": {"id": sample_id}}))["sampleContentExtension"]
    assert extended["userErrors"] == []
    assert extended["sampleRequest"] | {"id": None} == {
        "id": None,
        "status": "DELIVERED",
        "extensionUsed": True,
        "contentDueAt": (clock.now() + timedelta(days=21)).isoformat(),
    }
    twice = (await creator(EXTENSION, {"i": {"id": sample_id}}))["sampleContentExtension"]
    assert [(e["field"], e["code"]) for e in twice["userErrors"]] == [(["input", "id"], "EXTENSION_USED")]
    notes = await rows(rt, models.Notification, models.Notification.kind == "SAMPLE_EXTENDED")
    assert [n.recipient_organisation_id for n in notes] == [world["agency_a"].organisation_id]


async def test_overdue_after_the_deadline(rt, world, as_role, http, entry, clock) -> None:
    sample_id = await delivered(as_role, entry)
    clock.advance(timedelta(days=14) - timedelta(seconds=1))
    assert await sample_sweep.mark_overdue_samples(rt) == 0
    clock.advance(timedelta(seconds=1))
    # Past the deadline an extension is too late.
    creator = Api(http, await login_token(http, world["creator_a"].email))
    late = (await creator(EXTENSION, {"i": {"id": sample_id}}))["sampleContentExtension"]
    assert [e["code"] for e in late["userErrors"]] == ["INVALID_STATE"]
    assert await sample_sweep.mark_overdue_samples(rt) == 1
    assert await sample_sweep.mark_overdue_samples(rt) == 0  # a conditional update: never twice
    [stored] = await rows(rt, models.SampleRequest)
    assert stored.status is SampleStatus.OVERDUE
    notes = await rows(rt, models.Notification, models.Notification.kind == "SAMPLE_OVERDUE")
    assert sorted(n.recipient_organisation_id for n in notes) == sorted(
        [world["creator_a"].organisation_id, world["agency_a"].organisation_id]
    )


async def test_the_extension_moves_the_deadline(rt, world, as_role, entry, clock) -> None:
    sample_id = await delivered(as_role, entry)
    await (await as_role("creator_a"))(EXTENSION, {"i": {"id": sample_id}})
    clock.advance(timedelta(days=20))
    assert await sample_sweep.mark_overdue_samples(rt) == 0
    clock.advance(timedelta(days=1))
    assert await sample_sweep.mark_overdue_samples(rt) == 1


# --- who sees what ---------------------------------------------------------------------------------------------


async def test_each_party_sees_its_part(rt, world, as_role, entry) -> None:
    sample_id = await delivered(as_role, entry)
    creator_gid = encode_id("Creator", world["creator_a"].organisation_id)
    address = {
        "recipientName": "Creator A Person",
        "phone": "+66 81 234 5678",
        "line1": "1 Sukhumvit Road",
        "line2": "Unit 5",
        "city": "Bangkok",
        "region": "Bangkok",
        "postalCode": "10110",
        "country": "TH",
    }
    views = {}
    for role in ("creator_a", "agency_a", "seller_a", "operator"):
        api = await as_role(role)
        listed = (await api(SAMPLES))["sampleRequests"]
        assert [e["node"]["id"] for e in listed["edges"]] == [sample_id], role
        node = (await api(NODE, {"id": sample_id}))["node"]
        assert node == listed["edges"][0]["node"], role
        views[role] = node
    assert views["creator_a"]["shippingAddress"] == address
    assert views["creator_a"]["creator"] == {"id": creator_gid, "handle": "creatora"}
    assert views["creator_a"]["campaign"] is None  # the creator gets campaignName only
    assert (views["agency_a"]["shippingAddress"], views["agency_a"]["creator"]["id"]) == (None, creator_gid)
    assert views["agency_a"]["campaign"]["name"] == "Serum week"
    assert views["seller_a"]["shippingAddress"] == address
    assert (
        views["seller_a"]["creator"],
        views["seller_a"]["contents"],
        views["seller_a"]["rejectReason"],
    ) == (None, None, None)
    assert views["operator"]["shippingAddress"] is None
    for role in ("creator_a", "agency_a", "seller_a"):
        assert views[role]["campaignName"] == "Serum week" and views[role]["agencyName"] == "Agency A"
        assert [s["status"] for s in views[role]["shipments"]] == ["SHIPPED", "DELIVERED"]
    # Nobody else sees the request at all.
    for role in ("creator_b", "agency_b", "seller_b"):
        api = await as_role(role)
        assert (await api(SAMPLES))["sampleRequests"]["totalCount"] == 0
        assert (await api(NODE, {"id": sample_id}))["node"] is None


async def test_a_seller_never_sees_requests_before_approval(rt, as_role, entry) -> None:
    sample_id = await requested(as_role, entry)
    seller = await as_role("seller_a")
    assert (await seller(SAMPLES))["sampleRequests"]["totalCount"] == 0
    assert (await seller(NODE, {"id": sample_id}))["node"] is None
    await review(await as_role("agency_a"), sample_id, approve=False, reason="No")
    assert (await seller(SAMPLES))["sampleRequests"]["totalCount"] == 0


async def test_status_filter(rt, as_role, entry) -> None:
    sample_id = await requested(as_role, entry)
    creator = await as_role("creator_a")
    assert (await creator(SAMPLES, {"status": ["APPROVED"]}))["sampleRequests"]["totalCount"] == 0
    found = (await creator(SAMPLES, {"status": ["REQUESTED", "APPROVED"]}))["sampleRequests"]
    assert [e["node"]["id"] for e in found["edges"]] == [sample_id]


STATUS_CHANGED = (
    """subscription { sampleStatusChanged { id status creator { id } shippingAddress { city } } }"""
)


async def test_sample_status_changed_per_party(app, rt, world, http, as_role, entry) -> None:
    sample_id = await requested(as_role, entry)
    tokens = {
        role: await login_token(http, world[role].email)
        for role in ("creator_a", "agency_a", "seller_a", "creator_b")
    }
    creator_gid = {"id": encode_id("Creator", world["creator_a"].organisation_id)}
    async with (
        ws_client(app) as creator,
        ws_client(app) as agency,
        ws_client(app) as seller,
        ws_client(app) as stranger,
    ):
        sockets = {"creator_a": creator, "agency_a": agency, "seller_a": seller, "creator_b": stranger}
        listening = rt.broker.listening()
        for role, ws in sockets.items():
            await ws.init({"token": tokens[role]})
            await ws.subscribe("1", STATUS_CHANGED)
        await until_listening(rt.broker, listening + 4)
        await review(await as_role("agency_a"), sample_id)
        received = {
            role: (await sockets[role].next_payload())["payload"]["data"]["sampleStatusChanged"]
            for role in ("creator_a", "agency_a", "seller_a")
        }
        assert received == {
            "creator_a": {
                "id": sample_id,
                "status": "APPROVED",
                "creator": creator_gid,
                "shippingAddress": {"city": "Bangkok"},
            },
            "agency_a": {
                "id": sample_id,
                "status": "APPROVED",
                "creator": creator_gid,
                "shippingAddress": None,
            },
            "seller_a": {
                "id": sample_id,
                "status": "APPROVED",
                "creator": None,
                "shippingAddress": {"city": "Bangkok"},
            },
        }
        assert await stranger.nothing_within(0.3)


@pytest.mark.parametrize("n", [1, 10])
async def test_statement_count_does_not_grow(rt, world, as_role, queries, n) -> None:
    products = await more_products(rt, world, n)
    offer = await make_offer(rt, world, products, sample_quota=1)
    creator, agency = await as_role("creator_a"), await as_role("agency_a")
    for e in await add_ok(creator, offer.token):
        sample_id = (await request_sample(creator, e["id"]))["sampleRequest"]["id"]
        await review(agency, sample_id)
    queries.reset()
    data = (await agency(SAMPLES, {"first": 50}))["sampleRequests"]
    assert data["totalCount"] == n
    # session, page with its count, products, offer context, campaigns, creators, shipments, contents
    assert queries.count == 8, queries.statements


async def test_notification_received_fires_for_the_agency(app, rt, world, http, as_role, entry) -> None:
    token = await login_token(http, world["agency_a"].email)
    async with ws_client(app) as agency:
        await agency.init({"token": token})
        listening = rt.broker.listening()
        await agency.subscribe("1", "subscription { notificationReceived { kind title subjectId params } }")
        await until_listening(rt.broker, listening + 1)
        sample_id = await requested(as_role, entry)
        message = await agency.next_payload()
        [sample] = await rows(rt, models.SampleRequest)
        [product] = await rows(rt, models.Product, models.Product.id == sample.product_id)
        assert message["payload"]["data"]["notificationReceived"] == {
            "kind": "SAMPLE_REQUESTED",
            "title": "Creator A requested a sample",
            "subjectId": sample_id,
            "params": {"creator": "Creator A", "product": product.title},
        }
