"""The agency's daily operations on campaigns: markets served, delete and duplicate drafts, archive closed ones,
the closing-soon / commission sorts and the registration-open filter (with statement counts)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from server import models
from server.ids import decode_id
from server.services import campaign_events

from .support import CAMPAIGN, create_campaign, database_state, errors, iso, publish, update, valid_input

ERRORS = "userErrors { field message code }"
CREATE = (
    f"mutation($i: CampaignCreateInput!) {{ campaignCreate(input: $i) {{ campaign {{ id }} {ERRORS} }} }}"
)
DELETE = f"mutation($i: CampaignDeleteInput!) {{ campaignDelete(input: $i) {{ deletedId {ERRORS} }} }}"
DUPLICATE = (
    "mutation($i: CampaignDuplicateInput!) { campaignDuplicate(input: $i) { campaign { id name description market "
    "sellerRequirements commissionRequirementBps contact { email phone messenger messengerHandle } targetingMode "
    f"targetSellerType targetShopCodes registrationStart registrationEnd campaignStart campaignEnd status published }} {ERRORS} }} }}"
)
ARCHIVE = f"mutation($i: CampaignArchiveInput!) {{ campaignArchive(input: $i) {{ campaign {{ id archivedAt }} {ERRORS} }} }}"
MARKETS = f"mutation($i: AgencyMarketsSetInput!) {{ agencyMarketsSet(input: $i) {{ agency {{ markets }} {ERRORS} }} }}"
PUBLISH = f"mutation($i: CampaignPublishInput!) {{ campaignPublish(input: $i) {{ campaign {{ id published }} {ERRORS} }} }}"
LIST = """query($f: CampaignFilter, $s: CampaignSort) { campaigns(filter: $f, sort: $s, first: 50) {
  totalCount edges { node { name registrationOpen } } } }"""


def names(data: dict[str, Any]) -> list[str]:
    return [e["node"]["name"] for e in data["campaigns"]["edges"]]


# --- markets served ------------------------------------------------------------------------------------------


async def test_a_campaign_is_created_only_in_a_market_the_agency_serves(rt, world, as_role, clock) -> None:
    agency = await as_role("agency_a")  # serves TH and VN
    before = await database_state(rt)
    gb = valid_input(
        clock.now(),
        market="GB",
        contact={"email": "a@agency.test", "messenger": "WHATSAPP", "messengerHandle": "+44 20 7946 0000"},
    )
    payload = (await agency(CREATE, {"i": gb}))["campaignCreate"]
    assert payload["campaign"] is None and errors(payload) == [("MARKET_NOT_SERVED", ["input", "market"])]
    assert "TH, VN" in payload["userErrors"][0]["message"]
    assert await database_state(rt) == before
    # Once GB is served, the same input creates the campaign.
    assert (await agency(MARKETS, {"i": {"markets": ["TH", "VN", "GB"]}}))["agencyMarketsSet"] == {
        "agency": {"markets": ["TH", "VN", "GB"]},
        "userErrors": [],
    }
    assert (await agency(CREATE, {"i": gb}))["campaignCreate"]["userErrors"] == []


async def test_dropping_a_market_never_strands_an_open_campaign(rt, world, as_role, clock) -> None:
    agency = await as_role("agency_a")
    vn = await create_campaign(
        agency,
        clock.now(),
        name="Hanoi week",
        market="VN",
        contact={"email": "a@agency.test", "messenger": "ZALO", "messengerHandle": "0912"},
    )
    for markets in (["TH"], ["TH", "GB"]):
        payload = (await agency(MARKETS, {"i": {"markets": markets}}))["agencyMarketsSet"]
        assert payload["agency"] is None and errors(payload) == [("MARKET_IN_USE", ["input", "markets"])]
        assert "Hanoi week (VN)" in payload["userErrors"][0]["message"]
    bad = (await agency(MARKETS, {"i": {"markets": []}}))["agencyMarketsSet"]
    assert errors(bad) == [("REQUIRED", ["input", "markets"])]
    # Once the campaign closed, VN can go; the closed campaign stays readable with its market.
    clock.advance(timedelta(days=12))
    ok = (await agency(MARKETS, {"i": {"markets": ["TH", "TH"]}}))["agencyMarketsSet"]
    assert ok == {"agency": {"markets": ["TH"]}, "userErrors": []}
    campaign = (await agency(CAMPAIGN, {"id": vn["id"]}))["campaign"]
    assert campaign["market"] == "VN" and campaign["status"] == "CLOSED"
    # A seller cannot change an agency's markets at all.
    seller = await as_role("seller_a")
    denied = await seller.raw(MARKETS, {"i": {"markets": ["TH"]}})
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


# --- delete --------------------------------------------------------------------------------------------------


async def test_a_never_published_draft_is_deleted_and_nothing_else(rt, world, as_role, clock) -> None:
    agency, other = await as_role("agency_a"), await as_role("agency_b")
    draft = await create_campaign(
        agency, clock.now(), targeting={"mode": "SELECTED", "shopCodes": ["THSHOPAAA1"]}
    )
    published = await create_campaign(agency, clock.now(), name="Live one")
    await publish(agency, published["id"])
    await publish(agency, published["id"], False)  # READY again, but sellers have seen it
    before = await database_state(rt)
    refused = (await agency(DELETE, {"i": {"id": published["id"]}}))["campaignDelete"]
    assert refused["deletedId"] is None and errors(refused) == [("NOT_DELETABLE", ["input", "id"])]
    assert errors((await other(DELETE, {"i": {"id": draft["id"]}}))["campaignDelete"]) == [
        ("NOT_FOUND", ["input", "id"])
    ]
    assert await database_state(rt) == before

    assert (await agency(DELETE, {"i": {"id": draft["id"]}}))["campaignDelete"] == {
        "deletedId": draft["id"],
        "userErrors": [],
    }
    assert (await agency(CAMPAIGN, {"id": draft["id"]}))["campaign"] is None
    after = await database_state(rt)
    assert len(after["campaigns"]) == 1 and after["targets"] == [] and after["audit"] == before["audit"] + 1
    again = (await agency(DELETE, {"i": {"id": draft["id"]}}))["campaignDelete"]
    assert errors(again) == [("NOT_FOUND", ["input", "id"])]


async def test_deleting_a_draft_while_it_is_published_has_one_winner(rt, world, as_role, clock) -> None:
    agency = await as_role("agency_a")
    for round_ in range(8):
        draft = await create_campaign(agency, clock.now(), name=f"Race {round_}")
        calls = [
            agency(DELETE, {"i": {"id": draft["id"]}}),
            agency(PUBLISH, {"i": {"id": draft["id"], "published": True}}),
        ]
        if round_ % 2:
            calls.reverse()
        results = await asyncio.gather(*calls)
        deleted, published = results if round_ % 2 == 0 else results[::-1]
        deleted, published = deleted["campaignDelete"], published["campaignPublish"]
        async with rt.sessionmaker() as s:
            row = await s.get(models.Campaign, decode_id(draft["id"], "Campaign"))
        if deleted["userErrors"] == []:  # the delete won: the publish was told the campaign is gone
            assert row is None and published["campaign"] is None
            assert errors(published) == [("NOT_FOUND", ["input", "id"])]
        else:  # the publish won: the delete was refused, the campaign is live and whole
            assert errors(deleted) == [("NOT_DELETABLE", ["input", "id"])]
            assert published["userErrors"] == [] and published["campaign"]["published"] is True
            assert row is not None and row.published and row.first_published_at is not None


# --- duplicate -----------------------------------------------------------------------------------------------


async def test_duplicate_copies_every_field_but_the_periods(rt, world, as_role, clock) -> None:
    agency = await as_role("agency_a")
    now = clock.now()
    source = await create_campaign(
        agency,
        now,
        name="Serum week",
        targeting={"mode": "SELECTED", "shopCodes": ["THSHOPAAA1"], "sellerType": "LOCAL"},
    )
    await publish(agency, source["id"])
    clock.advance(timedelta(days=12))  # closed: a new season starts from it
    start = clock.now() + timedelta(days=2)
    periods = {
        "campaignStart": iso(start),
        "registrationEnd": iso(start + timedelta(days=3)),
        "campaignEnd": iso(start + timedelta(days=7)),
    }
    payload = (await agency(DUPLICATE, {"i": {"id": source["id"], **periods}}))["campaignDuplicate"]
    assert payload["userErrors"] == []
    copy = payload["campaign"]
    assert copy["id"] != source["id"] and copy["status"] == "READY" and copy["published"] is False
    for name in (
        "name",
        "description",
        "market",
        "sellerRequirements",
        "commissionRequirementBps",
        "contact",
        "targetingMode",
        "targetShopCodes",
    ):
        assert copy[name] == source[name], name
    assert copy["targetSellerType"] == "LOCAL"
    assert (copy["campaignStart"], copy["registrationStart"]) == (
        periods["campaignStart"],
        periods["campaignStart"],
    )
    assert (copy["registrationEnd"], copy["campaignEnd"]) == (
        periods["registrationEnd"],
        periods["campaignEnd"],
    )
    renamed = (await agency(DUPLICATE, {"i": {"id": source["id"], "name": "Serum week 2", **periods}}))[
        "campaignDuplicate"
    ]
    assert renamed["campaign"]["name"] == "Serum week 2"
    async with rt.sessionmaker() as s:
        audit = await s.scalar(
            select(models.AuditEvent.changes).where(
                models.AuditEvent.subject_id == decode_id(copy["id"], "Campaign"),
                models.AuditEvent.action == "campaign.create",
            )
        )
    assert audit["duplicatedFrom"] == [None, decode_id(source["id"], "Campaign")]


async def test_duplicate_checks_the_periods_and_the_market_like_a_new_campaign(
    rt, world, as_role, clock
) -> None:
    agency, other = await as_role("agency_a"), await as_role("agency_b")
    source = await create_campaign(
        agency,
        clock.now(),
        market="VN",
        contact={"email": "a@agency.test", "messenger": "ZALO", "messengerHandle": "0912"},
    )
    past = clock.now() - timedelta(days=1)
    before = await database_state(rt)
    payload = (
        await agency(
            DUPLICATE,
            {
                "i": {
                    "id": source["id"],
                    "campaignStart": iso(past),
                    "registrationEnd": iso(past - timedelta(days=1)),
                    "campaignEnd": iso(past + timedelta(days=400)),
                    "name": "x" * 50,
                }
            },
        )
    )["campaignDuplicate"]
    assert payload["campaign"] is None
    assert {code for code, _ in errors(payload)} >= {
        "START_IN_PAST",
        "INVALID_PERIOD",
        "PERIOD_TOO_LONG",
        "TOO_LONG",
    }
    start = clock.now() + timedelta(days=1)
    good = {
        "campaignStart": iso(start),
        "registrationEnd": iso(start + timedelta(days=1)),
        "campaignEnd": iso(start + timedelta(days=2)),
    }
    assert errors((await other(DUPLICATE, {"i": {"id": source["id"], **good}}))["campaignDuplicate"]) == [
        ("NOT_FOUND", ["input", "id"])
    ]
    clock.advance(timedelta(days=12))  # the VN campaign closed; VN is no longer served
    assert (await agency(MARKETS, {"i": {"markets": ["TH"]}}))["agencyMarketsSet"]["userErrors"] == []
    start = clock.now() + timedelta(days=1)
    good = {
        "campaignStart": iso(start),
        "registrationEnd": iso(start + timedelta(days=1)),
        "campaignEnd": iso(start + timedelta(days=2)),
    }
    payload = (await agency(DUPLICATE, {"i": {"id": source["id"], **good}}))["campaignDuplicate"]
    assert errors(payload) == [("MARKET_NOT_SERVED", ["input", "market"])]
    assert len((await database_state(rt))["campaigns"]) == len(before["campaigns"])


# --- archive -------------------------------------------------------------------------------------------------


async def test_archive_hides_a_closed_campaign_from_the_default_list_only(
    rt, world, as_role, clock, http
) -> None:
    agency = await as_role("agency_a")
    closed = await create_campaign(agency, clock.now(), name="Old season")
    await publish(agency, closed["id"])
    clock.advance(timedelta(days=12))
    running = await create_campaign(agency, clock.now(), name="New season")
    refused = (await agency(ARCHIVE, {"i": {"id": running["id"], "archived": True}}))["campaignArchive"]
    assert errors(refused) == [("NOT_CLOSED", ["input", "id"])]

    payload = (await agency(ARCHIVE, {"i": {"id": closed["id"], "archived": True}}))["campaignArchive"]
    assert payload["userErrors"] == [] and payload["campaign"]["archivedAt"] == iso(clock.now())
    assert names(await agency(LIST)) == ["New season"]
    assert names(await agency(LIST, {"f": {"archived": True}})) == ["Old season"]
    assert (await agency(CAMPAIGN, {"id": closed["id"]}))["campaign"][
        "name"
    ] == "Old season"  # still readable
    export = await http.get(
        f"/exports/campaigns/{closed['id']}/approved-products.csv",
        headers={"Authorization": f"Bearer {agency.token}"},
    )
    assert export.status_code == 200  # and exportable
    again = (await agency(ARCHIVE, {"i": {"id": closed["id"], "archived": True}}))["campaignArchive"]
    assert again["userErrors"] == [] and again["campaign"]["archivedAt"] == iso(clock.now())  # idempotent
    back = (await agency(ARCHIVE, {"i": {"id": closed["id"], "archived": False}}))["campaignArchive"]
    assert back["campaign"]["archivedAt"] is None
    assert names(await agency(LIST)) == ["New season", "Old season"]


# --- sorts and filters ---------------------------------------------------------------------------------------


async def test_closing_soon_commission_sort_and_registration_open_filter(
    rt, world, as_role, clock, queries
) -> None:
    agency, seller = await as_role("agency_a"), await as_role("seller_a")

    async def campaign(name: str, start: int, reg_end: int, end: int, requirement: int) -> None:
        base = clock.now()
        s, reg_end_at, end_at = (base + timedelta(days=d) for d in (start, reg_end, end))
        created = await create_campaign(
            agency,
            base,
            name=name,
            commissionRequirementBps=requirement,
            registrationStart=iso(s),
            campaignStart=iso(s),
            registrationEnd=iso(reg_end_at),
            campaignEnd=iso(end_at),
        )
        await publish(agency, created["id"])

    await campaign("Soon", 1, 3, 20, 1500)
    await campaign("Later", 1, 9, 20, 500)
    await campaign("Upcoming", 5, 6, 20, 3000)
    clock.advance(timedelta(days=2))  # Soon and Later take registrations; Upcoming does not yet
    closing = {"field": "REGISTRATION_END", "direction": "ASC"}
    assert names(await seller(LIST, {"s": closing})) == ["Soon", "Upcoming", "Later"]
    assert names(await seller(LIST, {"f": {"registrationOpen": True}, "s": closing})) == ["Soon", "Later"]
    assert names(await agency(LIST, {"f": {"registrationOpen": False}})) == ["Upcoming"]
    assert names(await seller(LIST, {"s": {"field": "COMMISSION_REQUIREMENT", "direction": "ASC"}})) == [
        "Later",
        "Soon",
        "Upcoming",
    ]
    assert names(await seller(LIST, {"s": {"field": "COMMISSION_REQUIREMENT"}})) == [
        "Upcoming",
        "Soon",
        "Later",
    ]
    # Keyset pages over the new sort keys.
    page = await seller("""{ campaigns(first: 1, sort: {field: REGISTRATION_END, direction: ASC}) {
      pageInfo { endCursor } edges { node { name } } } }""")
    cursor = page["campaigns"]["pageInfo"]["endCursor"]
    rest = await seller(
        LIST.replace("first: 50", "first: 5, after: $after").replace(
            "$s: CampaignSort)", "$s: CampaignSort, $after: String)"
        ),
        {"s": closing, "after": cursor},
    )
    assert names(rest) == ["Upcoming", "Later"]

    async def count(query_vars: dict[str, Any]) -> int:
        queries.reset()
        await seller(LIST, query_vars)
        return queries.count

    base = await count({"f": {"registrationOpen": True}, "s": closing})
    for i in range(5):
        await campaign(f"More {i}", 1, 4, 20, 1000 + i)
    assert await count({"f": {"registrationOpen": True}, "s": closing}) == base
    assert await count({"s": {"field": "COMMISSION_REQUIREMENT"}}) == base


async def test_closed_campaigns_are_announced_once(rt, world, as_role, clock) -> None:
    agency = await as_role("agency_a")
    await create_campaign(agency, clock.now())
    assert await campaign_events.announce_closed_campaigns(rt) == 0
    clock.advance(timedelta(days=12))
    counts = await asyncio.gather(*(campaign_events.announce_closed_campaigns(rt) for _ in range(3)))
    assert sorted(counts) == [0, 0, 1]
    async with rt.sessionmaker() as s:
        assert (
            await s.scalar(select(func.count()).where(models.Campaign.close_announced_at.is_not(None))) == 1
        )


async def test_update_still_works_for_the_agency(rt, world, as_role, clock) -> None:
    """The market rule binds creation, not edits of an existing campaign (its market never changes)."""
    agency = await as_role("agency_a")
    campaign = await create_campaign(agency, clock.now())
    payload = await update(agency, campaign["id"], name="Renamed")
    assert payload["userErrors"] == [] and payload["campaign"]["name"] == "Renamed"
