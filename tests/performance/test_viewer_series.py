"""performanceSeries: an agency's or a seller's own days over all its campaigns of a market (the homes read today
against yesterday and the month so far from it). The oracle is the per-campaign series summed; nobody else's
campaigns count; the statement count does not grow with the campaigns or their orders."""

from __future__ import annotations

from decimal import Decimal

import pytest

from server.ids import encode_id
from tests.performance.test_overview import NUMBERS
from tests.performance.test_query_counts import statements
from tests.performance.world import PerfWorld, add_volume

WEEK = {"from": "2026-11-15", "to": "2026-11-21"}
MINE = f"""query($from: Date, $to: Date) {{ performanceSeries(from: $from, to: $to) {{
  timeZone currency from to days {{ date {NUMBERS} }} }} }}"""
ONE = f"""query($c: ID!, $from: Date, $to: Date) {{ campaignPerformanceSeries(campaignId: $c, from: $from, to: $to) {{
  days {{ date {NUMBERS} }} }} }}"""


def add(a: object, b: object) -> object:
    """Two series' numbers summed, field by field (Money amounts as decimals, with the currency kept)."""
    if isinstance(a, dict) and "amount" in a:
        assert isinstance(b, dict)
        return {**a, "amount": f"{Decimal(a['amount']) + Decimal(b['amount']):.2f}"}
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return {k: add(v, b[k]) for k, v in a.items()}
    if a is None:
        return None
    assert isinstance(a, int) and isinstance(b, int)
    return a + b


async def summed_campaign_days(api, pw: PerfWorld) -> dict:  # noqa: ANN001
    days: dict = {}
    for campaign in (pw.campaign, pw.other_campaign):
        series = (await api(ONE, {"c": encode_id("Campaign", campaign), **WEEK}))["campaignPerformanceSeries"]
        for day in series["days"]:
            days[day["date"]] = (
                add(days[day["date"]], day["numbers"]) if day["date"] in days else day["numbers"]
            )
    return days


@pytest.mark.parametrize("role", ["agency_a", "seller_a", "seller_b"])
async def test_the_viewer_series_is_the_sum_of_its_campaigns(pw: PerfWorld, as_role, role: str) -> None:  # noqa: ANN001
    api = await as_role(role)
    series = (await api(MINE, WEEK))["performanceSeries"]
    assert (series["timeZone"], series["currency"], series["from"], series["to"]) == (
        "Asia/Bangkok",
        "THB",
        "2026-11-15",
        "2026-11-21",
    )
    mine = {day["date"]: day["numbers"] for day in series["days"]}
    assert mine == await summed_campaign_days(api, pw)
    # Seller A's campaign 2 order (11-21) is in its series and the agency's, not in seller B's.
    assert mine["2026-11-21"]["paidOrders"] == (0 if role == "seller_b" else 1)
    if role != "agency_a":  # a seller never sees the split
        assert mine["2026-11-16"]["creatorCommissionEstimated"] is None
        assert mine["2026-11-16"]["agencyCommissionEstimated"] is None


async def test_another_agency_sees_none_of_it(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    series = (await (await as_role("agency_b"))(MINE, WEEK))["performanceSeries"]
    assert series["days"] and all(day["numbers"]["paidOrders"] == 0 for day in series["days"])


async def test_creators_are_refused(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    body = await (await as_role("creator_a")).raw(MINE, WEEK)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("role", ["agency_a", "seller_a"])
async def test_the_statement_count_does_not_grow(
    rt, world, pw: PerfWorld, as_role, queries, role: str
) -> None:  # noqa: ANN001
    api = await as_role(role)
    small = await statements(api, queries, MINE, WEEK)
    await add_volume(rt, world, pw, products=10, creators=10, orders=60)
    large = await statements(api, queries, MINE, WEEK)
    assert large == small, queries.statements
