"""The demo's order simulator sends signed events through the real endpoint and they apply; `run` starts it unless
--no-simulator or MATCHUP_SIMULATOR=off."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

import server.__main__ as cli
from server import models
from server.demo.orders import SIMULATOR_KEY_NAME, simulator_keys
from server.models.enums import LedgerPhase
from server.services.orders import ledger
from server.services.orders.commission import is_attributed
from server.settings import Settings
from server.simulator import OrderSimulator
from tests.conftest import TEST_SECRET
from tests.orders_api.commission_oracle import expected_commission
from tests.orders_api.commission_oracle import held as held_triple

EVENTS = 80


async def test_the_simulator_sends_events_that_apply(rt, http, ow, clock) -> None:  # noqa: ANN001
    simulator = OrderSimulator(rt, http, await simulator_keys(rt), rng=random.Random(5))
    for _ in range(EVENTS):
        response = await simulator.send_next()
        assert response is not None and response.status_code == 200, response and response.text
        assert response.json()["status"] == "applied"
        clock.advance(timedelta(seconds=20))
    async with rt.sessionmaker() as s:
        kinds = dict(
            (
                await s.execute(
                    select(models.OrderEvent.event_type, func.count()).group_by(models.OrderEvent.event_type)
                )
            ).all()
        )
        lines = list(await s.scalars(select(models.OrderLine)))
        held = await ledger.totals_by_line(s, [line.id for line in lines])
        assert await ledger.unbalanced_postings(s) == []
    assert sum(kinds.values()) == EVENTS
    assert {"order.created", "order.paid", "order.shipped", "order.delivered"} <= kinds.keys()
    assert any(is_attributed(line) for line in lines) and any(not is_attributed(line) for line in lines)
    for line in lines:  # every line's ledger holds exactly what its facts say
        assert held_triple(held[line.id][LedgerPhase.ESTIMATED]) == expected_commission(line)


async def test_each_start_signs_with_fresh_keys(rt, ow) -> None:  # noqa: ANN001
    first = await simulator_keys(rt)
    second = await simulator_keys(rt)
    assert first.keys() == second.keys() == {ow.us.id, ow.vn.id}
    assert {k.api_key for k in first.values()}.isdisjoint(k.api_key for k in second.values())
    async with rt.sessionmaker() as s:
        live = await s.scalar(
            select(func.count()).where(
                models.IntegrationKey.name == SIMULATOR_KEY_NAME, models.IntegrationKey.revoked_at.is_(None)
            )
        )
    assert live == 2  # the first start's keys were revoked


@pytest.fixture
def run_command(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """`python -m server run` with migrating, the demo and serving stubbed: what it started."""
    started: list[str] = []
    monkeypatch.setattr(cli, "_migrate", lambda: None)
    monkeypatch.setattr(cli, "_demo", lambda: "demo")
    monkeypatch.setattr(cli, "_serve", lambda *args: started.append("server"))
    monkeypatch.setattr(
        cli, "_start_simulator", lambda host, port: started.append(f"simulator {host}:{port}")
    )
    monkeypatch.setenv("MATCHUP_SECRET_KEY", TEST_SECRET)
    monkeypatch.delenv("MATCHUP_SIMULATOR", raising=False)
    # main() writes the address it serves into the environment: restored after the test.
    monkeypatch.setenv("MATCHUP_HOST", "127.0.0.1")
    monkeypatch.setenv("MATCHUP_PORT", "8000")
    cli.get_settings.cache_clear()
    yield started
    cli.get_settings.cache_clear()


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["run", "--port", "8123"], None, ["simulator 127.0.0.1:8123", "server"]),
        (["run", "--no-simulator"], None, ["server"]),
        (["run"], "off", ["server"]),
        (["serve"], None, ["server"]),
    ],
)
def test_run_starts_the_simulator_unless_turned_off(
    run_command: list[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    env: str | None,
    expected: list[str],
) -> None:
    if env is not None:
        monkeypatch.setenv("MATCHUP_SIMULATOR", env)
    cli.main(argv)
    assert run_command == expected


def test_the_interval_is_checked() -> None:
    with pytest.raises(ValueError, match="MIN_INTERVAL"):
        Settings(secret_key=TEST_SECRET, simulator_min_interval_seconds=5, simulator_max_interval_seconds=1)
