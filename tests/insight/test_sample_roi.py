"""Sample-to-revenue ROI from a small known history built through the API (samples requested, approved, shipped,
content recorded) and the signed order endpoint (orders before and after the shipment, a partial refund): exact
figures per sample, creator, product and campaign for the agency; the seller's own products without creator
identity or the creator's and agency's amounts; null or refused for everyone else."""

from __future__ import annotations

from datetime import timedelta

from server.ids import encode_id
from tests.api.creator.offers import CONTENT_RECORD, request_sample, review, ship
from tests.orders.world import created, event, line
from tests.orders_api.conftest import api, people  # noqa: F401  (fixtures)

FIGURES = """samplesRequested samplesApproved samplesShipped samplesWithContent contents orders
  gmv { amount } sellerCommission { amount } creatorCommission { amount } agencyCommission { amount }
  sampleCost { amount } gmvPerCostBps"""
ROI = f"""query($id: ID!) {{ sampleRoi(campaignId: $id) {{ currency total {{ {FIGURES} }}
  byProduct {{ product {{ id }} figures {{ {FIGURES} }} }}
  byCreator {{ creator {{ handle }} figures {{ {FIGURES} }} }}
  samples(first: 10) {{ sampleRequest {{ id }} creator {{ handle }} product {{ id }} figures {{ {FIGURES} }} }}
}} }}"""


def money(cents: int | None) -> dict | None:
    """USD minor units as the API shows them."""
    return None if cents is None else {"amount": f"{cents // 100}.{cents % 100:02d}"}


def figures(
    requested: int,
    approved: int,
    shipped: int,
    with_content: int,
    contents: int,
    orders: int,
    gmv: int,
    seller: int,
    creator: int | None,
    agency: int | None,
    cost: int,
    bps: int | None,
) -> dict:
    return {
        "samplesRequested": requested,
        "samplesApproved": approved,
        "samplesShipped": shipped,
        "samplesWithContent": with_content,
        "contents": contents,
        "orders": orders,
        "gmv": money(gmv),
        "sellerCommission": money(seller),
        "creatorCommission": money(creator),
        "agencyCommission": money(agency),
        "sampleCost": money(cost),
        "gmvPerCostBps": bps,
    }


async def test_sample_roi_per_role(rt, api, ow, us, clock) -> None:  # noqa: F811
    first, second = ow.us.registered  # 40.00 and 19.99, total 2000 / creator 1500
    alice, agency, seller = await api("alice"), await api("agency"), await api("seller_us")
    attribution = {"showcase_entry_id": first.entry_gid("alice")}
    samples = []
    for product in (first, second):
        sample = (await request_sample(alice, product.entry_gid("alice")))["sampleRequest"]
        assert (await review(agency, sample["id"]))["userErrors"] == []
        samples.append(sample["id"])

    async def sale(order_id: str, quantity: int, product=first, entry=attribution) -> None:  # noqa: ANN001
        await us.send(
            created(
                order_id,
                clock.now(),
                [
                    line(
                        "1",
                        product,
                        quantity=quantity,
                        price="40.00",
                        currency=ow.us.currency,
                        attribution=entry,
                    )
                ],
            )
        )
        await us.send(event("paid", order_id, clock.now()))

    # Before the shipment: alice's sale of the first product is not the sample's doing.
    await sale("roi-before", 1)
    clock.advance(timedelta(hours=1))
    assert (await ship(seller, samples[0], "SHIPPED", carrier="UPS", trackingNumber="1Z9"))[
        "userErrors"
    ] == []
    clock.advance(timedelta(hours=1))
    assert (await ship(seller, samples[0], "DELIVERED"))["userErrors"] == []
    posted = await alice(
        CONTENT_RECORD,
        {
            "i": {
                "showcaseEntryId": first.entry_gid("alice"),
                "kind": "VIDEO",
                "url": "https://www.tiktok.com/@a/video/1",
            }
        },
    )
    assert posted["contentRecord"]["userErrors"] == []
    clock.advance(timedelta(hours=1))
    await sale("roi-two", 2)  # 80.00: seller 16.00, creator 12.00, agency 4.00
    await sale("roi-one", 1)  # 40.00, then 10.00 refunded: 30.00 kept, seller 6.00, creator 4.50, agency 1.50
    await us.send(
        event(
            "refunded",
            "roi-one",
            clock.now(),
            lines=[{"line_id": "1", "amount": "10.00", "currency": "USD"}],
            reason="dented",
        )
    )
    # The second sample was never shipped: alice's sale of that product is not its doing either.
    await sale("roi-unshipped", 1, second, {"showcase_entry_id": second.entry_gid("alice")})

    campaign = encode_id("Campaign", ow.us.campaign_id)
    shipped = figures(1, 1, 1, 1, 1, 2, 11000, 2200, 1650, 550, 4000, 27500)
    waiting = figures(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, None)
    total = figures(2, 2, 1, 1, 1, 2, 11000, 2200, 1650, 550, 4000, 27500)
    first_id, second_id = first.gid, second.gid
    assert (await agency(ROI, {"id": campaign}))["sampleRoi"] == {
        "currency": "USD",
        "total": total,
        "byProduct": [
            {"product": {"id": first_id}, "figures": shipped},
            {"product": {"id": second_id}, "figures": waiting},
        ],
        "byCreator": [{"creator": {"handle": "alice"}, "figures": total}],
        "samples": [  # newest request first
            {
                "sampleRequest": {"id": samples[1]},
                "creator": {"handle": "alice"},
                "product": {"id": second_id},
                "figures": waiting,
            },
            {
                "sampleRequest": {"id": samples[0]},
                "creator": {"handle": "alice"},
                "product": {"id": first_id},
                "figures": shipped,
            },
        ],
    }

    # The seller: its own products, no creator, no single sample, neither the creator's nor the agency's part.
    def for_seller(f: dict) -> dict:
        return {**f, "creatorCommission": None, "agencyCommission": None}

    assert (await seller(ROI, {"id": campaign}))["sampleRoi"] == {
        "currency": "USD",
        "total": for_seller(total),
        "byProduct": [
            {"product": {"id": first_id}, "figures": for_seller(shipped)},
            {"product": {"id": second_id}, "figures": for_seller(waiting)},
        ],
        "byCreator": None,
        "samples": None,
    }
    # Parties without this campaign see nothing; creators and the operator may not ask.
    for who in ("other_agency", "seller_vn"):
        assert (await (await api(who))(ROI, {"id": campaign}))["sampleRoi"] is None, who
    for who in ("alice", "operator"):
        body = await (await api(who)).raw(ROI, {"id": campaign})
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", who
        assert body["data"] == {"sampleRoi": None}, who
