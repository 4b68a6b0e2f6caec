"""Back-test of the earnings forecast (docs/forecast.md "What the forecast promises").

A generated history of alice's sales in the US shop (its two registered products, 40.00 and 19.99) goes through the
signed order endpoint day by day with the clock injected: every day a few orders are paid, each delivered 2–6 days
later, some refunded before settlement (10 % of the 40.00 product's orders, 25 % of the 19.99's, a few partly), and
due lines are settled. After 60 days (day D) the forecast is taken; 30 more days are played; then what actually
settled of the lines open at D is compared with the forecast's next 30 days.

The promise, asserted for each seed: the likely amount is within FORECAST_ERROR_BPS (8 %) of what settled, and what
settled lies within [low, high].
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from server import models
from server.auth.principal import Principal
from server.models.enums import LedgerAccount, LedgerPhase, Role
from server.services.insight.forecast import party_forecast_per_line
from server.services.insight.forecast_groups import party_forecast
from server.services.orders.settlement import settle_due_lines
from tests.orders.world import created, event, line

FORECAST_ERROR_BPS = 800
HISTORY_DAYS = 60
AFTER_DAYS = 30
ORDERS_PER_DAY = 3  # per product
REFUND_SHARE = (0.10, 0.25)  # per product: whole refunds
PARTIAL_SHARE = 0.08  # one unit of two refunded


def plan(rng: random.Random, ow, start) -> dict[int, list[tuple[Any, dict[str, Any]]]]:  # noqa: ANN001
    """Day → the events that happen that day, (time, event)."""
    days: dict[int, list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
    for day in range(HISTORY_DAYS + AFTER_DAYS):
        for p, product in enumerate(ow.us.registered):
            for n in range(ORDERS_PER_DAY):
                order_id = f"bt-{day}-{p}-{n}"
                paid = start + timedelta(days=day, hours=rng.randint(0, 22), minutes=rng.randint(0, 59))
                quantity = rng.choice((1, 1, 2))
                price = f"{product.price_minor // 100}.{product.price_minor % 100:02d}"
                attribution = {"showcase_entry_id": product.entry_gid("alice")}
                days[day].append(
                    (
                        paid,
                        created(
                            order_id,
                            paid,
                            [
                                line(
                                    "1",
                                    product,
                                    quantity=quantity,
                                    price=price,
                                    currency=ow.us.currency,
                                    attribution=attribution,
                                )
                            ],
                        ),
                    )
                )
                days[day].append((paid, event("paid", order_id, paid)))
                delivered = paid + timedelta(days=rng.randint(2, 6), hours=rng.randint(0, 12))
                days[(delivered - start).days].append((delivered, event("delivered", order_id, delivered)))
                draw = rng.random()
                if draw < REFUND_SHARE[p]:
                    refunded = delivered + timedelta(days=rng.randint(0, 9))
                    days[(refunded - start).days].append((refunded, event("refunded", order_id, refunded)))
                elif quantity == 2 and draw < REFUND_SHARE[p] + PARTIAL_SHARE:
                    refunded = delivered + timedelta(days=rng.randint(1, 9))
                    days[(refunded - start).days].append(
                        (
                            refunded,
                            event("refunded", order_id, refunded, lines=[{"line_id": "1", "quantity": 1}]),
                        )
                    )
    return days


async def play(rt, us, clock, days, start, first_day: int, last_day: int) -> None:  # noqa: ANN001
    for day in range(first_day, last_day):
        clock.set(start + timedelta(days=day + 1))
        events = [e for _, e in sorted(days.get(day, []), key=lambda pair: pair[0])]
        for chunk in range(0, len(events), 500):
            response = await us.batch(events[chunk : chunk + 500])
            assert response.status_code == 200, response.text
            refused = [r for r in response.json()["results"] if r.get("error")]
            assert refused == [], refused[:3]
        await settle_due_lines(rt)


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_forecast_of_the_next_30_days_against_what_settled(rt, ow, us, clock, seed: int) -> None:
    rng = random.Random(seed)
    start = clock.now()
    days = plan(rng, ow, start)
    await play(rt, us, clock, days, start, 0, HISTORY_DAYS)
    alice = Principal(user_id=0, role=Role.CREATOR, organisation_id=ow.creators["alice"])
    forecast = await party_forecast_per_line(rt, alice)
    [usd] = forecast.currencies
    # The API's forecast, grouped in SQL, gives the same figures and the same soonest lines as line by line.
    grouped = await party_forecast(rt, alice)
    assert grouped.currencies == forecast.currencies
    assert grouped.first_lines is not None
    assert await grouped.first_lines(usd.currency, 100) == forecast.lines[:100]
    at_d = clock.now()
    # The lines the forecast's next 30 days count (whole UTC days: settling before today + 30).
    open_ids = [line.line_id for line in forecast.lines if line.settle_day < at_d.date() + timedelta(days=30)]
    assert usd.next_days.lines == len(open_ids) > 100  # the forecast is about many lines
    assert {s.survival.level.value for s in forecast.lines} == {"PRODUCT"}  # each product has its own history

    await play(rt, us, clock, days, start, HISTORY_DAYS, HISTORY_DAYS + AFTER_DAYS)
    async with rt.sessionmaker() as session:
        settled = await session.scalar(
            select(func.coalesce(func.sum(models.LedgerEntry.amount_minor), 0))
            .join(models.OrderLine, models.OrderLine.id == models.LedgerEntry.order_line_id)
            .where(
                models.LedgerEntry.order_line_id.in_(open_ids),
                models.LedgerEntry.account == LedgerAccount.CREATOR_EARNINGS,
                models.LedgerEntry.phase == LedgerPhase.SETTLED,
                models.OrderLine.settled_at < at_d + timedelta(days=30),
            )
        )
    band, settled = usd.next_days, int(settled)
    error_bps = abs(band.likely - settled) * 10000 // max(settled, 1)
    print(
        f"seed {seed}: open {band.lines} lines, estimated {band.estimated}, likely {band.likely} "
        f"[{band.low}, {band.high}], settled {settled}, error {error_bps} bps"
    )
    assert error_bps <= FORECAST_ERROR_BPS
    assert band.low <= settled <= band.high
