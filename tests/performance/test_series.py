"""campaignPerformanceSeries / creatorPerformanceSeries: daily figures in the market's time zone, for each role
within what it may see; the day boundaries in Python, the bucketing in one SQL statement."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from server.services.performance.series import day_starts
from tests.performance.test_overview import NUMBERS, numbers
from tests.performance.world import PerfWorld

DAYS = f"timeZone currency from to days {{ date start {NUMBERS} }}"
SERIES = f"""query($c: ID!, $from: Date, $to: Date) {{
  campaignPerformanceSeries(campaignId: $c, from: $from, to: $to) {{ {DAYS} }} }}"""
CREATOR_SERIES = (
    f"""query($from: Date, $to: Date) {{ creatorPerformanceSeries(from: $from, to: $to) {{ {DAYS} }} }}"""
)
WEEK = {"from": "2026-11-15", "to": "2026-11-21"}


def zero(seller: bool = True, creator: bool = True, agency: bool = True) -> dict:
    nothing = ("0.00", "0.00")
    return numbers(
        0, 0, nothing, nothing if seller else None, nothing if creator else None, nothing if agency else None
    )


def by_date(series: dict) -> dict[str, dict]:
    return {day["date"]: day["numbers"] for day in series["days"]}


async def test_the_agency_sees_each_day_in_bangkok_time(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    series = (await (await as_role("agency_a"))(SERIES, {"c": campaign_id, **WEEK}))[
        "campaignPerformanceSeries"
    ]
    assert (series["timeZone"], series["currency"], series["from"], series["to"]) == (
        "Asia/Bangkok",
        "THB",
        "2026-11-15",
        "2026-11-21",
    )
    assert [d["start"] for d in series["days"]][:2] == [
        "2026-11-14T17:00:00+00:00",
        "2026-11-15T17:00:00+00:00",
    ]
    assert by_date(series) == {
        "2026-11-15": zero(),
        "2026-11-16": numbers(1, 1, ("40.00", "40.00"), ("8.00", "8.00"), ("6.00", "6.00"), ("2.00", "2.00")),
        "2026-11-17": zero(),
        "2026-11-18": numbers(1, 0, ("40.00", "0.00"), ("8.00", "0.00"), ("4.00", "0.00"), ("4.00", "0.00")),
        # The cancelled order was paid at 17:30 UTC on the 18th: the 19th in Bangkok.
        "2026-11-19": numbers(2, 0, ("30.00", "0.00"), ("3.00", "0.00"), ("1.50", "0.00"), ("1.50", "0.00")),
        "2026-11-20": numbers(1, 0, ("0.00", "0.00"), ("0.00", "0.00"), ("0.00", "0.00"), ("0.00", "0.00")),
        "2026-11-21": zero(),
    }


async def test_a_seller_sees_its_own_days_without_the_split(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    series = (await (await as_role("seller_a"))(SERIES, {"c": campaign_id, **WEEK}))[
        "campaignPerformanceSeries"
    ]
    none = dict(seller=True, creator=False, agency=False)
    assert by_date(series) == {
        "2026-11-15": zero(**none),
        "2026-11-16": numbers(1, 1, ("40.00", "40.00"), ("8.00", "8.00")),
        "2026-11-17": zero(**none),
        "2026-11-18": numbers(1, 0, ("40.00", "0.00"), ("8.00", "0.00")),
        "2026-11-19": numbers(1, 0, ("0.00", "0.00"), ("0.00", "0.00")),
        "2026-11-20": numbers(1, 0, ("0.00", "0.00"), ("0.00", "0.00")),
        "2026-11-21": zero(**none),
    }


async def test_a_creator_sees_its_own_days_and_commission_only(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    series = (await (await as_role("creator_a"))(CREATOR_SERIES, WEEK))["creatorPerformanceSeries"]
    none = dict(seller=False, creator=True, agency=False)
    assert series["timeZone"] == "Asia/Bangkok"
    assert by_date(series) == {
        "2026-11-15": zero(**none),
        "2026-11-16": numbers(1, 1, ("40.00", "40.00"), creator=("6.00", "6.00")),
        "2026-11-17": zero(**none),
        "2026-11-18": zero(**none),
        "2026-11-19": numbers(2, 0, ("30.00", "0.00"), creator=("1.50", "0.00")),
        "2026-11-20": zero(**none),
        # Campaign 2: a creator's series covers all its campaigns in the market.
        "2026-11-21": numbers(1, 0, ("100.00", "0.00"), creator=("12.00", "0.00")),
    }


async def test_the_default_range_is_the_last_30_days(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    series = (await (await as_role("agency_a"))(SERIES, {"c": campaign_id}))["campaignPerformanceSeries"]
    assert (series["from"], series["to"], len(series["days"])) == ("2026-10-23", "2026-11-21", 30)
    assert sum(day["numbers"]["paidOrders"] for day in series["days"]) == 5


@pytest.mark.parametrize(
    "variables", [{"from": "2026-11-21", "to": "2026-11-20"}, {"from": "2025-11-20", "to": "2026-11-21"}]
)
async def test_bad_ranges_are_refused(pw: PerfWorld, as_role, campaign_id: str, variables: dict) -> None:  # noqa: ANN001
    body = await (await as_role("agency_a")).raw(SERIES, {"c": campaign_id, **variables})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_RANGE"]


async def test_366_days_are_allowed(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    series = await (await as_role("agency_a"))(
        SERIES, {"c": campaign_id, "from": "2025-11-21", "to": "2026-11-21"}
    )
    days = series["campaignPerformanceSeries"]["days"]
    assert len(days) == 366 and sum(d["numbers"]["paidOrders"] for d in days) == 5


async def test_others_get_null_or_are_refused(pw: PerfWorld, as_role, campaign_id: str) -> None:  # noqa: ANN001
    assert (await (await as_role("agency_b"))(SERIES, {"c": campaign_id}))[
        "campaignPerformanceSeries"
    ] is None
    body = await (await as_role("creator_a")).raw(SERIES, {"c": campaign_id})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    body = await (await as_role("seller_a")).raw(CREATOR_SERIES, {})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


def test_days_follow_daylight_saving_time() -> None:
    """Local midnights: London's 2026-10-25 lasts 25 hours, Los Angeles' 2026-03-08 23 hours."""
    london = day_starts(date(2026, 10, 24), date(2026, 10, 26), ZoneInfo("Europe/London"))
    assert london == [
        datetime(2026, 10, 23, 23, tzinfo=UTC),
        datetime(2026, 10, 24, 23, tzinfo=UTC),
        datetime(2026, 10, 26, 0, tzinfo=UTC),
        datetime(2026, 10, 27, 0, tzinfo=UTC),
    ]
    la = day_starts(date(2026, 3, 8), date(2026, 3, 8), ZoneInfo("America/Los_Angeles"))
    assert la == [datetime(2026, 3, 8, 8, tzinfo=UTC), datetime(2026, 3, 9, 7, tzinfo=UTC)]
