"""The sweeper: a background loop in every server process that carries out what the clock made due.

Each tick runs every job of JOBS once (campaign changes whose 30 minutes are over, registrations of campaigns
that ended, creator rate decreases after their lock, overdue samples, order lines past their settlement window,
the previous month's payment bills, expired login sessions and idempotency keys). Every job claims its rows with conditional updates, so several processes sweeping at once never
do anything twice. A failing job is logged and the loop goes on; the next tick retries.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence

from server.observability import metrics
from server.runtime import Runtime
from server.services import (
    campaign_events,
    campaigns,
    idempotency,
    registration_sweep,
    sample_sweep,
    sessions,
    showcase_rates,
)
from server.services.disputes.deciding import expire_due as expire_due_disputes
from server.services.finance.bills import issue_monthly_bills
from server.services.orders.settlement import settle_due_lines

log = logging.getLogger("matchup.sweeper")

Job = Callable[[Runtime], Awaitable[int]]

JOBS: tuple[tuple[str, Job], ...] = (
    ("apply due campaign changes", campaigns.apply_due_pending_changes),
    ("close registrations of ended campaigns", registration_sweep.close_registrations_of_ended_campaigns),
    ("announce closed campaigns", campaign_events.announce_closed_campaigns),
    # The reminder goes out before the decrease it announces is applied.
    ("remind creators of rate decreases", showcase_rates.notify_upcoming_rate_decreases),
    ("apply due rate decreases", showcase_rates.apply_due_rate_decreases),
    ("mark overdue samples", sample_sweep.mark_overdue_samples),
    ("expire disputes past their deadline", expire_due_disputes),
    ("settle due order lines", settle_due_lines),
    # After settlement, so that a month's last settled lines make its bills.
    ("issue monthly bills", issue_monthly_bills),
    # Expired login sessions: deleted and announced, so their websockets are closed on every process.
    ("end expired sessions", sessions.end_expired_sessions),
    ("prune expired idempotency keys", idempotency.prune_expired_keys),
)


async def sweep(rt: Runtime, jobs: Sequence[tuple[str, Job]] = JOBS) -> dict[str, int]:
    """One tick: every job once, each on its own. Returns how many rows each job changed (failed jobs left out)."""
    done: dict[str, int] = {}
    for name, job in jobs:
        try:
            done[name] = await job(rt)
        except Exception:
            log.exception("sweeper job failed: %s", name)
        metrics.sweeper_job(name, done.get(name))
    return done


class Sweeper:
    """Runs `sweep` every `interval` seconds (default: settings.sweep_interval_seconds; 0: never) between start()
    and stop()."""

    def __init__(
        self, rt: Runtime, jobs: Sequence[tuple[str, Job]] = JOBS, interval: float | None = None
    ) -> None:
        self.rt = rt
        self.jobs = jobs
        self.interval = rt.settings.sweep_interval_seconds if interval is None else interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self.interval > 0 and self._task is None:
            self._task = asyncio.create_task(self._run(self.interval), name="matchup-sweeper")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self, interval: float) -> None:
        while True:
            await sweep(self.rt, self.jobs)
            await asyncio.sleep(interval)
