"""OpenTelemetry traces, only when an OTLP endpoint is configured (MATCHUP_OTLP_ENDPOINT): then the Starlette,
SQLAlchemy and Redis instrumentations are installed and the GraphQL extension and the loaders add a span per
operation and per loader batch. Without an endpoint nothing of OpenTelemetry is imported or installed, and
`span()` is a shared no-op context manager: the cost is one `is None` test.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from server.settings import Settings


class _State:
    tracer: Any = None  # an opentelemetry Tracer while tracing is installed


state = _State()
_NOOP = contextlib.nullcontext()


def span(name: str, attributes: dict[str, Any] | None = None) -> contextlib.AbstractContextManager[Any]:
    tracer = state.tracer
    if tracer is None:
        return _NOOP
    return tracer.start_as_current_span(name, attributes=attributes)


class Tracing:
    """What `install` put in place, so that `uninstall` (shutdown, tests) can take it out again."""

    def __init__(self, provider: Any, instrumentors: list[Any], app: Any) -> None:
        self.provider = provider
        self.instrumentors = instrumentors
        self.app = app

    def uninstall(self) -> None:
        from opentelemetry.instrumentation.starlette import StarletteInstrumentor

        for instrumentor in self.instrumentors:
            instrumentor.uninstrument()
        StarletteInstrumentor.uninstrument_app(self.app)
        state.tracer = None
        self.provider.shutdown()


def install(settings: Settings, app: Any, engine: Any, exporter: Any = None) -> Tracing | None:
    """`exporter`: a span exporter to use instead of OTLP (tests pass an in-memory one). None and no endpoint: off."""
    if exporter is None and not settings.otlp_endpoint:
        return None
    from opentelemetry.instrumentation.redis import RedisInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
    from opentelemetry.instrumentation.starlette import StarletteInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": settings.otel_service_name}))
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.otlp_endpoint)))
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    StarletteInstrumentor.instrument_app(app, tracer_provider=provider)
    sqlalchemy = SQLAlchemyInstrumentor()
    # The instrumentation declares SQLAlchemy < 2.1; its engine events work on 2.1 (tests/observability prove it).
    sqlalchemy.instrument(engine=engine.sync_engine, tracer_provider=provider, skip_dep_check=True)
    redis = RedisInstrumentor()
    redis.instrument(tracer_provider=provider)
    state.tracer = provider.get_tracer("matchup")
    return Tracing(provider, [sqlalchemy, redis], app)


@contextlib.contextmanager
def installed(settings: Settings, app: Any, engine: Any, exporter: Any = None) -> Iterator[Tracing | None]:
    tracing = install(settings, app, engine, exporter)
    try:
        yield tracing
    finally:
        if tracing is not None:
            tracing.uninstall()
