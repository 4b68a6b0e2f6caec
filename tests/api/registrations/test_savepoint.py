"""UnitOfWork.savepoint(): one statement's failure rolls back alone; the unit of work stays one transaction
(on SQLite too, whose driver opens transactions lazily)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from server import models
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import World


def note(organisation_id: int, kind: str, rt) -> models.Notification:  # noqa: ANN001
    return models.Notification(
        recipient_organisation_id=organisation_id,
        kind=kind,
        title="t",
        body="",
        data={},
        created_at=rt.clock.now(),
    )


async def kinds(rt) -> list[str]:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return list(
            (
                await s.scalars(
                    select(models.Notification.kind)
                    .where(models.Notification.kind.like("SP_%"))
                    .order_by(models.Notification.id)
                )
            ).all()
        )


async def test_a_released_savepoint_is_rolled_back_with_its_unit_of_work(rt, world: World) -> None:
    org = world["agency_a"].organisation_id
    with pytest.raises(RuntimeError):
        async with UnitOfWork(rt) as uow:
            await uow.session.execute(select(func.count()).select_from(models.Notification))
            async with await uow.savepoint():
                uow.session.add(note(org, "SP_INSIDE", rt))
                await uow.session.flush()
            uow.session.add(note(org, "SP_AFTER", rt))
            await uow.session.flush()
            raise RuntimeError("the operation fails later")
    assert await kinds(rt) == []


async def test_a_failed_statement_rolls_back_alone(rt, world: World) -> None:
    org = world["agency_a"].organisation_id
    async with UnitOfWork(rt) as uow:
        uow.session.add(note(org, "SP_BEFORE", rt))
        await uow.session.flush()
        with pytest.raises(IntegrityError):
            async with await uow.savepoint():
                uow.session.add(
                    note(10**12, "SP_BROKEN", rt)
                )  # no such organisation: a foreign key violation
                await uow.session.flush()
        uow.session.add(note(org, "SP_AFTER", rt))
    assert await kinds(rt) == ["SP_BEFORE", "SP_AFTER"]
