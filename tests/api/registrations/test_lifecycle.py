"""The seller's and the agency's single-registration changes (withdraw, sample quota, cancellation, bookmark),
the read-only closed campaign, the clock closing registrations, and the history both parties read."""

from __future__ import annotations

from datetime import timedelta

import graphql
import pytest

from server.services import registration_sweep, showcase_endings
from tests.api.notification_params import assert_params_shown
from tests.plugins.api import World
from tests.schema import object_types, sdl_schema

from .helpers import (
    BOOKMARK,
    CANCEL_DECIDE,
    CANCEL_REQUEST,
    HISTORY,
    NODE,
    QUOTA,
    WITHDRAW,
    approve,
    audit_actions,
    codes_and_fields,
    error,
    item,
    make_campaign,
    notifications_of,
    register,
    register_one,
    review,
    rid,
    state,
)


async def refused(rt, api, document: str, input_: dict) -> list[dict]:  # noqa: ANN001
    """Runs a single-registration mutation that must be refused; returns its errors, asserting nothing changed."""
    before = await state(rt)
    payload = next(iter((await api(document, {"input": input_})).values()))
    assert payload["registration"] is None
    assert await state(rt) == before
    return codes_and_fields(payload["userErrors"])


async def done(api, document: str, input_: dict) -> dict:  # noqa: ANN001
    payload = next(iter((await api(document, {"input": input_})).values()))
    assert payload["userErrors"] == [], payload
    return payload["registration"]


def spy_on_showcase(monkeypatch) -> list[list[int]]:  # noqa: ANN001
    """Records the registrations whose showcase entries the service asks issue 4's hook to end."""
    ended: list[list[int]] = []
    original = showcase_endings.end_entries_for_registrations

    async def spy(uow, registration_ids):  # noqa: ANN001, ANN202
        ended.append(sorted(registration_ids))
        await original(uow, registration_ids)

    monkeypatch.setattr(showcase_endings, "end_entries_for_registrations", spy)
    return ended


@pytest.fixture
async def setup(rt, world: World, as_role):  # noqa: ANN001, ANN201
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    first, second = world.products["seller_a"]
    return seller, agency, campaign, await register_one(seller, campaign, first, sampleQuota=2), second


async def test_withdraw_pending_only(rt, world: World, as_role, setup) -> None:  # noqa: ANN001
    seller, agency, campaign, registration, second = setup
    withdrawn = await done(seller, WITHDRAW, {"id": rid(registration)})
    assert withdrawn["status"] == "WITHDRAWN"
    assert await audit_actions(rt, registration) == ["registration.create", "registration.withdraw"]
    assert [n.kind for n in await notifications_of(rt, world["agency_a"].organisation_id)] == [
        "REGISTRATION_CREATED",
        "REGISTRATION_WITHDRAWN",
    ]
    assert (
        await notifications_of(rt, world["seller_a"].organisation_id) == []
    )  # not notified of its own action
    assert await refused(rt, seller, WITHDRAW, {"id": rid(registration)}) == [
        error("INVALID_STATE", "input", "id")
    ]
    approved = await register_one(seller, campaign, second)
    await approve(agency, approved)
    assert await refused(rt, seller, WITHDRAW, {"id": rid(approved)}) == [
        error("INVALID_STATE", "input", "id")
    ]
    # Another seller's registration, a missing one and a malformed id are all "not found".
    other = await as_role("seller_b")
    for id_ in (rid(approved), rid(10**9), "garbage"):
        assert await refused(rt, other, WITHDRAW, {"id": id_}) == [error("NOT_FOUND", "input", "id")]


