"""Fixtures for order ingestion: the orders world, signed clients per key, and table counts."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from server import models
from server.clock import FrozenClock
from server.runtime import Runtime
from tests.orders.world import Integration, OrdersWorld, build_orders_world


@pytest.fixture
async def ow(rt: Runtime) -> OrdersWorld:
    return await build_orders_world(rt)


@pytest.fixture
def us(http: httpx.AsyncClient, ow: OrdersWorld, clock: FrozenClock) -> Integration:
    return Integration(http, ow.us.api_key, ow.us.signing_secret, clock)


@pytest.fixture
def vn(http: httpx.AsyncClient, ow: OrdersWorld, clock: FrozenClock) -> Integration:
    return Integration(http, ow.vn.api_key, ow.vn.signing_secret, clock)


@pytest.fixture
def platform(http: httpx.AsyncClient, ow: OrdersWorld, clock: FrozenClock) -> Integration:
    return Integration(http, ow.platform_api_key, ow.platform_signing_secret, clock)


STORED = (models.Order, models.OrderLine, models.OrderEvent, models.LedgerEntry)


async def stored(rt: Runtime) -> dict[str, int]:
    """How many rows ingestion has written, per table."""
    async with rt.sessionmaker() as s:
        return {m.__tablename__: await s.scalar(select(func.count()).select_from(m)) for m in STORED}


async def lines_of(rt: Runtime, platform_order_id: str) -> list[models.OrderLine]:
    async with rt.sessionmaker() as s:
        return list(
            await s.scalars(
                select(models.OrderLine)
                .join(models.Order, models.Order.id == models.OrderLine.order_id)
                .where(models.Order.platform_order_id == platform_order_id)
                .order_by(models.OrderLine.id)
            )
        )


async def ledger_of(rt: Runtime, line_id: int) -> dict[tuple[str, str], int]:
    """{(phase, account): sum} of one line's legs, zero sums left out."""
    async with rt.sessionmaker() as s:
        rows = await s.execute(
            select(models.LedgerEntry.phase, models.LedgerEntry.account, func.sum(models.LedgerEntry.amount_minor))
            .where(models.LedgerEntry.order_line_id == line_id)
            .group_by(models.LedgerEntry.phase, models.LedgerEntry.account)
        )
        return {(phase.value, account.value): int(total) for phase, account, total in rows if total}
