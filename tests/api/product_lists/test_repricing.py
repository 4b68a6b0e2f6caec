"""Re-pricing reaches creators who already have the product: a raise at once, a cut after the 30-day lock
(notified now and two days before). Tested with the moving clock and the sweeper functions."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from server import models
from server.models.enums import ShowcaseStatus
from server.services import showcase_rates
from tests.api.notification_params import assert_params_shown
from tests.plugins.api import Api, login_token

from .conftest import ITEMS_SET, add_showcase_entry, create_list, item, row

NOTIFICATIONS = "{ notifications(first: 50) { edges { node { kind title body subjectId } } } }"


async def _list_with_entries(rt, world, setup, api) -> tuple[dict, int, int, int]:  # noqa: ANN001
    """A list with seller A's product 0 (total 20 %) at 12 %, in both creators' showcases; one entry ENDED."""
    created = await create_list(api, setup.campaign, items=[item(setup.approved[0], 1200)])
    async with rt.sessionmaker() as session:
        item_id = await session.scalar(select(models.ProductListItem.id))
    a = await add_showcase_entry(rt, creator_id=world["creator_a"].organisation_id, item_id=item_id)
    b = await add_showcase_entry(rt, creator_id=world["creator_b"].organisation_id, item_id=item_id)
    ended = await add_showcase_entry(
        rt, creator_id=world["creator_b"].organisation_id, item_id=item_id, status=ShowcaseStatus.ENDED
    )
    return created, a, b, ended


async def _reprice(api, list_id: str, registration_id: int, rate: int) -> dict:  # noqa: ANN001
    payload = (await api(ITEMS_SET, {"i": {"listId": list_id, "set": [item(registration_id, rate)]}}))[
        "productListItemsSet"
    ]
    assert payload["userErrors"] == [], payload
    return payload["productList"]


async def _kinds(rt, creator_id: int) -> list[str]:  # noqa: ANN001
    """The creator's rate notifications, newest first (read from the table: the clock outruns the sessions)."""
    async with rt.sessionmaker() as session:
        return list(
            (
                await session.scalars(
                    select(models.Notification.kind)
                    .where(
                        models.Notification.recipient_organisation_id == creator_id,
                        models.Notification.kind.startswith("SHOWCASE_RATE"),
                    )
                    .order_by(models.Notification.id.desc())
                )
            ).all()
        )


async def test_an_increase_applies_at_once(rt, world, setup, as_role) -> None:
    agency = await as_role("agency_a")
    created, a, b, ended = await _list_with_entries(rt, world, setup, agency)
    listed = await _reprice(agency, created["id"], setup.approved[0], 1500)
    assert listed["items"]["edges"][0]["node"]["creatorRateBps"] == 1500  # what new adds get
    assert listed["items"]["edges"][0]["node"]["creatorCount"] == 2
    for entry in (a, b):
        current = await row(rt, models.ShowcaseEntry, entry)
        assert (current.creator_rate_bps, current.pending_rate_bps) == (1500, None)
    assert (await row(rt, models.ShowcaseEntry, ended)).creator_rate_bps == 1200  # ended entries are history
    creator = await as_role("creator_a")
    [notice] = [
        e["node"]
        for e in (await creator(NOTIFICATIONS))["notifications"]["edges"]
        if e["node"]["kind"] == "SHOWCASE_RATE_INCREASED"
    ]
    assert "from 12% to 15%" in notice["body"] and "Shop A Serum 0 (Serum week · Agency A)" in notice["body"]
    assert "20%" not in notice["body"]  # never the seller's total
    await assert_params_shown(rt)


