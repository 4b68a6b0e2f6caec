"""orderLines / orderLine / node: each party sees its own lines, as docs/domain.md "who sees what" says."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from server.ids import encode_id
from tests.orders.conftest import lines_of
from tests.orders_api.conftest import Story

FIELDS = """
  id platformOrderId platformLineId status currency placedAt paidAt deliveredAt settleAfter settledAt
  sellerSku shopName quantity refundedQuantity
  unitPrice { amount } paidAmount { amount } refundedAmount { amount } commissionBase { amount }
  attributed unattributedReason campaignName agencyName creatorName
  totalRateBps creatorRateBps agencyRateBps
  sellerCommission { estimated { amount } actual { amount } }
  creatorCommission { estimated { amount } actual { amount } }
  agencyCommission { estimated { amount } actual { amount } }
  product { title } shop { shopCode } campaign { name } creator { handle displayName }
"""
LINES = (
    "query($f: OrderLineFilter, $n: Int, $a: String) { orderLines(first: $n, after: $a, filter: $f) { totalCount "
    "edges { cursor node { " + FIELDS + " } } pageInfo { hasNextPage endCursor } } }"
)
SPLIT = (
    "totalRateBps",
    "creatorRateBps",
    "agencyRateBps",
    "sellerCommission",
    "creatorCommission",
    "agencyCommission",
)


async def lines(api, **variables: Any) -> dict[str, dict[str, Any]]:  # noqa: ANN001
    """platform order id → line, for every line the viewer gets."""
    data = await api(LINES, {"n": 100, **variables})
    return {e["node"]["platformOrderId"]: e["node"] for e in data["orderLines"]["edges"]}


def money(value: str | None) -> dict | None:
    return None if value is None else {"amount": value}


def commission(estimated: str, actual: str | None = None) -> dict:
    return {"estimated": money(estimated), "actual": money(actual)}


async def test_the_agency_sees_its_campaigns_lines_with_the_creator_and_the_split(api, story: Story) -> None:
    got = await lines(await api("agency"))
    assert sorted(got) == sorted([story.settled, story.cancelled, story.vn_paid])  # never the organic sale
    settled = got[story.settled]
    assert {k: settled[k] for k in (*SPLIT, "creatorName", "creator", "shop", "campaign", "status")} == {
        "totalRateBps": 2000,
        "creatorRateBps": 1500,
        "agencyRateBps": 500,
        "sellerCommission": commission("14.00", "14.00"),
        "creatorCommission": commission("10.50", "10.50"),
        "agencyCommission": commission("3.50", "3.50"),
        "creatorName": "Alice",
        "creator": {"handle": "alice", "displayName": "Alice"},
        "shop": {"shopCode": "USSHOP0001"},
        "campaign": {"name": "Campaign US"},
        "status": "SETTLED",
    }
    assert (settled["paidAmount"], settled["refundedAmount"], settled["commissionBase"]) == (
        money("80.00"),
        money("10.00"),
        money("70.00"),
    )
    assert settled["unattributedReason"] is None  # a seller's and operator's field
    assert got[story.cancelled]["agencyCommission"] == commission("0.00")
    assert got[story.vn_paid]["sellerCommission"] == commission("25000")
    assert got[story.vn_paid]["creatorCommission"] == commission("21500")
    assert got[story.vn_paid]["agencyCommission"] == commission("3500")


async def test_the_creator_sees_its_own_lines_and_commission_only(api, story: Story) -> None:
    got = await lines(await api("alice"))
    assert sorted(got) == sorted([story.settled, story.cancelled])
    settled = got[story.settled]
    assert {k: settled[k] for k in SPLIT} == {
        "totalRateBps": None,
        "creatorRateBps": 1500,
        "agencyRateBps": None,
        "sellerCommission": None,
        "creatorCommission": commission("10.50", "10.50"),
        "agencyCommission": None,
    }
    # Its own name; the shop by display name only; the campaign by name only.
    assert (settled["creatorName"], settled["shopName"], settled["shop"], settled["campaign"]) == (
        "Alice",
        "Shop US",
        None,
        None,
    )
    assert (settled["campaignName"], settled["product"]) == ("Campaign US", {"title": "US product 0"})
    assert (await lines(await api("bao"))).keys() == {story.vn_paid}
    assert await lines(await api("carol")) == {}


async def test_the_seller_sees_product_level_lines_without_the_creator(api, story: Story) -> None:
    got = await lines(await api("seller_us"))
    assert sorted(got) == sorted([story.settled, story.organic, story.cancelled])
    settled, organic = got[story.settled], got[story.organic]
    for node in (settled, organic):
        assert (node["creator"], node["creatorName"], node["creatorRateBps"], node["agencyRateBps"]) == (
            None,
        ) * 4
        assert (node["creatorCommission"], node["agencyCommission"]) == (None, None)
    assert (settled["totalRateBps"], settled["sellerCommission"]) == (2000, commission("14.00", "14.00"))
    assert (settled["product"], settled["quantity"], settled["paidAmount"], settled["sellerSku"]) == (
        {"title": "US product 0"},
        2,
        money("80.00"),
        "US-SKU-0",
    )
    assert (organic["attributed"], organic["unattributedReason"], organic["sellerCommission"]) == (
        False,
        "NO_ATTRIBUTION",
        commission("0.00"),
    )
    assert (organic["campaign"], organic["totalRateBps"]) == (None, None)
    assert (await lines(await api("seller_vn"))).keys() == {story.vn_paid}


async def test_the_operator_sees_every_line_and_strangers_none(api, story: Story) -> None:
    assert len(await lines(await api("operator"))) == 4
    assert await lines(await api("other_agency")) == {}


async def test_one_line_by_id_only_within_scope(rt, api, story: Story) -> None:
    (row,) = await lines_of(rt, story.settled)
    gid = encode_id("OrderLine", row.id)
    one = "query($id: ID!) { orderLine(id: $id) { platformOrderId creatorName } node(id: $id) { id } }"
    assert await (await api("agency"))(one, {"id": gid}) == {
        "orderLine": {"platformOrderId": story.settled, "creatorName": "Alice"},
        "node": {"id": gid},
    }
    assert await (await api("seller_us"))(one, {"id": gid}) == {
        "orderLine": {"platformOrderId": story.settled, "creatorName": None},
        "node": {"id": gid},
    }
    for stranger in ("bao", "seller_vn", "other_agency"):
        assert await (await api(stranger))(one, {"id": gid}) == {"orderLine": None, "node": None}


async def test_filters_by_status_attribution_campaign_and_time(api, ow, story: Story, clock) -> None:
    operator = await api("operator")
    assert (await lines(operator, f={"status": ["SETTLED", "CANCELLED"]})).keys() == {
        story.settled,
        story.cancelled,
    }
    assert (await lines(operator, f={"attributed": False})).keys() == {story.organic}
    assert (await lines(operator, f={"attributed": True})).keys() == {
        story.settled,
        story.cancelled,
        story.vn_paid,
    }
    campaign = encode_id("Campaign", ow.vn.campaign_id)
    assert (await lines(operator, f={"campaignId": campaign})).keys() == {story.vn_paid}
    # The settled order was placed 16 days before the others.
    split = (clock.now() - timedelta(days=1)).isoformat()
    assert (await lines(operator, f={"to": split})).keys() == {story.settled}
    assert (await lines(operator, f={"from": split})).keys() == {
        story.organic,
        story.cancelled,
        story.vn_paid,
    }
    body = await operator.raw(LINES, {"f": {"from": split, "to": split}})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_FILTER"


async def test_pages_newest_order_first(api, story: Story) -> None:
    operator = await api("operator")
    seen: list[str] = []
    after = None
    while True:
        page = (await operator(LINES, {"n": 3, "a": after}))["orderLines"]
        seen += [e["node"]["platformOrderId"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [story.vn_paid, story.cancelled, story.organic, story.settled]
