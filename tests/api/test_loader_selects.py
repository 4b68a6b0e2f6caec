"""Loader selects are built once per loader and principal (server/loaders/base.py) and never shared between
principals: a later request of the same principal builds none, another principal gets its own, scoped to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.auth.principal import Principal
from server.ids import encode_id
from server.loaders import base
from server.loaders.base import ScopedLoader
from server.loaders.registry import LoaderRegistry
from server.lru import LRU
from tests.api.registrations.helpers import make_campaign, make_products, register_one
from tests.plugins.api import World
from tests.web_documents import document_text

ROOT = Path(__file__).resolve().parents[2]
PAGE = document_text(ROOT / "web/src/graphql/agency/CampaignRegistrations.graphql")
# Registrations as nodes: their fields load through the loaders (the page joins them into its own select instead).
ROW = "status bookmarked campaign { name } product { title price { amount } stock } shop { name }"


def nodes(ids: list[int]) -> str:
    fields = " ".join(
        f'r{i}: node(id: "{encode_id("Registration", pk)}") {{ ... on Registration {{ {ROW} }} }}'
        for i, pk in enumerate(ids)
    )
    return f"{{ {fields} }}"


class Builds:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        # empty: earlier tests' principals may be equal
        monkeypatch.setattr(base, "_STATEMENTS", LRU(base.STATEMENT_CACHE_SIZE))
        build = ScopedLoader._build

        def counting(loader: ScopedLoader):  # noqa: ANN202
            self.count += 1
            return build(loader)

        monkeypatch.setattr(ScopedLoader, "_build", counting)


async def test_a_principal_reuses_its_loader_selects_and_another_gets_its_own(
    rt, world: World, as_role, monkeypatch
) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    ids = [await register_one(seller, campaign, p) for p in await make_products(rt, world, "seller_a", 3)]
    agency_a, agency_b = await as_role("agency_a"), await as_role("agency_b")
    builds = Builds(monkeypatch)

    first = await agency_a(nodes(ids))
    built = builds.count
    assert built >= 5  # registrations, campaigns, products, shops, bookmarks, SKU summaries of the rows
    again = await agency_a(nodes(ids))
    assert again == first and builds.count == built  # nothing built for the second request
    assert all(first[f"r{i}"]["shop"]["name"] for i in range(3))

    other = await agency_b(nodes(ids))
    assert all(other[f"r{i}"] is None for i in range(3))  # scoped to agency_b: none of agency_a's rows
    assert builds.count > built
    assert (await agency_b(PAGE, {"first": 20}))["registrations"]["totalCount"] == 0


async def test_cached_selects_keep_each_principal_in_its_own_scope(rt, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    campaign = await make_campaign(rt, world)
    (product,) = await make_products(rt, world, "seller_a", 1)
    registration = await register_one(seller, campaign, product)

    def loaders(name: str) -> LoaderRegistry:
        tenant = world[name]
        return LoaderRegistry(
            rt,
            Principal(user_id=tenant.user_id, role=tenant.role, organisation_id=tenant.organisation_id),
            cache=False,
        )

    # a, b, a again and b again: the second of each reads through the select cached by the first
    for _ in range(2):
        assert (await loaders("agency_a").registration_by_id.load(registration)).id == registration
        assert await loaders("agency_b").registration_by_id.load(registration) is None
        assert (await loaders("seller_a").registration_by_id.load(registration)).id == registration
        assert await loaders("seller_b").registration_by_id.load(registration) is None
