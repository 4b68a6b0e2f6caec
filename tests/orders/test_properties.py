"""Property-based: random prices, quantities, rates, currencies, partial refunds and arrival orders.

Whatever the order the events arrive in (and however often), the ledger always balances, every line's
seller amount is creator + agency, nothing is counted twice, a full refund nets to zero, and what is left is
exactly the commission of the line's final facts — estimated until settlement, then settled.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from server import models
from server.models.enums import Market
from server.money import minor_to_decimal_string
from server.services.orders import ledger
from server.services.orders.commission import ZERO, Split, split
from server.services.orders.ingestion import EventResult, ingest
from server.services.orders.settlement import settle_due_lines
from server.services.orders.signatures import Pusher, ShopRef
from tests.conftest import T0
from tests.orders.world import created, event, iso, line

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_orders = itertools.count(1)
NEVER_APPLY = {"LINE_CANCELLED", "LINE_REFUNDED", "ALREADY_CANCELLED", "NOT_CANCELLABLE"}


@dataclass
class LinePlan:
    product: int  # index into the shop's products (the last one is organic: unattributed)
    quantity: int
    price_minor: int
    refunds: list[tuple[str, int]] = field(default_factory=list)  # ("quantity", units) | ("amount", minor)


@dataclass
class Scenario:
    market: Market
    total_bps: int
    creator_bps: int
    lines: list[LinePlan]
    paid: bool
    shipped: bool
    delivered: bool
    cancelled: bool
    freeze: int  # 0: never, 1: frozen, 2: frozen then released
    batched: bool


@st.composite
def line_plans(draw: st.DrawFn, max_price: int) -> LinePlan:
    quantity = draw(st.integers(1, 5))
    price = draw(st.integers(0, max_price))
    plan = LinePlan(product=draw(st.sampled_from([0, 1, 2])), quantity=quantity, price_minor=price)
    units_left, money_left = quantity, quantity * price
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()) and units_left:
            units = draw(st.integers(1, units_left))
            if units * price <= money_left:
                plan.refunds.append(("quantity", units))
                units_left -= units
                money_left -= units * price
        elif money_left:
            amount = draw(st.integers(1, money_left))
            plan.refunds.append(("amount", amount))
            money_left -= amount
    return plan


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    market = draw(st.sampled_from([Market.US, Market.VN]))
    total = draw(st.integers(100, 8000))
    delivered = draw(st.booleans())
    return Scenario(
        market=market,
        total_bps=total,
        creator_bps=draw(st.integers(100, total)),
        lines=draw(st.lists(line_plans(10**6 if market is Market.US else 10**8), min_size=1, max_size=3)),
        paid=draw(st.booleans()),
        shipped=draw(st.booleans()),
        delivered=delivered,
        cancelled=not delivered and draw(st.booleans()),
        freeze=draw(st.integers(0, 2)),
        batched=draw(st.booleans()),
    )


def canonical_events(scenario: Scenario, shop, order_id: str, now) -> list[dict[str, Any]]:  # noqa: ANN001
    """The events in the order they happened; times one minute apart, ending now."""
    currency = shop.currency
    lines = []
    for n, plan in enumerate(scenario.lines):
        product = shop.products[plan.product]
        attribution = (
            {"showcase_entry_id": product.entry_gid(shop.creator)} if product.registration_id else None
        )
        lines.append(
            line(
                str(n),
                product,
                quantity=plan.quantity,
                price=minor_to_decimal_string(plan.price_minor, currency),
                currency=currency,
                attribution=attribution,
            )
        )
    kinds: list[tuple[str, dict[str, Any]]] = [("created", {})]
    if scenario.paid:
        kinds.append(("paid", {}))
    if scenario.freeze:
        kinds.append(("frozen", {"reason": "risk"}))
    for n, plan in enumerate(scenario.lines):
        for measure, value in plan.refunds:
            spec: dict[str, Any] = {"line_id": str(n)}
            if measure == "quantity":
                spec["quantity"] = value
            else:
                spec |= {"amount": minor_to_decimal_string(value, currency), "currency": currency.value}
            kinds.append(("refunded", {"lines": [spec]}))
    if scenario.shipped:
        kinds.append(("shipped", {}))
    if scenario.delivered:
        kinds.append(("delivered", {}))
    if scenario.cancelled:
        kinds.append(("cancelled", {}))
    if scenario.freeze == 2:
        kinds.append(("unfrozen", {}))
    start = now - timedelta(minutes=len(kinds))
    out = []
    for i, (kind, fields) in enumerate(kinds):
        at = start + timedelta(minutes=i)
        if kind == "created":
            out.append(created(order_id, at, lines) | {"placed_at": iso(at)})
        else:
            out.append(event(kind, order_id, at, **fields))
    return out


def expected(scenario: Scenario, shop) -> list[Split]:  # noqa: ANN001
    """The commission each line ends with, from its facts alone."""
    out = []
    for plan in scenario.lines:
        attributed = shop.products[plan.product].registration_id is not None
        if not attributed or not scenario.paid or scenario.cancelled:
            out.append(ZERO)
            continue
        refunded = sum(v * plan.price_minor if m == "quantity" else v for m, v in plan.refunds)
        out.append(
            split(plan.quantity * plan.price_minor - refunded, scenario.total_bps, scenario.creator_bps)
        )
    return out


async def _set_rates(rt, shop, scenario: Scenario) -> None:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        ids = [p.registration_id for p in shop.registered]
        await s.execute(
            update(models.Registration)
            .where(models.Registration.id.in_(ids))
            .values(total_rate_bps=scenario.total_bps)
        )
        await s.execute(
            update(models.ShowcaseEntry)
            .where(models.ShowcaseEntry.registration_id.in_(ids))
            .values(creator_rate_bps=scenario.creator_bps)
        )
        await s.commit()


async def _send(rt, pusher: Pusher, events: list[dict[str, Any]], batched: bool) -> list[EventResult]:  # noqa: ANN001
    if batched:
        return await ingest(rt, pusher, events, batch=True)
    return [(await ingest(rt, pusher, [e]))[0] for e in events]


async def _ledger_by_line(rt, line_ids: list[int]) -> dict[int, dict]:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return await ledger.totals_by_line(s, line_ids)


@PROPERTY_SETTINGS
@given(scenario=scenarios(), arrival=st.randoms(use_true_random=False))
async def test_the_ledger_always_adds_up(rt, ow, clock, scenario: Scenario, arrival) -> None:  # noqa: ANN001
    clock.set(T0)  # each example starts at the same instant, inside the campaigns
    shop = ow.shops[scenario.market]
    pusher = Pusher(organisation_id=shop.id, shop=ShopRef(shop.id, shop.code, shop.market))
    await _set_rates(rt, shop, scenario)
    order_id = f"p-{next(_orders)}"
    events = canonical_events(scenario, shop, order_id, clock.now())
    shuffled = list(events)
    arrival.shuffle(shuffled)

    first = {
        e["id"]: r for e, r in zip(shuffled, await _send(rt, pusher, shuffled, scenario.batched), strict=True)
    }
    for (
        result
    ) in first.values():  # refused: what can never apply given what arrived first (e.g. paid after cancel)
        assert result.error is None or result.error.code in NEVER_APPLY, result.error.code
    async with rt.sessionmaker() as s:
        lines = list(
            await s.scalars(
                select(models.OrderLine)
                .join(models.Order)
                .where(models.Order.platform_order_id == order_id)
                .order_by(models.OrderLine.platform_line_id)
            )
        )
        postings_before = await s.scalar(select(func.count(func.distinct(models.LedgerEntry.posting_id))))
    assert len(lines) == len(scenario.lines)
    ids = [line.id for line in lines]
    want = expected(scenario, shop)

    def check(totals: dict[int, dict], settled: bool) -> None:
        for line_row, due in zip(lines, want, strict=True):
            phases = totals[line_row.id]
            for amounts in phases.values():
                assert amounts.seller == amounts.creator + amounts.agency
            estimated, final = phases[ledger.LedgerPhase.ESTIMATED], phases[ledger.LedgerPhase.SETTLED]
            assert estimated + final == due  # nothing counted twice, nothing missing
            if settled:
                assert estimated == ZERO
            else:
                assert final == ZERO

    check(await _ledger_by_line(rt, ids), settled=False)

    # The platform retries everything: every event is a duplicate and nothing changes.
    for e, result in zip(events, await _send(rt, pusher, events, batched=True), strict=True):
        assert result.duplicate or (result.status == first[e["id"]].status == "refused"), (e, result)
    async with rt.sessionmaker() as s:
        assert (
            await s.scalar(select(func.count(func.distinct(models.LedgerEntry.posting_id))))
            == postings_before
        )
        assert await s.scalar(
            select(func.count())
            .select_from(models.OrderEvent)
            .where(models.OrderEvent.platform_order_id == order_id)
        ) <= len(events)

    clock.advance(timedelta(days=16))
    await settle_due_lines(rt)
    settles = scenario.paid and scenario.delivered and scenario.freeze != 1
    totals = await _ledger_by_line(rt, ids)
    for line_row, due in zip(lines, want, strict=True):
        phases = totals[line_row.id]
        estimated, final = phases[ledger.LedgerPhase.ESTIMATED], phases[ledger.LedgerPhase.SETTLED]
        assert estimated + final == due
        fully_refunded = due == ZERO and line_row.unit_price_minor > 0
        if settles and not fully_refunded:
            assert estimated == ZERO
        if not settles:
            assert final == ZERO
    async with rt.sessionmaker() as s:
        assert await ledger.unbalanced_postings(s) == []
    for plan, due in zip(scenario.lines, want, strict=True):
        refunded = sum(v * plan.price_minor if m == "quantity" else v for m, v in plan.refunds)
        if refunded == plan.quantity * plan.price_minor:
            assert due == ZERO  # a full refund nets to zero
