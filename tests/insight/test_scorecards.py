"""Trust scorecards from a small known history built through the API (registrations reviewed, cancellation requests
decided, samples approved, shipped, delivered and posted for or not), exact figures for each role that may see a
card, null for the others (and tips only for the card's own party)."""

from __future__ import annotations

from datetime import timedelta

from server.ids import encode_id
from tests.api.creator.offers import (
    CONTENT_RECORD,
    add_ok,
    make_offer,
    more_products,
    request_sample,
    review,
    ship,
)
from tests.api.registrations.helpers import CANCEL_DECIDE, CANCEL_REQUEST, CREATE, REVIEW, cid, pid
from tests.plugins.api import Api, login_token

RATE = "bps part sampleSize"
DURATION = "hours sampleSize"
SHOP_CARD = f"scorecard {{ sampleShipping {{ {DURATION} }} cancellationRequests {{ {RATE} }} refunds {{ {RATE} }} tips {{ code }} }}"
AGENCY_CARD = (
    f"scorecard {{ reviewLatency {{ {DURATION} }} approvals {{ {RATE} }} cancellationDecisions {{ {DURATION} }}"
    " tips { code } }"
)
CREATOR_CARD = f"scorecard {{ samplesPostedOnTime {{ {RATE} }} refunds {{ {RATE} }} tips {{ code }} }}"
CARDS = f"... on Shop {{ {SHOP_CARD} }} ... on Agency {{ {AGENCY_CARD} }} ... on Creator {{ {CREATOR_CARD} }}"
NODE = f"query($id: ID!) {{ node(id: $id) {{ {CARDS} }} }}"
VIEWER = f"{{ viewer {{ shop {{ {SHOP_CARD} }} agency {{ {AGENCY_CARD} }} creator {{ {CREATOR_CARD} }} }} }}"


def rate(bps, part, n):  # noqa: ANN001, ANN201
    return {"bps": bps, "part": part, "sampleSize": n}


def hours(h, n):  # noqa: ANN001, ANN201
    return {"hours": h, "sampleSize": n}


async def build_history(rt, world, as_role, clock, http):  # noqa: ANN001, ANN201
    """Seller A, agency A and creator A:

    - two products approved in agency A's campaign (registered 1 h before review), in creator A's showcase;
    - two more registered by seller A through the API and reviewed 5 h later: one approved, one rejected;
    - seller A asks to cancel the approved one; agency A declines after 10 h; asked again, approves after 20 h;
    - creator A's sample 1 approved 2 h after the request, shipped 30 h after approval, content posted 3 days after
      delivery; sample 2 approved at once, shipped after 50 h, never posted (its 14 days run out).
    """
    offer = await make_offer(rt, world, world.products["seller_a"], sample_quota=2)
    creator, agency, seller = (
        await as_role("creator_a"),
        await as_role("agency_a"),
        await as_role("seller_a"),
    )
    first, second = await add_ok(creator, offer.token)
    extra = await more_products(rt, world, 2)
    created = await seller(
        CREATE,
        {
            "input": {
                "campaignId": cid(offer.campaign_id),
                "contactEmail": "s@shop.test",
                "items": [{"productId": pid(p), "totalRateBps": 2000} for p in extra],
            }
        },
    )
    kept, dropped = [r["id"] for r in created["registrationCreate"]["registrations"]]
    clock.advance(timedelta(hours=5))
    for rid_, decision in ((kept, "APPROVE"), (dropped, "REJECT")):
        result = await agency(
            REVIEW,
            {
                "input": {
                    "ids": [rid_],
                    "decision": decision,
                    "reason": "NO_SUITABLE_CREATOR" if decision == "REJECT" else None,
                }
            },
        )
        assert result["registrationReview"]["userErrors"] == []
    for approve, wait in ((False, 10), (True, 20)):
        assert (await seller(CANCEL_REQUEST, {"input": {"id": kept, "reason": "Out of stock"}}))[
            "registrationCancellationRequest"
        ]["userErrors"] == []
        clock.advance(timedelta(hours=wait))
        decided = await agency(CANCEL_DECIDE, {"input": {"id": kept, "approve": approve}})
        assert decided["registrationCancellationDecide"]["userErrors"] == []
    samples = []
    for entry, approve_after, ship_after in ((first, 2, 30), (second, 0, 50)):
        sample_id = (await request_sample(creator, entry["id"]))["sampleRequest"]["id"]
        clock.advance(timedelta(hours=approve_after))
        assert (await review(agency, sample_id))["userErrors"] == []
        clock.advance(timedelta(hours=ship_after))
        assert (await ship(seller, sample_id, "SHIPPED", carrier="Kerry", trackingNumber="KE1"))[
            "userErrors"
        ] == []
        clock.advance(timedelta(hours=1))
        assert (await ship(seller, sample_id, "DELIVERED"))["userErrors"] == []
        samples.append(sample_id)
    clock.advance(timedelta(days=3))
    posted = await creator(
        CONTENT_RECORD,
        {
            "i": {
                "showcaseEntryId": first["id"],
                "kind": "VIDEO",
                "url": "https://www.tiktok.com/@creatora/video/9",
            }
        },
    )
    assert posted["contentRecord"]["userErrors"] == []
    clock.advance(timedelta(days=12))  # sample 2's 14 days have run out

    async def fresh(key: str) -> Api:  # sessions made before the clock moved 18 days have expired
        return Api(http, await login_token(http, world[key].email))

    return fresh


