"""Creators never reach a seller's total rate or an agency's rate; sellers never reach lists (by any path)."""

from __future__ import annotations

import pytest

from server.authz.decisions import field_access
from server.authz.rules import Access, Audience
from tests.schema import object_types, sdl_schema
from tests.schema.test_reachability import reachable_types

from .conftest import create_link, create_list, item

LIST_TYPES = {"ProductList", "ProductListItem", "ShareLink"}
AGENCY_ONLY_RATES = {"totalRateBps", "agencyRateBps"}


@pytest.mark.parametrize("audience", [Audience.CREATOR, Audience.SELLER, Audience.ANONYMOUS], ids=str)
def test_lists_and_split_rates_are_out_of_reach(audience: Audience) -> None:
    schema = sdl_schema()
    reached = reachable_types(schema, audience)
    assert not LIST_TYPES & set(reached), {t: reached[t] for t in LIST_TYPES & set(reached)}
    if audience is Audience.CREATOR:
        # No type a creator reaches shows a field named like the seller's total or the agency's rate.
        leaks = [
            f"{type_name}.{field}"
            for type_name in reached
            for field in object_types(schema)[type_name].fields
            if field in AGENCY_ONLY_RATES and field_access(type_name, field, audience) is not Access.DENY
        ]
        assert not leaks, leaks


async def test_creator_and_seller_get_nothing_of_a_list(setup, as_role) -> None:
    agency = await as_role("agency_a")
    created = await create_list(agency, setup.campaign, items=[item(setup.approved[0], 1000)])
    link = await create_link(agency, created["id"])
    item_id = created["items"]["edges"][0]["node"]["id"]
    for role in ("creator_a", "seller_a"):
        api = await as_role(role)
        for node_id in (created["id"], item_id, link["id"]):
            assert (await api("query($id: ID!) { node(id: $id) { id } }", {"id": node_id}))["node"] is None
        body = await api.raw("query($id: ID!) { productList(id: $id) { id } }", {"id": created["id"]})
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    # The operator reads everything.
    operator = await as_role("operator")
    seen = await operator(
        "query($id: ID!) { node(id: $id) { ... on ProductListItem { totalRateBps creatorRateBps agencyRateBps } } }",
        {"id": item_id},
    )
    assert seen["node"] == {"totalRateBps": 2000, "creatorRateBps": 1000, "agencyRateBps": 1000}
