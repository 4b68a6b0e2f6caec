"""Writes deploy/grafana/dashboards/matchup.json (the provisioned Grafana dashboard) from the panel list below:
`python deploy/grafana/make_dashboard.py`. tests/test_compose.py checks every metric it names is exported."""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).parent / "dashboards" / "matchup.json"

# (title, unit, [(PromQL, legend)])
PANELS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("HTTP requests /s by route and status", "reqps", [
        ('sum by (route, status) (rate(matchup_http_requests_total[5m]))', "{{route}} {{status}}")]),
    ("HTTP latency p50 / p95 by route", "s", [
        ('histogram_quantile(0.5, sum by (le, route) (rate(matchup_http_request_duration_seconds_bucket[5m])))', "p50 {{route}}"),
        ('histogram_quantile(0.95, sum by (le, route) (rate(matchup_http_request_duration_seconds_bucket[5m])))', "p95 {{route}}")]),
    ("GraphQL operations /s by name and outcome", "ops", [
        ('sum by (operation, outcome) (rate(matchup_graphql_operations_total[5m]))', "{{operation}} {{outcome}}")]),
    ("GraphQL p95 duration by operation", "s", [
        ('histogram_quantile(0.95, sum by (le, operation) (rate(matchup_graphql_operation_duration_seconds_bucket[5m])))', "{{operation}}")]),
    ("GraphQL query cost p95 by operation", "none", [
        ('histogram_quantile(0.95, sum by (le, operation) (rate(matchup_graphql_query_cost_bucket[5m])))', "{{operation}}")]),
    ("Live: websockets and subscriptions", "none", [
        ("sum(matchup_websockets_open)", "websockets"), ("sum(matchup_subscriptions_active)", "subscriptions")]),
    ("Broker: published and delivered /s", "ops", [
        ("sum by (channel) (rate(matchup_broker_published_total[5m]))", "published {{channel}}"),
        ("sum by (channel) (rate(matchup_broker_delivered_total[5m]))", "delivered {{channel}}"),
        ("sum(rate(matchup_broker_dropped_total[5m]))", "dropped")]),
    ("Broker: subscriber lag p95 (events queued)", "none", [
        ("histogram_quantile(0.95, sum by (le) (rate(matchup_broker_subscriber_lag_events_bucket[5m])))", "p95")]),
    ("Order events /s by outcome", "ops", [
        ("sum by (outcome) (rate(matchup_order_events_total[5m]))", "{{outcome}}")]),
    ("Sweeper: rows changed /min by job", "none", [
        ("sum by (job) (increase(matchup_sweeper_rows_changed_total[1m]))", "{{job}}"),
        ('sum(increase(matchup_sweeper_job_runs_total{result="failed"}[5m]))', "failed runs")]),
    ("Database pool", "none", [
        ("sum(matchup_db_pool_in_use)", "in use"), ("sum(matchup_db_pool_open)", "open")]),
    ("Webhooks: deliveries /s by outcome, messages written /s", "ops", [
        ("sum by (outcome) (rate(matchup_webhook_deliveries_total[5m]))", "{{outcome}}"),
        ("sum by (event) (rate(matchup_webhook_messages_enqueued_total[5m]))", "written {{event}}")]),
]


def dashboard() -> dict:
    panels = []
    for n, (title, unit, targets) in enumerate(PANELS):
        panels.append({
            "id": n + 1, "type": "timeseries", "title": title,
            "datasource": {"type": "prometheus", "uid": "prometheus"},
            "gridPos": {"h": 8, "w": 12, "x": 12 * (n % 2), "y": 8 * (n // 2)},
            "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
            "targets": [
                {"refId": chr(ord("A") + i), "expr": expr, "legendFormat": legend,
                 "datasource": {"type": "prometheus", "uid": "prometheus"}}
                for i, (expr, legend) in enumerate(targets)
            ],
        })
    return {
        "uid": "matchup", "title": "Matchup", "tags": ["matchup"], "timezone": "utc", "schemaVersion": 39,
        "version": 1, "refresh": "30s", "time": {"from": "now-6h", "to": "now"}, "panels": panels,
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(dashboard(), indent=2) + "\n")
    print(f"wrote {OUT}")
