"""A line's receipt over the API: every number explained, each party within its visibility (receipt_for)."""

from __future__ import annotations

from server.ids import encode_id
from tests.orders.conftest import lines_of
from tests.orders_api.conftest import Story

AMOUNTS = "seller { amount } creator { amount } agency { amount }"
RECEIPT = f"""query($id: ID!) {{ orderLine(id: $id) {{ receipt {{
  status quantity unitPrice {{ amount }} paidAmount {{ amount }} refundedQuantity refundedAmount {{ amount }}
  base {{ amount }} attributed unattributedReason
  totalRate {{ bps source }} creatorRate {{ bps source }} agencyRate {{ bps source }}
  placedAt paidAt deliveredAt settleAfter settledAt refundedAt
  firstEstimate {{ {AMOUNTS} }} estimated {{ {AMOUNTS} }} actual {{ {AMOUNTS} }} dueNow {{ {AMOUNTS} }}
  postings {{ at reason legs {{ account phase amount {{ amount }} }} }}
  events {{ eventId type occurredAt appliedAt heldReason reason }}
}} }} }}"""


def amounts(seller: str | None, creator: str | None, agency: str | None) -> dict:
    return {
        k: None if v is None else {"amount": v}
        for k, v in (("seller", seller), ("creator", creator), ("agency", agency))
    }


async def receipt_of(api, rt, order_id: str) -> dict:  # noqa: ANN001
    (row,) = await lines_of(rt, order_id)
    return (await api(RECEIPT, {"id": encode_id("OrderLine", row.id)}))["orderLine"]["receipt"]


async def test_the_agency_reads_the_whole_receipt(rt, api, story: Story) -> None:
    r = await receipt_of(await api("agency"), rt, story.settled)
    assert (r["status"], r["paidAmount"], r["refundedAmount"], r["base"]) == (
        "SETTLED",
        {"amount": "80.00"},
        {"amount": "10.00"},
        {"amount": "70.00"},
    )
    assert (r["totalRate"], r["creatorRate"], r["agencyRate"]) == (
        {"bps": 2000, "source": "REGISTRATION"},
        {"bps": 1500, "source": "SHOWCASE_ENTRY"},
        {"bps": 500, "source": "TOTAL_MINUS_CREATOR"},
    )
    assert r["firstEstimate"] == amounts("16.00", "12.00", "4.00")
    assert r["estimated"] == amounts("0.00", "0.00", "0.00")  # released at settlement
    assert r["actual"] == r["dueNow"] == amounts("14.00", "10.50", "3.50")
    assert [p["reason"].split(" (")[0].split(":")[0] for p in r["postings"]] == [
        "Estimated at payment",
        "Refund of 10.00 USD",
        "Settlement",
        "Settled",
    ]
    assert [leg["account"] for leg in r["postings"][0]["legs"]] == [
        "SELLER_PAYABLE",
        "CREATOR_EARNINGS",
        "AGENCY_EARNINGS",
    ]
    assert [leg["amount"]["amount"] for leg in r["postings"][1]["legs"]] == ["2.00", "-1.50", "-0.50"]
    assert [(e["type"], e["reason"]) for e in r["events"]] == [
        ("order.created", None),
        ("order.paid", None),
        ("order.refunded", "one arrived dented"),
        ("order.delivered", None),
    ]
    assert r["unattributedReason"] is None


async def test_the_creator_reads_its_own_share_only(rt, api, story: Story) -> None:
    r = await receipt_of(await api("alice"), rt, story.settled)
    assert (r["totalRate"], r["agencyRate"], r["creatorRate"]) == (
        None,
        None,
        {"bps": 1500, "source": "SHOWCASE_ENTRY"},
    )
    assert r["firstEstimate"] == amounts(None, "12.00", None)
    assert r["actual"] == amounts(None, "10.50", None)
    assert {leg["account"] for p in r["postings"] for leg in p["legs"]} == {"CREATOR_EARNINGS"}
    assert r["base"] == {"amount": "70.00"}


async def test_the_seller_reads_what_it_pays_never_the_creator(rt, api, story: Story) -> None:
    r = await receipt_of(await api("seller_us"), rt, story.settled)
    assert (r["totalRate"], r["creatorRate"], r["agencyRate"]) == (
        {"bps": 2000, "source": "REGISTRATION"},
        None,
        None,
    )
    assert r["actual"] == amounts("14.00", None, None)
    assert {leg["account"] for p in r["postings"] for leg in p["legs"]} == {"SELLER_PAYABLE"}
    organic = await receipt_of(await api("seller_us"), rt, story.organic)
    assert (organic["attributed"], organic["unattributedReason"], organic["postings"]) == (
        False,
        "NO_ATTRIBUTION",
        [],
    )
    assert organic["dueNow"] == amounts("0.00", None, None)


async def test_a_cancelled_line_explains_the_reversal(rt, api, story: Story) -> None:
    r = await receipt_of(await api("alice"), rt, story.cancelled)
    assert r["status"] == "CANCELLED"
    assert [leg["amount"]["amount"] for p in r["postings"] for leg in p["legs"]] == ["3.00", "-3.00"]
    assert r["postings"][-1]["reason"].endswith(": out of stock)")
    assert (r["estimated"], r["actual"]) == (amounts(None, "0.00", None), None)
