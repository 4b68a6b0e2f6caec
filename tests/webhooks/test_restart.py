"""A server process killed in the middle of a delivery: the message is delivered by the next process once the
dead one's lease runs out (real processes, real HTTP, the wall clock)."""

from __future__ import annotations

import os
import signal
import threading
import time

from sqlalchemy import select

from server import models
from server.migrate import upgrade_head
from server.models.enums import Role
from server.models.webhook import WebhookMessageStatus
from server.runtime import Runtime
from server.services import webhooks
from tests.conftest import TEST_SECRET, make_settings
from tests.plugins.api import build_world
from tests.plugins.receiver import receiver
from tests.plugins.servers import server_process
from tests.webhooks.conftest import member


def _wait(predicate, what: str, timeout: float = 60) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.1)


async def _message(rt: Runtime) -> models.WebhookMessage:
    async with rt.sessionmaker() as s:
        return (await s.scalars(select(models.WebhookMessage))).one()


async def test_a_delivery_cut_by_a_crash_is_made_after_restart(tmp_path) -> None:  # noqa: ANN001
    url = f"sqlite+aiosqlite:///{tmp_path / 'crash.db'}"
    upgrade_head(url)
    rt = Runtime.build(make_settings(url))
    await rt.start()
    try:
        world = await build_world(rt)
        with receiver() as inbox:
            inbox.hold["/hook"] = threading.Event()  # the first request hangs until the sender is dead
            created = await webhooks.create_endpoint(
                rt,
                await member(rt, Role.AGENCY, world["agency_a"].organisation_id),
                url=inbox.url("/hook"),
                event_types=["campaign.changed"],
            )
            env = {
                "MATCHUP_DATABASE_URL": url,
                "MATCHUP_SECRET_KEY": TEST_SECRET,
                "MATCHUP_SWEEP_INTERVAL_SECONDS": "0",
                "MATCHUP_WEBHOOK_POLL_SECONDS": "0.2",
                "MATCHUP_WEBHOOK_TIMEOUT_SECONDS": "2",
            }
            with server_process(env) as first:
                await webhooks.send_test_event(
                    rt, await member(rt, Role.AGENCY, world["agency_a"].organisation_id), created.endpoint.id
                )
                _wait(lambda: inbox.arrived == ["/hook"], "the first process did not start the delivery")
                os.kill(
                    first.process.pid, signal.SIGKILL
                )  # killed mid-delivery: no answer read, nothing recorded
                first.process.wait(10)
            inbox.hold["/hook"].set()
            claimed = await _message(rt)
            assert claimed.status is WebhookMessageStatus.PENDING and claimed.claimed_until is not None
            assert claimed.attempts == 0
            with server_process(env):
                deadline = time.monotonic() + 60
                while (message := await _message(rt)).status is not WebhookMessageStatus.DELIVERED:
                    assert time.monotonic() < deadline, "not delivered after the restart"
                    time.sleep(0.2)
            assert message.attempts == 1  # the cut attempt left no trace but the lease
            delivered = inbox.at("/hook")
            assert (
                len(delivered) == 2
                and delivered[0].headers["webhook-id"] == delivered[1].headers["webhook-id"]
            )
            async with rt.sessionmaker() as s:
                log = (await s.scalars(select(models.WebhookAttempt))).all()
            assert [a.response_status for a in log] == [200]
    finally:
        await rt.stop()
