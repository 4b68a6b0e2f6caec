"""The orders world and a signed integration client per key, for every test package that sends orders."""

from __future__ import annotations

import httpx
import pytest

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