async def test_sample_quota_only_goes_up(rt, world: World, setup) -> None:  # noqa: ANN001
    seller, agency, _campaign, registration, _ = setup
    await approve(agency, registration)
    raised = await done(seller, QUOTA, {"id": rid(registration), "sampleQuota": 5})
    assert (raised["sampleQuota"], raised["totalRateBps"], raised["status"]) == (5, 2000, "APPROVED")
    assert await refused(rt, seller, QUOTA, {"id": rid(registration), "sampleQuota": 4}) == [
        error("QUOTA_DECREASE", "input", "sampleQuota")
    ]
    assert await refused(rt, seller, QUOTA, {"id": rid(registration), "sampleQuota": -1}) == [
        error("OUT_OF_RANGE", "input", "sampleQuota")
    ]
    before = await state(rt)
    assert (await done(seller, QUOTA, {"id": rid(registration), "sampleQuota": 5}))[
        "sampleQuota"
    ] == 5  # no change
    assert await state(rt) == before
    history = (await agency(HISTORY, {"id": rid(registration)}))["node"]["history"]
    assert history[-1]["action"] == "registration.sample_quota_increase"
    assert history[-1]["changes"] == [{"field": "sampleQuota", "from": "2", "to": "5"}]
    assert (history[-1]["fromStatus"], history[-1]["toStatus"]) == (None, None)
    assert [n.kind for n in await notifications_of(rt, world["agency_a"].organisation_id)][-1] == (
        "REGISTRATION_SAMPLE_QUOTA_INCREASED"
    )
    await assert_params_shown(rt)


async def test_sample_quota_of_a_finished_registration_is_refused(rt, setup) -> None:  # noqa: ANN001
    seller, agency, _campaign, registration, _ = setup
    await review(agency, [registration], "REJECT", reason="COMMISSION_TOO_LOW")
    assert await refused(rt, seller, QUOTA, {"id": rid(registration), "sampleQuota": 9}) == [
        error("INVALID_STATE", "input", "id")
    ]


async def test_an_approved_total_rate_never_changes(rt, world: World, setup) -> None:  # noqa: ANN001
    """No mutation takes a new total rate for an existing registration, and registering the product again while
    it is approved is refused: the rate locked at approval stays."""
    seller, agency, campaign, registration, _ = setup
    await approve(agency, registration)
    mutation_inputs = [
        named
        for field in object_types(sdl_schema())["Mutation"].fields.values()
        for arg in field.args.values()
        if isinstance(named := graphql.get_named_type(arg.type), graphql.GraphQLInputObjectType)
    ]
    takes_rate = sorted(t.name for t in mutation_inputs if "totalRateBps" in t.fields and "id" in t.fields)
    # The one mutation that changes an existing registration's rate does so only while it is PENDING.
    assert takes_rate == ["RegistrationTermsUpdateInput"]
    before = await state(rt)
    refused_edit = (
        await seller(
            "mutation($i: RegistrationTermsUpdateInput!) { registrationTermsUpdate(input: $i) { userErrors { field code } } }",
            {"i": {"id": rid(registration), "totalRateBps": 3000}},
        )
    )["registrationTermsUpdate"]["userErrors"]
    assert refused_edit == [{"field": ["input", "id"], "code": "INVALID_STATE"}]
    payload = await register(seller, campaign, item(world.products["seller_a"][0], 3000))
    assert codes_and_fields(payload["results"][0]["userErrors"]) == [
        error("ALREADY_REGISTERED", "input", "items", 0, "productId")
    ]
    assert await state(rt) == before
    assert (await seller(NODE, {"id": rid(registration)}))["node"]["totalRateBps"] == 2000


