"""The server process freezes what start-up allocated and raises the GC thresholds once it has started
(MATCHUP_GC_TUNING, on by default); with the setting off, the collector is left as Python configures it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from server.app import create_app
from server.gc_tuning import THRESHOLDS
from tests.conftest import make_settings


@pytest.fixture
def restore_gc() -> Iterator[None]:
    thresholds, frozen = (
        gc.get_threshold(),
        gc.get_freeze_count() > 0,
    )  # the test run's own (tests/conftest.py)
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    if frozen:
        gc.collect()
        gc.freeze()


@pytest.mark.parametrize("enabled", [True, False])
async def test_the_app_tunes_the_collector_after_start_up(
    sqlite_url: str, restore_gc: None, enabled: bool
) -> None:
    app = create_app(make_settings(sqlite_url, gc_tuning=enabled, sweep_interval_seconds=0))
    async with app.router.lifespan_context(app):
        if enabled:
            assert gc.get_threshold() == THRESHOLDS
            assert gc.get_freeze_count() > 0
        else:
            assert gc.get_threshold() == (700, 10, 10)
            assert gc.get_freeze_count() == 0
