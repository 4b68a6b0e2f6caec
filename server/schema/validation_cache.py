"""Validation results cached per schema: the same document under the same rules validates once.

Strawberry's own ValidationCache keeps one LRU per size for the whole process, keyed by schema; every schema a
process built stayed alive in it. This one lives on its schema's extension list and goes with it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document


class SchemaValidationCache(SchemaExtension):
    def __init__(self, validate: Callable[..., Any]) -> None:
        super().__init__()
        self._validate = validate

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        context.pre_execution_errors = self._validate(
            context.schema._schema,  # noqa: SLF001 - the graphql-core schema, as Strawberry's own cache passes it
            context.graphql_document,
            context.validation_rules,
        )
        yield


def validation_cache_of(schema: Any) -> Any:
    """The schema's LRU (its `cache_info()` tells hits and misses)."""
    for extension in schema.extensions:
        if isinstance(extension, partial) and extension.func is SchemaValidationCache:
            return extension.args[0]
    raise LookupError("the schema has no SchemaValidationCache")


def validation_cache(maxsize: int) -> Callable[[], SchemaValidationCache]:
    """An extension factory for one schema, with its own LRU of `maxsize` documents."""
    return partial(SchemaValidationCache, lru_cache(maxsize=maxsize)(validate_document))
