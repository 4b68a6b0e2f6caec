"""The seller's and agency's daily registration work: editing a pending registration's terms in place (history,
live event, queue position, the race with an approval), bulk cancellation decisions, the window errors with
their times, and the posted-content and registration-date filters (with statement counts)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from server import models
from server.events import channels
from server.models.enums import ContentKind, RegistrationStatus
from server.services.unit_of_work import UnitOfWork
from tests.api.notification_params import assert_params_shown
from tests.plugins.api import World

from .helpers import (
    CANCEL_REQUEST,
    ERRORS,
    HISTORY,
    REGISTRATION_FIELDS,
    approve,
    audit_actions,
    cid,
    codes_and_fields,
    error,
    item,
    make_campaign,
    make_products,
    pk_of,
    register,
    register_one,
    review,
    rid,
    state,
    status_of,
)

TERMS = f"""mutation($input: RegistrationTermsUpdateInput!) {{ registrationTermsUpdate(input: $input) {{
  registration {{ {REGISTRATION_FIELDS} }} {ERRORS} }} }}"""
DECIDE = f"""mutation($input: RegistrationCancellationsDecideInput!) {{ registrationCancellationsDecide(input: $input) {{
  results {{ id registration {{ id status }} {ERRORS} }} {ERRORS} }} }}"""
WINDOW = """mutation($input: RegistrationCreateInput!) { registrationCreate(input: $input) {
  userErrors { field message code opensAt endedAt } } }"""
LIST = """query($f: RegistrationFilter, $s: RegistrationSort) { registrations(filter: $f, sort: $s, first: 50) {
  totalCount edges { node { id totalRateBps product { title } } } } }"""


async def terms(api, registration_id: int, **fields: Any) -> dict[str, Any]:  # noqa: ANN001
    return (await api(TERMS, {"input": {"id": rid(registration_id), **fields}}))["registrationTermsUpdate"]


# --- terms of a pending registration -------------------------------------------------------------------------


async def test_a_seller_edits_pending_terms_in_place(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    first, second = world.products["seller_a"]
    older = await register_one(seller, campaign, first, 2000)
    rt.clock.advance(timedelta(minutes=5))
    newer = await register_one(seller, campaign, second, 2000)
    queue = {
        "f": {"campaignId": cid(campaign), "status": ["PENDING"]},
        "s": {"field": "REGISTERED_AT", "direction": "ASC"},
    }
    before = [e["node"]["id"] for e in (await agency(LIST, queue))["registrations"]["edges"]]

    payload = await terms(
        seller,
        older,
        totalRateBps=2500,
        sampleQuota=7,
        shopAdsRateBps=300,
        contactEmail="new@shop.test",
        contactWhatsapp="+66 81 234 5678",
    )
    assert payload["userErrors"] == []
    got = payload["registration"]
    assert (got["id"], got["status"], got["totalRateBps"], got["sampleQuota"], got["shopAdsRateBps"]) == (
        rid(older),
        "PENDING",
        2500,
        7,
        300,
    )
    assert (got["contactEmail"], got["contactWhatsapp"]) == ("new@shop.test", "+66 81 234 5678")
    # Same place in the queue (oldest first): the registration time did not move.
    assert (
        [e["node"]["id"] for e in (await agency(LIST, queue))["registrations"]["edges"]]
        == before
        == [rid(older), rid(newer)]
    )
    # The agency reads the change in the registration's history.
    history = (await agency(HISTORY, {"id": rid(older)}))["node"]["history"]
    assert [h["action"] for h in history] == ["registration.create", "registration.terms_update"]
    changes = {c["field"]: (c["from"], c["to"]) for c in history[-1]["changes"]}
    assert changes["totalRateBps"] == ("2000", "2500") and changes["sampleQuota"] == ("0", "7")
    assert history[-1]["actorRole"] == "SELLER" and history[-1]["fromStatus"] is None
    # Clearing an optional term.
    cleared = await terms(seller, older, clearShopAdsRate=True, clearContactWhatsapp=True)
    assert (cleared["registration"]["shopAdsRateBps"], cleared["registration"]["contactWhatsapp"]) == (
        None,
        None,
    )


async def test_bad_terms_are_refused_and_change_nothing(rt, world: World, as_role) -> None:
    seller, other = await as_role("seller_a"), await as_role("seller_b")
    campaign = await make_campaign(rt, world, requirement_bps=1500)
    registration = await register_one(seller, campaign, world.products["seller_a"][0], 2000)
    before = await state(rt)
    cases = [
        ({"totalRateBps": 1000}, [error("BELOW_REQUIREMENT", "input", "totalRateBps")]),
        (
            {"totalRateBps": 9000, "sampleQuota": -1},
            [error("OUT_OF_RANGE", "input", "totalRateBps"), error("OUT_OF_RANGE", "input", "sampleQuota")],
        ),
        ({"shopAdsRateBps": 50}, [error("OUT_OF_RANGE", "input", "shopAdsRateBps")]),
        ({"contactEmail": "nope"}, [error("INVALID_FORMAT", "input", "contactEmail")]),
        (
            {"shopAdsRateBps": 300, "clearShopAdsRate": True},
            [error("INVALID_FORMAT", "input", "shopAdsRateBps")],
        ),
        ({"totalRateBps": 2000}, [{"code": "NO_CHANGE", "field": None}]),
        ({}, [{"code": "NO_CHANGE", "field": None}]),
    ]
    for fields, expected in cases:
        payload = await terms(seller, registration, **fields)
        assert payload["registration"] is None and codes_and_fields(payload["userErrors"]) == expected, fields
    assert codes_and_fields((await terms(other, registration, totalRateBps=2500))["userErrors"]) == [
        error("NOT_FOUND", "input", "id")
    ]
    bad_id = (await seller(TERMS, {"input": {"id": "nonsense", "totalRateBps": 2500}}))[
        "registrationTermsUpdate"
    ]
    assert codes_and_fields(bad_id["userErrors"]) == [error("NOT_FOUND", "input", "id")]
    assert await state(rt) == before
    # Approved: the rate can never change again (the sample quota has its own increase-only mutation).
    await approve(await as_role("agency_a"), registration)
    refused = await terms(seller, registration, totalRateBps=2500)
    assert codes_and_fields(refused["userErrors"]) == [error("INVALID_STATE", "input", "id")]


async def test_the_agency_hears_a_terms_change_live(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    registration = await register_one(seller, campaign, world.products["seller_a"][0])
    agency_id = world["agency_a"].organisation_id
    async with rt.broker.subscribe(channels.registrations_of_agency(agency_id)) as events:
        assert (await terms(seller, registration, sampleQuota=3))["userErrors"] == []
        event = await asyncio.wait_for(anext(events), 10)
    assert (event["id"], event["kind"], event["from"], event["to"]) == (
        registration,
        "TERMS",
        "PENDING",
        "PENDING",
    )
    async with rt.sessionmaker() as s:
        kinds = (
            await s.scalars(
                select(models.Notification.kind).where(
                    models.Notification.recipient_organisation_id == agency_id
                )
            )
        ).all()
    assert kinds[-1] == "REGISTRATION_TERMS_CHANGED"
    await assert_params_shown(rt)


async def test_editing_while_the_agency_approves_has_one_winner(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", 12)
    created = (await register(seller, campaign, *(item(p, 2000) for p in products)))["registrations"]
    for round_, registration in enumerate(created):
        pk = pk_of(registration["id"])
        calls = [terms(seller, pk, totalRateBps=3000), review(agency, [pk], "APPROVE")]
        if round_ % 2:
            calls.reverse()
        results = await asyncio.gather(*calls)
        edited, approved = results if round_ % 2 == 0 else results[::-1]
        approval = approved["results"][0]
        actions = await audit_actions(rt, pk)
        async with rt.sessionmaker() as s:
            row = await s.get(models.Registration, pk)
        assert row is not None and row.status is RegistrationStatus.APPROVED or approval["userErrors"] != []
        if edited["userErrors"] and not approval["userErrors"]:
            # The approval landed first: the edit is refused and the approved rate is the one the agency read.
            assert [e["code"] for e in edited["userErrors"]] in (["CONFLICT"], ["INVALID_STATE"])
            assert actions == ["registration.create", "registration.approve"] and row.total_rate_bps == 2000
        elif approval["userErrors"] and not edited["userErrors"]:
            # The edit landed first, under the approval's read: the approval is refused; still PENDING, new terms.
            assert [e["code"] for e in approval["userErrors"]] == ["CONFLICT"]
            assert actions == ["registration.create", "registration.terms_update"]
            assert row.status is RegistrationStatus.PENDING and row.total_rate_bps == 3000
        else:
            # Serialised (SQLite runs writes one at a time): the approval read the edited terms and decided them.
            assert edited["userErrors"] == [] and approval["userErrors"] == []
            assert actions == ["registration.create", "registration.terms_update", "registration.approve"]
            assert row.total_rate_bps == 3000 and row.status is RegistrationStatus.APPROVED


# --- bulk cancellation decisions -----------------------------------------------------------------------------


async def _cancellation_requests(rt, world: World, seller, agency, n: int) -> tuple[int, list[int]]:  # noqa: ANN001
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", n)
    created = [
        pk_of(r["id"])
        for r in (await register(seller, campaign, *(item(p) for p in products)))["registrations"]
    ]
    assert all(r["userErrors"] == [] for r in (await review(agency, created, "APPROVE"))["results"])
    for pk in created:
        payload = await seller(CANCEL_REQUEST, {"input": {"id": rid(pk), "reason": "Out of stock"}})
        assert payload["registrationCancellationRequest"]["userErrors"] == []
    return campaign, created


async def test_bulk_cancellation_decisions_per_item(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    _, requests = await _cancellation_requests(rt, world, seller, agency, 3)
    approved_one = await register_one(
        seller, await make_campaign(rt, world, name="Other"), world.products["seller_a"][0]
    )
    await approve(agency, approved_one)
    ids = [rid(requests[0]), rid(requests[1]), rid(requests[0]), rid(approved_one), "garbage"]
    payload = (await agency(DECIDE, {"input": {"ids": ids, "approve": True, "note": "Understood"}}))[
        "registrationCancellationsDecide"
    ]
    assert payload["userErrors"] == []
    results = payload["results"]
    assert [r["id"] for r in results] == ids
    assert [r["registration"] and r["registration"]["status"] for r in results[:2]] == ["CLOSED", "CLOSED"]
    assert [codes_and_fields(r["userErrors"]) for r in results[2:]] == [
        [error("DUPLICATE_ITEM", "input", "ids", 2)],
        [error("INVALID_STATE", "input", "ids", 3)],
        [error("NOT_FOUND", "input", "ids", 4)],
    ]
    declined = (await agency(DECIDE, {"input": {"ids": [rid(requests[2])], "approve": False}}))[
        "registrationCancellationsDecide"
    ]
    assert declined["results"][0]["registration"]["status"] == "APPROVED"
    assert await status_of(rt, requests[2]) is RegistrationStatus.APPROVED
    assert (await audit_actions(rt, requests[0]))[-1] == "registration.cancellation_approve"
    # Another agency's request is not found, and sellers cannot decide at all.
    other = await as_role("agency_b")
    foreign = (await other(DECIDE, {"input": {"ids": [rid(requests[2])], "approve": True}}))[
        "registrationCancellationsDecide"
    ]
    assert codes_and_fields(foreign["results"][0]["userErrors"]) == [error("NOT_FOUND", "input", "ids", 0)]
    assert (await seller.raw(DECIDE, {"input": {"ids": [rid(requests[2])], "approve": True}}))["errors"][0][
        "extensions"
    ]["code"] == "FORBIDDEN"


async def test_bulk_cancellation_decisions_take_one_to_a_hundred(rt, world: World, as_role) -> None:
    agency = await as_role("agency_a")
    before = await state(rt)
    payload = (await agency(DECIDE, {"input": {"ids": [], "approve": True}}))[
        "registrationCancellationsDecide"
    ]
    assert payload["results"] == [] and codes_and_fields(payload["userErrors"]) == [
        error("REQUIRED", "input", "ids")
    ]
    # Over a hundred never reaches the service: the input guard refuses the request as a whole.
    too_many = await agency.raw(DECIDE, {"input": {"ids": [rid(i) for i in range(1, 102)], "approve": True}})
    assert too_many["data"] is None and too_many["errors"][0]["extensions"]["reason"] == "TOO_MANY_ITEMS"
    long_note = (await agency(DECIDE, {"input": {"ids": [rid(1)], "approve": True, "note": "x" * 501}}))[
        "registrationCancellationsDecide"
    ]
    assert codes_and_fields(long_note["userErrors"]) == [error("OUT_OF_RANGE", "input", "note")]
    assert await state(rt) == before


async def test_two_bulk_decisions_on_one_request_have_one_winner(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    _, requests = await _cancellation_requests(rt, world, seller, agency, 6)
    for pk in requests:
        a, b = await asyncio.gather(
            agency(DECIDE, {"input": {"ids": [rid(pk)], "approve": True}}),
            agency(DECIDE, {"input": {"ids": [rid(pk)], "approve": False}}),
        )
        outcomes = [
            a["registrationCancellationsDecide"]["results"][0],
            b["registrationCancellationsDecide"]["results"][0],
        ]
        assert sorted(len(o["userErrors"]) for o in outcomes) == [0, 1]
        decisions = [x for x in await audit_actions(rt, pk) if x.startswith("registration.cancellation_")]
        assert len(decisions) == 2  # the request, and exactly one decision
        assert decisions[0] == "registration.cancellation_request"


# --- registration window errors ------------------------------------------------------------------------------


async def test_not_open_yet_and_ended_carry_their_times(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    product = world.products["seller_a"][0]
    upcoming = await make_campaign(rt, world, start=timedelta(days=1))
    ended = await make_campaign(rt, world, start=-timedelta(days=8), name="Ended")

    async def window(campaign: int) -> dict[str, Any]:
        data = await seller(
            WINDOW,
            {
                "input": {
                    "campaignId": cid(campaign),
                    "items": [item(product)],
                    "contactEmail": "shop@shop.test",
                }
            },
        )
        [only] = data["registrationCreate"]["userErrors"]
        return only

    now = rt.clock.now()
    not_yet = await window(upcoming)
    assert (not_yet["code"], not_yet["opensAt"], not_yet["endedAt"]) == (
        "REGISTRATION_NOT_OPEN_YET",
        (now + timedelta(days=1)).isoformat(),
        None,
    )
    over = await window(ended)
    assert (over["code"], over["opensAt"], over["endedAt"]) == (
        "REGISTRATION_ENDED",
        None,
        (now - timedelta(days=1)).isoformat(),
    )


# --- filters -------------------------------------------------------------------------------------------------


async def test_posted_content_and_registration_date_filters(rt, world: World, as_role, queries) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", 3)
    start = rt.clock.now()
    ids = []
    for p in products:
        ids.append(await register_one(seller, campaign, p))
        rt.clock.advance(timedelta(days=1))
    async with UnitOfWork(rt) as uow:
        uow.session.add(
            models.Content(
                creator_id=world["creator_a"].organisation_id,
                product_id=products[1],
                registration_id=ids[1],
                kind=ContentKind.VIDEO,
                url="https://video.test/1",
                posted_at=rt.clock.now(),
                created_at=rt.clock.now(),
            )
        )

    async def listed(f: dict[str, Any]) -> list[str]:
        data = await agency(
            LIST,
            {"f": {"campaignId": cid(campaign), **f}, "s": {"field": "REGISTERED_AT", "direction": "ASC"}},
        )
        return [e["node"]["id"] for e in data["registrations"]["edges"]]

    assert await listed({"hasContent": True}) == [rid(ids[1])]
    assert await listed({"hasContent": False}) == [rid(ids[0]), rid(ids[2])]
    day = timedelta(days=1)
    assert await listed({"registeredFrom": (start + day).isoformat()}) == [rid(ids[1]), rid(ids[2])]
    assert await listed({"registeredTo": (start + day).isoformat()}) == [rid(ids[0])]
    assert await listed(
        {
            "registeredFrom": (start + day).isoformat(),
            "registeredTo": (start + 2 * day).isoformat(),
            "hasContent": True,
        }
    ) == [rid(ids[1])]
    assert await listed({"registeredFrom": "2026-11-22T09:00:00"}) == [
        rid(ids[1]),
        rid(ids[2]),
    ]  # no offset: UTC
    bad = await agency.raw(
        LIST, {"f": {"registeredFrom": (start + day).isoformat(), "registeredTo": start.isoformat()}}
    )
    assert (
        bad["errors"][0]["extensions"]["code"] == "INVALID_FILTER"
        and "registeredTo" in bad["errors"][0]["message"]
    )

    async def count() -> int:
        queries.reset()
        await listed({"hasContent": False, "registeredFrom": start.isoformat()})
        return queries.count

    base = await count()
    more = await make_products(rt, world, "seller_a", 8)
    await register(seller, campaign, *(item(p) for p in more))
    assert await count() == base


async def test_a_closed_campaign_refuses_terms_edits(rt, world: World, as_role) -> None:
    """A registration's terms change only while its campaign takes changes: a closed campaign is read-only."""
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    registration = await register_one(seller, campaign, world.products["seller_a"][0])
    async with UnitOfWork(rt) as uow:
        await uow.session.execute(
            update(models.Campaign)
            .where(models.Campaign.id == campaign)
            .values(
                registration_end=rt.clock.now() + timedelta(hours=1),
                campaign_end=rt.clock.now() + timedelta(hours=1),
            )
        )
    rt.clock.advance(timedelta(hours=2))
    assert codes_and_fields((await terms(seller, registration, sampleQuota=5))["userErrors"]) == [
        error("CAMPAIGN_CLOSED", "input", "id")
    ]
