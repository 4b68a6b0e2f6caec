"""Operating Matchup: request ids, JSON logs, Prometheus metrics and OpenTelemetry traces (docs/operations.md)."""
