"""campaignProductPerformance: per-product figures for the agency, the operator and each seller (its own only,
without the split), filters, sorting by each figure, keyset pages."""

from __future__ import annotations

import pytest

from server.schema.pagination import encode_cursor
from tests.performance.conftest import rid
from tests.performance.test_overview import NUMBERS, numbers
from tests.performance.world import PerfWorld
from tests.plugins.api import Api

PRODUCTS = f"""query($c: ID!, $first: Int, $after: String, $filter: ProductPerformanceFilter,
  $sort: ProductPerformanceSort) {{
  campaignProductPerformance(campaignId: $c, first: $first, after: $after, filter: $filter, sort: $sort) {{
    totalCount pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{ status registration {{ id totalRateBps bookmarked product {{ title }} }}
      creatorsCollaborating creatorsWithSales samplesRequested samplesApproved samplesShipped contentPosted
      {NUMBERS} }} }} }} }}"""

ZERO = numbers(0, 0, ("0.00", "0.00"), ("0.00", "0.00"), ("0.00", "0.00"), ("0.00", "0.00"))
FIGURES = {
    "r1": {
        "status": "APPROVED",
        "creatorsCollaborating": 2,
        "creatorsWithSales": 2,
        "samplesRequested": 2,
        "samplesApproved": 1,
        "samplesShipped": 1,
        "contentPosted": 2,
        "numbers": numbers(4, 1, ("80.00", "40.00"), ("16.00", "8.00"), ("10.00", "6.00"), ("6.00", "2.00")),
    },
    "r2": {
        "status": "PENDING",
        "creatorsCollaborating": 0,
        "creatorsWithSales": 0,
        "samplesRequested": 0,
        "samplesApproved": 0,
        "samplesShipped": 0,
        "contentPosted": 0,
        "numbers": ZERO,
    },
    "r3": {
        "status": "APPROVED",
        "creatorsCollaborating": 1,
        "creatorsWithSales": 1,
        "samplesRequested": 2,
        "samplesApproved": 1,
        "samplesShipped": 1,
        "contentPosted": 1,
        "numbers": numbers(1, 0, ("30.00", "0.00"), ("3.00", "0.00"), ("1.50", "0.00"), ("1.50", "0.00")),
    },
    "r4": {
        "status": "REJECTED",
        "creatorsCollaborating": 0,
        "creatorsWithSales": 0,
        "samplesRequested": 0,
        "samplesApproved": 0,
        "samplesShipped": 0,
        "contentPosted": 0,
        "numbers": ZERO,
    },
}
TOTAL_RATES = {"r1": 2000, "r2": 1500, "r3": 1000, "r4": 1200}


def as_seller(figures: dict) -> dict:
    """What a seller gets of a row: no sample requests count, no creator or agency commission."""
    hidden = dict.fromkeys(
        (
            "creatorCommissionEstimated",
            "creatorCommissionActual",
            "agencyCommissionEstimated",
            "agencyCommissionActual",
        )
    )
    return {**figures, "samplesRequested": None, "numbers": {**figures["numbers"], **hidden}}


async def products(api: Api, campaign_id: str, **variables) -> dict:  # noqa: ANN003
    return (await api(PRODUCTS, {"c": campaign_id, **variables}))["campaignProductPerformance"]


def rows(pw: PerfWorld, connection: dict, *, bookmarks: bool = True) -> list[tuple[str, dict]]:
    """(registration key, figures) per edge, checking the registration fields on the way."""
    keys = {rid(pw, k): k for k in pw.registrations}
    out = []
    for edge in connection["edges"]:
        node = dict(edge["node"])
        registration = node.pop("registration")
        key = keys[registration["id"]]
        assert registration["totalRateBps"] == TOTAL_RATES[key]
        assert registration["bookmarked"] == ((key == "r1") if bookmarks else None)
        out.append((key, node))
    return out


@pytest.mark.parametrize("role", ["agency_a", "operator"])
async def test_every_product_with_every_figure(pw: PerfWorld, as_role, campaign_id: str, role: str) -> None:  # noqa: ANN001
    page = await products(await as_role(role), campaign_id, first=10)
    assert page["totalCount"] == 4 and page["pageInfo"]["hasNextPage"] is False
    # GMV first; ties by the newest registration.
    expected = [(k, FIGURES[k]) for k in ("r1", "r3", "r4", "r2")]
    assert rows(pw, page, bookmarks=role == "agency_a") == expected


async def test_a_seller_gets_its_own_products_without_the_split(
    pw: PerfWorld, as_role, campaign_id: str
) -> None:  # noqa: ANN001
    page = await products(await as_role("seller_a"), campaign_id)
    assert page["totalCount"] == 2
    assert rows(pw, page, bookmarks=False) == [
        ("r1", as_seller(FIGURES["r1"])),
        ("r2", as_seller(FIGURES["r2"])),
    ]
    page = await products(await as_role("seller_b"), campaign_id)
    assert rows(pw, page, bookmarks=False) == [
        ("r3", as_seller(FIGURES["r3"])),
        ("r4", as_seller(FIGURES["r4"])),
    ]


async def test_others_get_null_or_are_refused(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    assert await products(await as_role("agency_b"), campaign_id) is None
    body = await (await as_role("creator_a")).raw(PRODUCTS, {"c": campaign_id})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"hasContent": True}, ["r1", "r3"]),
        ({"hasContent": False}, ["r4", "r2"]),
        ({"status": ["PENDING", "REJECTED"]}, ["r4", "r2"]),
        ({"bookmarked": True}, ["r1"]),
        ({"bookmarked": False}, ["r3", "r4", "r2"]),
        ({"category": "Home & Living"}, ["r4"]),
        ({"category": "Beauty & Personal Care", "hasContent": True, "status": ["APPROVED"]}, ["r1", "r3"]),
    ],
)
async def test_filters(pw: PerfWorld, as_role, campaign_id: str, filter_: dict, expected: list[str]) -> None:  # noqa: ANN001
    page = await products(await as_role("agency_a"), campaign_id, filter=filter_)
    assert [key for key, _ in rows(pw, page)] == expected
    assert page["totalCount"] == len(expected)


