"""Status follows the clock; sellers see the marketplace (published, their market, open or targeting their shop,
their seller type) with their own participation, never the agency's working fields."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from server.models.enums import Market, RegistrationStatus, SellerType

from .support import CAMPAIGN, add_seller, create_campaign, publish, register, update

STATUS = "query($id: ID!) { campaign(id: $id) { status registrationOpen } }"
NAMES = "{ campaigns(first: 100) { totalCount edges { node { name } } } }"


def names(data: dict[str, Any]) -> set[str]:
    return {edge["node"]["name"] for edge in data["campaigns"]["edges"]}


async def test_status_follows_the_clock(world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    start = clock.now() + timedelta(days=1)
    cid = {"id": campaign["id"]}
    assert (await api(STATUS, cid))["campaign"] == {"status": "READY", "registrationOpen": False}
    await publish(api, campaign["id"])
    assert (await api(STATUS, cid))["campaign"] == {"status": "UPCOMING", "registrationOpen": False}
    clock.set(start - timedelta(microseconds=1))
    assert (await api(STATUS, cid))["campaign"] == {"status": "UPCOMING", "registrationOpen": False}
    clock.set(start)
    assert (await api(STATUS, cid))["campaign"] == {"status": "ONGOING", "registrationOpen": True}
    clock.set(start + timedelta(days=5))  # registration end
    assert (await api(STATUS, cid))["campaign"] == {"status": "ONGOING", "registrationOpen": False}
    await publish(api, campaign["id"], False)
    assert (await api(STATUS, cid))["campaign"] == {"status": "READY", "registrationOpen": False}
    await publish(api, campaign["id"])
    clock.set(start + timedelta(days=10))  # campaign end
    assert (await api(STATUS, cid))["campaign"] == {"status": "CLOSED", "registrationOpen": False}


async def test_unpublishing_stops_registration(world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    await publish(api, campaign["id"])
    clock.advance(timedelta(days=2))
    assert (await api(STATUS, {"id": campaign["id"]}))["campaign"]["registrationOpen"] is True
    await publish(api, campaign["id"], False)
    assert (await api(STATUS, {"id": campaign["id"]}))["campaign"] == {
        "status": "READY",
        "registrationOpen": False,
    }


async def test_marketplace_visibility(rt, http, world, as_role, clock) -> None:
    agency = await as_role("agency_a")
    seller_a, seller_b = await as_role("seller_a"), await as_role("seller_b")
    _, vn_seller = await add_seller(rt, http, "vn-seller", market=Market.VN, code="VNSHOPVVV1")
    _, th_cross_border = await add_seller(
        rt, http, "th-cb", market=Market.TH, code="THCROSSBD1", seller_type=SellerType.CROSS_BORDER
    )
    now = clock.now()
    ids = {}
    for name, overrides, published in (
        ("open", {}, True),
        ("selected A", {"targeting": {"mode": "SELECTED", "shopCodes": ["THSHOPAAA1"]}}, True),
        ("unpublished", {}, False),
        (
            "vietnam",
            {
                "market": "VN",
                "contact": {"email": "a@agency.test", "messenger": "ZALO", "messengerHandle": "0912"},
            },
            True,
        ),
        ("cross-border only", {"targeting": {"mode": "OPEN", "sellerType": "CROSS_BORDER"}}, True),
        ("local only", {"targeting": {"mode": "OPEN", "sellerType": "LOCAL"}}, True),
    ):
        campaign = await create_campaign(agency, now, name=name, **overrides)
        ids[name] = campaign["id"]
        if published:
            await publish(agency, campaign["id"])

    assert names(await seller_a(NAMES)) == {"open", "selected A", "local only"}
    assert names(await seller_b(NAMES)) == {"open", "local only"}
    assert names(await vn_seller(NAMES)) == {"vietnam"}
    assert names(await th_cross_border(NAMES)) == {"open", "cross-border only"}
    assert names(await agency(NAMES)) == set(ids)
    assert names(await (await as_role("agency_b"))(NAMES)) == set()
    assert names(await (await as_role("operator"))(NAMES)) == set(ids)

    # Campaigns outside the marketplace are null by id, through campaign(id:) and node(id:), with no error.
    node = "query($id: ID!) { node(id: $id) { id } }"
    for hidden in ("selected A", "unpublished", "vietnam", "cross-border only"):
        assert (await seller_b(CAMPAIGN, {"id": ids[hidden]}))["campaign"] is None
        assert (await seller_b(node, {"id": ids[hidden]}))["node"] is None
    assert (await seller_b(node, {"id": ids["open"]}))["node"] == {"id": ids["open"]}
    assert (await (await as_role("agency_b"))(node, {"id": ids["open"]}))["node"] is None
    assert (await (await as_role("creator_a")).raw(CAMPAIGN, {"id": ids["open"]}))["errors"][0]["extensions"][
        "code"
    ] == "FORBIDDEN"

    # Targeting edits after publishing apply 30 minutes later, for sellers too.
    await update(agency, ids["selected A"], targeting={"mode": "SELECTED", "shopCodes": ["THSHOPBBB2"]})
    assert "selected A" not in names(await seller_b(NAMES))
    clock.advance(timedelta(minutes=30))
    assert "selected A" in names(await seller_b(NAMES))
    assert "selected A" not in names(await seller_a(NAMES))

    # Unpublishing hides a campaign from the marketplace; a seller that joined it keeps seeing it.
    await register(rt, world, ids["open"], "seller_a", 0, RegistrationStatus.PENDING)
    await publish(agency, ids["open"], False)
    assert "open" not in names(await seller_b(NAMES))
    assert "open" in names(await seller_a(NAMES))


SELLER_VIEW = """query($id: ID!) { campaign(id: $id) {
  name targetShopCodes firstPublishedAt updatedAt pendingChange { appliesAt } editableAt
  registrationCounts { total } myParticipation { joined registeredProducts counts {
    total pending approved pendingClosed closed rejected rejectForever withdrawn } } } }"""


async def test_a_seller_sees_its_participation_but_not_the_agency_fields(rt, world, as_role, clock) -> None:
    agency = await as_role("agency_a")
    campaign = await create_campaign(
        agency, clock.now(), targeting={"mode": "SELECTED", "shopCodes": ["THSHOPAAA1", "THSHOPBBB2"]}
    )
    await publish(agency, campaign["id"])
    await update(agency, campaign["id"], description="Pending edit")
    await register(rt, world, campaign["id"], "seller_a", 0, RegistrationStatus.APPROVED)
    await register(rt, world, campaign["id"], "seller_a", 1, RegistrationStatus.WITHDRAWN)
    await register(rt, world, campaign["id"], "seller_b", 0, RegistrationStatus.PENDING)

    seller = await as_role("seller_a")
    view = (await seller(SELLER_VIEW, {"id": campaign["id"]}))["campaign"]
    assert view == {
        "name": "Serum week",
        "targetShopCodes": None,
        "firstPublishedAt": None,
        "updatedAt": None,
        "pendingChange": None,
        "editableAt": None,
        "registrationCounts": None,
        "myParticipation": {
            "joined": True,
            "registeredProducts": 1,
            "counts": {
                "total": 2,
                "pending": 0,
                "approved": 1,
                "pendingClosed": 0,
                "closed": 0,
                "rejected": 0,
                "rejectForever": 0,
                "withdrawn": 1,
            },
        },
    }
    agency_view = (await agency(SELLER_VIEW, {"id": campaign["id"]}))["campaign"]
    assert agency_view["myParticipation"] is None
    assert agency_view["registrationCounts"] == {"total": 3}
    assert agency_view["targetShopCodes"] == ["THSHOPAAA1", "THSHOPBBB2"]
    assert agency_view["pendingChange"] is not None and agency_view["editableAt"] is not None
    operator_view = (await (await as_role("operator"))(SELLER_VIEW, {"id": campaign["id"]}))["campaign"]
    assert operator_view["registrationCounts"] == {"total": 3} and operator_view["myParticipation"] is None

    joined = "query($j: Boolean) { campaigns(filter: {joined: $j}) { edges { node { name } } } }"
    other = await create_campaign(agency, clock.now(), name="Not joined")
    await publish(agency, other["id"])
    assert names(await seller(joined, {"j": True})) == {"Serum week"}
    assert names(await seller(joined, {"j": False})) == {"Not joined"}
    seller_b = await as_role("seller_b")
    assert names(await seller_b(joined, {"j": True})) == {"Serum week"}
    # A seller whose only registration is withdrawn has not joined.
    await register(rt, world, other["id"], "seller_b", 1, RegistrationStatus.WITHDRAWN)
    assert names(await seller_b(joined, {"j": False})) == {"Not joined"}
