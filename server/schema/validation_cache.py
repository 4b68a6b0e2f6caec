"""Validation results cached per schema: the same document under the same rules validates once.

Strawberry's own ValidationCache keeps one LRU per size for the whole process, keyed by schema; every schema a
process built stayed alive in it. Its key also hashed the whole document on every request (graphql-core's AST
nodes hash their children). This one lives on its schema's extension list and goes with it, and knows a document
by identity: the parser cache hands back the same DocumentNode for the same text (LRU.per_document)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from server.lru import LRU


class SchemaValidationCache(SchemaExtension):
    def __init__(self, results: LRU[list[GraphQLError]]) -> None:
        super().__init__()
        self._results = results

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document, rules = context.graphql_document, context.validation_rules
        assert document is not None, "validation runs on a parsed document"
        schema = context.schema._schema  # noqa: SLF001 - the graphql-core schema, as Strawberry's own cache passes it
        context.pre_execution_errors = self._results.per_document(
            (rules,), document, lambda: validate_document(schema, document, rules)
        )
        yield


def validation_cache_of(schema: Any) -> LRU[list[GraphQLError]]:
    """The schema's validation results, one entry per document and rules."""
    for extension in schema.extensions:
        if isinstance(extension, partial) and extension.func is SchemaValidationCache:
            return extension.args[0]
    raise LookupError("the schema has no SchemaValidationCache")


def validation_cache(maxsize: int) -> Callable[[], SchemaValidationCache]:
    """An extension factory for one schema, with its own LRU of `maxsize` documents."""
    return partial(SchemaValidationCache, LRU(maxsize))
