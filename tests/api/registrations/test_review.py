"""registrationReview: approve / reject / reject forever, 1-100 per call, each item on its own; another agency's
registrations do not exist for the reviewer."""

from __future__ import annotations

from datetime import timedelta

from tests.plugins.api import World

from .helpers import (
    HISTORY,
    NODE,
    audit_actions,
    codes_and_fields,
    error,
    item,
    make_campaign,
    make_products,
    notifications_of,
    register,
    register_one,
    review,
    rid,
    state,
)


async def test_approve(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    registration = await register_one(seller, campaign, world.products["seller_a"][0])
    rt.clock.advance(timedelta(hours=1))
    payload = await review(agency, [registration], "APPROVE", note="Welcome aboard")
    assert payload["userErrors"] == []
    [result] = payload["results"]
    assert result["id"] == rid(registration) and result["userErrors"] == []
    decided = result["registration"]
    assert (decided["status"], decided["decidedAt"], decided["rejectReason"], decided["rejectNote"]) == (
        "APPROVED",
        rt.clock.now().isoformat(),
        None,
        None,
    )
    assert decided["bookmarked"] is False  # the agency sees its own bookmarks
    assert await audit_actions(rt, registration) == ["registration.create", "registration.approve"]
    [seller_note] = await notifications_of(rt, world["seller_a"].organisation_id)
    assert (seller_note.kind, seller_note.title, seller_note.body, seller_note.subject_type) == (
        "REGISTRATION_APPROVED",
        "Registration approved",
        "Shop A Serum 0 in Serum week.",
        "Registration",
    )
    agency_kinds = [n.kind for n in await notifications_of(rt, world["agency_a"].organisation_id)]
    assert agency_kinds == ["REGISTRATION_CREATED"]  # the agency is not notified of its own approval


async def test_reject_and_reject_forever_carry_reason_and_note(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    first = await register_one(seller, campaign, world.products["seller_a"][0])
    second = await register_one(seller, campaign, world.products["seller_a"][1])
    payload = await review(
        agency, [first], "REJECT", reason="PRODUCT_TOO_EXPENSIVE", note="  Price it lower.  "
    )
    rejected = payload["results"][0]["registration"]
    assert (rejected["status"], rejected["rejectReason"], rejected["rejectNote"]) == (
        "REJECTED",
        "PRODUCT_TOO_EXPENSIVE",
        "Price it lower.",
    )
    payload = await review(agency, [second], "REJECT_FOREVER", reason="NO_SUITABLE_CREATOR")
    forever = payload["results"][0]["registration"]
    assert (forever["status"], forever["rejectReason"], forever["rejectNote"]) == (
        "REJECT_FOREVER",
        "NO_SUITABLE_CREATOR",
        None,
    )
    # The seller reads why.
    seen = (await seller(NODE, {"id": rid(first)}))["node"]
    assert (seen["rejectReason"], seen["rejectNote"], seen["bookmarked"]) == (
        "PRODUCT_TOO_EXPENSIVE",
        "Price it lower.",
        None,
    )
    history = (await seller(HISTORY, {"id": rid(first)}))["node"]["history"]
    assert [
        (e["action"], e["actorName"], e["actorRole"], e["fromStatus"], e["toStatus"], e["reason"], e["note"])
        for e in history
    ] == [
        ("registration.create", "Shop A", "SELLER", None, "PENDING", None, None),
        (
            "registration.reject",
            "Agency A",
            "AGENCY",
            "PENDING",
            "REJECTED",
            "PRODUCT_TOO_EXPENSIVE",
            "Price it lower.",
        ),
    ]
    kinds = [n.kind for n in await notifications_of(rt, world["seller_a"].organisation_id)]
    assert kinds == ["REGISTRATION_REJECTED", "REGISTRATION_REJECT_FOREVER"]


async def test_whole_call_rules(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    registration = await register_one(seller, campaign, world.products["seller_a"][0])
    cases = [
        (([], "APPROVE", None, None), error("REQUIRED", "input", "ids")),
        (([registration] * 101, "APPROVE", None, None), error("TOO_MANY", "input", "ids")),
        (([registration], "REJECT", None, None), error("REQUIRED", "input", "reason")),
        (([registration], "REJECT_FOREVER", None, "no"), error("REQUIRED", "input", "reason")),
        (([registration], "APPROVE", None, "x" * 501), error("OUT_OF_RANGE", "input", "note")),
    ]
    before = await state(rt)
    for args, expected in cases:
        payload = await review(agency, *args)
        assert (payload["results"], codes_and_fields(payload["userErrors"])) == ([], [expected]), args
    assert await state(rt) == before
    payload = await review(agency, [registration], "REJECT", reason="COMMISSION_TOO_LOW", note="x" * 500)
    assert payload["results"][0]["registration"]["rejectNote"] == "x" * 500


async def test_each_item_on_its_own(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    other_seller, other_agency = await as_role("seller_b"), await as_role("agency_b")
    campaign = await make_campaign(rt, world)
    ending = await make_campaign(rt, world, campaign_days=1, registration_days=1, name="Short")
    theirs = await make_campaign(rt, world, "agency_b", name="Theirs")
    products = await make_products(rt, world, "seller_a", 4)
    pending = await register_one(seller, campaign, products[0])
    approved = await register_one(seller, campaign, products[1])
    await review(agency, [approved], "APPROVE")
    of_other_agency = await register_one(other_seller, theirs, world.products["seller_b"][0])
    in_ended = await register_one(seller, ending, products[2])
    rt.clock.advance(timedelta(days=1))
    payload = await review(
        agency,
        [pending, of_other_agency, approved, pending, "not-an-id", rid(10**9), in_ended],
        "REJECT",
        reason="COMMISSION_TOO_LOW",
        note="Too low",
    )
    assert payload["userErrors"] == []
    results = payload["results"]
    assert [r["id"] for r in results][:4] == [rid(pending), rid(of_other_agency), rid(approved), rid(pending)]
    assert [codes_and_fields(r["userErrors"]) for r in results] == [
        [],
        [error("NOT_FOUND", "input", "ids", 1)],
        [error("INVALID_STATE", "input", "ids", 2)],
        [error("DUPLICATE_ITEM", "input", "ids", 3)],
        [error("NOT_FOUND", "input", "ids", 4)],
        [error("NOT_FOUND", "input", "ids", 5)],
        [error("CAMPAIGN_CLOSED", "input", "ids", 6)],
    ]
    # Another agency's registration and one that does not exist read the same.
    assert results[1]["userErrors"][0]["message"] == results[5]["userErrors"][0]["message"]
    assert results[0]["registration"]["status"] == "REJECTED"
    assert [r["registration"] for r in results[1:]] == [None] * 6
    assert await audit_actions(rt, of_other_agency) == ["registration.create"]
    assert await audit_actions(rt, approved) == ["registration.create", "registration.approve"]
    # The other agency sees its registration untouched; the reviewer cannot even read it.
    assert (await other_agency(NODE, {"id": rid(of_other_agency)}))["node"]["status"] == "PENDING"
    assert (await agency(NODE, {"id": rid(of_other_agency)}))["node"] is None


async def test_a_batch_of_a_hundred_is_one_notification_per_party(rt, world: World, as_role) -> None:
    seller, agency = await as_role("seller_a"), await as_role("agency_a")
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", 100)
    created = (await register(seller, campaign, *(item(p) for p in products)))["registrations"]
    payload = await review(agency, [r["id"] for r in created], "APPROVE")
    assert [r["registration"]["status"] for r in payload["results"]] == ["APPROVED"] * 100
    [note] = await notifications_of(rt, world["seller_a"].organisation_id)
    assert (note.kind, note.title, note.subject_type, len(note.data["registrationIds"])) == (
        "REGISTRATION_APPROVED",
        "100 registrations approved",
        "Campaign",
        100,
    )
