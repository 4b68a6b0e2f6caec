"""campaignProductCollaborations: per product and creator, the collaboration progress and figures (agency and
operator only; a seller never reaches a creator)."""

from __future__ import annotations

import pytest

from server.ids import encode_id
from tests.performance.conftest import rid
from tests.performance.test_overview import NUMBERS, numbers
from tests.performance.world import PerfWorld

COLLABORATIONS = f"""query($r: ID!, $sort: CreatorCollaborationSort, $first: Int, $after: String) {{
  campaignProductCollaborations(registrationId: $r, sort: $sort, first: $first, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{ creator {{ handle displayName followers }} since showcaseStatus creatorRateBps
      sampleRequest {{ status shippedAt deliveredAt contentDueAt shippingAddress {{ city }} }}
      videos lives contentViews contentLikes contentOrders contents {{ kind views likes ordersCount }}
      {NUMBERS} }} }} }} }}"""

CREATOR_A = {
    "creator": {"handle": "creatora", "displayName": "Creator A", "followers": 12000},
    "since": "2026-11-12T09:00:00+00:00",
    "showcaseStatus": "ACTIVE",
    "creatorRateBps": 1500,
    # The agency never gets the address.
    "sampleRequest": {
        "status": "DELIVERED",
        "shippedAt": "2026-11-15T09:00:00+00:00",
        "deliveredAt": "2026-11-17T09:00:00+00:00",
        "contentDueAt": "2026-12-01T09:00:00+00:00",
        "shippingAddress": None,
    },
    "videos": 1,
    "lives": 1,
    "contentViews": 1500,
    "contentLikes": 120,
    "contentOrders": 3,
    "contents": [
        {"kind": "VIDEO", "views": 1000, "likes": 100, "ordersCount": 2},
        {"kind": "LIVE", "views": 500, "likes": 20, "ordersCount": 1},
    ],
    "numbers": numbers(2, 1, ("40.00", "40.00"), ("8.00", "8.00"), ("6.00", "6.00"), ("2.00", "2.00")),
}
CREATOR_B = {
    "creator": {"handle": "creatorb", "displayName": "Creator B", "followers": 12000},
    "since": "2026-11-13T09:00:00+00:00",
    "showcaseStatus": "ACTIVE",
    "creatorRateBps": 1000,
    "sampleRequest": {
        "status": "REQUESTED",
        "shippedAt": None,
        "deliveredAt": None,
        "contentDueAt": None,
        "shippingAddress": None,
    },
    "videos": 0,
    "lives": 0,
    "contentViews": 0,
    "contentLikes": 0,
    "contentOrders": 0,
    "contents": [],
    "numbers": numbers(2, 0, ("40.00", "0.00"), ("8.00", "0.00"), ("4.00", "0.00"), ("4.00", "0.00")),
}


def nodes(connection: dict) -> list[dict]:
    return [edge["node"] for edge in connection["edges"]]


@pytest.mark.parametrize("role", ["agency_a", "operator"])
async def test_each_creator_of_a_product(pw: PerfWorld, as_role, role: str) -> None:  # noqa: ANN001
    api = await as_role(role)
    data = await api(COLLABORATIONS, {"r": rid(pw, "r1"), "sort": {"field": "CREATOR_COMMISSION_ESTIMATED"}})
    page = data["campaignProductCollaborations"]
    assert page["totalCount"] == 2
    assert nodes(page) == [CREATOR_A, CREATOR_B]


async def test_removed_entries_and_rejected_samples_show_as_such(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    data = await (await as_role("agency_a"))(
        COLLABORATIONS, {"r": rid(pw, "r3"), "sort": {"field": "GMV_ESTIMATED"}}
    )
    page = nodes(data["campaignProductCollaborations"])
    assert [(n["creator"]["handle"], n["showcaseStatus"], n["sampleRequest"]["status"]) for n in page] == [
        ("creatora", "ACTIVE", "SHIPPED"),
        ("creatorb", "REMOVED", "REJECTED"),
    ]
    assert page[0]["numbers"] == numbers(
        1, 0, ("30.00", "0.00"), ("3.00", "0.00"), ("1.50", "0.00"), ("1.50", "0.00")
    )
    assert page[1]["numbers"] == numbers(
        0, 0, ("0.00", "0.00"), ("0.00", "0.00"), ("0.00", "0.00"), ("0.00", "0.00")
    )


@pytest.mark.parametrize(
    ("field", "direction", "expected"),
    [
        ("GMV_ESTIMATED", "DESC", ["creatorb", "creatora"]),  # a tie: the newer creator first
        ("GMV_ACTUAL", "DESC", ["creatora", "creatorb"]),
        ("AGENCY_COMMISSION_ESTIMATED", "DESC", ["creatorb", "creatora"]),
        ("CONTENT_VIEWS", "ASC", ["creatorb", "creatora"]),
        ("LIVES", "DESC", ["creatora", "creatorb"]),
    ],
)
async def test_sorting(pw: PerfWorld, as_role, field: str, direction: str, expected: list[str]) -> None:  # noqa: ANN001
    data = await (await as_role("agency_a"))(
        COLLABORATIONS, {"r": rid(pw, "r1"), "sort": {"field": field, "direction": direction}}
    )
    assert [n["creator"]["handle"] for n in nodes(data["campaignProductCollaborations"])] == expected


async def test_pages(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    api = await as_role("agency_a")
    first = (await api(COLLABORATIONS, {"r": rid(pw, "r1"), "first": 1}))["campaignProductCollaborations"]
    assert first["totalCount"] == 2 and first["pageInfo"]["hasNextPage"] is True
    after = first["pageInfo"]["endCursor"]
    second = (await api(COLLABORATIONS, {"r": rid(pw, "r1"), "first": 1, "after": after}))[
        "campaignProductCollaborations"
    ]
    assert [n["creator"]["handle"] for n in nodes(first) + nodes(second)] == ["creatorb", "creatora"]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_sellers_and_creators_never_reach_it(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    for role in ("seller_a", "creator_a"):
        body = await (await as_role(role)).raw(COLLABORATIONS, {"r": rid(pw, "r1")})
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], role


async def test_another_agency_gets_null(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    api = await as_role("agency_b")
    assert (await api(COLLABORATIONS, {"r": rid(pw, "r1")}))["campaignProductCollaborations"] is None
    unknown = encode_id("Registration", 999_999)
    assert (await api(COLLABORATIONS, {"r": unknown}))["campaignProductCollaborations"] is None
