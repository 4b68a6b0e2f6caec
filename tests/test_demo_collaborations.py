"""The demo world's collaborations: campaigns and registrations in every state, a demo agency/seller pair that can walk
the whole flow (seller registers, agency reviews) right after loading, and a creator with offers from both agencies."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from server import models
from server.demo.data import DEMO_PASSWORD
from server.demo.world import load_demo_world
from server.models.enums import RegistrationStatus
from server.runtime import Runtime
from tests.plugins.api import Api, login_token

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def demo(rt: Runtime) -> None:
    await load_demo_world(rt)


async def api_for(http: httpx.AsyncClient, email: str) -> Api:
    return Api(http, await login_token(http, email, DEMO_PASSWORD))


async def test_campaigns_in_every_state(http: httpx.AsyncClient) -> None:
    agency = await api_for(http, "agency@demo.test")
    data = await agency(
        "{ campaigns(first: 50) { edges { node { name status pendingChange { appliesAt } } } } }"
    )
    nodes = [edge["node"] for edge in data["campaigns"]["edges"]]
    assert {n["status"] for n in nodes} == {"READY", "UPCOMING", "ONGOING", "CLOSED"}
    assert any(n["pendingChange"] for n in nodes), "one campaign has an edit waiting out its 30 minutes"


async def test_registrations_in_every_state(rt: Runtime) -> None:
    async with rt.sessionmaker() as s:
        statuses = set((await s.scalars(select(models.Registration.status).distinct())).all())
    assert statuses == set(RegistrationStatus)


async def test_demo_seller_and_agency_walk_the_flow(http: httpx.AsyncClient) -> None:
    seller = await api_for(http, "seller@demo.test")
    agency = await api_for(http, "agency@demo.test")
    market = await seller(
        "{ campaigns(first: 50, filter: {status: [ONGOING]}) { edges { node { id name registrationOpen "
        "commissionRequirementBps myParticipation { joined registeredProducts } } } } }"
    )
    open_campaigns = [e["node"] for e in market["campaigns"]["edges"] if e["node"]["registrationOpen"]]
    glow = next(c for c in open_campaigns if c["name"] == "Glow Up Beauty Month")
    assert glow["myParticipation"]["joined"] is True

    registered = await seller(
        "query($c: ID!) { registrations(first: 100, filter: {campaignId: $c}) { edges { node { product { id } } } } }",
        {"c": glow["id"]},
    )
    taken = {e["node"]["product"]["id"] for e in registered["registrations"]["edges"]}
    catalogue = await seller("{ products(first: 100) { edges { node { id } } } }")
    free = [e["node"]["id"] for e in catalogue["products"]["edges"] if e["node"]["id"] not in taken]
    assert len(free) >= 5, "the demo seller has products left to register"

    created = await seller(
        "mutation($i: RegistrationCreateInput!) { registrationCreate(input: $i) { registrations { id status } "
        "userErrors { code field } results { userErrors { code field } } } }",
        {
            "i": {
                "campaignId": glow["id"],
                "contactEmail": "orders@siamglow.example",
                "items": [{"productId": free[0], "totalRateBps": glow["commissionRequirementBps"] + 500}],
            }
        },
    )
    payload = created["registrationCreate"]
    assert payload["userErrors"] == [] and [r["status"] for r in payload["registrations"]] == ["PENDING"]

    reviewed = await agency(
        "mutation($i: RegistrationReviewInput!) { registrationReview(input: $i) { results { registration { status } "
        "userErrors { code } } userErrors { code } } }",
        {"i": {"ids": [payload["registrations"][0]["id"]], "decision": "APPROVE"}},
    )
    assert reviewed["registrationReview"]["results"][0]["registration"]["status"] == "APPROVED"


async def test_demo_creator_has_offers_from_both_agencies_with_a_lower_rate_case(
    http: httpx.AsyncClient, rt: Runtime
) -> None:
    creator = await api_for(http, "creator@demo.test")
    offers = await creator(
        "{ commissionOffers { product { id } offers { agencyName creatorRateBps token } } }"
    )
    agencies = {offer["agencyName"] for group in offers["commissionOffers"] for offer in group["offers"]}
    assert agencies == {"Northstar Partners", "Lumen Collective"}

    async with rt.sessionmaker() as s:
        lumen_token = await s.scalar(
            select(models.ShareLink.token)
            .join(models.ProductList, models.ProductList.id == models.ShareLink.list_id)
            .where(models.ProductList.name == "Clean beauty picks", models.ShareLink.revoked_at.is_(None))
        )
    shared = await creator(
        "query($t: String!) { shareLink(token: $t) { agencyName items { creatorRateBps lowerRateNotice { "
        "currentRateBps offeredRateBps currentIsHigher currentSource } } } }",
        {"t": lumen_token},
    )
    notices = [i["lowerRateNotice"] for i in shared["shareLink"]["items"] if i["lowerRateNotice"]]
    assert any(n["currentIsHigher"] and n["currentRateBps"] > n["offeredRateBps"] for n in notices)
    assert all("Northstar Partners" in n["currentSource"] for n in notices)
