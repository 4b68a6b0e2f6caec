"""The `registrations` list: who sees which rows, every filter and sort, keyset pages, and a statement count that
does not grow with the page."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.ids import encode_id
from tests.plugins.api import Api, World, login_token

from .helpers import (
    BOOKMARK,
    approve,
    item,
    make_campaign,
    make_products,
    pk_of,
    register,
    register_one,
    review,
    rid,
)

LIST = """query($first: Int, $after: String, $filter: RegistrationFilter, $sort: RegistrationSort) {
  registrations(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id status totalRateBps product { title price { amount } } shop { name } } }
  }
}"""


async def ids(api: Api, filter_: dict | None = None, sort: dict | None = None, first: int = 100) -> list[int]:
    data = await api(LIST, {"first": first, "filter": filter_, "sort": sort})
    connection = data["registrations"]
    assert connection["totalCount"] == len(connection["edges"])
    return [pk_of(edge["node"]["id"]) for edge in connection["edges"]]


@pytest.fixture
async def listed(rt, world: World, as_role):  # noqa: ANN001, ANN201
    """Agency A's two campaigns with registrations of both sellers (different prices, rates and times), and
    agency B's campaign with one of seller B."""
    seller_a, seller_b, agency_a = (
        await as_role("seller_a"),
        await as_role("seller_b"),
        await as_role("agency_a"),
    )
    serums = await make_campaign(rt, world, name="Serums")
    home = await make_campaign(rt, world, name="Home")
    theirs = await make_campaign(rt, world, "agency_b", name="Theirs")
    cheap, dear = await make_products(rt, world, "seller_a", 1, price_minor=500) + await make_products(
        rt, world, "seller_a", 1, price_minor=250000
    )
    r = {}
    r["a_serum"] = await register_one(seller_a, serums, world.products["seller_a"][0], 3000)  # 299.00 THB
    rt.clock.advance(timedelta(minutes=1))
    r["a_cheap"] = await register_one(seller_a, serums, cheap, 1200)  # 5.00 THB
    rt.clock.advance(timedelta(minutes=1))
    r["b_serum"] = await register_one(seller_b, serums, world.products["seller_b"][0], 2000)  # 299.00 THB
    rt.clock.advance(timedelta(minutes=1))
    r["a_dear_home"] = await register_one(seller_a, home, dear, 4500)  # 2500.00 THB
    rt.clock.advance(timedelta(minutes=1))
    r["b_theirs"] = await register_one(seller_b, theirs, world.products["seller_b"][1], 2500)
    await approve(agency_a, r["a_serum"])
    await review(agency_a, [r["a_cheap"]], "REJECT", reason="PRODUCT_TOO_EXPENSIVE")
    await agency_a(BOOKMARK, {"input": {"registrationId": rid(r["b_serum"]), "bookmarked": True}})
    return r, serums, home


