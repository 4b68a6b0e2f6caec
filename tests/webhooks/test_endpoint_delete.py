"""Deleting an endpoint deletes its messages and their delivery log (no foreign key cascades it any more, see
server/models/webhook.py), also when a transaction is writing messages for it at that moment: the outbox holds the
endpoint FOR KEY SHARE, so the deletion waits for that transaction and then deletes what it wrote."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from server import models
from server.events import channels
from server.models.enums import Role
from server.runtime import Runtime
from server.services import webhooks
from server.services.unit_of_work import UnitOfWork
from server.webhooks import outbox
from tests.webhooks.conftest import attempts, member, messages, principal, subscribe

URL = "http://127.0.0.1:9/hook"


def _estimated(organisation_id: int, line_id: int) -> tuple[str, dict[str, object]]:
    """The thin event of a paid line on an organisation's commissions channel (raises commission.estimated)."""
    event = {"orderLineId": line_id, "orderId": 1, "status": "PAID", "commission": ["ESTIMATED"]}
    return channels.commissions_of_org(organisation_id), event


async def _lock_waiters(rt: Runtime) -> int:
    async with rt.engine.connect() as conn:
        return (
            await conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            )
        ).scalar_one()


async def test_deleting_an_endpoint_deletes_its_messages_and_their_attempts(rt, ow) -> None:  # noqa: ANN001
    agency = principal(Role.AGENCY, ow.agency_id)
    gone = await subscribe(rt, agency, URL, "commission.estimated")
    kept = await subscribe(rt, agency, URL + "2", "commission.estimated")
    async with UnitOfWork(rt) as uow:
        assert await outbox.stage(uow, [_estimated(ow.agency_id, 1), _estimated(ow.agency_id, 2)]) == 4
    written = await messages(rt)
    async with UnitOfWork(rt) as uow:
        for message in written:
            uow.session.add(
                models.WebhookAttempt(
                    message_id=message.id, attempted_at=rt.clock.now(), response_status=500, duration_ms=1
                )
            )
    await webhooks.delete_endpoint(rt, await member(rt, Role.AGENCY, ow.agency_id), gone.endpoint.id)
    left = await messages(rt)
    assert [m.endpoint_id for m in left] == [kept.endpoint.id] * 2
    assert sorted(a.message_id for a in await attempts(rt)) == sorted(m.id for m in left)


async def test_a_deletion_waits_for_the_transaction_writing_messages_for_the_endpoint(rt, ow) -> None:  # noqa: ANN001
    agency = principal(Role.AGENCY, ow.agency_id)
    endpoint = (await subscribe(rt, agency, URL, "commission.estimated")).endpoint
    owner = await member(rt, Role.AGENCY, ow.agency_id)
    async with UnitOfWork(rt) as uow:
        # Messages written, not committed yet: the endpoint is held FOR KEY SHARE until this transaction ends.
        assert await outbox.stage(uow, [_estimated(ow.agency_id, 1)]) == 1
        deletion = asyncio.create_task(webhooks.delete_endpoint(rt, owner, endpoint.id))
        if not rt.settings.is_sqlite:  # (SQLite: the deletion waits for this transaction's write lock)
            for _ in range(1000):
                if await _lock_waiters(rt):
                    break
                await asyncio.sleep(0.01)
            else:
                raise AssertionError("the deletion never waited for the writing transaction")
        assert not deletion.done()
    await deletion
    assert await messages(rt) == []
