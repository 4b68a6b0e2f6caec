"""campaignPerformance: each figure of the overview, for each role that may see it; null for the others."""

from __future__ import annotations

from datetime import timedelta

from tests.performance.world import PerfWorld
from tests.plugins.api import Api

NUMBERS = """numbers { paidOrders actualOrders gmvEstimated { amount currency } gmvActual { amount }
  sellerPaidEstimated { amount } sellerPaidActual { amount } creatorCommissionEstimated { amount }
  creatorCommissionActual { amount } agencyCommissionEstimated { amount } agencyCommissionActual { amount } }"""
OVERVIEW = f"""query($c: ID!) {{ campaignPerformance(campaignId: $c) {{
  currency computedAt campaign {{ name }} productsRegistered productsApproved productsPending productsRejected
  productsClosed creatorsCollaborating creatorsWithSales samplesRequested samplesApproved samplesShipped contentPosted
  {NUMBERS} }} }}"""


def numbers(paid, actual, gmv, seller=None, creator=None, agency=None) -> dict:  # noqa: ANN001
    """Expected PerformanceNumbers: (estimated, actual) pairs as THB decimal strings, None where hidden."""

    def money(pair, index):  # noqa: ANN001, ANN202
        return None if pair is None else {"amount": pair[index]}

    return {
        "paidOrders": paid,
        "actualOrders": actual,
        "gmvEstimated": {"amount": gmv[0], "currency": "THB"},
        "gmvActual": {"amount": gmv[1]},
        "sellerPaidEstimated": money(seller, 0),
        "sellerPaidActual": money(seller, 1),
        "creatorCommissionEstimated": money(creator, 0),
        "creatorCommissionActual": money(creator, 1),
        "agencyCommissionEstimated": money(agency, 0),
        "agencyCommissionActual": money(agency, 1),
    }


CAMPAIGN_FIGURES = {
    "productsRegistered": 4,
    "productsApproved": 2,
    "productsPending": 1,
    "productsRejected": 1,
    "productsClosed": 0,
    "creatorsCollaborating": 2,
    "creatorsWithSales": 2,
    "samplesRequested": 4,
    "samplesApproved": 2,
    "samplesShipped": 2,
    "contentPosted": 3,
    "numbers": numbers(5, 1, ("110.00", "40.00"), ("19.00", "8.00"), ("11.50", "6.00"), ("7.50", "2.00")),
}


async def overview(api: Api, campaign_id: str, at: str = "2026-11-21T09:00:00+00:00") -> dict | None:
    data = await api(OVERVIEW, {"c": campaign_id})
    body = data["campaignPerformance"]
    if body is not None:
        assert body.pop("currency") == "THB" and body.pop("campaign") == {"name": "Perf week"}
        assert body.pop("computedAt") == at
    return body


async def test_the_agency_and_the_operator_see_every_figure(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    assert await overview(await as_role("agency_a"), campaign_id) == CAMPAIGN_FIGURES
    assert await overview(await as_role("operator"), campaign_id) == CAMPAIGN_FIGURES


async def test_a_seller_sees_its_own_products_aggregated_without_the_split(
    pw: PerfWorld, as_role, campaign_id: str
) -> None:  # noqa: ANN001
    assert await overview(await as_role("seller_a"), campaign_id) == {
        "productsRegistered": 2,
        "productsApproved": 1,
        "productsPending": 1,
        "productsRejected": 0,
        "productsClosed": 0,
        "creatorsCollaborating": 2,
        "creatorsWithSales": 2,
        "samplesRequested": None,
        "samplesApproved": 1,
        "samplesShipped": 1,
        "contentPosted": 2,
        "numbers": numbers(4, 1, ("80.00", "40.00"), ("16.00", "8.00")),
    }
    assert await overview(await as_role("seller_b"), campaign_id) == {
        "productsRegistered": 2,
        "productsApproved": 1,
        "productsPending": 0,
        "productsRejected": 1,
        "productsClosed": 0,
        "creatorsCollaborating": 1,
        "creatorsWithSales": 1,
        "samplesRequested": None,
        "samplesApproved": 1,
        "samplesShipped": 1,
        "contentPosted": 1,
        "numbers": numbers(1, 0, ("30.00", "0.00"), ("3.00", "0.00")),
    }


async def test_other_agencies_get_null_and_creators_are_refused(
    pw: PerfWorld, as_role, campaign_id: str
) -> None:  # noqa: ANN001
    assert await overview(await as_role("agency_b"), campaign_id) is None
    body = await (await as_role("creator_a")).raw(OVERVIEW, {"c": campaign_id})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_a_closed_campaign_counts_its_open_registrations_as_closed(
    pw: PerfWorld, as_role, campaign_id: str, clock
) -> None:  # noqa: ANN001
    clock.advance(timedelta(days=21))  # past the campaign's end; the sweeper has not run
    figures = await overview(await as_role("agency_a"), campaign_id, at="2026-12-12T09:00:00+00:00")
    assert figures is not None
    assert {
        k: figures[k] for k in ("productsApproved", "productsPending", "productsRejected", "productsClosed")
    } == {
        "productsApproved": 0,
        "productsPending": 0,
        "productsRejected": 1,
        "productsClosed": 3,
    }
