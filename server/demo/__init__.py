"""The demo world: a deterministic, idempotent set of tenants, people and products (see `world.py`)."""

from server.demo.data import DEMO_PASSWORD
from server.demo.summary import DemoApiKey, DemoCounts, DemoLogin, DemoSummary, describe
from server.demo.world import STEPS, DemoStep, load_demo_world

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
