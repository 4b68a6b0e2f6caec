"""Integration keys over the API: a seller issues keys for its shop (the key and the signing secret shown once),
pushes signed orders with them, revokes them; the operator sees and may revoke every key; nobody else reaches them."""

from __future__ import annotations

import json
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from server import models
from server.auth.tokens import signing_secret
from server.clock import FrozenClock
from server.ids import encode_id
from server.runtime import Runtime
from server.services import auth
from server.services.integration_keys import ACTIVE_KEYS_PER_SHOP
from server.services.unit_of_work import UnitOfWork
from tests.api.notification_params import assert_params_shown
from tests.orders.world import Integration, iso
from tests.plugins.api import Api, World, login_token

KEY_FIELDS = "id name keyId createdAt lastUsedAt revokedAt organisation { name }"
CREATE = (
    "mutation($i: IntegrationKeyCreateInput!) { integrationKeyCreate(input: $i) { "
    f"integrationKey {{ {KEY_FIELDS} }} apiKey signingSecret userErrors {{ field message code }} }} }}"
)
REVOKE = (
    "mutation($i: IntegrationKeyRevokeInput!) { integrationKeyRevoke(input: $i) { "
    f"integrationKey {{ {KEY_FIELDS} }} userErrors {{ field message code }} }} }}"
)
LIST = (
    "query($revoked: Boolean! = false) { integrationKeys(includeRevoked: $revoked) { totalCount "
    f"edges {{ node {{ {KEY_FIELDS} }} }} }} }}"
)


async def create(api: Api, name: str) -> dict:
    return (await api(CREATE, {"i": {"name": name}}))["integrationKeyCreate"]


async def keys(api: Api, *, revoked: bool = False) -> list[dict]:
    return [e["node"] for e in (await api(LIST, {"revoked": revoked}))["integrationKeys"]["edges"]]


async def key_count(rt: Runtime) -> int:
    async with rt.sessionmaker() as s:
        return await s.scalar(select(func.count()).select_from(models.IntegrationKey))


def order_created(world: World, order_id: str, clock: FrozenClock) -> dict:
    """An organic order of seller A's first product (the world's SKU Sa0-1 at ฿299.00)."""
    now = iso(clock.now())
    return {
        "id": f"evt-{order_id}",
        "type": "order.created",
        "occurred_at": now,
        "order_id": order_id,
        "placed_at": now,
        "lines": [
            {
                "line_id": "1",
                "product_id": encode_id("Product", world.products["seller_a"][0]),
                "sku": "Sa0-1",
                "quantity": 1,
                "unit_price": "299.00",
                "currency": "THB",
            }
        ],
    }


async def test_the_key_and_its_signing_secret_are_shown_once(
    rt: Runtime, clock, world: World, as_role
) -> None:
    seller = await as_role("seller_a")
    created = await create(seller, "  Shop platform sync  ")
    assert created["userErrors"] == []
    key = created["integrationKey"]
    assert key["name"] == "Shop platform sync" and key["organisation"] == {"name": "Shop A"}
    assert (
        key["createdAt"] == clock.now().isoformat() and key["lastUsedAt"] is None and key["revokedAt"] is None
    )
    key_id, _, secret = created["apiKey"].partition(".")
    assert key_id == key["keyId"] and key_id.startswith("mk_") and len(secret) >= 40
    # The documented derivation: HMAC-SHA256(MATCHUP_SECRET_KEY, "integration-signing:<key id>").
    assert created["signingSecret"] == signing_secret(rt.settings.secret_key.get_secret_value(), key_id)

    # Never again: not in the list, not through node(id:), not in the shop's notifications.
    later = json.dumps(
        await seller(
            "query($id: ID!) { integrationKeys { edges { node { id name keyId } } } node(id: $id) { id } "
            "notifications { edges { node { title body } } } }",
            {"id": key["id"]},
        )
    )
    assert key["id"] in later and key_id in later
    assert secret not in later and created["signingSecret"] not in later
    assert await keys(seller) == [key]
    # The database holds the secret's hash only.
    async with rt.sessionmaker() as s:
        row = await s.scalar(select(models.IntegrationKey).where(models.IntegrationKey.key_id == key_id))
    assert secret not in row.secret_hash and created["signingSecret"] not in row.secret_hash