async def test_cancellation_request_and_decision(rt, world: World, as_role, setup, monkeypatch) -> None:  # noqa: ANN001
    seller, agency, campaign, registration, second = setup
    ended = spy_on_showcase(monkeypatch)
    assert await refused(rt, seller, CANCEL_REQUEST, {"id": rid(registration), "reason": "Stock"}) == [
        error("INVALID_STATE", "input", "id")  # still PENDING
    ]
    await approve(agency, registration)
    for reason, code in ((None, "REQUIRED"), ("   ", "REQUIRED"), ("x" * 501, "OUT_OF_RANGE")):
        assert await refused(rt, seller, CANCEL_REQUEST, {"id": rid(registration), "reason": reason}) == [
            error(code, "input", "reason")
        ]
    rt.clock.advance(timedelta(hours=2))
    requested = await done(seller, CANCEL_REQUEST, {"id": rid(registration), "reason": "Out of stock"})
    assert (requested["status"], requested["cancellationRequestedAt"]) == (
        "PENDING_CLOSED",
        rt.clock.now().isoformat(),
    )
    # Only the agency of the campaign decides; the note is limited; only a PENDING_CLOSED one can be decided.
    other_agency = await as_role("agency_b")
    assert await refused(rt, other_agency, CANCEL_DECIDE, {"id": rid(registration), "approve": True}) == [
        error("NOT_FOUND", "input", "id")
    ]
    assert await refused(
        rt, agency, CANCEL_DECIDE, {"id": rid(registration), "approve": True, "note": "n" * 501}
    ) == [error("OUT_OF_RANGE", "input", "note")]
    declined = await done(
        agency, CANCEL_DECIDE, {"id": rid(registration), "approve": False, "note": "Please stay"}
    )
    assert (declined["status"], declined["cancellationRequestedAt"], declined["closedAt"]) == (
        "APPROVED",
        None,
        None,
    )
    assert await refused(rt, agency, CANCEL_DECIDE, {"id": rid(registration), "approve": True}) == [
        error("INVALID_STATE", "input", "id")
    ]
    await done(seller, CANCEL_REQUEST, {"id": rid(registration), "reason": "Really out of stock"})
    rt.clock.advance(timedelta(hours=1))
    assert ended == []
    closed = await done(agency, CANCEL_DECIDE, {"id": rid(registration), "approve": True})
    assert (closed["status"], closed["closedAt"]) == ("CLOSED", rt.clock.now().isoformat())
    assert ended == [[registration]]  # closing ends the product's showcase entries
    history = (await seller(HISTORY, {"id": rid(registration)}))["node"]["history"]
    assert [(e["action"], e["fromStatus"], e["toStatus"], e["reason"], e["note"]) for e in history] == [
        ("registration.create", None, "PENDING", None, None),
        ("registration.approve", "PENDING", "APPROVED", None, None),
        ("registration.cancellation_request", "APPROVED", "PENDING_CLOSED", "Out of stock", None),
        ("registration.cancellation_decline", "PENDING_CLOSED", "APPROVED", None, "Please stay"),
        ("registration.cancellation_request", "APPROVED", "PENDING_CLOSED", "Really out of stock", None),
        ("registration.cancellation_approve", "PENDING_CLOSED", "CLOSED", None, None),
    ]
    # The seller's own cancellation requests notify the agency only.
    assert [n.kind for n in await notifications_of(rt, world["seller_a"].organisation_id)] == [
        "REGISTRATION_APPROVED",
        "REGISTRATION_CANCELLATION_DECLINED",
        "REGISTRATION_CLOSED",
    ]
    await assert_params_shown(rt)


async def test_bookmarks_are_the_agencys_own(rt, world: World, as_role, setup) -> None:  # noqa: ANN001
    seller, agency, _campaign, registration, _ = setup
    for _ in range(2):  # idempotent
        assert (await done(agency, BOOKMARK, {"registrationId": rid(registration), "bookmarked": True}))[
            "bookmarked"
        ]
    assert (await state(rt))["Bookmark"] == 1
    assert (await seller(NODE, {"id": rid(registration)}))["node"]["bookmarked"] is None
    operator = await as_role("operator")
    assert (await operator(NODE, {"id": rid(registration)}))["node"]["bookmarked"] is None
    # Not a change the seller hears of.
    assert await audit_actions(rt, registration) == ["registration.create"]
    assert await notifications_of(rt, world["seller_a"].organisation_id) == []
    other_agency = await as_role("agency_b")
    assert await refused(
        rt, other_agency, BOOKMARK, {"registrationId": rid(registration), "bookmarked": True}
    ) == [error("NOT_FOUND", "input", "registrationId")]
    for _ in range(2):
        assert (await done(agency, BOOKMARK, {"registrationId": rid(registration), "bookmarked": False}))[
            "bookmarked"
        ] is False
    assert (await state(rt))["Bookmark"] == 0


