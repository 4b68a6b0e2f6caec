"""Logging: one JSON object per line (time, level, logger, message, request id, organisation, operation, and the
event's own fields), or a readable line in dev. `configure_logging(settings)` installs it on the root logger.

An event's own fields are passed as ``log.info("request", extra={"fields": {"status": 200, ...}})``.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime

import orjson

from server.observability.request_context import current
from server.settings import Settings

_HANDLER_NAME = "matchup"


def _context(record: logging.LogRecord) -> dict[str, object]:
    out: dict[str, object] = {}
    info = current.get()
    if info is not None:
        out["request_id"] = info.request_id
        if info.organisation_id is not None:
            out["organisation_id"] = info.organisation_id
        if info.operation:
            out["operation"] = info.operation
    fields = getattr(record, "fields", None)
    if isinstance(fields, dict):
        out.update(fields)
    return out


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **_context(record),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


class TextFormatter(logging.Formatter):
    """Dev: `12:00:01.123 INFO  matchup.http  POST /graphql 200  request_id=… duration_ms=3.1`."""

    def format(self, record: logging.LogRecord) -> str:
        time = datetime.fromtimestamp(record.created, UTC).strftime("%H:%M:%S.%f")[:-3]
        extras = " ".join(f"{k}={v}" for k, v in _context(record).items())
        text = f"{time} {record.levelname:<5} {record.name}  {record.getMessage()}" + (
            f"  {extras}" if extras else ""
        )
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def log_format(settings: Settings) -> str:
    return (
        ("text" if settings.env == "dev" else "json")
        if settings.log_format == "auto"
        else settings.log_format
    )


def configure_logging(settings: Settings, stream: object = None) -> logging.Handler:
    """Replaces this module's handler on the root logger (idempotent: create_app may run more than once)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)  # type: ignore[arg-type]
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonFormatter() if log_format(settings) == "json" else TextFormatter())
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    return handler