SELLER_A = {
    "sampleShipping": hours(40, 2),  # (30 + 50) / 2
    "cancellationRequests": rate(3333, 1, 3),  # 1 of the 3 approved registrations
    "refunds": rate(None, 0, 0),  # no order lines
}
AGENCY_A = {
    "reviewLatency": hours(3, 4),  # 1, 1, 5, 5
    "approvals": rate(7500, 3, 4),
    "cancellationDecisions": hours(15, 2),  # 10 and 20
}
CREATOR_A = {"samplesPostedOnTime": rate(5000, 1, 2), "refunds": rate(None, 0, 0)}


async def test_each_party_sees_its_own_card_with_tips(rt, world, as_role, clock, http) -> None:
    as_role = await build_history(rt, world, as_role, clock, http)
    seller = (await (await as_role("seller_a"))(VIEWER))["viewer"]
    assert seller["shop"] == {"scorecard": {**SELLER_A, "tips": [{"code": "FEWER_CANCELLATIONS"}]}}
    agency = (await (await as_role("agency_a"))(VIEWER))["viewer"]
    assert agency["agency"] == {"scorecard": {**AGENCY_A, "tips": []}}
    creator = (await (await as_role("creator_a"))(VIEWER))["viewer"]
    assert creator["creator"] == {"scorecard": {**CREATOR_A, "tips": [{"code": "POST_ON_TIME"}]}}


async def test_counterparties_see_the_card_where_they_decide_without_tips(
    rt, world, as_role, clock, http
) -> None:
    as_role = await build_history(rt, world, as_role, clock, http)
    shop = encode_id("Shop", world["seller_a"].organisation_id)
    agency = encode_id("Agency", world["agency_a"].organisation_id)
    creator = encode_id("Creator", world["creator_a"].organisation_id)

    async def card(role: str, node: str):  # noqa: ANN202
        body = await (await as_role(role)).raw(NODE, {"id": node})
        assert "errors" not in body, body
        return body["data"]["node"] and body["data"]["node"]["scorecard"]

    # The agency reviews seller A's products and approves creator A's samples; the operator sees everything.
    assert await card("agency_a", shop) == {**SELLER_A, "tips": None}
    assert await card("agency_a", creator) == {**CREATOR_A, "tips": None}
    # The seller meets agency A in the marketplace.
    assert await card("seller_a", agency) == {**AGENCY_A, "tips": None}
    for node, expected in ((shop, SELLER_A), (agency, AGENCY_A), (creator, CREATOR_A)):
        assert await card("operator", node) == {**expected, "tips": None}
    # Nobody else: other tenants are outside the row scopes, creators never reach shops or agencies, sellers never
    # reach creators.
    for role, node in (
        ("agency_b", shop),
        ("agency_b", creator),
        ("seller_b", shop),
        ("creator_a", shop),
        ("creator_a", agency),
        ("seller_a", creator),
        ("creator_b", creator),
        ("agency_b", agency),
    ):
        assert await card(role, node) is None, (role, node)


async def test_an_empty_history_has_empty_samples(world, as_role) -> None:
    seller = (await (await as_role("seller_b"))(VIEWER))["viewer"]["shop"]["scorecard"]
    assert seller == {
        "sampleShipping": hours(None, 0),
        "cancellationRequests": rate(None, 0, 0),
        "refunds": rate(None, 0, 0),
        "tips": [],
    }
