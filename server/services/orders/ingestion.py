"""Order ingestion: authenticate the pusher (signatures.py), parse and validate each event, then — idempotently, in one
transaction per request — apply it, hold it until its prerequisite arrives, or refuse it with nothing stored.

- Idempotency: (shop, platform event id). The same id with the same body (sha256 of its canonical JSON) is a
  duplicate that changes nothing; with another body it is refused (EVENT_ID_REUSED).
- Holding: an event for an order not created yet waits (WAITING_FOR_ORDER), as does one that needs the
  payment or the freeze it follows (lifecycle.py). After every applied event the order's waiting events are
  tried again, in arrival order, until none moves; one that can now never apply is marked REFUSED.
- Concurrency: the events of one order are serialised — a PostgreSQL advisory lock per (shop, platform order
  id), held to the end of the transaction (SQLite has one writer at a time) — lines carry an optimistic
  version (settlement), and (shop, event id) / (shop, order id) are unique: a lost race raises, the whole
  request is retried from scratch and then sees the winner's rows (a duplicate, ORDER_EXISTS…).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from server import models
from server.models.enums import (
    LedgerPhase,
    Market,
    OrderLineStatus,
)
from server.observability import metrics
from server.runtime import Runtime
from server.services.errors import DomainError
from server.services.orders import batching, ledger, lifecycle
from server.services.orders import payloads as p
from server.services.orders.commission import ZERO, Split, is_attributed
from server.services.orders.event_shops import EventResult, refused, shops_of
from server.services.orders.line_events import CommissionChanges, note_event, publish_line_changes
from server.services.orders.signatures import TIMESTAMP_TOLERANCE, Pusher, ShopRef
from server.services.rollups import upkeep
from server.services.unit_of_work import UnitOfWork, begin_writing

MAX_BATCH = 500
MAX_ATTEMPTS = 5
REFUSED = "REFUSED"


def body_sha256(raw: Any) -> str:
    """Of the event's canonical JSON: the same event sent alone or in a batch, spaced differently, is the same."""
    canonical = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _stored_status(row: models.OrderEvent) -> str:
    if row.applied_at is not None:
        return "applied"
    return "refused" if (row.held_reason or "").startswith(REFUSED) else "held"


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, IntegrityError | StaleDataError):
        return True
    if isinstance(exc, OperationalError) and "locked" in str(exc):  # SQLite: another writer
        return True
    if isinstance(exc, DBAPIError):
        code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
        return code in ("40001", "40P01")  # serialization failure, deadlock
    return False


async def ingest(
    rt: Runtime, pusher: Pusher, raw_events: Sequence[Any], *, batch: bool = False
) -> list[EventResult]:
    """One result per event, in order. Refused events store nothing; the others commit together."""
    now = rt.clock.now()
    results: list[EventResult | None] = [None] * len(raw_events)
    accepted: list[tuple[int, p.Event, Any, list[str | int]]] = []
    for i, raw in enumerate(raw_events):
        prefix: list[str | int] = ["events", i] if batch else []
        try:
            event = p.parse_event(raw, prefix)
            for name in ("occurred_at", "placed_at"):
                value = getattr(event, name, None)
                if value is not None:
                    p.check_not_future(value, now + TIMESTAMP_TOLERANCE, [*prefix, name])
        except DomainError as error:
            results[i] = refused(raw, error)
            continue
        accepted.append((i, event, raw, prefix))

    shops = await shops_of(rt, pusher, accepted, results)
    todo = [(i, event, raw, prefix, shops[i]) for i, event, raw, prefix in accepted if i in shops]
    for attempt in range(MAX_ATTEMPTS if todo else 0):
        try:
            async with UnitOfWork(rt) as uow:
                await begin_writing(uow)
                run = _Run(uow, rt, now)
                await run.prepare(todo)
                done: dict[int, EventResult] = {}
                for i, event, raw, prefix, shop in todo:
                    try:
                        done[i] = await run.process(event, raw, shop, prefix)
                    except DomainError as error:
                        done[i] = refused(raw, error)
                await run.publish()
        except Exception as exc:
            if not _retryable(exc) or attempt == MAX_ATTEMPTS - 1:
                raise
            await asyncio.sleep(random.uniform(0.005, 0.05) * (attempt + 1))
            continue
        for i, result in done.items():
            results[i] = result
        break
    assert all(r is not None for r in results)
    metrics.order_events([r.outcome for r in results])  # type: ignore[arg-type]
    return results  # type: ignore[return-value]


