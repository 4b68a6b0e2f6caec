"""Prometheus metrics (the official client). Counters are kept while metrics are on (MATCHUP_METRICS_TOKEN set)
and served at /metrics to a scraper that sends that token as a bearer token.

With several worker processes the client runs in its multiprocess mode: each process writes its values to files
under PROMETHEUS_MULTIPROC_DIR (`python -m server serve --workers N` creates and empties one when it is not set)
and a scrape of any process adds them up. Gauges of live things (websockets, subscriptions, pool connections)
count only processes that are alive ("livesum").
"""

from __future__ import annotations

import collections
import os
import re
from typing import Any

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


class _Switch:
    on = False  # set by create_app from the settings; every recording helper checks it first


switch = _Switch()

_LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

HTTP_REQUESTS = Counter("matchup_http_requests", "HTTP requests answered", ["method", "route", "status"])
HTTP_DURATION = Histogram(
    "matchup_http_request_duration_seconds", "HTTP request duration", ["method", "route"], buckets=_LATENCY
)
GRAPHQL_OPERATIONS = Counter(
    "matchup_graphql_operations",
    "GraphQL operations by name, type and outcome",
    ["operation", "type", "outcome"],
)
GRAPHQL_DURATION = Histogram(
    "matchup_graphql_operation_duration_seconds",
    "GraphQL operation duration",
    ["operation", "type"],
    buckets=_LATENCY,
)
GRAPHQL_COST = Histogram(
    "matchup_graphql_query_cost",
    "Static cost of GraphQL operations (docs/api-limits.md)",
    ["operation"],
    buckets=(1, 10, 50, 100, 500, 1000, 5000, 10000, 20000),
)
WEBSOCKETS = Gauge("matchup_websockets_open", "Open GraphQL websockets", multiprocess_mode="livesum")
SUBSCRIPTIONS = Gauge(
    "matchup_subscriptions_active", "Active GraphQL subscriptions", multiprocess_mode="livesum"
)
BROKER_PUBLISHED = Counter("matchup_broker_published", "Events published to the broker", ["channel"])
BROKER_DELIVERED = Counter("matchup_broker_delivered", "Events delivered to local subscribers", ["channel"])
BROKER_DROPPED = Counter("matchup_broker_dropped", "Events dropped from full subscriber queues")
BROKER_LAG = Histogram(
    "matchup_broker_subscriber_lag_events",
    "Events waiting in a subscriber's queue when one more arrives",
    buckets=(0, 1, 2, 4, 8, 16, 32, 64, 128, 256),
)
ORDER_EVENTS = Counter("matchup_order_events", "Order events ingested, by outcome", ["outcome"])
SWEEPER_RUNS = Counter("matchup_sweeper_job_runs", "Sweeper job runs by result", ["job", "result"])
SWEEPER_CHANGED = Counter("matchup_sweeper_rows_changed", "Rows the sweeper's jobs changed", ["job"])
DB_POOL_IN_USE = Gauge(
    "matchup_db_pool_in_use", "Database connections checked out", multiprocess_mode="livesum"
)
DB_POOL_OPEN = Gauge("matchup_db_pool_open", "Database connections open", multiprocess_mode="livesum")
WEBHOOK_DELIVERIES = Counter(
    "matchup_webhook_deliveries", "Webhook delivery attempts by outcome", ["outcome"]
)
WEBHOOK_ENQUEUED = Counter(
    "matchup_webhook_messages_enqueued", "Webhook messages written to the outbox", ["event"]
)

_ROUTES = (
    ("/graphql", "/graphql"),
    ("/integrations/orders/batch", "/integrations/orders/batch"),
    ("/integrations/orders", "/integrations/orders"),
    ("/integrations/", "/integrations"),
    ("/exports/", "/exports"),
    ("/healthz", "/healthz"),
    ("/readyz", "/readyz"),
    ("/metrics", "/metrics"),
    ("/assets/", "/assets"),
)
_MAX_OPERATION_NAMES = 300
_operation_names: set[str] = set()
_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]{0,63}$")