async def test_a_created_key_signs_orders_that_ingestion_accepts(
    http: httpx.AsyncClient, clock: FrozenClock, world: World, as_role
) -> None:
    seller = await as_role("seller_a")
    created = await create(seller, "Shop platform sync")
    integration = Integration(http, created["apiKey"], created["signingSecret"], clock)

    response = await integration.send(order_created(world, "TH-1001", clock))
    assert response.status_code == 200, response.text
    assert response.json() == {"id": "evt-TH-1001", "status": "applied", "duplicate": False}
    lines = (await seller("{ orderLines { edges { node { platformOrderId attributed } } } }"))["orderLines"][
        "edges"
    ]
    assert [e["node"] for e in lines] == [{"platformOrderId": "TH-1001", "attributed": False}]

    # lastUsedAt: when a request signed with the key was let in, to the minute.
    used_at = clock.now().isoformat()
    assert (await keys(seller))[0]["lastUsedAt"] == used_at
    clock.advance(timedelta(seconds=30))
    assert (await integration.send(order_created(world, "TH-1002", clock))).status_code == 200
    assert (await keys(seller))[0]["lastUsedAt"] == used_at
    clock.advance(timedelta(seconds=31))
    assert (await integration.send(order_created(world, "TH-1003", clock))).status_code == 200
    assert (await keys(seller))[0]["lastUsedAt"] == clock.now().isoformat()
    # A request that is refused (here: a bad signature) does not count as a use.
    clock.advance(timedelta(minutes=5))
    body = json.dumps(order_created(world, "TH-1004", clock)).encode()
    refused = await http.post(
        "/integrations/orders",
        content=body,
        headers={**integration.headers(body), "X-Matchup-Signature": "v1=00"},
    )
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "BAD_SIGNATURE"
    assert (await keys(seller))[0]["lastUsedAt"] != clock.now().isoformat()


async def test_a_revoked_key_is_refused(
    http: httpx.AsyncClient, clock: FrozenClock, world: World, as_role
) -> None:
    seller = await as_role("seller_a")
    created = await create(seller, "Shop platform sync")
    integration = Integration(http, created["apiKey"], created["signingSecret"], clock)
    assert (await integration.send(order_created(world, "TH-2001", clock))).status_code == 200

    revoked = (await seller(REVOKE, {"i": {"id": created["integrationKey"]["id"]}}))["integrationKeyRevoke"]
    assert revoked["userErrors"] == [] and revoked["integrationKey"]["revokedAt"] == clock.now().isoformat()
    response = await integration.send(order_created(world, "TH-2002", clock))
    assert response.status_code == 401
    assert response.json()["error"] == {
        "code": "UNKNOWN_KEY",
        "message": "This integration key is unknown or revoked",
        "field": ["headers", "X-Matchup-Key"],
    }

    again = (await seller(REVOKE, {"i": {"id": created["integrationKey"]["id"]}}))["integrationKeyRevoke"]
    assert again == {
        "integrationKey": None,
        "userErrors": [
            {"field": ["input", "id"], "message": "This key is already revoked", "code": "ALREADY_REVOKED"}
        ],
    }
    # Active keys by default; revoked ones on request.
    assert await keys(seller) == []
    assert [k["id"] for k in await keys(seller, revoked=True)] == [created["integrationKey"]["id"]]
    titles = (await seller("{ notifications { edges { node { title } } } }"))["notifications"]["edges"]
    assert {"Integration key created", "Integration key revoked"} <= {e["node"]["title"] for e in titles}


async def test_another_seller_can_neither_see_nor_revoke_the_key(
    http: httpx.AsyncClient, clock: FrozenClock, world: World, as_role
) -> None:
    created = await create(await as_role("seller_a"), "Shop platform sync")
    key_id = created["integrationKey"]["id"]
    other = await as_role("seller_b")
    assert await keys(other, revoked=True) == []
    assert (await other("query($id: ID!) { node(id: $id) { id } }", {"id": key_id}))["node"] is None
    for wrong in (key_id, encode_id("IntegrationKey", 999_999), encode_id("ShareLink", 1), "not-an-id"):
        body = (await other(REVOKE, {"i": {"id": wrong}}))["integrationKeyRevoke"]
        assert body == {
            "integrationKey": None,
            "userErrors": [
                {"field": ["input", "id"], "message": "Integration key not found", "code": "NOT_FOUND"}
            ],
        }, wrong
    # Still working.
    integration = Integration(http, created["apiKey"], created["signingSecret"], clock)
    assert (await integration.send(order_created(world, "TH-3001", clock))).status_code == 200


