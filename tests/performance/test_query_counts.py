"""The campaign dashboard (overview, 100 products, a series) costs the same number of SQL statements however many
products, creators and orders the campaign has."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from server import models
from server.ids import encode_id
from tests.api.test_request_cost import Checkouts
from tests.performance.test_overview import NUMBERS
from tests.performance.world import PerfWorld, add_volume
from tests.web_documents import document_text

DASHBOARD = f"""query($c: ID!) {{
  campaignPerformance(campaignId: $c) {{ productsRegistered creatorsCollaborating samplesShipped {NUMBERS} }}
  campaignProductPerformance(campaignId: $c, first: 100) {{ totalCount edges {{ cursor node {{
    status creatorsCollaborating contentPosted {NUMBERS}
    registration {{ id status totalRateBps bookmarked product {{ title imageUrl price {{ amount }} }} }} }} }} }}
  campaignPerformanceSeries(campaignId: $c) {{ days {{ date {NUMBERS} }} }}
}}"""
ROOT = Path(__file__).resolve().parents[2]
COLLABORATIONS = f"""query($r: ID!) {{ campaignProductCollaborations(registrationId: $r, first: 100) {{ totalCount
  edges {{ node {{ creator {{ displayName followers }} since sampleRequest {{ status shipments {{ status }} }}
  contents {{ kind views }} {NUMBERS} }} }} }} }}"""


async def statements(api, queries, query: str, variables: dict) -> int:  # noqa: ANN001
    queries.reset()
    await api(query, variables)
    return queries.count


@pytest.mark.parametrize("role", ["agency_a", "seller_a"])
async def test_the_dashboard_statement_count_does_not_grow(
    rt,
    world,
    pw: PerfWorld,
    as_role,
    queries,
    campaign_id: str,
    role: str,  # noqa: ANN001
) -> None:
    api = await as_role(role)
    small = await statements(api, queries, DASHBOARD, {"c": campaign_id})
    await add_volume(rt, world, pw, products=40, creators=25, orders=120)
    large = await statements(api, queries, DASHBOARD, {"c": campaign_id})
    data = await api(DASHBOARD, {"c": campaign_id})
    assert len(data["campaignProductPerformance"]["edges"]) in (44, 42)  # the volume is seller A's
    assert large == small, queries.statements


async def newest_registration(rt) -> str:  # noqa: ANN001
    async with rt.sessionmaker() as session:
        return encode_id("Registration", await session.scalar(select(func.max(models.Registration.id))))


async def test_the_collaborations_statement_count_does_not_grow(
    rt,
    world,
    pw: PerfWorld,
    as_role,
    queries,  # noqa: ANN001
) -> None:
    api = await as_role("agency_a")
    counts = {}
    for creators in (2, 30):
        await add_volume(rt, world, pw, products=1, creators=creators, orders=3 * creators)
        variables = {"r": await newest_registration(rt)}
        counts[creators] = await statements(api, queries, COLLABORATIONS, variables)
        data = await api(COLLABORATIONS, variables)
        assert data["campaignProductCollaborations"]["totalCount"] == creators
    assert counts[2] == counts[30], queries.statements


WEB_DOCUMENTS = ROOT / "web/src/graphql/performance"
# The web app's dashboard documents: statements each costs (session lookup, the campaign, then its own reads).
DASHBOARD_DOCUMENTS = {
    "CampaignPerformance": 3,  # the overview in one statement
    "CampaignProductPerformance": 4,  # count, the page with its registrations' relations joined (was 4 loaders)
    "CampaignPerformanceSeries": 3,
}


@pytest.mark.parametrize("role", ["agency_a", "seller_a"])
async def test_each_dashboard_document_reads_through_one_connection(
    rt,
    world,
    pw: PerfWorld,
    as_role,
    queries,
    campaign_id: str,
    role: str,  # noqa: ANN001
) -> None:
    api = await as_role(role)
    await add_volume(rt, world, pw, products=5, creators=4, orders=12)
    for name, expected in DASHBOARD_DOCUMENTS.items():
        document = document_text(WEB_DOCUMENTS / f"{name}.graphql")
        queries.reset()
        with Checkouts(rt) as checkouts:
            data = await api(document, {"campaignId": campaign_id})
        assert data and all(value is not None for value in data.values()), name
        # every read of the request on its one connection: from the pool, or on PostgreSQL the one the last
        # request parked (server/parked_connections.py)
        assert len(checkouts.connections) == 1 and checkouts.count <= 1, name
        assert queries.count == expected, (name, queries.statements)