def route_label(path: str) -> str:
    """A bounded label: the API's routes by prefix, everything else is the web app."""
    for prefix, label in _ROUTES:
        if path.startswith(prefix):
            return label
    return "/app"


def operation_label(name: str | None) -> str:
    """Operation names come from clients: the first few hundred distinct ones are kept, later ones are "other"."""
    if not name:
        return "anonymous"
    if name in _operation_names:
        return name
    if len(_operation_names) < _MAX_OPERATION_NAMES and _NAME.match(name):
        _operation_names.add(name)
        return name
    return "other"


def channel_label(channel: str) -> str:
    """`org:12:samples` → `org:samples` (no ids in labels)."""
    parts = channel.split(":")
    return f"{parts[0]}:{parts[-1]}" if len(parts) == 3 else "other"


# --- recording helpers (cheap no-ops while metrics are off) ----------------------------------------------

_children: dict[tuple[object, str], Any] = {}


def _child(metric: Counter, label: str) -> Any:
    """metric.labels(label), kept: labels() takes a lock and checks its values on every call, and the hot paths
    (a published event, an ingested event's outcome) count with a handful of bounded labels."""
    child = _children.get((metric, label))
    if child is None:
        child = _children[(metric, label)] = metric.labels(label)
    return child


def graphql_cost(operation: str | None, cost: int) -> None:
    if switch.on:
        GRAPHQL_COST.labels(operation_label(operation)).observe(cost)


def broker_published(channel: str) -> None:
    if switch.on:
        _child(BROKER_PUBLISHED, channel_label(channel)).inc()


def broker_delivered(channel: str, subscribers: int, deepest_queue: int) -> None:
    if switch.on and subscribers:
        BROKER_DELIVERED.labels(channel_label(channel)).inc(subscribers)
        BROKER_LAG.observe(deepest_queue)


def broker_dropped() -> None:
    if switch.on:
        BROKER_DROPPED.inc()


def order_events(statuses: list[str]) -> None:
    """A request's events: one increment per outcome, not one per event."""
    if switch.on:
        for status, count in collections.Counter(statuses).items():
            _child(ORDER_EVENTS, status).inc(count)


def sweeper_job(job: str, changed: int | None) -> None:
    if switch.on:
        SWEEPER_RUNS.labels(job, "failed" if changed is None else "ok").inc()
        if changed:
            SWEEPER_CHANGED.labels(job).inc(changed)


def gauge(g: Gauge, delta: int) -> None:
    if switch.on:
        g.inc(delta)


def webhook_delivery(outcome: str) -> None:
    if switch.on:
        WEBHOOK_DELIVERIES.labels(outcome).inc()


def webhook_enqueued(event: str, count: int = 1) -> None:
    if switch.on:
        WEBHOOK_ENQUEUED.labels(event).inc(count)


def watch_pool(engine: object) -> None:
    """Pool gauges from SQLAlchemy's pool events (checkout/checkin/connect/close)."""
    from sqlalchemy import event

    sync_engine = engine.sync_engine  # type: ignore[attr-defined]
    event.listen(sync_engine, "checkout", lambda *a: gauge(DB_POOL_IN_USE, 1))
    event.listen(sync_engine, "checkin", lambda *a: gauge(DB_POOL_IN_USE, -1))
    event.listen(sync_engine, "connect", lambda *a: gauge(DB_POOL_OPEN, 1))
    event.listen(sync_engine, "close", lambda *a: gauge(DB_POOL_OPEN, -1))


# --- the endpoint ------------------------------------------------------------------------------------------


def exposition() -> bytes:
    path = os.environ.get(MULTIPROC_ENV)
    if path:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=path)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def mark_process_dead() -> None:
    """At shutdown of a worker: its live gauges leave the sum."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(os.getpid())
