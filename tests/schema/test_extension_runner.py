"""The extension runner that works out each hook's wrapping once per class runs the hooks as strawberry's own
does: the same hooks, kinds, order and exit order, errors included."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension

from server.schema.build import build_schema
from server.schema.extension_runner import CachedHooksRunner

from . import schema_settings

LOG: list[str] = []


class Generators(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        LOG.append("generators: operation in")
        yield
        LOG.append("generators: operation out")

    async def on_execute(self) -> AsyncIterator[None]:
        LOG.append("generators: execute in")
        yield
        LOG.append("generators: execute out")


class Callables(SchemaExtension):
    def on_parse(self) -> None:  # type: ignore[override] -- a plain callable hook, which strawberry also accepts
        LOG.append("callables: parse")

    async def on_validate(self) -> None:  # type: ignore[override]
        LOG.append("callables: validate")

    def on_execute(self) -> Iterator[None]:
        LOG.append("callables: execute in")
        try:
            yield
        except RuntimeError:
            LOG.append("callables: execute saw the error")
            raise
        LOG.append("callables: execute out")


class FailsOnExecute(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        yield
        raise RuntimeError("failed on the way out")


@strawberry.type
class Query:
    answer: int = 42


class CachedSchema(strawberry.Schema):
    def create_extensions_runner(self, execution_context: Any, extensions: list[Any]) -> CachedHooksRunner:
        return CachedHooksRunner(execution_context=execution_context, extensions=extensions)


async def _log(schema_class: type[strawberry.Schema], extensions: list[type[SchemaExtension]]) -> list[str]:
    LOG.clear()
    schema = schema_class(query=Query, extensions=extensions)
    try:
        result = await schema.execute("{ answer }")
        LOG.append(f"result: {result.data} {result.errors}")
    except RuntimeError as error:
        LOG.append(f"raised: {error}")
    return list(LOG)


@pytest.mark.parametrize(
    "extensions", [[Generators, Callables], [Callables, Generators], [Generators, FailsOnExecute, Callables]]
)
async def test_hooks_run_as_strawberry_runs_them(extensions: list[type[SchemaExtension]]) -> None:
    expected = await _log(strawberry.Schema, extensions)
    assert await _log(CachedSchema, extensions) == expected
    assert await _log(CachedSchema, extensions) == expected  # the second run uses the cached wrapping
    assert any("callables: parse" in line for line in expected)


def test_the_app_schema_uses_it() -> None:
    schema = build_schema(schema_settings())
    assert isinstance(schema.create_extensions_runner(None, schema.get_extensions()), CachedHooksRunner)
