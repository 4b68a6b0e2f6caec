"""The refund figures of the seller's and the creator's scorecards, from orders sent through the signed order
endpoint (tests/insight/history.py): finished attributed lines, returned ones among them, per party."""

from __future__ import annotations

from server.ids import encode_id
from tests.insight.history import story_with_a_clean_sale
from tests.orders_api.conftest import api, people  # noqa: F401  (fixtures)

REFUNDS = "scorecard { refunds { bps part sampleSize } tips { code } }"
VIEWER = "{ viewer { shop { CARD } creator { CARD } } }".replace("CARD", REFUNDS)
NODE = "query($id: ID!) { node(id: $id) { ... on Shop { CARD } ... on Creator { CARD } } }".replace(
    "CARD", REFUNDS
)


async def test_refund_rates_of_attributed_lines(rt, api, ow, us, vn, clock, people) -> None:  # noqa: F811
    await story_with_a_clean_sale(rt, ow, us, vn, clock)
    # us-settled (partly refunded), us-cancelled and us-extra are finished: 2 of 3 returned. The organic sale is
    # not attributed; vn-paid is still in flight.
    two_of_three = {"refunds": {"bps": 6667, "part": 2, "sampleSize": 3}}
    nothing_yet = {"refunds": {"bps": None, "part": 0, "sampleSize": 0}, "tips": []}
    lower = [{"code": "LOWER_REFUNDS"}]
    assert (await (await api("alice"))(VIEWER))["viewer"] == {
        "shop": None,
        "creator": {"scorecard": {**two_of_three, "tips": lower}},
    }
    assert (await (await api("seller_us"))(VIEWER))["viewer"]["shop"] == {
        "scorecard": {**two_of_three, "tips": lower}
    }
    assert (await (await api("bao"))(VIEWER))["viewer"]["creator"] == {"scorecard": nothing_yet}
    assert (await (await api("seller_vn"))(VIEWER))["viewer"]["shop"] == {"scorecard": nothing_yet}
    alice, shop = encode_id("Creator", ow.creators["alice"]), encode_id("Shop", ow.us.id)
    agency = await api("agency")
    for node in (alice, shop):
        assert (await agency(NODE, {"id": node}))["node"] == {"scorecard": {**two_of_three, "tips": None}}
        assert (await (await api("other_agency"))(NODE, {"id": node}))["node"] is None
    assert (await (await api("seller_us"))(NODE, {"id": alice}))["node"] is None
    assert (await (await api("alice"))(NODE, {"id": shop}))["node"] is None
