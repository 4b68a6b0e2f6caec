"""The query cost cache (server/limits/cost.py CostCache) answers exactly what operation_cost computes."""

from __future__ import annotations

import graphql
import pytest

from server.limits.cost import CostCache, operation_cost
from server.limits.extension import QueryLimits
from tests.schema import built_schema

PAGE = "query($first: Int = 7, $q: String) { products(first: $first, search: $q) { edges { node { id } } } }"


@pytest.fixture(scope="module")
def schema() -> graphql.GraphQLSchema:
    return built_schema()._schema


@pytest.mark.parametrize(
    "variables",
    [
        None,
        {},
        {"first": 3},
        {"first": 90},
        {"first": None},
        {"first": "12"},
        {"first": True},
        {"q": "x"},
        {"first": 3, "q": "serum"},
    ],
)
def test_a_cached_price_equals_the_computed_one(schema, variables) -> None:
    cache = CostCache(8)
    document = graphql.parse(PAGE)
    expected = operation_cost(schema, document, None, variables)
    assert cache.cost(schema, document, None, variables) == expected
    assert cache.cost(schema, document, None, variables) == expected  # from the cache


def test_page_sizes_are_priced_by_value_and_other_variables_do_not_split_the_cache(schema) -> None:
    cache = CostCache(8)
    document = graphql.parse(PAGE)
    small = cache.cost(schema, document, None, {"first": 2})
    large = cache.cost(schema, document, None, {"first": 100})
    assert (small.total, large.total) == (1 + 2 * 2, 1 + 100 * 2)
    assert cache.cost(schema, document, None, {"first": 2, "q": "a"}).total == small.total
    assert cache.cost(schema, document, None, {}).total == 1 + 7 * 2  # the document's default
    assert len(cache._entries) == 4  # {2}, {100}, {2, q}, {} — q's value is not part of any key


def test_another_document_with_the_same_text_is_priced_afresh_and_the_cache_stays_bounded(schema) -> None:
    cache = CostCache(2)
    first = graphql.parse(PAGE)
    cache.cost(schema, first, None, {"first": 5})
    again = graphql.parse(PAGE.replace("Int = 7", "Int = 9"))
    assert cache.cost(schema, again, None, {}).total == 1 + 9 * 2
    for size in range(1, 6):
        assert cache.cost(schema, first, None, {"first": size}).total == 1 + size * 2
    assert len(cache._entries) == 2


def test_the_limits_extension_prices_through_the_cache_it_is_given_even_while_empty() -> None:
    """The schema hands every request's QueryLimits the process's one CostCache; an empty LRU is falsy (len 0), so
    `costs or CostCache(1)` gave each request a fresh one-entry cache and the price was computed on every request."""
    cache = CostCache(8)
    assert QueryLimits(costs=cache).costs is cache
