"""A schema extension around every GraphQL operation: its name goes into the request's log context, its count,
outcome and duration into the metrics, and (when tracing is on) it runs inside a `graphql.operation` span."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from strawberry.extensions import SchemaExtension

from server.observability import metrics, tracing
from server.observability.request_context import set_operation


def _operation_type(ec: Any) -> str:
    try:
        return ec.operation_type.value
    except Exception:  # noqa: BLE001 - a document that did not parse has no operation type
        return "unknown"


class ObserveOperations(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        with observed_operation(self.execution_context):
            yield


@contextmanager
def observed_operation(ec: Any) -> Iterator[None]:
    """Around one operation (this extension's hook, and prepared operations: server/schema/prepared.py)."""
    started = time.perf_counter()
    tracer = tracing.state.tracer
    scope = None if tracer is None else tracer.start_as_current_span("graphql.operation")
    span = None if scope is None else scope.__enter__()
    failed: BaseException | None = None
    try:
        yield
    except BaseException as error:
        failed = error
        raise
    finally:
        elapsed = time.perf_counter() - started
        try:
            name = ec.operation_name
        except Exception:  # noqa: BLE001 - an unparsable document has no name
            name = None
        set_operation(name)
        kind = _operation_type(ec)
        errors = (
            failed is not None
            or bool(ec.pre_execution_errors)
            or bool(ec.result is not None and getattr(ec.result, "errors", None))
        )
        if metrics.switch.on:
            label = metrics.operation_label(name)
            metrics.GRAPHQL_OPERATIONS.labels(label, kind, "error" if errors else "ok").inc()
            metrics.GRAPHQL_DURATION.labels(label, kind).observe(elapsed)
        if span is not None:
            span.update_name(f"{kind} {name}" if name else f"{kind}")
            span.set_attribute("graphql.operation.type", kind)
            if name:
                span.set_attribute("graphql.operation.name", name)
            span.set_attribute("graphql.errors", errors)
            scope.__exit__(None, None, None)  # type: ignore[union-attr]