async def test_a_decrease_waits_30_days_with_notices_now_and_two_days_before(
    rt, clock, world, setup, as_role
) -> None:
    agency = await as_role("agency_a")
    created, a, b, _ = await _list_with_entries(rt, world, setup, agency)
    decided = clock.now()
    listed = await _reprice(agency, created["id"], setup.approved[0], 800)
    assert listed["items"]["edges"][0]["node"]["creatorRateBps"] == 800  # new adds get the lower rate at once
    for entry in (a, b):
        current = await row(rt, models.ShowcaseEntry, entry)
        assert current.creator_rate_bps == 1200
        assert (current.pending_rate_bps, current.pending_rate_effective_at) == (
            800,
            decided + timedelta(days=30),
        )
    creator_a, creator_b = world["creator_a"].organisation_id, world["creator_b"].organisation_id
    assert await _kinds(rt, creator_a) == ["SHOWCASE_RATE_DECREASE_SCHEDULED"]
    assert await _kinds(rt, creator_b) == ["SHOWCASE_RATE_DECREASE_SCHEDULED"]

    clock.advance(timedelta(days=27, hours=23))  # more than two days ahead: no reminder yet
    assert await showcase_rates.notify_upcoming_rate_decreases(rt) == 0
    assert await showcase_rates.apply_due_rate_decreases(rt) == 0
    clock.advance(timedelta(hours=2))  # inside the last two days
    # Two sweepers at once (several processes): each creator is reminded exactly once.
    sent = await asyncio.gather(*(showcase_rates.notify_upcoming_rate_decreases(rt) for _ in range(3)))
    assert sum(sent) == 2
    assert await showcase_rates.notify_upcoming_rate_decreases(rt) == 0
    assert await _kinds(rt, creator_a) == [
        "SHOWCASE_RATE_DECREASE_REMINDER",
        "SHOWCASE_RATE_DECREASE_SCHEDULED",
    ]
    assert (await row(rt, models.ShowcaseEntry, a)).creator_rate_bps == 1200

    clock.set(decided + timedelta(days=30) - timedelta(seconds=1))
    assert await showcase_rates.apply_due_rate_decreases(rt) == 0
    clock.set(decided + timedelta(days=30))
    applied = await asyncio.gather(*(showcase_rates.apply_due_rate_decreases(rt) for _ in range(3)))
    assert sum(applied) == 2  # exactly once per entry
    for entry in (a, b):
        current = await row(rt, models.ShowcaseEntry, entry)
        assert (current.creator_rate_bps, current.pending_rate_bps, current.pending_rate_effective_at) == (
            800,
            None,
            None,
        )
    assert await showcase_rates.apply_due_rate_decreases(rt) == 0
    assert await showcase_rates.notify_upcoming_rate_decreases(rt) == 0
    async with rt.sessionmaker() as session:
        applied_events = (
            await session.scalars(
                select(models.AuditEvent).where(models.AuditEvent.action == showcase_rates.APPLIED_ACTION)
            )
        ).all()
    assert sorted(e.subject_id for e in applied_events) == sorted([a, b])
    assert all(e.changes == {"creatorRateBps": [1200, 800]} for e in applied_events)
    await assert_params_shown(rt)


async def test_a_new_decrease_restarts_the_lock_and_is_reminded_again(
    rt, clock, http, world, setup, as_role
) -> None:
    agency = await as_role("agency_a")
    created, a, _, _ = await _list_with_entries(rt, world, setup, agency)
    await _reprice(agency, created["id"], setup.approved[0], 1000)
    clock.advance(timedelta(days=29))
    assert await showcase_rates.notify_upcoming_rate_decreases(rt) == 2
    decided = clock.now()
    agency = Api(http, await login_token(http, world["agency_a"].email))  # the first session has expired
    await _reprice(agency, created["id"], setup.approved[0], 900)  # a deeper cut: 30 days from now
    current = await row(rt, models.ShowcaseEntry, a)
    assert (current.creator_rate_bps, current.pending_rate_bps) == (1200, 900)
    assert current.pending_rate_effective_at == decided + timedelta(days=30)
    clock.advance(timedelta(days=2))  # the first decrease's date passes: nothing applies
    assert await showcase_rates.apply_due_rate_decreases(rt) == 0
    clock.set(decided + timedelta(days=28, hours=1))
    assert await showcase_rates.notify_upcoming_rate_decreases(rt) == 2  # reminded for the new date too
    assert await showcase_rates.notify_upcoming_rate_decreases(rt) == 0
    clock.set(decided + timedelta(days=30))
    assert await showcase_rates.apply_due_rate_decreases(rt) == 2
    assert (await row(rt, models.ShowcaseEntry, a)).creator_rate_bps == 900


async def test_going_back_up_cancels_a_pending_decrease(rt, clock, world, setup, as_role) -> None:
    agency = await as_role("agency_a")
    created, a, _, _ = await _list_with_entries(rt, world, setup, agency)
    await _reprice(agency, created["id"], setup.approved[0], 1000)
    clock.advance(timedelta(days=3))
    await _reprice(agency, created["id"], setup.approved[0], 1200)
    current = await row(rt, models.ShowcaseEntry, a)
    assert (current.creator_rate_bps, current.pending_rate_bps, current.pending_rate_effective_at) == (
        1200,
        None,
        None,
    )
    assert await _kinds(rt, world["creator_a"].organisation_id) == [
        "SHOWCASE_RATE_DECREASE_CANCELLED",
        "SHOWCASE_RATE_DECREASE_SCHEDULED",
    ]
    clock.advance(timedelta(days=30))
    assert await showcase_rates.apply_due_rate_decreases(rt) == 0
    assert (await row(rt, models.ShowcaseEntry, a)).creator_rate_bps == 1200
    await assert_params_shown(rt)
