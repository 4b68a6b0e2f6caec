"""Loader selects are built once per loader and principal (server/loaders/base.py) and never shared between
principals: a later request of the same principal builds none, another principal gets its own, scoped to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.auth.principal import Principal
from server.loaders import base
from server.loaders.base import ScopedLoader
from server.loaders.registry import LoaderRegistry
from server.lru import LRU
from tests.api.registrations.helpers import make_campaign, make_products, register_one
from tests.plugins.api import World

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "web/src/graphql/agency/CampaignRegistrations.graphql").read_text()


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
    for product in await make_products(rt, world, "seller_a", 3):
        await register_one(seller, campaign, product)
    agency_a, agency_b = await as_role("agency_a"), await as_role("agency_b")
    builds = Builds(monkeypatch)

    first = await agency_a(PAGE, {"first": 20})
    built = builds.count
    assert built >= 4  # campaigns, products, shops, bookmarks, SKU summaries of the page's rows
    again = await agency_a(PAGE, {"first": 20})
    assert again == first and builds.count == built  # nothing built for the second request
    assert len(first["registrations"]["edges"]) == 3

    other = await agency_b(PAGE, {"first": 20})
    assert other["registrations"]["totalCount"] == 0 and other["registrations"]["edges"] == []


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