ORDER_LOCK_NAMESPACE = 0x4F52  # pg_advisory_xact_lock(namespace, key): keys of (shop, platform order id)


def _order_lock_key(shop_id: int, platform_order_id: str) -> int:
    digest = hashlib.sha256(f"{shop_id}:{platform_order_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big", signed=True)  # a collision only serialises two orders


Key = tuple[int, str]  # (shop id, platform event or order id)
Touched = dict[int, tuple[models.OrderLine, int]]  # id(line) -> (line, shop)
LineMoney = dict[models.OrderLine, CommissionChanges]  # what each line's commission did, for the line events
Plans = dict[int, batching.PlannedOrder | DomainError]  # id(event) -> plan


@dataclass(slots=True)
class _Run:
    """One attempt at a request's events, in one transaction.

    It first serialises on every order the request touches — created or not yet: a PostgreSQL advisory
    transaction lock per (shop, platform order id), taken in key order; SQLite has one writer at a time —
    and only then reads those orders, their lines, ledger totals, known and waiting events. Nobody else can
    change them before this transaction ends (settlement changes lines, and the lines' version catches it),
    so the caches below stay true for the whole attempt.
    """

    uow: UnitOfWork
    rt: Runtime
    now: datetime
    # (shop, event id) -> event; (shop, order id) -> order; order id -> lines; line id -> ledger now
    known: dict[Key, models.OrderEvent] = field(default_factory=dict[Key, models.OrderEvent])
    orders: dict[Key, models.Order | None] = field(default_factory=dict[Key, models.Order | None])
    lines: dict[int, list[models.OrderLine]] = field(default_factory=dict[int, list[models.OrderLine]])
    waiting: dict[Key, list[models.OrderEvent]] = field(default_factory=dict[Key, list[models.OrderEvent]])
    totals: dict[int, dict[LedgerPhase, Split]] = field(default_factory=dict[int, dict[LedgerPhase, Split]])
    touched: Touched = field(default_factory=Touched)
    money: LineMoney = field(default_factory=LineMoney)
    # Written together at the end (finish): one INSERT per table for the whole request.
    planned: Plans = field(default_factory=Plans)
    new_orders: list[models.Order] = field(default_factory=list[models.Order])
    new_lines: list[models.OrderLine] = field(default_factory=list[models.OrderLine])
    new_events: list[models.OrderEvent] = field(default_factory=list[models.OrderEvent])
    legs: list[ledger.Leg] = field(default_factory=list[ledger.Leg])
    ids: batching.IdAllocator | None = None

    @property
    def s(self):  # noqa: ANN201
        return self.uow.session

    def window(self, market: Market) -> timedelta:
        return timedelta(days=self.rt.settings.settlement_window_days[market.value])

    async def prepare(self, todo: Sequence[tuple[int, p.Event, Any, list[str | int], ShopRef]]) -> None:
        keys: dict[int, set[str]] = {}
        event_ids: dict[int, set[str]] = {}
        for _, event, _, _, shop in todo:
            keys.setdefault(shop.id, set()).add(event.order_id)
            event_ids.setdefault(shop.id, set()).add(event.id)
        if not self.rt.settings.is_sqlite:
            lock_keys = sorted({_order_lock_key(shop_id, o) for shop_id, ids in keys.items() for o in ids})
            await self.s.execute(
                text(
                    "SELECT pg_advisory_xact_lock(:namespace, k) FROM "
                    "(SELECT k FROM unnest(CAST(:keys AS integer[])) AS k ORDER BY k) AS ordered"
                ),
                {"namespace": ORDER_LOCK_NAMESPACE, "keys": lock_keys},
            )
        Event = models.OrderEvent
        for shop_id, order_ids in keys.items():
            self.orders.update(dict.fromkeys(((shop_id, o) for o in order_ids), None))
            for order in await self.s.scalars(
                select(models.Order).where(
                    models.Order.shop_id == shop_id, models.Order.platform_order_id.in_(order_ids)
                )
            ):
                self.orders[(shop_id, order.platform_order_id)] = order
            for row in await self.s.scalars(
                select(Event).where(Event.shop_id == shop_id, Event.platform_event_id.in_(event_ids[shop_id]))
            ):
                self.known[(shop_id, row.platform_event_id)] = row
            for row in await self.s.scalars(
                select(Event)
                .where(
                    Event.shop_id == shop_id,
                    Event.platform_order_id.in_(order_ids),
                    Event.applied_at.is_(None),
                    Event.held_reason.like("WAITING\\_FOR\\_%", escape="\\"),
                )
                .order_by(Event.id)
            ):
                self.waiting.setdefault((shop_id, row.platform_order_id), []).append(row)
        existing = [order.id for order in self.orders.values() if order is not None]
        if existing:
            for line in await self.s.scalars(
                select(models.OrderLine)
                .where(models.OrderLine.order_id.in_(existing))
                .order_by(models.OrderLine.id)
            ):
                self.lines.setdefault(line.order_id, []).append(line)
            attributed = [line.id for lines in self.lines.values() for line in lines if is_attributed(line)]
            self.totals = await ledger.totals_by_line(self.s, attributed)
        self.ids = batching.IdAllocator(self.s, self.rt.settings.is_sqlite)
        # The orders this request creates, planned together: an OrderCreated is planned when it is the first
        # occurrence of its event id not stored yet, for an order not stored yet (process() plans any other
        # one it meets alone, the same way).
        seen = set(self.known)
        candidates: list[tuple[int, batching.Shop, p.OrderCreated, list[str | int]]] = []
        for _, event, _, prefix, shop in todo:
            first = (shop.id, event.id) not in seen
            seen.add((shop.id, event.id))
            if first and isinstance(event, p.OrderCreated) and self.orders[(shop.id, event.order_id)] is None:
                candidates.append((id(event), batching.Shop(shop.id, shop.currency), event, prefix))
        claimed = {key for key, order in self.orders.items() if order is not None}
        self.planned = await batching.plan_creates(self.s, self.ids, candidates, claimed=claimed)

    async def process(self, event: p.Event, raw: Any, shop: ShopRef, prefix: list[str | int]) -> EventResult:
        sha = body_sha256(raw)
        known = self.known.get((shop.id, event.id))
        if known is not None:
            if known.body_sha256 != sha:
                raise DomainError(
                    "EVENT_ID_REUSED", "This event id was already used for a different event", [*prefix, "id"]
                )
            status = _stored_status(known)
            return EventResult(
                event.id,
                status,
                duplicate=True,
                held_reason=None if status == "applied" else known.held_reason,
            )
        order = self.orders[(shop.id, event.order_id)]
        if isinstance(event, p.OrderCreated):
            if order is not None:
                raise DomainError("ORDER_EXISTS", "This order was already created", [*prefix, "order_id"])
            order = await self._create(shop, event, prefix)
            self._record(shop, event, raw, sha, order, held_reason=None)
            self._release_waiting(order)
            return EventResult(event.id, "applied")
        if order is None:
            self._record(shop, event, raw, sha, None, held_reason=lifecycle.WAITING_FOR_ORDER)
            return EventResult(event.id, "held", held_reason=lifecycle.WAITING_FOR_ORDER)
        outcome = lifecycle.plan(
            event,
            order,
            self.lines[order.id],
            settlement_window=self.window(order.market),
            field_prefix=prefix,
        )
        if isinstance(outcome, lifecycle.Hold):
            self._record(shop, event, raw, sha, order, held_reason=outcome.reason)
            return EventResult(event.id, "held", held_reason=outcome.reason)
        self._apply(order, outcome, event)
        self._record(shop, event, raw, sha, order, held_reason=None)
        self._release_waiting(order)
        return EventResult(event.id, "applied")

    def _record(
        self,
        shop: ShopRef,
        event: p.Event,
        raw: Any,
        sha: str,
        order: models.Order | None,
        *,
        held_reason: str | None,
    ) -> None:
        row = models.OrderEvent(
            shop_id=shop.id,
            platform_event_id=event.id,
            platform_order_id=event.order_id,
            order_id=None if order is None else order.id,
            event_type=event.type,
            body_sha256=sha,
            payload=raw,
            received_at=self.now,
            applied_at=None if held_reason else self.now,
            held_reason=held_reason,
        )
        self.new_events.append(row)
        self.known[(shop.id, event.id)] = row
        if held_reason is not None:
            self.waiting.setdefault((shop.id, event.order_id), []).append(row)

    async def _create(self, shop: ShopRef, event: p.OrderCreated, prefix: list[str | int]) -> models.Order:
        """The order and its lines as planned (every line checked and attributed, nothing written before all
        pass); they are written with the request's other rows in finish()."""
        plan = self.planned.get(id(event))
        if plan is None:  # not foreseen by prepare(), e.g. an event id reused after a refused event
            assert self.ids is not None
            plan = (
                await batching.plan_creates(
                    self.s,
                    self.ids,
                    [(id(event), batching.Shop(shop.id, shop.currency), event, prefix)],
                    claimed=set(),
                )
            )[id(event)]
        if isinstance(plan, DomainError):
            raise plan
        order = models.Order(
            id=plan.order_id,
            shop_id=shop.id,
            platform_order_id=event.order_id,
            market=shop.market,
            currency=shop.currency,
            placed_at=event.placed_at,
            created_at=self.now,
        )
        lines = [
            models.OrderLine(
                id=planned.id,
                order_id=order.id,
                platform_line_id=line.line_id,
                product_id=planned.product_id,
                sku_id=planned.sku_id,
                quantity=line.quantity,
                unit_price_minor=planned.price_minor,
                currency=shop.currency,
                status=OrderLineStatus.PLACED,
                refunded_quantity=0,
                refunded_amount_minor=0,
                created_at=self.now,
                updated_at=self.now,
                version=1,
                **batching.NO_TIMES,
                **planned.snapshot.as_columns(),
            )
            for line, planned in zip(event.lines, plan.lines, strict=True)
        ]
        self.new_orders.append(order)
        self.new_lines.extend(lines)
        self.orders[(shop.id, event.order_id)] = order
        self.lines[order.id] = lines
        for line in lines:
            self.touched[id(line)] = (line, shop.id)
        return order

    def _apply(self, order: models.Order, changes: list[lifecycle.LineChange], event: p.Event) -> None:
        moves_money = isinstance(event, p.OrderPaid | p.OrderCancelled | p.OrderRefunded)
        for change in changes:
            line = change.line
            for name, value in change.values.items():
                setattr(line, name, value)
            line.status = lifecycle.derive_status(line)
            line.updated_at = self.now
            self.touched[id(line)] = (line, order.shop_id)
            note_event(self.money, line, event)
            if moves_money and is_attributed(line):
                said = getattr(event, "reason", None)
                reason = f"{change.note} ({event.type} {event.id}{': ' + said if said else ''})"
                current = self.totals.setdefault(line.id, {phase: ZERO for phase in ledger.PHASES})
                ledger.reconcile_line(self.legs, line, order.shop_id, current, reason, self.now)

    def _release_waiting(self, order: models.Order) -> None:
        """Applies the order's held events that can apply now, in arrival order, until none moves."""
        waiting = self.waiting.get((order.shop_id, order.platform_order_id), [])
        progressed = True
        while progressed:
            progressed = False
            for row in list(waiting):
                row.order_id = order.id
                event = p.parse_event(row.payload)
                try:
                    outcome = lifecycle.plan(
                        event, order, self.lines[order.id], settlement_window=self.window(order.market)
                    )
                except DomainError as error:
                    row.held_reason = f"{REFUSED} {error.code}: {error.message}"[:200]
                    waiting.remove(row)
                    continue
                if isinstance(outcome, lifecycle.Hold):
                    row.held_reason = outcome.reason
                    continue
                self._apply(order, outcome, event)
                row.applied_at = self.now
                waiting.remove(row)
                progressed = True

    async def finish(self) -> None:
        """Writes what the request made, one batch per table (foreign keys first): orders, lines, events, legs.
        Lines stored before this request are updated together first (batching.update_lines). Every new row has
        its key already (batching.IdAllocator) and its final values, so each table's rows go in one Core
        statement (batching.insert_all); upkeep is told of the new lines (rollups.upkeep.touch)."""
        assert self.ids is not None
        for row, event_id in zip(
            self.new_events,
            await self.ids.take(models.OrderEvent.__table__, len(self.new_events)),
            strict=True,
        ):
            row.id = event_id
        stored = [line for line, _ in self.touched.values() if inspect(line).persistent]
        await batching.update_lines(self.s, stored, is_sqlite=self.rt.settings.is_sqlite)
        # Held events stored earlier are updated at the end (a flush), once their order exists.
        with self.s.no_autoflush:
            for rows in (self.new_orders, self.new_lines, self.new_events):
                await batching.insert_all(self.s, rows)
        upkeep.touch(self.s, (line.id for line in self.new_lines))  # no flush sees them
        await ledger.write_legs(self.s, self.legs)

    async def publish(self) -> None:
        """Thin events, sent after commit: the shop's line channel, the creator's and agency's commissions."""
        await self.finish()
        if not self.touched:
            return
        await self.s.flush()
        publish_line_changes(self.uow, self.touched.values(), self.money)
