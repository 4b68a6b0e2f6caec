"""orderLines.totalCount: from the rollups when the filter narrows only by campaign and attribution, otherwise
counted on the lines up to MATCHUP_TOTAL_COUNT_CAP (a total equal to the cap means "at least that many")."""

from __future__ import annotations

from typing import Any

import pytest

from server.ids import encode_id
from tests.orders_api.conftest import Story

QUERY = (
    "query($f: OrderLineFilter) { orderLines(first: 100, filter: $f) { totalCount edges { node { id } } } }"
)
FILTERS: list[dict[str, Any] | None] = [
    None,
    {"attributed": True},
    {"attributed": False},
    {"status": ["SETTLED", "PAID"]},
    {"from": "2000-01-01T00:00:00Z"},
]


@pytest.mark.parametrize("who", ["agency", "alice", "seller_us", "seller_vn", "operator", "other_agency"])
async def test_the_total_is_the_number_of_lines_the_viewer_gets(api, ow, story: Story, who: str) -> None:  # noqa: ANN001
    viewer = await api(who)
    campaigns = [{"campaignId": encode_id("Campaign", c)} for c in (ow.us.campaign_id, ow.vn.campaign_id)]
    for f in [*FILTERS, *campaigns, *({**c, "attributed": True} for c in campaigns)]:
        page = (await viewer(QUERY, {"f": f}))["orderLines"]
        assert page["totalCount"] == len(page["edges"]), (who, f)


async def test_past_the_cap_the_lines_are_counted_up_to_it_and_rollups_stay_exact(
    rt, api, story: Story
) -> None:  # noqa: ANN001
    object.__setattr__(rt.settings, "total_count_cap", 2)
    operator = await api("operator")
    everything = (await operator(QUERY, {"f": None}))["orderLines"]
    assert (len(everything["edges"]), everything["totalCount"]) == (4, 2)  # counted on the lines: at least 2
    attributed = (await operator(QUERY, {"f": {"attributed": True}}))["orderLines"]
    assert (len(attributed["edges"]), attributed["totalCount"]) == (3, 3)  # from the rollups: exact
