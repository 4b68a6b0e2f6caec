"""The order simulator: realistic order events for the demo shops, sent through the signed order endpoint.

`OrderStory` makes the events: new orders (most through creators' ACTIVE showcase entries, the rest organic
sales), then payment, shipment and delivery; now and then a cancellation, a partial refund, a freeze and its
release. The demo world's history step (server/demo/orders.py) plays it over the past weeks through the
ingestion service; `OrderSimulator` plays it live, signing each event with a key of the shop
(docs/integrations-orders.md) and POSTing it to the running server's own `/integrations/orders`, an event every
MATCHUP_SIMULATOR_MIN_INTERVAL_SECONDS..MATCHUP_SIMULATOR_MAX_INTERVAL_SECONDS, so the dashboards move by
themselves. `python -m server run` starts it in a thread (off: `--no-simulator` or MATCHUP_SIMULATOR=off).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from server import models
from server.ids import encode_id
from server.models.enums import MARKET_CURRENCY, Currency, ShowcaseStatus
from server.money import minor_to_decimal_string
from server.runtime import Runtime
from server.services.orders.signatures import KEY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from server.settings import Settings

log = logging.getLogger("matchup.simulator")

ATTRIBUTED_SHARE = 0.7  # of new orders, when a creator promotes something
MAX_OPEN_ORDERS = 12
CATALOGUE_REFRESH = timedelta(minutes=1)  # creators add products to their showcases while the demo runs


@dataclass(frozen=True, slots=True)
class Offer:
    """Something a buyer can buy: one SKU of a shop's product, through a creator's showcase entry or organically."""

    shop_id: int
    currency: Currency
    product_id: int
    sku: str
    price_minor: int
    entry_id: int | None = None  # the showcase entry it is bought through
    since: datetime | None = None  # when the entry entered the showcase


@dataclass(frozen=True, slots=True)
class Catalogue:
    organic: tuple[Offer, ...]
    promoted: tuple[Offer, ...]

    def promoted_at(self, at: datetime) -> list[Offer]:
        return [o for o in self.promoted if o.since is None or o.since <= at]


async def load_catalogue(rt: Runtime) -> Catalogue:
    """Every shop's products (their first SKU) and every ACTIVE showcase entry of them."""
    async with rt.sessionmaker() as s:
        rows = (
            await s.execute(
                select(
                    models.Shop.organisation_id,
                    models.Shop.market,
                    models.Product.id,
                    models.Sku.seller_sku,
                    models.Sku.price_minor,
                )
                .join(models.Product, models.Product.shop_id == models.Shop.organisation_id)
                .join(models.Sku, models.Sku.product_id == models.Product.id)
                .order_by(models.Product.id, models.Sku.id)
            )
        ).all()
        entries = (
            await s.execute(
                select(
                    models.ShowcaseEntry.id, models.ShowcaseEntry.product_id, models.ShowcaseEntry.added_at
                )
                .where(models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE)
                .order_by(models.ShowcaseEntry.id)
            )
        ).all()
    organic: dict[int, Offer] = {}
    for shop_id, market, product_id, sku, price in rows:
        if product_id not in organic:
            organic[product_id] = Offer(shop_id, MARKET_CURRENCY[market], product_id, sku, price)
    promoted = tuple(
        replace(organic[product_id], entry_id=entry_id, since=added_at)
        for entry_id, product_id, added_at in entries
        if product_id in organic
    )
    return Catalogue(tuple(organic.values()), promoted)


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


@dataclass(slots=True)
class _Line:
    line_id: str
    quantity: int
    unit_price_minor: int


@dataclass(slots=True)
class _Order:
    order_id: str
    shop_id: int
    currency: Currency
    lines: list[_Line]
    stage: str = "placed"  # placed → paid → shipped (→ frozen → shipped) → delivered
    refunded: bool = False
    next_at: datetime = field(default_factory=lambda: datetime.min)
    events: int = 0


