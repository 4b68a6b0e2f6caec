"""The demo world: a deterministic, idempotent set of tenants, people and products (see `world.py`)."""

from server.demo.data import DEMO_PASSWORD
from server.demo.world import (
    STEPS,
    DemoApiKey,
    DemoCounts,
    DemoLogin,
    DemoStep,
    DemoSummary,
    describe,
    load_demo_world,
)

__all__ = [
    "DEMO_PASSWORD",
    "STEPS",
    "DemoApiKey",
    "DemoCounts",
    "DemoLogin",
    "DemoStep",
    "DemoSummary",
    "describe",
    "load_demo_world",
]
