"""A list query's SQL statement count does not grow with the number of rows (0, 1, 10)."""

from __future__ import annotations

import pytest

from server.services import catalogue
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import Api, login_token

PRODUCTS = """{ products(first: 50) { totalCount edges { node {
  id title price { amount currency } stock skuCount skus { sellerSku price { amount } } shopName shop { name shopCode }
} } } }"""
NOTIFICATIONS = "{ notifications(first: 50) { totalCount edges { node { id kind title body createdAt readAt subjectId } } } }"


async def _seed_products(rt, shop_id: int, n: int) -> None:  # noqa: ANN001
    async with UnitOfWork(rt) as uow:
        for i in range(n):
            await catalogue.create_product(
                uow,
                shop_id=shop_id,
                title=f"Count product {i}",
                category="Home & Living",
                description="",
                image_url=None,
                skus=[
                    catalogue.SkuSpec(seller_sku=f"C{i}-{j}", name=f"v{j}", price_minor=1000 + j, stock=j)
                    for j in range(2)
                ],
            )


@pytest.mark.parametrize("extra", [0, 1, 10])
async def test_products_statement_count_is_constant(rt, http, world, queries, extra: int) -> None:
    # Seller B's own catalogue: 2 world products + `extra`; products of other shops are never counted.
    await _seed_products(rt, world["seller_b"].organisation_id, extra)
    api = Api(http, await login_token(http, world["seller_b"].email))
    queries.reset()
    data = await api(PRODUCTS)
    assert data["products"]["totalCount"] == 2 + extra
    # session lookup, page with its count, SKU summary, SKUs, shop names, shops
    assert queries.count == 6, queries.statements


@pytest.mark.parametrize("extra", [0, 1, 10])
async def test_notifications_statement_count_is_constant(rt, http, world, queries, extra: int) -> None:
    creator = world["creator_b"]
    async with UnitOfWork(rt) as uow:  # a sign-in notifies no one: seed them
        for n in range(1 + extra):
            await notify(
                uow,
                recipient_organisation_id=creator.organisation_id,
                recipient_user_id=creator.user_id,
                kind="SECURITY_TEST",
                title=f"Test {n}",
                body="A notification.",
                subject_type="User",
                subject_id=creator.user_id,
            )
    token = await login_token(http, creator.email)
    queries.reset()
    data = await Api(http, token)(NOTIFICATIONS)
    assert data["notifications"]["totalCount"] == 1 + extra
    assert queries.count == 2, queries.statements  # session lookup, page with its count


async def test_a_page_and_its_total_are_one_statement_an_empty_page_after_a_cursor_two(
    rt, http, world, queries
) -> None:
    creator = world["creator_b"]
    async with UnitOfWork(rt) as uow:
        for n in range(3):
            await notify(
                uow,
                recipient_organisation_id=creator.organisation_id,
                recipient_user_id=creator.user_id,
                kind="SECURITY_TEST",
                title=f"Paged {n}",
                body="A notification.",
                subject_type="User",
                subject_id=creator.user_id,
            )
    api = Api(http, await login_token(http, creator.email))
    page = "query($after: String) { notifications(first: 2, after: $after) { totalCount edges { cursor } } }"
    counts, totals, after = [], [], None
    for _ in range(3):  # 2 rows, then 1, then none after the last cursor
        queries.reset()
        data = (await api(page, {"after": after}))["notifications"]
        counts.append(queries.count)
        totals.append(data["totalCount"])
        if data["edges"]:
            after = data["edges"][-1]["cursor"]
    assert totals == [3, 3, 3]
    assert counts == [2, 2, 3], (
        queries.statements
    )  # session lookup, then the page with its count (and a count)
