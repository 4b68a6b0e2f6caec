"""Login, sessions, logout and throttling over the API."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, update

from server import models
from tests.plugins.api import PASSWORD, Api, login_token

LOGIN = """
mutation($i: LoginInput!) {
  login(input: $i) {
    token
    viewer { role organisation { name kind } user { email } }
    userErrors { field message code }
  }
}"""
VIEWER = "{ viewer { role user { email } organisation { name } } }"


async def _count(rt, model) -> int:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return (await s.execute(select(func.count()).select_from(model))).scalar_one()


async def test_login_returns_viewer_token_and_cookie(http, world, anon: Api) -> None:
    response = await http.post(
        "/graphql",
        json={"query": LOGIN, "variables": {"i": {"email": " Seller-A@Test.local ", "password": PASSWORD}}},
    )
    body = response.json()["data"]["login"]
    assert body["userErrors"] == []
    assert body["viewer"] == {
        "role": "SELLER",
        "organisation": {"name": "Shop A", "kind": "SHOP"},
        "user": {"email": "seller-a@test.local"},
    }
    cookie = response.headers["set-cookie"]
    assert "matchup_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    # The cookie alone authenticates the web app…
    http.cookies.set("matchup_session", body["token"])
    assert (await anon(VIEWER))["viewer"]["role"] == "SELLER"
    http.cookies.clear()
    # …and the token as a bearer authenticates API clients.
    assert (await Api(http, body["token"])(VIEWER))["viewer"]["user"]["email"] == "seller-a@test.local"


async def test_wrong_password_and_unknown_email_get_the_same_answer(rt, world, anon: Api) -> None:
    sessions_before = await _count(rt, models.UserSession)
    wrong = (await anon(LOGIN, {"i": {"email": "seller-a@test.local", "password": "nope-nope"}}))["login"]
    unknown = (await anon(LOGIN, {"i": {"email": "nobody@test.local", "password": "nope-nope"}}))["login"]
    assert (
        wrong
        == unknown
        == {
            "token": None,
            "viewer": None,
            "userErrors": [
                {
                    "field": ["input", "password"],
                    "message": "Email or password is incorrect",
                    "code": "INVALID_CREDENTIALS",
                }
            ],
        }
    )
    assert await _count(rt, models.UserSession) == sessions_before


async def test_empty_fields_are_named(world, anon: Api) -> None:
    result = (await anon(LOGIN, {"i": {"email": "  ", "password": "x"}}))["login"]
    assert result["userErrors"] == [
        {"field": ["input", "email"], "message": "Enter your email", "code": "REQUIRED"}
    ]


async def test_repeated_failures_are_throttled_for_known_and_unknown_emails(
    rt, clock, world, anon: Api
) -> None:
    for email in ("seller-a@test.local", "ghost@test.local"):
        for _ in range(rt.settings.login_max_failures):
            codes = [
                e["code"]
                for e in (await anon(LOGIN, {"i": {"email": email, "password": "bad"}}))["login"][
                    "userErrors"
                ]
            ]
            assert codes == ["INVALID_CREDENTIALS"]
        blocked = (await anon(LOGIN, {"i": {"email": email, "password": PASSWORD}}))["login"]
        assert blocked["token"] is None
        assert blocked["userErrors"][0]["code"] == "THROTTLED"
        assert "Try again in 15 minutes" in blocked["userErrors"][0]["message"]
    # The window passes: the right password works again.
    clock.advance(timedelta(minutes=rt.settings.login_failure_window_minutes, seconds=1))
    ok = (await anon(LOGIN, {"i": {"email": "seller-a@test.local", "password": PASSWORD}}))["login"]
    assert ok["userErrors"] == [] and ok["token"]


async def test_logout_revokes_the_token(http, world) -> None:
    token = await login_token(http, world["agency_a"].email)
    api = Api(http, token)
    assert (await api(VIEWER))["viewer"]["role"] == "AGENCY"
    assert (await api("mutation { logout { ok } }"))["logout"] == {"ok": True}
    assert (await api(VIEWER))["viewer"] is None
    assert (await api("mutation { logout { ok } }"))["logout"] == {"ok": False}


async def test_bad_tokens_are_anonymous(rt, clock, http, world) -> None:
    for token in ("garbage", "mus_" + "x" * 43, "Bearer", ""):
        assert (await Api(http, token)(VIEWER))["viewer"] is None
    token = await login_token(http, world["creator_a"].email)
    clock.advance(timedelta(hours=rt.settings.session_ttl_hours, seconds=1))
    assert (await Api(http, token)(VIEWER))["viewer"] is None, "expired token"


async def test_token_of_a_deleted_user_is_anonymous(rt, clock, http, world) -> None:
    token = await login_token(http, world["creator_a"].email)
    async with rt.sessionmaker() as s:
        await s.execute(
            update(models.User)
            .where(models.User.id == world["creator_a"].user_id)
            .values(deleted_at=clock.now())
        )
        await s.commit()
    assert (await Api(http, token)(VIEWER))["viewer"] is None
    failed = (await Api(http)(LOGIN, {"i": {"email": world["creator_a"].email, "password": PASSWORD}}))[
        "login"
    ]
    assert failed["userErrors"][0]["code"] == "INVALID_CREDENTIALS"


async def test_notifications_list_and_mark_read(http, world) -> None:
    api = Api(http, await login_token(http, world["seller_a"].email))
    assert (await api("{ notifications { totalCount } }"))["notifications"]["totalCount"] == 0, (
        "a sign-in notifies no one"
    )
    await api('mutation { integrationKeyCreate(input: {name: "Sync"}) { userErrors { code } } }')
    data = await api(
        "{ notifications(first: 5) { totalCount edges { node { kind title readAt } } } viewer { unreadNotificationCount } }"
    )
    assert data["notifications"]["totalCount"] == 1
    assert data["notifications"]["edges"][0]["node"] == {
        "kind": "SECURITY_INTEGRATION_KEY_CREATED",
        "title": "Integration key created",
        "readAt": None,
    }
    assert data["viewer"]["unreadNotificationCount"] == 1
    marked = await api("mutation { notificationsMarkRead(input: {}) { unreadCount userErrors { code } } }")
    assert marked["notificationsMarkRead"] == {"unreadCount": 0, "userErrors": []}
    # Another shop's notification is not this shop's.
    other = Api(http, await login_token(http, world["seller_b"].email))
    await other('mutation { integrationKeyCreate(input: {name: "Sync"}) { userErrors { code } } }')
    assert (await other("{ notifications { totalCount } }"))["notifications"]["totalCount"] == 1
    assert (await api("{ notifications { totalCount } }"))["notifications"]["totalCount"] == 1


async def test_mark_read_rejects_bad_ids_and_changes_nothing(http, world) -> None:
    api = Api(http, await login_token(http, world["seller_a"].email))
    await api('mutation { integrationKeyCreate(input: {name: "Sync"}) { userErrors { code } } }')
    bad = await api(
        'mutation { notificationsMarkRead(input: {ids: ["nope"]}) { unreadCount userErrors { field code message } } }'
    )
    assert bad["notificationsMarkRead"]["userErrors"] == [
        {"field": ["input", "ids", "0"], "code": "INVALID_ID", "message": "'nope' is not a valid Matchup id"}
    ]
    assert (await api("{ viewer { unreadNotificationCount } }"))["viewer"]["unreadNotificationCount"] == 1
