"""Fixtures: the known performance world (world.py) on top of the two-tenant world."""

from __future__ import annotations

import pytest

from server.ids import encode_id
from server.runtime import Runtime
from tests.performance.world import PerfWorld, build_performance_world
from tests.plugins.api import World


@pytest.fixture
async def pw(rt: Runtime, world: World) -> PerfWorld:
    return await build_performance_world(rt, world)


@pytest.fixture
def campaign_id(pw: PerfWorld) -> str:
    return encode_id("Campaign", pw.campaign)


def rid(pw: PerfWorld, key: str) -> str:
    return encode_id("Registration", pw.registrations[key])
