"""productLists and productList.items: the statement count does not grow with the number of lists or items."""

from __future__ import annotations

from sqlalchemy import select

from server import models

from .conftest import add_products, add_registration, add_showcase_entry, create_link, create_list, gid, item

LISTS = """{ productLists(first: 50) { totalCount edges { node {
  id name itemCount updatedAt campaign { id name status } shareLink { id url opens }
  items(first: 5) { totalCount pageInfo { hasNextPage } edges { node { id creatorRateBps agencyRateBps product { title } } } }
} } } }"""
ITEMS = """query($id: ID!) { productList(id: $id) { itemCount items { totalCount edges { node {
  id creatorRateBps totalRateBps agencyRateBps creatorCount createdAt
  product { id title price { amount currency } }
  registration { id status totalRateBps }
} } } } }"""


async def test_product_lists_statement_count_is_constant(rt, world, setup, queries, as_role) -> None:
    api = await as_role("agency_a")

    async def add_lists(n: int) -> None:
        for i in range(n):
            created = await create_list(
                api, setup.campaign, f"List {i}", [item(r, 1000) for r in setup.approved]
            )
            await create_link(api, created["id"])

    await add_lists(1)
    queries.reset()
    one = await api(LISTS)
    with_one = queries.count
    await add_lists(9)
    queries.reset()
    ten = await api(LISTS)
    assert (one["productLists"]["totalCount"], ten["productLists"]["totalCount"]) == (1, 10)
    assert all(len(e["node"]["items"]["edges"]) == 3 for e in ten["productLists"]["edges"])
    assert queries.count == with_one, queries.statements
    # session, page with its count, campaigns, item counts, links, link opens, item pages, products
    assert with_one == 8, queries.statements


async def test_product_list_items_statement_count_is_constant(rt, world, setup, queries, as_role) -> None:
    shop = world["seller_a"].organisation_id
    registrations = [
        await add_registration(rt, setup.campaign, p, shop)
        for p in await add_products(rt, shop, [f"P{i}" for i in range(10)])
    ]
    api = await as_role("agency_a")
    created = await create_list(api, setup.campaign, items=[item(registrations[0], 1000)])
    async with rt.sessionmaker() as session:
        first_item = await session.scalar(select(models.ProductListItem.id))
    await add_showcase_entry(rt, creator_id=world["creator_a"].organisation_id, item_id=first_item)
    queries.reset()
    one = await api(ITEMS, {"id": created["id"]})
    with_one = queries.count
    data = await api(
        "mutation($i: ProductListItemsSetInput!) { productListItemsSet(input: $i) { userErrors { code } } }",
        {"i": {"listId": created["id"], "set": [item(r, 1000) for r in registrations[1:]]}},
    )
    assert data["productListItemsSet"]["userErrors"] == []
    queries.reset()
    ten = await api(ITEMS, {"id": created["id"]})
    assert (len(one["productList"]["items"]["edges"]), len(ten["productList"]["items"]["edges"])) == (1, 10)
    assert ten["productList"]["items"]["edges"][0]["node"]["creatorCount"] == 1
    assert ten["productList"]["items"]["edges"][0]["node"]["registration"]["id"] == gid(
        "Registration", registrations[0]
    )
    assert queries.count == with_one, queries.statements
