"""campaigns: filters, sort orders, keyset pages, and a statement count that does not grow with the page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from server.models.enums import RegistrationStatus

from .support import create_campaign, iso, publish, register, update

LIST = """query($f: CampaignFilter, $s: CampaignSort, $first: Int, $after: String) {
  campaigns(filter: $f, sort: $s, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }"""


def listed(data: dict[str, Any]) -> list[str]:
    return [edge["node"]["name"] for edge in data["campaigns"]["edges"]]


async def test_filters_sorts_and_pages(world, as_role, clock) -> None:
    api = await as_role("agency_a")
    now = clock.now()

    async def campaign(name: str, start_days: int, end_days: int, requirement: int, **overrides: Any) -> str:
        start, end = now + timedelta(days=start_days), now + timedelta(days=end_days)
        created = await create_campaign(
            api,
            now,
            name=name,
            commissionRequirementBps=requirement,
            registrationStart=iso(start),
            campaignStart=iso(start),
            registrationEnd=iso(end),
            campaignEnd=iso(end),
            **overrides,
        )
        clock.advance(timedelta(minutes=1))
        return created["id"]

    alpha = await campaign("Alpha serum", 1, 11, 500)
    await campaign("Beta lipstick", 3, 5, 1500)
    gamma = await campaign(
        "Gamma SERUM",
        2,
        20,
        1000,
        market="VN",
        contact={"email": "a@agency.test", "messenger": "ZALO", "messengerHandle": "0912"},
    )
    await publish(api, alpha)
    await publish(api, gamma)

    async def names(f: dict[str, Any] | None = None, s: dict[str, Any] | None = None) -> list[str]:
        return listed(await api(LIST, {"f": f, "s": s}))

    assert await names() == ["Gamma SERUM", "Beta lipstick", "Alpha serum"]  # newest first
    assert await names({"status": ["READY"]}) == ["Beta lipstick"]
    assert await names({"status": ["UPCOMING", "READY"]}) == ["Gamma SERUM", "Beta lipstick", "Alpha serum"]
    assert await names({"status": []}) == ["Gamma SERUM", "Beta lipstick", "Alpha serum"]
    assert await names({"market": "VN"}) == ["Gamma SERUM"]
    assert await names({"search": " serum"}) == ["Gamma SERUM", "Alpha serum"]
    assert await names({"search": "100%_"}) == []
    assert await names({"maxCommissionRequirementBps": 1000}) == ["Gamma SERUM", "Alpha serum"]
    assert await names({"activeOn": iso(now + timedelta(days=1))}) == ["Alpha serum"]
    assert await names({"activeOn": iso(now + timedelta(days=4))}) == [
        "Gamma SERUM",
        "Beta lipstick",
        "Alpha serum",
    ]
    assert await names({"activeOn": iso(now + timedelta(days=11))}) == ["Gamma SERUM"]
    assert await names({"market": "TH", "search": "serum"}) == ["Alpha serum"]
    assert await names(s={"field": "START", "direction": "ASC"}) == [
        "Alpha serum",
        "Gamma SERUM",
        "Beta lipstick",
    ]
    assert await names(s={"field": "END"}) == ["Gamma SERUM", "Alpha serum", "Beta lipstick"]
    assert await names(s={"field": "CREATED", "direction": "ASC"}) == [
        "Alpha serum",
        "Beta lipstick",
        "Gamma SERUM",
    ]

    clock.set(now + timedelta(days=12))
    assert await names({"status": ["CLOSED"]}) == ["Beta lipstick", "Alpha serum"]
    assert await names({"status": ["ONGOING"]}) == ["Gamma SERUM"]

    first = await api(LIST, {"s": {"field": "START", "direction": "ASC"}, "first": 2})
    assert listed(first) == ["Alpha serum", "Gamma SERUM"] and first["campaigns"]["totalCount"] == 3
    assert first["campaigns"]["pageInfo"]["hasNextPage"] is True
    rest = await api(
        LIST,
        {
            "s": {"field": "START", "direction": "ASC"},
            "first": 2,
            "after": first["campaigns"]["pageInfo"]["endCursor"],
        },
    )
    assert listed(rest) == ["Beta lipstick"] and rest["campaigns"]["pageInfo"]["hasNextPage"] is False


async def test_a_seller_filters_the_marketplace_by_requirement(world, as_role, clock) -> None:
    agency = await as_role("agency_a")
    for name, requirement in (("Low", 500), ("High", 3000)):
        await publish(
            agency,
            (await create_campaign(agency, clock.now(), name=name, commissionRequirementBps=requirement))[
                "id"
            ],
        )
    seller = await as_role("seller_a")
    assert listed(await seller(LIST, {"f": {"maxCommissionRequirementBps": 2000}})) == ["Low"]


AGENCY_PAGE = """{ campaigns(first: 50) { totalCount edges { node {
  id name status registrationOpen agency { name } targetShopCodes editableAt
  registrationCounts { total approved pending }
  pendingChange { appliesAt changedFields requestedBy { fullName } values { name } } } } } }"""
SELLER_PAGE = """{ campaigns(first: 50) { totalCount edges { node {
  id name status agency { name } myParticipation { joined registeredProducts counts { total approved } } } } } }"""


async def test_statement_count_does_not_grow_with_the_page(rt, world, as_role, clock, queries) -> None:
    agency, seller = await as_role("agency_a"), await as_role("seller_a")

    async def seed(n: int) -> None:
        for i in range(n):
            campaign = await create_campaign(
                agency,
                clock.now(),
                name=f"Campaign {i}",
                targeting={"mode": "SELECTED", "shopCodes": ["THSHOPAAA1", "THSHOPBBB2"]},
            )
            await publish(agency, campaign["id"])
            await update(agency, campaign["id"], description=f"Edit {i}")
            await register(rt, world, campaign["id"], "seller_a", 0, RegistrationStatus.APPROVED)

    async def count(api, query: str, expected_total: int) -> int:  # noqa: ANN001
        queries.reset()
        data = await api(query)
        assert data["campaigns"]["totalCount"] == expected_total
        nodes = [edge["node"] for edge in data["campaigns"]["edges"]]
        assert all(n.get("pendingChange") or n.get("myParticipation") for n in nodes)
        return queries.count

    await seed(1)
    agency_one, seller_one = await count(agency, AGENCY_PAGE, 1), await count(seller, SELLER_PAGE, 1)
    await seed(9)
    assert await count(agency, AGENCY_PAGE, 10) == agency_one, queries.statements
    assert await count(seller, SELLER_PAGE, 10) == seller_one, queries.statements
    # session, due changes, page with its count, agencies, target shops, registration counts, pending changes, users
    assert agency_one == 8
    # session, due changes, page with its count, agencies, registration counts
    assert seller_one == 5