class OrderStory:
    """What happens next in the shops, one event at a time. `pace` bounds the wait between two events of one
    order; deterministic for a given random generator."""

    def __init__(
        self, catalogue: Catalogue, rng: random.Random, *, prefix: str, pace: tuple[timedelta, timedelta]
    ) -> None:
        self.catalogue = catalogue
        self.rng = rng
        self.prefix = prefix
        self.pace = pace
        self.open: list[_Order] = []
        self.created = 0

    def next_event(self, now: datetime) -> tuple[int, dict[str, Any]] | None:
        """(shop id, event) for `now`, or None when there is nothing to sell."""
        due = [o for o in self.open if o.next_at <= now]
        if due and (len(self.open) >= MAX_OPEN_ORDERS or self.rng.random() < 0.6):
            return self._advance(self.rng.choice(due), now)
        return self._create(now)

    def _later(self, now: datetime) -> datetime:
        low, high = self.pace
        return now + low + (high - low) * self.rng.random()

    def _event(self, order: _Order, kind: str, now: datetime, **fields: Any) -> tuple[int, dict[str, Any]]:
        order.events += 1
        order.next_at = self._later(now)
        body = {
            "id": f"{order.order_id}-{order.events}",
            "type": f"order.{kind}",
            "occurred_at": iso(now),
            "order_id": order.order_id,
            **fields,
        }
        return order.shop_id, body

    def _price(self, offer: Offer) -> int:
        """The shelf price after a coupon of 0–15 %."""
        return max(1, offer.price_minor * (100 - self.rng.choice((0, 0, 0, 5, 10, 15))) // 100)

    def _create(self, now: datetime) -> tuple[int, dict[str, Any]] | None:
        promoted = self.catalogue.promoted_at(now)
        if promoted and self.rng.random() < ATTRIBUTED_SHARE:
            first = self.rng.choice(promoted)
        elif self.catalogue.organic:
            first = self.rng.choice(self.catalogue.organic)
        else:
            return None
        offers = [first]
        more = [
            o
            for o in self.catalogue.organic
            if o.shop_id == first.shop_id and o.product_id != first.product_id
        ]
        if more and self.rng.random() < 0.2:
            offers.append(self.rng.choice(more))
        self.created += 1
        order = _Order(
            f"{self.prefix}-{self.created:05d}",
            first.shop_id,
            first.currency,
            [
                _Line(str(n), self.rng.choice((1, 1, 1, 2, 3)), self._price(o))
                for n, o in enumerate(offers, start=1)
            ],
        )
        self.open.append(order)
        lines = []
        for spec, offer in zip(order.lines, offers, strict=True):
            body: dict[str, Any] = {
                "line_id": spec.line_id,
                "product_id": encode_id("Product", offer.product_id),
                "sku": offer.sku,
                "quantity": spec.quantity,
                "unit_price": minor_to_decimal_string(spec.unit_price_minor, offer.currency),
                "currency": offer.currency.value,
            }
            if offer.entry_id is not None:
                body["attribution"] = {"showcase_entry_id": encode_id("ShowcaseEntry", offer.entry_id)}
            lines.append(body)
        return self._event(order, "created", now, placed_at=iso(now), lines=lines)

    def _done(self, order: _Order) -> None:
        self.open.remove(order)

    def _refund(self, order: _Order, now: datetime) -> tuple[int, dict[str, Any]]:
        """A partial refund of one line: a unit when it has several, else part of the money."""
        order.refunded = True
        line = self.rng.choice(order.lines)
        if line.quantity > 1:
            spec: dict[str, Any] = {"line_id": line.line_id, "quantity": 1}
        else:
            amount = max(1, line.unit_price_minor * self.rng.choice((20, 30, 50)) // 100)
            spec = {
                "line_id": line.line_id,
                "amount": minor_to_decimal_string(amount, order.currency),
                "currency": order.currency.value,
            }
        reason = self.rng.choice(("arrived damaged", "wrong colour", "missing item", "late delivery"))
        return self._event(
            order, "refunded", now, lines=[spec], reason=reason, refund_id=f"r-{order.events + 1}"
        )

    def _advance(self, order: _Order, now: datetime) -> tuple[int, dict[str, Any]] | None:
        roll = self.rng.random()
        if order.stage == "placed":
            if roll < 0.08:
                self._done(order)
                return self._event(order, "cancelled", now, reason="buyer changed their mind")
            order.stage = "paid"
            return self._event(order, "paid", now)
        if order.stage == "paid":
            if roll < 0.05:
                self._done(order)
                return self._event(order, "cancelled", now, reason="out of stock")
            if roll < 0.12 and not order.refunded:
                return self._refund(order, now)
            order.stage = "shipped"
            return self._event(order, "shipped", now)
        if order.stage == "shipped":
            if roll < 0.06:
                order.stage = "frozen"
                return self._event(order, "frozen", now, reason="payment under review")
            order.stage = "delivered"
            return self._event(order, "delivered", now)
        if order.stage == "frozen":
            order.stage = "shipped"
            return self._event(order, "unfrozen", now)
        # delivered: now and then a partial refund before settlement; then the order is left to settle
        self._done(order)
        if roll < 0.15 and not order.refunded:
            return self._refund(order, now)
        return self._create(now)


# ------------------------------------------------------------------------------------------------ live


@dataclass(frozen=True, slots=True)
class SigningKey:
    api_key: str
    signing_secret: str


class OrderSimulator:
    """Sends the story's events, signed with each shop's key, to `http` (the running server)."""

    def __init__(
        self,
        rt: Runtime,
        http: httpx.AsyncClient,
        keys: dict[int, SigningKey],
        *,
        rng: random.Random | None = None,
    ) -> None:
        self.rt = rt
        self.http = http
        self.keys = keys
        self.rng = rng or random.Random()
        self.story: OrderStory | None = None
        self.loaded_at: datetime | None = None
        self.prefix = f"SIM-{uuid.uuid4().hex[:6].upper()}"

    async def _story(self) -> OrderStory:
        now = self.rt.clock.now()
        if self.story is None or self.loaded_at is None or now - self.loaded_at >= CATALOGUE_REFRESH:
            full = await load_catalogue(self.rt)
            catalogue = Catalogue(
                tuple(o for o in full.organic if o.shop_id in self.keys),
                tuple(o for o in full.promoted if o.shop_id in self.keys),
            )
            if self.story is None:
                self.story = OrderStory(
                    catalogue,
                    self.rng,
                    prefix=self.prefix,
                    pace=(timedelta(seconds=5), timedelta(seconds=40)),
                )
            self.story.catalogue = catalogue
            self.loaded_at = now
        return self.story

    async def send_next(self) -> httpx.Response | None:
        """One event through POST /integrations/orders; None when there is nothing to sell."""
        story = await self._story()
        made = story.next_event(self.rt.clock.now())
        if made is None:
            return None
        shop_id, event = made
        key = self.keys[shop_id]
        body = json.dumps(event, separators=(",", ":")).encode()
        timestamp = int(self.rt.clock.now().timestamp())
        response = await self.http.post(
            "/integrations/orders",
            content=body,
            headers={
                "Content-Type": "application/json",
                KEY_HEADER: key.api_key,
                TIMESTAMP_HEADER: str(timestamp),
                SIGNATURE_HEADER: sign(key.signing_secret, timestamp, body),
            },
        )
        if response.status_code >= 300:
            log.warning(
                "simulated %s %s was answered %s: %s",
                event["type"],
                event["id"],
                response.status_code,
                response.text[:300],
            )
        return response


async def _wait_for_server(http: httpx.AsyncClient, stop: asyncio.Event) -> bool:
    while not stop.is_set():
        try:
            if (await http.get("/healthz")).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.5)
    return False


async def simulate(settings: Settings, url: str, stop: asyncio.Event) -> None:
    """Until `stop`: once the server at `url` answers, send an event every min..max interval seconds."""
    from server.demo.orders import simulator_keys

    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a log line per simulated event
    rt = Runtime.build(settings)
    try:
        async with httpx.AsyncClient(base_url=url, timeout=10) as http:
            if not await _wait_for_server(http, stop):
                return
            simulator = OrderSimulator(rt, http, await simulator_keys(rt))
            log.info("order simulator: sending to %s", url)
            while not stop.is_set():
                try:
                    await simulator.send_next()
                except httpx.HTTPError as exc:
                    log.warning("order simulator: %s", exc)
                low, high = settings.simulator_min_interval_seconds, settings.simulator_max_interval_seconds
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=random.uniform(low, high))
    finally:
        await rt.engine.dispose()


def start_in_thread(settings: Settings, url: str) -> Callable[[], None]:
    """Runs `simulate` in a daemon thread (the server owns the main thread); returns what stops it."""
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(simulate(settings, url, stop))
        except Exception:
            log.exception("order simulator stopped")

    thread = threading.Thread(target=run, name="order-simulator", daemon=True)
    thread.start()

    def stop_simulator() -> None:
        loop.call_soon_threadsafe(stop.set)

    return stop_simulator