async def test_each_role_sees_its_own(rt, world: World, as_role, listed) -> None:  # noqa: ANN001
    r, *_ = listed
    newest_first = ["b_theirs", "a_dear_home", "b_serum", "a_cheap", "a_serum"]
    expected = {
        "agency_a": ["a_dear_home", "b_serum", "a_cheap", "a_serum"],
        "agency_b": ["b_theirs"],
        "seller_a": ["a_dear_home", "a_cheap", "a_serum"],
        "seller_b": ["b_theirs", "b_serum"],
        "operator": newest_first,
    }
    for key, names in expected.items():
        assert await ids(await as_role(key)) == [r[n] for n in names], key
    creator = await as_role("creator_a")
    body = await creator.raw("{ registrations { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_filters(rt, world: World, as_role, listed) -> None:  # noqa: ANN001
    r, serums, home = listed
    agency, seller = await as_role("agency_a"), await as_role("seller_a")

    async def names(api: Api, **filter_: object) -> set[str]:
        found = set(await ids(api, filter_))
        return {name for name, pk in r.items() if pk in found}

    assert await names(agency, campaignId=encode_id("Campaign", home)) == {"a_dear_home"}
    assert await names(agency, status=["APPROVED", "REJECTED"]) == {"a_serum", "a_cheap"}
    assert await names(agency, bookmarked=True) == {"b_serum"}
    assert await names(agency, bookmarked=False) == {"a_serum", "a_cheap", "a_dear_home"}
    # A seller has no bookmarks: the filter cannot reveal the agency's.
    assert await names(seller, bookmarked=True) == set()
    assert await names(seller, bookmarked=False) == {"a_serum", "a_cheap", "a_dear_home"}
    assert await names(agency, category="Home & Living") == {"a_cheap", "a_dear_home"}
    assert await names(agency, minPrice="5.01") == {"a_serum", "b_serum", "a_dear_home"}
    assert await names(agency, minPrice="5", maxPrice="299.00") == {"a_serum", "a_cheap", "b_serum"}
    assert await names(agency, maxPrice="4.999") == set()
    assert await names(agency, minRateBps=2000, maxRateBps=3000) == {"a_serum", "b_serum"}
    assert await names(agency, shopId=encode_id("Shop", world["seller_b"].organisation_id)) == {"b_serum"}
    assert await names(agency, search="SHOP b") == {"b_serum"}  # shop name, any case
    assert await names(agency, search="serum 0") == {"a_serum", "b_serum"}  # product title
    assert await names(agency, search="%") == set()  # LIKE wildcards are literal
    assert await names(agency, search="_") == {
        "a_cheap",
        "a_dear_home",
    }  # "seller_a extra …", not every title
    assert await names(seller, campaignId=encode_id("Campaign", serums), status=["PENDING", "APPROVED"]) == {
        "a_serum"
    }
    for bad in ("abc", "-1", "NaN", "1e999"):
        body = await agency.raw(LIST, {"filter": {"minPrice": bad}})
        assert body["errors"][0]["extensions"]["code"] == "INVALID_FILTER", bad


async def test_status_filter_sees_the_clock(rt, world: World, as_role, listed) -> None:  # noqa: ANN001
    """An ended campaign's open registrations count as CLOSED before the sweeper writes it down."""
    r, *_ = listed
    rt.clock.advance(timedelta(days=14))
    operator = await as_role("operator")  # logs in now: the sessions of before have expired
    closed = set(await ids(operator, {"status": ["CLOSED"]}))
    assert closed == {r["a_serum"], r["b_serum"], r["a_dear_home"], r["b_theirs"]}
    assert set(await ids(operator, {"status": ["PENDING", "APPROVED"]})) == set()
    assert set(await ids(operator, {"status": ["REJECTED"]})) == {r["a_cheap"]}


@pytest.mark.parametrize("with_campaign", [False, True], ids=["end only", "whole campaign"])
async def test_the_page_shows_open_registrations_closed_once_the_campaign_ended(
    rt, world: World, http, listed, with_campaign: bool
) -> None:  # noqa: ANN001
    """The page reads each row's campaign end with it (only the end, unless the campaign is selected too): an open
    registration shows CLOSED, closed at the campaign's end, from the moment it ends, before the sweeper runs."""
    r, *_ = listed
    campaign = " campaign { name }" if with_campaign else ""
    document = f"{{ registrations(first: 50) {{ edges {{ node {{ id status closedAt{campaign} }} }} }} }}"

    async def shown() -> dict[int, tuple[str, str | None]]:
        operator = Api(http, await login_token(http, world["operator"].email))  # a session of before expired
        data = await operator(document)
        return {
            pk_of(e["node"]["id"]): (e["node"]["status"], e["node"]["closedAt"])
            for e in data["registrations"]["edges"]
        }

    before = await shown()
    assert before[r["a_serum"]] == ("APPROVED", None) and before[r["a_cheap"]] == ("REJECTED", None)
    rt.clock.advance(timedelta(days=14))
    after = await shown()
    for key in ("a_serum", "b_serum", "a_dear_home", "b_theirs"):
        status, closed_at = after[r[key]]
        assert status == "CLOSED" and closed_at is not None and closed_at <= rt.clock.now().isoformat(), key
    assert after[r["a_cheap"]] == ("REJECTED", None)


@pytest.mark.parametrize(
    ("field", "key"),
    [("REGISTERED_AT", "registered"), ("TOTAL_RATE", "rate"), ("PRICE", "price")],
)
@pytest.mark.parametrize("direction", ["ASC", "DESC"])
async def test_sorts_and_pages(rt, world: World, as_role, field: str, key: str, direction: str) -> None:
    seller, operator = await as_role("seller_a"), await as_role("operator")
    campaign = await make_campaign(rt, world)
    products = await make_products(rt, world, "seller_a", 7, price_minor=1000)
    # Ties on purpose (rates repeat), so the id must break them.
    created = []
    for n, product in enumerate(products):
        rt.clock.advance(timedelta(seconds=1))
        created.append(
            (await register(seller, campaign, item(product, 1000 + 500 * (n % 3))))["registrations"][0]
        )
    expected_values = {
        "registered": {pk_of(c["id"]): n for n, c in enumerate(created)},
        "rate": {pk_of(c["id"]): c["totalRateBps"] for c in created},
        "price": {pk_of(c["id"]): 1000 + n for n, c in enumerate(created)},
    }[key]
    expected = sorted(expected_values, key=lambda pk: (expected_values[pk], pk), reverse=direction == "DESC")
    seen, after = [], None
    while True:
        data = await operator(
            LIST, {"first": 3, "after": after, "sort": {"field": field, "direction": direction}}
        )
        page = data["registrations"]
        assert page["totalCount"] == 7
        seen += [pk_of(edge["node"]["id"]) for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == expected


NESTED = """{ registrations(first: 50) { totalCount edges { node {
  id status totalRateBps bookmarked closedAt
  shop { name shopCode } product { title price { amount currency } stock } campaign { name status }
  history { action actorName actorRole fromStatus toStatus changes { field to } }
} } } }"""


@pytest.mark.parametrize("n", [0, 1, 10])
async def test_statement_count_does_not_grow(rt, world: World, as_role, http, queries, n: int) -> None:
    seller = await as_role("seller_a")
    agency = await as_role("agency_a")
    campaigns = [await make_campaign(rt, world, name=f"C{i}") for i in range(2)]
    products = await make_products(rt, world, "seller_a", n)
    for i, product in enumerate(products):
        registration = await register_one(seller, campaigns[i % 2], product)
        if i % 2:
            await approve(agency, registration)
    queries.reset()
    data = await agency(NESTED)
    assert data["registrations"]["totalCount"] == n
    # session lookup, the page with its count (its rows' campaigns, shops, products, SKU summaries and bookmarks
    # joined into it); then one batch: histories (nothing to batch for an empty page)
    assert queries.count == (2 if n == 0 else 3), queries.statements


async def test_one_page_statement_per_filter_shape(rt, world: World, as_role, listed, monkeypatch) -> None:  # noqa: ANN001
    """The page statement is built once per filter shape and viewer's role and run with each request's values
    (the viewer's ids among them): requests of one shape with other values, or by another viewer of the same role,
    answer their own rows."""
    from server.lru import LRU
    from server.resolvers.query import registrations

    monkeypatch.setattr(registrations, "_PAGES", LRU(16))
    r, serums, home = listed
    agency = await as_role("agency_a")
    assert await ids(agency, {"campaignId": encode_id("Campaign", home)}) == [r["a_dear_home"]]
    assert await ids(agency, {"campaignId": encode_id("Campaign", serums)}) == [
        r["b_serum"],
        r["a_cheap"],
        r["a_serum"],
    ]
    assert len(registrations._PAGES) == 1
    assert await ids(agency, {"search": "shop b"}) == [r["b_serum"]]
    assert await ids(agency, {"search": "nothing like it"}) == []
    assert await ids(agency, {"minPrice": "2000", "maxPrice": "3000"}) == [r["a_dear_home"]]
    assert await ids(agency, {"minPrice": "1", "maxPrice": "300"}) == [
        r["b_serum"],
        r["a_cheap"],
        r["a_serum"],
    ]
    assert len(registrations._PAGES) == 3
    seller = await as_role("seller_a")
    assert await ids(seller, {"campaignId": encode_id("Campaign", home)}) == [r["a_dear_home"]]
    assert len(registrations._PAGES) == 4  # another role, its own scope
    other_seller, other_agency = await as_role("seller_b"), await as_role("agency_b")
    assert await ids(other_seller, {"campaignId": encode_id("Campaign", home)}) == []
    assert await ids(other_seller, {"campaignId": encode_id("Campaign", serums)}) == [r["b_serum"]]
    assert await ids(other_agency, {"campaignId": encode_id("Campaign", serums)}) == []
    assert await ids(other_agency, {"search": "shop b"}) == [r["b_theirs"]]
    assert len(registrations._PAGES) == 4  # the same statements, the other viewers' ids bound
