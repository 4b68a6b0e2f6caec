"""Share links: an unguessable token URL per list, rotation, revocation."""

from __future__ import annotations

from server import models

from .conftest import count, create_link, create_list, gid, item

REVOKE = (
    "mutation($i: ShareLinkRevokeInput!) { shareLinkRevoke(input: $i) { shareLink { id revokedAt } "
    "userErrors { field message code } } }"
)
CREATE_LINK = (
    "mutation($i: ShareLinkCreateInput!) { shareLinkCreate(input: $i) { shareLink { id } "
    "userErrors { field message code } } }"
)


async def test_create_rotate_and_revoke(rt, clock, setup, as_role) -> None:
    api = await as_role("agency_a")
    created = await create_list(api, setup.campaign, items=[item(setup.approved[0], 1000)])
    link = await create_link(api, created["id"])
    assert len(link["token"]) >= 32 and link["revokedAt"] is None
    assert link["url"] == f"{rt.settings.base_url}/c/{link['token']}"

    rotated = await create_link(api, created["id"])
    assert rotated["token"] != link["token"]
    shown = await api(
        "query($id: ID!, $old: ID!) { productList(id: $id) { shareLink { id token opens } } node(id: $old) { "
        "... on ShareLink { revokedAt } } }",
        {"id": created["id"], "old": link["id"]},
    )
    assert shown["productList"]["shareLink"] == {"id": rotated["id"], "token": rotated["token"], "opens": 0}
    assert shown["node"]["revokedAt"] is not None  # the previous link was revoked by the rotation

    revoked = (await api(REVOKE, {"i": {"id": rotated["id"]}}))["shareLinkRevoke"]
    assert revoked["userErrors"] == [] and revoked["shareLink"]["revokedAt"] == clock.now().isoformat()
    again = (await api(REVOKE, {"i": {"id": rotated["id"]}}))["shareLinkRevoke"]
    assert again == {
        "shareLink": None,
        "userErrors": [
            {"field": ["input", "id"], "message": "This link is already revoked", "code": "ALREADY_REVOKED"}
        ],
    }
    assert (
        await api("query($id: ID!) { productList(id: $id) { shareLink { id } } }", {"id": created["id"]})
    )["productList"]["shareLink"] is None
    assert await count(rt, models.ShareLink, models.ShareLink.revoked_at.is_(None)) == 0


async def test_an_empty_list_has_nothing_to_share(rt, setup, as_role) -> None:
    api = await as_role("agency_a")
    created = await create_list(api, setup.campaign)
    body = (await api(CREATE_LINK, {"i": {"listId": created["id"]}}))["shareLinkCreate"]
    assert body["shareLink"] is None
    assert [(e["code"], e["field"]) for e in body["userErrors"]] == [("REQUIRED", ["input", "listId"])]
    assert await count(rt, models.ShareLink) == 0


async def test_another_agencys_link_is_not_found(rt, setup, as_role) -> None:
    a = await as_role("agency_a")
    created = await create_list(a, setup.campaign, items=[item(setup.approved[0], 1000)])
    link = await create_link(a, created["id"])
    b = await as_role("agency_b")
    body = (await b(REVOKE, {"i": {"id": link["id"]}}))["shareLinkRevoke"]
    assert body == {
        "shareLink": None,
        "userErrors": [{"field": ["input", "id"], "message": "Share link not found", "code": "NOT_FOUND"}],
    }
    ghost = (await b(REVOKE, {"i": {"id": gid("ShareLink", 999999)}}))["shareLinkRevoke"]
    assert ghost == body
    assert (await b("query($id: ID!) { node(id: $id) { id } }", {"id": link["id"]}))["node"] is None
    assert await count(rt, models.ShareLink, models.ShareLink.revoked_at.is_(None)) == 1