async def test_a_closed_campaign_refuses_every_change(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world, registration_days=1, campaign_days=2)
    first, second = world.products["seller_a"]
    pending = await register_one(seller, campaign, first)
    approved = await register_one(seller, campaign, second)
    await approve(agency, approved)
    await done(seller, CANCEL_REQUEST, {"id": rid(approved), "reason": "Stock"})
    rt.clock.advance(timedelta(days=2))  # the campaign's end
    closed = error("CAMPAIGN_CLOSED", "input", "id")
    assert await refused(rt, seller, WITHDRAW, {"id": rid(pending)}) == [closed]
    assert await refused(rt, seller, QUOTA, {"id": rid(pending), "sampleQuota": 3}) == [closed]
    assert await refused(rt, seller, CANCEL_REQUEST, {"id": rid(pending), "reason": "x"}) == [closed]
    assert await refused(rt, agency, CANCEL_DECIDE, {"id": rid(approved), "approve": False}) == [closed]
    assert await refused(rt, agency, BOOKMARK, {"registrationId": rid(pending), "bookmarked": True}) == [
        error("CAMPAIGN_CLOSED", "input", "registrationId")
    ]
    before = await state(rt)
    payload = await review(agency, [pending], "APPROVE")
    assert codes_and_fields(payload["results"][0]["userErrors"]) == [
        error("CAMPAIGN_CLOSED", "input", "ids", 0)
    ]
    assert await state(rt) == before


async def test_registrations_close_with_their_campaign(rt, world: World, as_role, monkeypatch) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world, registration_days=1, campaign_days=2)
    first, second = world.products["seller_a"]
    pending = await register_one(seller, campaign, first)
    rejected = await register_one(seller, campaign, second)
    await review(agency, [rejected], "REJECT", reason="COMMISSION_TOO_LOW")
    ended = spy_on_showcase(monkeypatch)
    rt.clock.advance(timedelta(days=2))
    # Before the sweeper runs, every read already shows the open registration CLOSED (at the campaign's end).
    shown = (await seller(NODE, {"id": rid(pending)}))["node"]
    assert (shown["status"], shown["closedAt"]) == ("CLOSED", rt.clock.now().isoformat())
    assert (await seller(NODE, {"id": rid(rejected)}))["node"]["status"] == "REJECTED"
    assert await registration_sweep.close_registrations_of_ended_campaigns(rt) == 1
    assert ended == [[pending]]
    assert await audit_actions(rt, pending) == ["registration.create", "registration.close"]
    history = (await agency(HISTORY, {"id": rid(pending)}))["node"]["history"]
    assert (history[-1]["actorName"], history[-1]["actorRole"], history[-1]["reason"]) == (
        None,
        None,
        "The campaign ended",
    )
    assert [n.kind for n in await notifications_of(rt, world["seller_a"].organisation_id)][
        -1
    ] == "REGISTRATION_CLOSED"
    rt.clock.advance(timedelta(days=1))
    shown = (await seller(NODE, {"id": rid(pending)}))["node"]
    assert shown["closedAt"] == (rt.clock.now() - timedelta(days=1)).isoformat()
    assert await registration_sweep.close_registrations_of_ended_campaigns(rt) == 0
    await assert_params_shown(rt)


async def test_history_is_for_the_agency_and_that_seller(rt, world: World, as_role, setup) -> None:  # noqa: ANN001
    seller, agency, _campaign, registration, _ = setup
    await approve(agency, registration)
    for key in ("agency_a", "seller_a", "operator"):
        history = (await (await as_role(key))(HISTORY, {"id": rid(registration)}))["node"]["history"]
        assert [e["action"] for e in history] == ["registration.create", "registration.approve"], key
        assert history[0]["changes"] == [
            {"field": "status", "from": None, "to": "PENDING"},
            {"field": "totalRateBps", "from": None, "to": "2000"},
            {"field": "sampleQuota", "from": None, "to": "2"},
        ]
    for key in ("seller_b", "agency_b"):
        assert (await (await as_role(key))(HISTORY, {"id": rid(registration)}))["node"] is None, key
