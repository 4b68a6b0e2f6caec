"""Product lists over the API: creation, items and the three-way split, limits and every rule's userError."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from server import models
from server.ids import decode_id
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import Api, login_token

from .conftest import (
    CREATE,
    ITEMS_SET,
    LIST_FIELDS,
    PAYLOAD,
    add_products,
    add_registration,
    add_showcase_entry,
    count,
    create_link,
    create_list,
    gid,
    item,
    row,
)


def error(payload: dict) -> tuple[str, list[str] | None]:
    assert payload["productList"] is None, payload
    [only] = payload["userErrors"]
    return only["code"], only["field"]


async def test_create_shows_the_three_way_split(world, setup, as_role) -> None:
    api = await as_role("agency_a")
    created = await create_list(
        api,
        setup.campaign,
        "  Summer serums  ",
        [item(setup.approved[0], 1200), item(setup.approved[2], 3000)],
    )
    assert created["name"] == "Summer serums"
    assert created["itemCount"] == 2
    assert created["campaign"] == {"id": gid("Campaign", setup.campaign), "name": "Serum week"}
    assert created["shareLink"] is None
    nodes = [edge["node"] for edge in created["items"]["edges"]]
    assert [
        (n["totalRateBps"], n["creatorRateBps"], n["agencyRateBps"], n["creatorCount"]) for n in nodes
    ] == [(2000, 1200, 800, 0), (3000, 3000, 0, 0)]
    assert nodes[0]["product"] == {
        "id": gid("Product", world.products["seller_a"][0]),
        "title": "Shop A Serum 0",
    }
    assert nodes[0]["registration"] == {
        "id": gid("Registration", setup.approved[0]),
        "status": "APPROVED",
        "totalRateBps": 2000,
    }
    # An empty list is allowed while it is being built.
    assert (await create_list(api, setup.campaign, "Later"))["itemCount"] == 0


async def _create_error(api, setup, **changes) -> tuple[str, list[str] | None]:  # noqa: ANN001
    variables = {"campaignId": gid("Campaign", setup.campaign), "name": "Serums", "items": [], **changes}
    return error((await api(CREATE, {"i": variables}))["productListCreate"])


async def test_create_rules(rt, setup, as_role) -> None:
    api = await as_role("agency_a")
    cases = [
        ({"name": "   "}, ("REQUIRED", ["input", "name"])),
        ({"name": "x" * 101}, ("TOO_LONG", ["input", "name"])),
        ({"campaignId": gid("Campaign", setup.b_campaign)}, ("NOT_FOUND", ["input", "campaignId"])),
        ({"campaignId": gid("Product", 1)}, ("NOT_FOUND", ["input", "campaignId"])),
        ({"items": [item(setup.approved[0], 1000)] * 101}, ("TOO_MANY", ["input", "items"])),
        (
            {"items": [item(setup.approved[0], 99)]},
            ("OUT_OF_RANGE", ["input", "items", "0", "creatorRateBps"]),
        ),
        (
            {"items": [item(setup.approved[2], 8001)]},
            ("OUT_OF_RANGE", ["input", "items", "0", "creatorRateBps"]),
        ),
        (
            {"items": [item(setup.approved[1], 1000), item(setup.approved[0], 2001)]},
            ("ABOVE_TOTAL_RATE", ["input", "items", "1", "creatorRateBps"]),
        ),
        ({"items": [item(setup.pending, 1000)]}, ("NOT_APPROVED", ["input", "items", "0", "registrationId"])),
        (
            {"items": [item(setup.other_approved, 1000)]},
            ("WRONG_CAMPAIGN", ["input", "items", "0", "registrationId"]),
        ),
        # Another agency's registration is not revealed.
        ({"items": [item(setup.b_approved, 1000)]}, ("NOT_FOUND", ["input", "items", "0", "registrationId"])),
        (
            {"items": [item(setup.approved[0], 1000), item(setup.approved[0], 1100)]},
            ("DUPLICATE_ITEM", ["input", "items", "1", "registrationId"]),
        ),
    ]
    for changes, expected in cases:
        assert await _create_error(api, setup, **changes) == expected, changes
    assert await count(rt, models.ProductList) == 0
    assert await count(rt, models.ProductListItem) == 0


async def test_name_of_100_characters_is_fine(setup, as_role) -> None:
    api = await as_role("agency_a")
    assert (await create_list(api, setup.campaign, "é" * 100))["name"] == "é" * 100


async def test_the_1001st_list_of_an_agency_is_refused(rt, world, setup, as_role) -> None:
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        uow.session.add_all(
            models.ProductList(
                agency_id=world["agency_a"].organisation_id,
                campaign_id=setup.campaign,
                name=f"List {n}",
                created_at=now,
                updated_at=now,
            )
            for n in range(1000)
        )
    api = await as_role("agency_a")
    assert await _create_error(api, setup) == ("LIMIT_REACHED", None)
    assert await count(rt, models.ProductList) == 1000
    listed = (await api("{ productLists(first: 1) { totalCount edges { node { id } } } }"))["productLists"]
    assert listed["totalCount"] == 1000
    duplicate = await api(
        f"mutation($i: ProductListDuplicateInput!) {{ productListDuplicate(input: $i) {{ {PAYLOAD} }} }}",
        {"i": {"id": listed["edges"][0]["node"]["id"]}},
    )
    assert error(duplicate["productListDuplicate"]) == ("LIMIT_REACHED", None)
    # Another agency is not limited by agency A's lists.
    b = await as_role("agency_b")
    assert (await create_list(b, setup.b_campaign))["itemCount"] == 0
    assert await count(rt, models.ProductList) == 1001


async def test_items_set_adds_reprices_and_removes(rt, setup, as_role) -> None:
    api = await as_role("agency_a")
    created = await create_list(
        api, setup.campaign, items=[item(setup.approved[0], 1000), item(setup.approved[1], 500)]
    )
    data = await api(
        ITEMS_SET,
        {
            "i": {
                "listId": created["id"],
                "set": [item(setup.approved[0], 1500), item(setup.approved[2], 2500)],
                "remove": [gid("Registration", setup.approved[1])],
            }
        },
    )
    payload = data["productListItemsSet"]
    assert payload["userErrors"] == []
    nodes = [edge["node"] for edge in payload["productList"]["items"]["edges"]]
    assert [(n["registration"]["id"], n["creatorRateBps"], n["agencyRateBps"]) for n in nodes] == [
        (gid("Registration", setup.approved[0]), 1500, 500),
        (gid("Registration", setup.approved[2]), 2500, 500),
    ]
    assert payload["productList"]["itemCount"] == 2
    assert payload["productList"]["updatedAt"] >= created["updatedAt"]
    async with rt.sessionmaker() as session:
        [event] = (
            await session.scalars(
                select(models.AuditEvent).where(models.AuditEvent.action == "product_list_item.reprice")
            )
        ).all()
    assert event.changes == {"creatorRateBps": [1000, 1500]}


async def test_items_set_rules_change_nothing(rt, setup, as_role) -> None:
    api = await as_role("agency_a")
    created = await create_list(api, setup.campaign, items=[item(setup.approved[0], 1000)])

    async def attempt(**changes) -> tuple[str, list[str] | None]:  # noqa: ANN003
        variables = {"listId": created["id"], "set": [], "remove": [], **changes}
        return error((await api(ITEMS_SET, {"i": variables}))["productListItemsSet"])

    assert await attempt(set=[item(setup.approved[0], 2500)]) == (
        "ABOVE_TOTAL_RATE",
        ["input", "set", "0", "creatorRateBps"],
    )
    assert await attempt(set=[item(setup.approved[1], 100), item(setup.approved[2], 50)]) == (
        "OUT_OF_RANGE",
        ["input", "set", "1", "creatorRateBps"],
    )
    assert await attempt(set=[item(setup.pending, 1000)]) == (
        "NOT_APPROVED",
        ["input", "set", "0", "registrationId"],
    )
    assert await attempt(set=[item(setup.other_approved, 1000)]) == (
        "WRONG_CAMPAIGN",
        ["input", "set", "0", "registrationId"],
    )
    assert await attempt(set=[item(setup.b_approved, 1000)]) == (
        "NOT_FOUND",
        ["input", "set", "0", "registrationId"],
    )
    assert await attempt(remove=[gid("Registration", setup.approved[2])]) == (
        "NOT_FOUND",
        ["input", "remove", "0"],
    )
    assert await attempt(
        set=[item(setup.approved[0], 900)], remove=[gid("Registration", setup.approved[0])]
    ) == ("DUPLICATE_ITEM", ["input", "remove", "0"])
    b = await as_role("agency_b")
    other_agency = error(
        (await b(ITEMS_SET, {"i": {"listId": created["id"], "set": []}}))["productListItemsSet"]
    )
    assert other_agency == ("NOT_FOUND", ["input", "listId"])
    [only] = (
        await api(f"query($id: ID!) {{ productList(id: $id) {{ {LIST_FIELDS} }} }}", {"id": created["id"]})
    )["productList"]["items"]["edges"]
    assert only["node"]["creatorRateBps"] == 1000
    assert await count(rt, models.ProductListItem) == 1


async def test_more_than_100_products_in_a_list(rt, world, setup, as_role) -> None:
    shop = world["seller_a"].organisation_id
    products = await add_products(rt, shop, [f"Bulk {n}" for n in range(101)])
    registrations = [await add_registration(rt, setup.campaign, p, shop) for p in products]
    api = await as_role("agency_a")
    created = await create_list(api, setup.campaign, items=[item(r, 1000) for r in registrations[:100]])
    assert created["itemCount"] == 100
    data = await api(ITEMS_SET, {"i": {"listId": created["id"], "set": [item(registrations[100], 1000)]}})
    assert error(data["productListItemsSet"]) == ("TOO_MANY", ["input", "set"])
    # Swapping one for another stays within 100.
    data = await api(
        ITEMS_SET,
        {
            "i": {
                "listId": created["id"],
                "set": [item(registrations[100], 1000)],
                "remove": [gid("Registration", registrations[0])],
            }
        },
    )
    assert data["productListItemsSet"]["userErrors"] == []
    page = await api(
        "query($id: ID!, $after: String) { productList(id: $id) { items(first: 60, after: $after) { totalCount "
        "pageInfo { hasNextPage endCursor } edges { node { registration { id } } } } } }",
        {"id": created["id"]},
    )
    first = page["productList"]["items"]
    assert first["totalCount"] == 100 and first["pageInfo"]["hasNextPage"] and len(first["edges"]) == 60
    rest = (
        await api(
            "query($id: ID!, $after: String) { productList(id: $id) { items(first: 60, after: $after) { "
            "pageInfo { hasNextPage } edges { node { registration { id } } } } } }",
            {"id": created["id"], "after": first["pageInfo"]["endCursor"]},
        )
    )["productList"]["items"]
    assert not rest["pageInfo"]["hasNextPage"] and len(rest["edges"]) == 40
    ids = [e["node"]["registration"]["id"] for e in first["edges"] + rest["edges"]]
    assert ids == [gid("Registration", r) for r in registrations[1:]]


async def test_rename_duplicate_and_delete(rt, world, setup, as_role) -> None:
    api = await as_role("agency_a")
    created = await create_list(
        api, setup.campaign, items=[item(setup.approved[0], 1200), item(setup.approved[2], 2000)]
    )
    await create_link(api, created["id"])

    renamed = (
        await api(
            f"mutation($i: ProductListUpdateInput!) {{ productListUpdate(input: $i) {{ {PAYLOAD} }} }}",
            {"i": {"id": created["id"], "name": " Best serums "}},
        )
    )["productListUpdate"]
    assert renamed["userErrors"] == [] and renamed["productList"]["name"] == "Best serums"
    too_long = (
        await api(
            f"mutation($i: ProductListUpdateInput!) {{ productListUpdate(input: $i) {{ {PAYLOAD} }} }}",
            {"i": {"id": created["id"], "name": "y" * 101}},
        )
    )["productListUpdate"]
    assert error(too_long) == ("TOO_LONG", ["input", "name"])

    copy = (
        await api(
            f"mutation($i: ProductListDuplicateInput!) {{ productListDuplicate(input: $i) {{ {PAYLOAD} }} }}",
            {"i": {"id": created["id"]}},
        )
    )["productListDuplicate"]
    assert copy["userErrors"] == []
    duplicate = copy["productList"]
    assert duplicate["id"] != created["id"] and duplicate["name"] == "Best serums (copy)"
    assert duplicate["shareLink"] is None  # the link is not copied
    assert [
        (e["node"]["registration"]["id"], e["node"]["creatorRateBps"]) for e in duplicate["items"]["edges"]
    ] == [(gid("Registration", setup.approved[0]), 1200), (gid("Registration", setup.approved[2]), 2000)]
    named = (
        await api(
            f"mutation($i: ProductListDuplicateInput!) {{ productListDuplicate(input: $i) {{ {PAYLOAD} }} }}",
            {"i": {"id": created["id"], "name": "Second copy"}},
        )
    )["productListDuplicate"]["productList"]
    assert named["name"] == "Second copy" and named["itemCount"] == 2

    # A creator added a product from the list: the entry stays, without its item, when the list goes.
    async with rt.sessionmaker() as session:
        item_id = await session.scalar(
            select(models.ProductListItem.id)
            .where(models.ProductListItem.list_id == decode_id(created["id"], "ProductList"))
            .limit(1)
        )
    entry = await add_showcase_entry(rt, creator_id=world["creator_a"].organisation_id, item_id=item_id)
    deleted = (
        await api(
            "mutation($i: ProductListDeleteInput!) { productListDelete(input: $i) { deletedId userErrors { field code } } }",
            {"i": {"id": created["id"]}},
        )
    )["productListDelete"]
    assert deleted == {"deletedId": created["id"], "userErrors": []}
    pk = decode_id(created["id"], "ProductList")
    assert await count(rt, models.ProductListItem, models.ProductListItem.list_id == pk) == 0
    assert await count(rt, models.ShareLink, models.ShareLink.list_id == pk) == 0
    kept = await row(rt, models.ShowcaseEntry, entry)
    assert kept.list_item_id is None and kept.status.value == "ACTIVE"
    assert (await api("query($id: ID!) { productList(id: $id) { id } }", {"id": created["id"]}))[
        "productList"
    ] is None
    again = (
        await api(
            "mutation($i: ProductListDeleteInput!) { productListDelete(input: $i) { deletedId userErrors { field code } } }",
            {"i": {"id": created["id"]}},
        )
    )["productListDelete"]
    assert again == {"deletedId": None, "userErrors": [{"field": ["input", "id"], "code": "NOT_FOUND"}]}


async def test_another_agencys_list_is_not_found_and_not_revealed(rt, setup, as_role) -> None:
    a = await as_role("agency_a")
    created = await create_list(a, setup.campaign, items=[item(setup.approved[0], 1000)])
    b = await as_role("agency_b")
    mutations = {
        "productListUpdate": (
            "ProductListUpdateInput",
            {"id": created["id"], "name": "Mine now"},
            ["input", "id"],
        ),
        "productListDuplicate": ("ProductListDuplicateInput", {"id": created["id"]}, ["input", "id"]),
        "productListItemsSet": ("ProductListItemsSetInput", {"listId": created["id"]}, ["input", "listId"]),
        "shareLinkCreate": ("ShareLinkCreateInput", {"listId": created["id"]}, ["input", "listId"]),
        "productListDelete": ("ProductListDeleteInput", {"id": created["id"]}, ["input", "id"]),
    }
    for name, (input_type, variables, field) in mutations.items():
        body = await b(
            f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ userErrors {{ field message code }} }} }}",
            {"i": variables},
        )
        [only] = body[name]["userErrors"]
        assert (only["code"], only["field"], only["message"]) == (
            "NOT_FOUND",
            field,
            "Product list not found",
        ), name
    # Exactly the answer for a list that never existed.
    ghost = await b(
        "mutation($i: ProductListUpdateInput!) { productListUpdate(input: $i) { userErrors { field message code } } }",
        {"i": {"id": gid("ProductList", 999999), "name": "x"}},
    )
    assert ghost["productListUpdate"]["userErrors"] == [
        {"field": ["input", "id"], "message": "Product list not found", "code": "NOT_FOUND"}
    ]
    assert (
        await b("query($id: ID!) { productList(id: $id) { id } node(id: $id) { id } }", {"id": created["id"]})
    ) == {"productList": None, "node": None}
    assert (await b("{ productLists { totalCount } }"))["productLists"]["totalCount"] == 0
    unchanged = await row(rt, models.ProductList, decode_id(created["id"], "ProductList"))
    assert unchanged.name == "Serums"
    assert await count(rt, models.ProductList) == 1 and await count(rt, models.ShareLink) == 0


async def test_search_filter_and_roles(rt, world, setup, clock, as_role) -> None:
    a = await as_role("agency_a")
    first = await create_list(a, setup.campaign, "Serums 100%_off")
    clock.advance(timedelta(minutes=1))
    second = await create_list(a, setup.other_campaign, "Toners")
    clock.advance(timedelta(minutes=1))
    third = await create_list(a, setup.campaign, "Night serums")
    query = "query($s: String, $c: ID) { productLists(search: $s, campaignId: $c) { totalCount edges { node { id } } } }"

    async def ids(**variables) -> list[str]:  # noqa: ANN003
        return [e["node"]["id"] for e in (await a(query, variables))["productLists"]["edges"]]

    assert await ids() == [third["id"], second["id"], first["id"]]  # newest first
    assert await ids(s="SERUM") == [third["id"], first["id"]]
    assert await ids(s="%_") == [first["id"]]  # LIKE wildcards are literal
    assert await ids(c=gid("Campaign", setup.other_campaign)) == [second["id"]]
    assert await ids(s="serum", c=gid("Campaign", setup.other_campaign)) == []
    operator = await as_role("operator")
    assert (await operator("{ productLists { totalCount } }"))["productLists"]["totalCount"] == 3
    for role in ("seller_a", "creator_a"):
        api = await as_role(role)
        body = await api.raw("{ productLists { totalCount } }")
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], role
        body = await api.raw(CREATE, {"i": {"campaignId": gid("Campaign", setup.campaign), "name": "x"}})
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], role
    body = await operator.raw(CREATE, {"i": {"campaignId": gid("Campaign", setup.campaign), "name": "x"}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]  # the operator only reads


async def test_registrations_of_an_ended_campaign_are_no_longer_approved(
    rt, clock, http, world, setup
) -> None:
    clock.advance(timedelta(days=91))  # the campaign ended: its open registrations show CLOSED
    api = Api(http, await login_token(http, world["agency_a"].email))
    assert await _create_error(api, setup, items=[item(setup.approved[0], 1000)]) == (
        "NOT_APPROVED",
        ["input", "items", "0", "registrationId"],
    )