async def test_names_are_1_to_80_characters(rt: Runtime, as_role) -> None:
    seller = await as_role("seller_a")
    for name, code in (("", "REQUIRED"), ("   ", "REQUIRED"), ("x" * 81, "TOO_LONG")):
        body = await create(seller, name)
        assert body["integrationKey"] is None and body["apiKey"] is None and body["signingSecret"] is None
        assert [(e["code"], e["field"]) for e in body["userErrors"]] == [(code, ["input", "name"])], name
    assert await key_count(rt) == 0
    assert (await create(seller, "x" * 80))["integrationKey"]["name"] == "x" * 80
    assert (await create(seller, "é"))["integrationKey"]["name"] == "é"


async def test_a_shop_has_at_most_20_active_keys(rt: Runtime, as_role) -> None:
    seller = await as_role("seller_a")
    created = [await create(seller, f"Key {n}") for n in range(ACTIVE_KEYS_PER_SHOP)]
    assert all(c["userErrors"] == [] for c in created)
    body = await create(seller, "One too many")
    assert body["integrationKey"] is None and [e["code"] for e in body["userErrors"]] == ["TOO_MANY"]
    assert await key_count(rt) == ACTIVE_KEYS_PER_SHOP
    await seller(REVOKE, {"i": {"id": created[0]["integrationKey"]["id"]}})
    assert (await create(seller, "Replacement"))["userErrors"] == []


async def test_agencies_and_creators_are_refused(world: World, as_role) -> None:
    for tenant in ("agency_a", "creator_a"):
        api = await as_role(tenant)
        for document, variables in (
            ("{ integrationKeys { totalCount } }", {}),
            (CREATE, {"i": {"name": "Mine"}}),
            (REVOKE, {"i": {"id": encode_id("IntegrationKey", 1)}}),
        ):
            body = await api.raw(document, variables)
            assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], (tenant, document)


async def test_the_operator_sees_every_key_and_may_revoke_any(rt: Runtime, world: World, as_role) -> None:
    seller = await as_role("seller_a")
    shop_key = (await create(seller, "Shop platform sync"))["integrationKey"]
    async with UnitOfWork(rt) as uow:
        platform = await auth.create_integration_key(
            uow, organisation_id=world["operator"].organisation_id, name="Shop platform (all shops)"
        )
    operator = await as_role("operator")
    listed = {k["name"]: k["organisation"]["name"] for k in await keys(operator)}
    assert listed == {"Shop platform sync": "Shop A", "Shop platform (all shops)": "Matchup Platform"}
    # It issues no shop's keys.
    body = await operator.raw(CREATE, {"i": {"name": "Mine"}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]

    revoked = (await operator(REVOKE, {"i": {"id": shop_key["id"]}}))["integrationKeyRevoke"]
    assert revoked["userErrors"] == [] and revoked["integrationKey"]["revokedAt"] is not None
    assert await keys(seller) == []
    shop_news = (await seller("{ notifications { edges { node { title body } } } }"))["notifications"][
        "edges"
    ]
    assert any(e["node"]["body"].startswith("Matchup revoked") for e in shop_news)
    assert await auth.authenticate_integration_key(rt, platform.api_key) is not None
    await assert_params_shown(rt)


async def test_the_endpoint_reference_is_served_for_the_integrations_page(http: httpx.AsyncClient) -> None:
    response = await http.get("/integrations/orders.md")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert "X-Matchup-Signature" in response.text and "How a seller gets a key" in response.text


@pytest.mark.parametrize("extra", [0, 1, 10])
async def test_the_key_list_statement_count_is_constant(
    rt: Runtime, http, world: World, queries, extra: int
) -> None:
    async with UnitOfWork(rt) as uow:
        for n in range(1 + extra):
            shop = world["seller_a" if n % 2 else "seller_b"]
            await auth.create_integration_key(uow, organisation_id=shop.organisation_id, name=f"Key {n}")
    api = Api(http, await login_token(http, world["operator"].email))
    queries.reset()
    data = await api(LIST)
    assert data["integrationKeys"]["totalCount"] == 1 + extra
    assert queries.count == 3, queries.statements  # session lookup, page with its count, organisations