@pytest.mark.parametrize(
    ("field", "direction", "expected"),
    [
        ("REGISTERED_AT", "ASC", ["r1", "r2", "r3", "r4"]),
        ("CREATORS_COLLABORATING", "DESC", ["r1", "r3", "r4", "r2"]),
        ("CREATORS_WITH_SALES", "ASC", ["r2", "r4", "r3", "r1"]),
        ("SAMPLES_REQUESTED", "DESC", ["r3", "r1", "r4", "r2"]),
        ("SAMPLES_APPROVED", "DESC", ["r3", "r1", "r4", "r2"]),
        ("SAMPLES_SHIPPED", "DESC", ["r3", "r1", "r4", "r2"]),
        ("CONTENT_POSTED", "DESC", ["r1", "r3", "r4", "r2"]),
        ("PAID_ORDERS", "DESC", ["r1", "r3", "r4", "r2"]),
        ("ACTUAL_ORDERS", "DESC", ["r1", "r4", "r3", "r2"]),
        ("GMV_ESTIMATED", "ASC", ["r2", "r4", "r3", "r1"]),
        ("GMV_ACTUAL", "DESC", ["r1", "r4", "r3", "r2"]),
        ("SELLER_PAID_ESTIMATED", "DESC", ["r1", "r3", "r4", "r2"]),
        ("SELLER_PAID_ACTUAL", "DESC", ["r1", "r4", "r3", "r2"]),
        ("CREATOR_COMMISSION_ESTIMATED", "DESC", ["r1", "r3", "r4", "r2"]),
        ("CREATOR_COMMISSION_ACTUAL", "DESC", ["r1", "r4", "r3", "r2"]),
        ("AGENCY_COMMISSION_ESTIMATED", "DESC", ["r1", "r3", "r4", "r2"]),
        ("AGENCY_COMMISSION_ACTUAL", "DESC", ["r1", "r4", "r3", "r2"]),
    ],
)
async def test_sorting_by_each_figure(
    pw: PerfWorld,
    as_role,
    campaign_id: str,
    field: str,
    direction: str,
    expected: list[str],  # noqa: ANN001
) -> None:
    page = await products(
        await as_role("agency_a"), campaign_id, sort={"field": field, "direction": direction}
    )
    assert [key for key, _ in rows(pw, page)] == expected


@pytest.mark.parametrize(
    "field",
    [
        "SAMPLES_REQUESTED",
        "CREATOR_COMMISSION_ESTIMATED",
        "CREATOR_COMMISSION_ACTUAL",
        "AGENCY_COMMISSION_ESTIMATED",
        "AGENCY_COMMISSION_ACTUAL",
    ],
)
async def test_a_seller_cannot_sort_by_what_it_may_not_see(
    pw: PerfWorld, as_role, campaign_id: str, field: str
) -> None:  # noqa: ANN001
    body = await (await as_role("seller_a")).raw(PRODUCTS, {"c": campaign_id, "sort": {"field": field}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_SORT"]
    assert body["data"]["campaignProductPerformance"] is None


async def test_a_seller_sorts_by_what_it_pays(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    page = await products(
        await as_role("seller_a"), campaign_id, sort={"field": "SELLER_PAID_ESTIMATED", "direction": "ASC"}
    )
    assert [key for key, _ in rows(pw, page, bookmarks=False)] == ["r2", "r1"]


async def test_keyset_pages_walk_every_product_once(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    api = await as_role("agency_a")
    seen, after = [], None
    for _ in range(4):
        page = await products(api, campaign_id, first=1, after=after)
        assert page["totalCount"] == 4
        seen += [key for key, _ in rows(pw, page)]
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert seen == ["r1", "r3", "r4", "r2"]
    body = await api.raw(PRODUCTS, {"c": campaign_id, "first": 101})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_PAGINATION"]


async def test_a_cursor_of_another_sort_is_refused(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    """The page binds the cursor's value with the sort's type: a cursor made for another sort (or forged) is a
    clear INVALID_PAGINATION on `after`, not a failed statement."""
    api = await as_role("agency_a")
    time_sort = {"field": "REGISTERED_AT", "direction": "DESC"}
    by_time = (await products(api, campaign_id, first=1, sort=time_sort))["pageInfo"]["endCursor"]
    by_gmv = (await products(api, campaign_id, first=1))["pageInfo"]["endCursor"]  # GMV_ESTIMATED by default
    forged = encode_cursor("not a number", pw.registrations["r1"])
    for sort, after in ((time_sort, by_gmv), (None, by_time), (None, forged)):
        variables = {"c": campaign_id, "first": 1, "after": after, **({"sort": sort} if sort else {})}
        body = await api.raw(PRODUCTS, variables)
        assert body["data"]["campaignProductPerformance"] is None
        assert [(e["extensions"]["code"], e["extensions"].get("field")) for e in body["errors"]] == [
            ("INVALID_PAGINATION", "after")
        ]
    # Each cursor still walks its own sort.
    assert (await products(api, campaign_id, first=1, sort=time_sort, after=by_time))["edges"]
    assert (await products(api, campaign_id, first=1, after=by_gmv))["edges"]
