"""The dashboard's statements are built once per shape and viewer and kept across requests, with the campaign, the
instant, the filters and the page bounds as bind parameters (server/services/performance/campaign.py). A kept
statement must answer every later request exactly as one built for it would: another campaign, another viewer,
a later instant, other filter values and cursors."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from server.ids import encode_id
from server.services.performance import campaign as dashboard
from tests.performance.test_overview import OVERVIEW
from tests.performance.test_products import PRODUCTS
from tests.performance.test_series import SERIES, WEEK
from tests.performance.world import PerfWorld
from tests.plugins.api import Api, login_token

VIEWERS = ("agency_a", "operator", "seller_a", "seller_b", "agency_b")


def _forget() -> None:
    dashboard._KEPT.clear()  # pyright: ignore[reportPrivateUsage]


async def _answers(as_role, requests: list[tuple[str, str, dict[str, Any]]]) -> list[Any]:  # noqa: ANN001
    """Each answer's data and errors (their codes): not the cost extensions, which change with every request."""
    out = []
    for role, document, variables in requests:
        body = await (await as_role(role)).raw(document, variables)
        errors = [(e["message"], e.get("extensions", {}).get("code")) for e in body.get("errors", ())]
        out.append({"data": body.get("data"), "errors": errors})
    return out


async def test_kept_statements_answer_as_freshly_built_ones(pw: PerfWorld, as_role) -> None:  # noqa: ANN001
    campaigns = [encode_id("Campaign", pw.campaign), encode_id("Campaign", pw.other_campaign)]
    requests: list[tuple[str, str, dict[str, Any]]] = []
    for role in VIEWERS:
        for c in campaigns:
            requests += [
                (role, OVERVIEW, {"c": c}),
                (role, SERIES, {"c": c, **WEEK}),
                (role, PRODUCTS, {"c": c, "first": 2}),
                (role, PRODUCTS, {"c": c, "first": 1, "filter": {"status": ["APPROVED"]}}),
                (role, PRODUCTS, {"c": c, "first": 5, "filter": {"status": ["PENDING", "REJECTED"]}}),
                (role, PRODUCTS, {"c": c, "sort": {"field": "GMV_ESTIMATED", "direction": "DESC"}}),
            ]
    _forget()
    kept = await _answers(as_role, requests)  # each shape built by its first request, then reused
    fresh = []
    for request in requests:  # each built for its own request
        _forget()
        fresh += await _answers(as_role, [request])
    assert kept == fresh
    # The bind parameters matter: the two campaigns and the viewers do not all answer alike.
    assert kept[0] != kept[6] and kept[0] != kept[len(campaigns) * 6 * 2]

    # Later pages through a kept statement: the cursor's values are bound too.
    after = kept[2]["data"]["campaignProductPerformance"]["pageInfo"]["endCursor"]
    later = {"c": campaigns[0], "first": 2, "after": after}
    walked = await _answers(as_role, [("agency_a", PRODUCTS, later)])
    _forget()
    assert walked == await _answers(as_role, [("agency_a", PRODUCTS, later)])
    assert (
        walked[0]["data"]["campaignProductPerformance"]["edges"]
        != kept[2]["data"]["campaignProductPerformance"]["edges"]
    )


async def test_a_kept_statement_reads_the_instant_of_each_request(pw: PerfWorld, http, world, clock) -> None:  # noqa: ANN001
    """After the campaign's end, its open registrations count as closed: the instant is bound, not built in."""
    campaign = encode_id("Campaign", pw.campaign)
    _forget()
    before = await Api(http, await login_token(http, world["agency_a"].email))(OVERVIEW, {"c": campaign})
    # Past the campaign's end (the sweeper has not run); the first login has expired by then.
    clock.advance(timedelta(days=21))
    after = await Api(http, await login_token(http, world["agency_a"].email))(OVERVIEW, {"c": campaign})
    assert before["campaignPerformance"]["productsClosed"] == 0
    assert after["campaignPerformance"]["productsClosed"] == 3
