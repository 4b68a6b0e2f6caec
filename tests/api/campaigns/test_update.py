"""campaignUpdate, campaignPublish and campaignPendingChangeCancel: edits apply at once before the first publish;
after it they wait 30 minutes as the one pending change, readable next to the effective values; start times
change only before the start, end times until the end, nothing after it."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from server import models
from server.ids import decode_id, encode_id
from server.services.campaign_rules import EDIT_DELAY
from tests.api.notification_params import assert_params_shown

from .support import (
    CAMPAIGN,
    CANCEL,
    PUBLISH,
    create_campaign,
    database_state,
    errors,
    iso,
    publish,
    update,
)


async def audit_actions(rt) -> list[str]:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return list((await s.scalars(select(models.AuditEvent.action).order_by(models.AuditEvent.id))).all())


async def test_before_the_first_publish_an_edit_applies_at_once(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    clock.advance(timedelta(minutes=5))
    payload = await update(
        api,
        campaign["id"],
        name="Serum fortnight",
        targeting={"mode": "SELECTED", "shopCodes": ["thshopaaa1"]},
    )
    assert payload["userErrors"] == [] and payload["appliedNow"] is True and payload["pendingChange"] is None
    assert payload["campaign"]["name"] == "Serum fortnight"
    assert payload["campaign"]["targetShopCodes"] == ["THSHOPAAA1"]
    assert payload["campaign"]["updatedAt"] == iso(clock.now())
    read = (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]
    assert (
        read["name"] == "Serum fortnight"
        and read["targetingMode"] == "SELECTED"
        and read["pendingChange"] is None
    )
    assert await audit_actions(rt) == ["campaign.create", "campaign.update"]


async def test_after_publishing_an_edit_waits_30_minutes_and_applies_on_read(
    rt, world, as_role, clock
) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    published = await publish(api, campaign["id"])
    assert published["firstPublishedAt"] == iso(clock.now())
    new_end = clock.now() + timedelta(days=12)
    payload = await update(api, campaign["id"], name="Serum fortnight", campaignEnd=iso(new_end))
    applies_at = clock.now() + EDIT_DELAY
    assert payload["userErrors"] == [] and payload["appliedNow"] is False
    assert payload["pendingChange"] == {
        "appliesAt": iso(applies_at),
        "changedFields": ["name", "campaignEnd"],
    }
    assert payload["campaign"]["name"] == "Serum week"  # still the effective value

    # Both the effective and the pending values are readable; editing reopens when the change applies.
    read = (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]
    assert read["name"] == "Serum week" and read["campaignEnd"] == campaign["campaignEnd"]
    assert read["editableAt"] == iso(applies_at)
    pending = read["pendingChange"]
    assert pending["appliesAt"] == iso(applies_at) and pending["requestedAt"] == iso(clock.now())
    assert pending["requestedBy"] == {"fullName": "Agency_A Person"}
    assert pending["values"]["name"] == "Serum fortnight" and pending["values"]["campaignEnd"] == iso(new_end)
    assert pending["values"]["description"] is None and pending["values"]["contact"] is None

    # A further edit is refused, saying when editing reopens; nothing changes.
    clock.advance(EDIT_DELAY - timedelta(seconds=1))
    before = await database_state(rt)
    refused = await update(api, campaign["id"], description="Other")
    assert errors(refused) == [("CHANGE_PENDING", None)]
    assert refused["userErrors"][0]["editableAt"] == iso(applies_at)
    assert await database_state(rt) == before
    assert (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]["name"] == "Serum week"

    # At +30 minutes a read shows the new values: the change was applied, exactly once.
    clock.advance(timedelta(seconds=1))
    read = (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]
    assert read["name"] == "Serum fortnight" and read["campaignEnd"] == iso(new_end)
    assert (
        read["pendingChange"] is None and read["editableAt"] is None and read["updatedAt"] == iso(applies_at)
    )
    await api(CAMPAIGN, {"id": campaign["id"]})
    assert await audit_actions(rt) == [
        "campaign.create",
        "campaign.publish",
        "campaign.change.request",
        "campaign.change.apply",
    ]
    async with rt.sessionmaker() as s:
        notes = (
            await s.scalars(
                select(models.Notification).where(models.Notification.kind == "CAMPAIGN_CHANGE_APPLIED")
            )
        ).all()
        change = await s.scalar(select(models.CampaignPendingChange))
    assert [(n.recipient_organisation_id, n.subject_type, n.subject_id) for n in notes] == [
        (world["agency_a"].organisation_id, "Campaign", change.campaign_id)
    ]
    assert change.status.value == "APPLIED"

    # Editing is open again.
    again = await update(api, campaign["id"], description="Serums, again.")
    assert again["userErrors"] == [] and again["appliedNow"] is False
    await assert_params_shown(rt)


async def test_pending_contact_and_targeting_values_are_readable_then_applied(
    rt, world, as_role, clock
) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    await publish(api, campaign["id"])
    contact = {"email": "deals@agency.test", "phone": None, "messenger": "LINE", "messengerHandle": "@deals"}
    payload = await update(
        api,
        campaign["id"],
        contact=contact,
        commissionRequirementBps=1500,
        targeting={"mode": "SELECTED", "shopCodes": ["THSHOPBBB2"], "sellerType": "LOCAL"},
    )
    assert payload["pendingChange"]["changedFields"] == [
        "commissionRequirementBps",
        "contact",
        "targetingMode",
        "targetSellerType",
        "targetShopCodes",
    ]
    values = (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]["pendingChange"]["values"]
    assert {k: v for k, v in values.items() if v is not None} == {
        "commissionRequirementBps": 1500,
        "contact": contact,
        "targetingMode": "SELECTED",
        "targetSellerType": "LOCAL",
        "targetShopCodes": ["THSHOPBBB2"],
    }
    clock.advance(EDIT_DELAY)
    read = (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]
    assert (read["contact"], read["commissionRequirementBps"]) == (contact, 1500)
    assert (read["targetingMode"], read["targetSellerType"], read["targetShopCodes"]) == (
        "SELECTED",
        "LOCAL",
        ["THSHOPBBB2"],
    )
    # And back to open: the target shops go.
    await update(api, campaign["id"], targeting={"mode": "OPEN"})
    clock.advance(EDIT_DELAY)
    read = (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]
    assert (read["targetingMode"], read["targetSellerType"], read["targetShopCodes"]) == ("OPEN", None, [])


async def test_the_list_and_node_also_show_the_applied_values(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    await publish(api, campaign["id"])
    await update(api, campaign["id"], name="Renamed")
    clock.advance(EDIT_DELAY)
    listed = await api("{ campaigns { edges { node { name pendingChange { appliesAt } } } } }")
    assert listed["campaigns"]["edges"] == [{"node": {"name": "Renamed", "pendingChange": None}}]

    await update(api, campaign["id"], name="Renamed again")
    clock.advance(EDIT_DELAY)
    node = await api("query($id: ID!) { node(id: $id) { ... on Campaign { name } } }", {"id": campaign["id"]})
    assert node["node"] == {"name": "Renamed again"}


async def test_a_pending_change_can_be_cancelled_before_it_applies(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    await publish(api, campaign["id"])
    await update(api, campaign["id"], name="Never")
    clock.advance(timedelta(minutes=10))
    payload = (await api(CANCEL, {"i": {"campaignId": campaign["id"]}}))["campaignPendingChangeCancel"]
    assert payload == {
        "campaign": {"id": campaign["id"], "name": "Serum week", "pendingChange": None, "editableAt": None},
        "userErrors": [],
    }
    clock.advance(EDIT_DELAY)
    assert (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]["name"] == "Serum week"
    assert (await audit_actions(rt))[-1] == "campaign.change.cancel"

    before = await database_state(rt)
    again = (await api(CANCEL, {"i": {"campaignId": campaign["id"]}}))["campaignPendingChangeCancel"]
    assert errors(again) == [("NO_PENDING_CHANGE", ["input", "campaignId"])]
    assert await database_state(rt) == before
    # Editing is open again at once.
    assert (await update(api, campaign["id"], name="Now"))["userErrors"] == []


async def test_a_change_that_is_due_can_no_longer_be_cancelled(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    await publish(api, campaign["id"])
    await update(api, campaign["id"], name="Applied")
    clock.advance(EDIT_DELAY)
    payload = (await api(CANCEL, {"i": {"campaignId": campaign["id"]}}))["campaignPendingChangeCancel"]
    assert errors(payload) == [("NO_PENDING_CHANGE", ["input", "campaignId"])]
    assert (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]["name"] == "Applied"


async def test_nothing_differs_is_no_change(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    before = await database_state(rt)
    payload = await update(
        api,
        campaign["id"],
        name=" Serum week ",
        commissionRequirementBps=1000,
        campaignStart=campaign["campaignStart"],
        targeting={"mode": "OPEN"},
    )
    assert errors(payload) == [("NO_CHANGE", None)]
    assert payload["campaign"] is None and payload["appliedNow"] is None
    assert await database_state(rt) == before


async def test_update_input_errors_have_the_paths_of_the_input(rt, http, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    before = await database_state(rt)
    payload = await update(
        api,
        campaign["id"],
        name="",
        contact={"email": "hello-a@agency.test", "messenger": "LINE"},
        targeting={"mode": "SELECTED", "shopCodes": ["THSHOPAAA1", "THNOPE0001", "THSHOPBBB2", "no"]},
    )
    assert errors(payload) == [
        ("REQUIRED", ["input", "name"]),
        ("REQUIRED", ["input", "contact", "messengerHandle"]),
        ("INVALID_FORMAT", ["input", "targeting", "shopCodes", "3"]),
        ("UNKNOWN_SHOP_CODES", ["input", "targeting", "shopCodes"]),
    ]
    assert payload["userErrors"][3]["unknownShopCodes"] == ["THNOPE0001"]
    assert await database_state(rt) == before


async def test_a_rule_between_fields_blames_the_field_that_was_sent(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    registration_end = campaign["registrationEnd"]
    payload = await update(api, campaign["id"], campaignEnd=iso(clock.now() + timedelta(days=2)))
    assert errors(payload) == [("INVALID_PERIOD", ["input", "campaignEnd"])]
    payload = await update(api, campaign["id"], campaignStart=iso(clock.now() + timedelta(days=2)))
    assert errors(payload) == [
        ("INVALID_PERIOD", ["input", "campaignStart"])
    ]  # registration start differs now
    payload = await update(api, campaign["id"], campaignEnd=iso(clock.now() + timedelta(days=400)))
    assert errors(payload) == [("PERIOD_TOO_LONG", ["input", "campaignEnd"])]
    assert (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]["registrationEnd"] == registration_end


async def test_another_agencys_campaign_is_not_found(rt, world, as_role, clock) -> None:
    mine = await as_role("agency_a")
    other = await as_role("agency_b")
    campaign = await create_campaign(mine, clock.now())
    before = await database_state(rt)
    assert errors(await update(other, campaign["id"], name="Mine now")) == [("NOT_FOUND", ["input", "id"])]
    published = (await other(PUBLISH, {"i": {"id": campaign["id"], "published": True}}))["campaignPublish"]
    assert errors(published) == [("NOT_FOUND", ["input", "id"])]
    cancel = (await other(CANCEL, {"i": {"campaignId": campaign["id"]}}))["campaignPendingChangeCancel"]
    assert errors(cancel) == [("NOT_FOUND", ["input", "campaignId"])]
    missing = encode_id("Campaign", 999999)
    assert errors(await update(mine, missing, name="x")) == [("NOT_FOUND", ["input", "id"])]
    assert await database_state(rt) == before


async def test_start_times_change_only_before_the_start(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())  # starts in a day
    await publish(api, campaign["id"])
    start = clock.now() + timedelta(days=1)

    # UPCOMING, more than 30 minutes before the start: the start may move (to after the change applies).
    later = iso(start + timedelta(days=1))
    moved = await update(api, campaign["id"], registrationStart=later, campaignStart=later)
    assert moved["userErrors"] == [] and moved["appliedNow"] is False
    await api(CANCEL, {"i": {"campaignId": campaign["id"]}})
    too_soon = iso(clock.now() + timedelta(minutes=20))
    refused = await update(api, campaign["id"], registrationStart=too_soon, campaignStart=too_soon)
    assert errors(refused) == [("START_IN_PAST", ["input", "campaignStart"])]

    # Less than 30 minutes before the start, the change would apply after it: refused.
    clock.set(start - timedelta(minutes=29))
    refused = await update(api, campaign["id"], registrationStart=later, campaignStart=later)
    assert errors(refused) == [("NOT_EDITABLE", ["input", "campaignStart"])]

    # ONGOING: the start is fixed; the end can still move.
    clock.set(start + timedelta(hours=1))
    before = await database_state(rt)
    refused = await update(api, campaign["id"], registrationStart=later, campaignStart=later)
    assert errors(refused) == [("NOT_EDITABLE", ["input", "campaignStart"])]
    assert await database_state(rt) == before
    end = iso(start + timedelta(days=20))
    extended = await update(api, campaign["id"], campaignEnd=end, registrationEnd=end)
    assert extended["userErrors"] == [] and extended["pendingChange"]["changedFields"] == [
        "registrationEnd",
        "campaignEnd",
    ]


async def test_an_unpublished_campaign_past_its_start_can_move_its_start(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    clock.advance(timedelta(days=2))  # never published: READY, its start has passed
    start = iso(clock.now() + timedelta(days=1))
    payload = await update(api, campaign["id"], registrationStart=start, campaignStart=start)
    assert payload["userErrors"] == [] and payload["appliedNow"] is True
    assert payload["campaign"]["campaignStart"] == start


async def test_ends_cannot_move_into_the_past_nor_change_in_the_last_30_minutes(
    rt, world, as_role, clock
) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    await publish(api, campaign["id"])
    start = clock.now() + timedelta(days=1)
    clock.set(start + timedelta(days=2))  # ONGOING, registration open until start + 5 days
    soon = iso(clock.now() + timedelta(minutes=10))
    refused = await update(api, campaign["id"], registrationEnd=soon)
    assert errors(refused) == [("INVALID_PERIOD", ["input", "registrationEnd"])]
    clock.set(start + timedelta(days=10) - timedelta(minutes=20))  # the campaign ends in 20 minutes
    refused = await update(api, campaign["id"], description="Last call")
    assert errors(refused) == [("NOT_EDITABLE", None)]


async def test_nothing_changes_after_close(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    await publish(api, campaign["id"])
    clock.advance(timedelta(days=11))  # past the campaign end
    before = await database_state(rt)
    assert errors(await update(api, campaign["id"], name="Late")) == [("CLOSED", None)]
    for published in (False, True):
        payload = (await api(PUBLISH, {"i": {"id": campaign["id"], "published": published}}))[
            "campaignPublish"
        ]
        assert errors(payload) == [("CLOSED", None)]
    assert await database_state(rt) == before
    read = (await api(CAMPAIGN, {"id": campaign["id"]}))["campaign"]
    assert read["status"] == "CLOSED" and read["editableAt"] is None


async def test_publish_toggles_and_first_published_at_is_set_once(rt, world, as_role, clock) -> None:
    api = await as_role("agency_a")
    campaign = await create_campaign(api, clock.now())
    first = clock.now()
    assert (await publish(api, campaign["id"]))["status"] == "UPCOMING"
    clock.advance(timedelta(minutes=1))
    again = await publish(api, campaign["id"])  # already published: nothing to do
    assert again["firstPublishedAt"] == iso(first)
    hidden = await publish(api, campaign["id"], False)
    assert hidden == {
        "id": campaign["id"],
        "published": False,
        "firstPublishedAt": iso(first),
        "status": "READY",
    }
    clock.advance(timedelta(minutes=1))
    shown = await publish(api, campaign["id"])
    assert shown["firstPublishedAt"] == iso(first)
    assert await audit_actions(rt) == [
        "campaign.create",
        "campaign.publish",
        "campaign.unpublish",
        "campaign.publish",
    ]
    # Unpublished after the first publish, an edit still waits its 30 minutes.
    await publish(api, campaign["id"], False)
    assert (await update(api, campaign["id"], name="Hidden edit"))["appliedNow"] is False


async def test_concurrent_edits_one_wins_the_other_is_refused(rt, world, as_role, clock) -> None:
    """Both edits read the same version; the one that bumps it first wins, the other gets CONFLICT (or, when it
    read after the winner committed, CHANGE_PENDING). Never two pending changes."""
    api = await as_role("agency_a")
    refusals = []
    for _ in range(5):
        campaign = await create_campaign(api, clock.now())
        await publish(api, campaign["id"])
        results = await asyncio.gather(
            update(api, campaign["id"], name="First"), update(api, campaign["id"], name="Second")
        )
        outcomes = sorted("ok" if not r["userErrors"] else r["userErrors"][0]["code"] for r in results)
        assert outcomes[1] == "ok" and outcomes[0] in ("CONFLICT", "CHANGE_PENDING"), results
        refusals.append(outcomes[0])
        async with rt.sessionmaker() as s:
            pending = (
                await s.scalars(
                    select(models.CampaignPendingChange).where(
                        models.CampaignPendingChange.campaign_id == decode_id(campaign["id"], "Campaign")
                    )
                )
            ).all()
        assert len(pending) == 1
    if rt.settings.is_sqlite:
        # Units of work run one at a time there (BEGIN IMMEDIATE): the loser always reads the winner's change.
        assert set(refusals) == {"CHANGE_PENDING"}
    else:
        assert "CONFLICT" in refusals  # the optimistic version check is what refused at least one
