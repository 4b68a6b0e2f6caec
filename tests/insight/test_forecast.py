"""earningsForecast through the API on a known history (tests/insight/history.py): exact figures for the parties
with open lines, the seller's commission owed without pay dates, and nobody else's money."""

from __future__ import annotations

from tests.insight.history import story_with_a_clean_sale
from tests.orders_api.conftest import api, people  # noqa: F401  (fixtures)

BAND = "low { amount } likely { amount } high { amount } estimated { amount } lines"
FORECAST = f"""{{ earningsForecast {{ account horizonDays currencies {{
  currency openLines estimated {{ amount }} onHold {{ amount }} next30Days {{ {BAND} }}
  weeks {{ start band {{ likely {{ amount }} lines }} }} payDates {{ date band {{ {BAND} }} }}
  basis {{ level lines estimated {{ amount }} }}
  lines(first: 5) {{ amount {{ amount currency }} settleAt payOn survivalBps basis basisSampleSize orderLine {{ platformOrderId }} }}
}} }} }}"""


def band(amount: str, lines: int = 1) -> dict:
    return {
        "low": {"amount": amount},
        "likely": {"amount": amount},
        "high": {"amount": amount},
        "estimated": {"amount": amount},
        "lines": lines,
    }


def vn_forecast(account: str, amount: str, pay_on: str | None) -> dict:
    """vn-paid, paid 2026-12-07 12:00 and not delivered: VN has no delivered line yet, so delivery is predicted 5
    days later (the default), settlement 7 days after that (VN's window): 2026-12-19 12:00, in the week from
    12-14. No VN line has finished: survival 100 % (NONE), so the band is the amount itself. Paid out with the
    December bill, issued 2027-01-01 (no payout run has paid a VND bill yet: 0 days later)."""
    starts = [
        "2026-12-07",
        "2026-12-14",
        "2026-12-21",
        "2026-12-28",
        "2027-01-04",
        "2027-01-11",
        "2027-01-18",
        "2027-01-25",
        "2027-02-01",
        "2027-02-08",
        "2027-02-15",
        "2027-02-22",
        "2027-03-01",
    ]
    weeks = [
        {
            "start": start,
            "band": {"likely": {"amount": amount if k == 1 else "0"}, "lines": 1 if k == 1 else 0},
        }
        for k, start in enumerate(starts)
    ]
    return {
        "account": account,
        "horizonDays": 90,
        "currencies": [
            {
                "currency": "VND",
                "openLines": 1,
                "estimated": {"amount": amount},
                "onHold": {"amount": "0"},
                "next30Days": band(amount),
                "weeks": weeks,
                "payDates": [] if pay_on is None else [{"date": pay_on, "band": band(amount)}],
                "basis": [{"level": "NONE", "lines": 1, "estimated": {"amount": amount}}],
                "lines": [
                    {
                        "amount": {"amount": amount, "currency": "VND"},
                        "settleAt": "2026-12-19T12:00:00+00:00",
                        "payOn": pay_on,
                        "survivalBps": 10000,
                        "basis": "NONE",
                        "basisSampleSize": 0,
                        "orderLine": {"platformOrderId": "vn-paid"},
                    }
                ],
            }
        ],
    }


async def test_each_party_forecasts_its_own_open_lines(rt, api, ow, us, vn, clock) -> None:  # noqa: F811
    await story_with_a_clean_sale(rt, ow, us, vn, clock)
    assert (await (await api("bao"))(FORECAST))["earningsForecast"] == vn_forecast(
        "CREATOR_EARNINGS", "21500", "2027-01-01"
    )
    assert (await (await api("agency"))(FORECAST))["earningsForecast"] == vn_forecast(
        "AGENCY_EARNINGS", "3500", "2027-01-01"
    )
    # Sellers owe the commission: when it settles, never a pay date.
    assert (await (await api("seller_vn"))(FORECAST))["earningsForecast"] == vn_forecast(
        "SELLER_PAYABLE", "25000", None
    )
    # alice's lines are all settled or cancelled; carol, the other agency and the US shop have nothing open.
    for who, account in (
        ("alice", "CREATOR_EARNINGS"),
        ("carol", "CREATOR_EARNINGS"),
        ("other_agency", "AGENCY_EARNINGS"),
        ("seller_us", "SELLER_PAYABLE"),
    ):
        assert (await (await api(who))(FORECAST))["earningsForecast"] == {
            "account": account,
            "horizonDays": 90,
            "currencies": [],
        }, who
    body = await (await api("operator")).raw(FORECAST)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN" and body["data"] is None
