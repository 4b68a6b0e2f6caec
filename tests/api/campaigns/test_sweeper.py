"""Pending changes apply at their time from the sweeper too: exactly once, with several sweepers at once; a failing
job never stops the loop; the app starts and stops the sweeper."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from sqlalchemy import func, select

from server import models
from server.app import create_app
from server.models.enums import PendingChangeStatus
from server.runtime import Runtime
from server.services import campaigns
from server.services.campaign_rules import EDIT_DELAY
from server.services.sweeper import JOBS, Sweeper, sweep
from tests.conftest import make_settings

from .support import create_campaign, publish, update


async def pending_campaigns(api, clock, n: int) -> list[str]:  # noqa: ANN001
    ids = []
    for i in range(n):
        campaign = await create_campaign(api, clock.now(), name=f"Campaign {i}")
        await publish(api, campaign["id"])
        assert (await update(api, campaign["id"], name=f"Renamed {i}"))["appliedNow"] is False
        ids.append(campaign["id"])
    return ids


async def counts(rt: Runtime) -> tuple[int, int, int]:
    """(changes applied, apply audit events, renamed campaigns)."""
    async with rt.sessionmaker() as s:
        applied = await s.scalar(
            select(func.count()).where(models.CampaignPendingChange.status == PendingChangeStatus.APPLIED)
        )
        events = await s.scalar(
            select(func.count()).where(models.AuditEvent.action == "campaign.change.apply")
        )
        renamed = await s.scalar(select(func.count()).where(models.Campaign.name.like("Renamed%")))
    return applied, events, renamed


async def test_apply_due_pending_changes_applies_each_once_at_its_time(rt, world, as_role, clock) -> None:
    await pending_campaigns(await as_role("agency_a"), clock, 2)
    clock.advance(EDIT_DELAY - timedelta(seconds=1))
    assert await campaigns.apply_due_pending_changes(rt) == 0
    clock.advance(timedelta(seconds=1))
    assert await campaigns.apply_due_pending_changes(rt) == 2
    assert await campaigns.apply_due_pending_changes(rt) == 0
    assert await counts(rt) == (2, 2, 2)


async def test_concurrent_sweeps_apply_each_change_exactly_once(rt, world, as_role, clock) -> None:
    await pending_campaigns(await as_role("agency_a"), clock, 5)
    clock.advance(EDIT_DELAY)
    results = await asyncio.gather(*(campaigns.apply_due_pending_changes(rt) for _ in range(3)))
    assert sum(results) == 5
    assert await counts(rt) == (5, 5, 5)


async def test_a_sweep_runs_every_job_even_when_one_fails(rt, world, as_role, clock, caplog) -> None:
    await pending_campaigns(await as_role("agency_a"), clock, 1)
    clock.advance(EDIT_DELAY)

    async def broken(_: Runtime) -> int:
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR, logger="matchup.sweeper"):
        done = await sweep(rt, [("broken", broken), *JOBS])
    assert "broken" not in done and done[JOBS[0][0]] == 1
    assert "broken" in caplog.text
    assert {"apply due campaign changes", "close registrations of ended campaigns"} <= {
        name for name, _ in JOBS
    }


async def test_the_loop_survives_failing_ticks_and_stops(rt, world) -> None:
    ticks = 0

    async def flaky(_: Runtime) -> int:
        nonlocal ticks
        ticks += 1
        if ticks % 2:
            raise RuntimeError("every other tick fails")
        return 0

    sweeper = Sweeper(rt, [("flaky", flaky)], interval=0.01)
    sweeper.start()
    for _ in range(500):
        if ticks >= 4:
            break
        await asyncio.sleep(0.01)
    await sweeper.stop()
    assert ticks >= 4
    stopped_at = ticks
    await asyncio.sleep(0.05)
    assert ticks == stopped_at
    never = Sweeper(rt, [("flaky", flaky)], interval=0)
    never.start()
    await never.stop()
    assert ticks == stopped_at


async def test_the_app_runs_the_sweeper_while_it_serves(rt, world, as_role, clock) -> None:
    ids = await pending_campaigns(await as_role("agency_a"), clock, 1)
    clock.advance(EDIT_DELAY)
    # A second process on the same database, its sweeper ticking every 10 ms.
    other = Runtime.build(make_settings(rt.settings.database_url, sweep_interval_seconds=0.01), clock=clock)
    app = create_app(other.settings, runtime=other)
    async with app.router.lifespan_context(app):
        for _ in range(500):
            if (await counts(rt))[0] == 1:
                break
            await asyncio.sleep(0.01)
    assert await counts(rt) == (1, 1, 1), ids
    assert Runtime.build(make_settings(rt.settings.database_url)).settings.sweep_interval_seconds == 5
