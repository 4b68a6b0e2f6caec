"""Login under attack: one `login` per request, an atomic failure counter (exactly `login_max_failures` password
checks however concurrent), a per-address limit, and no notification for a sign-in."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Literal

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from server import models
from server.auth import passwords
from tests.plugins.api import PASSWORD, Api, login_token

LOGIN = "mutation($i: LoginInput!) { login(input: $i) { token userErrors { field message code retryAfterSeconds } } }"


class Checks:
    """Counts password checks (argon2 verifications) made by logins."""

    def __init__(self) -> None:
        self.count = 0


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[Checks]:
    counter = Checks()

    class CountingHasher(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:  # noqa: A002
            counter.count += 1
            time.sleep(0.02)  # a hash takes time: gives concurrent attempts room to overlap, as in production
            return super().verify(hash, password)

    monkeypatch.setattr(passwords, "_hasher", CountingHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield counter


async def _failures(rt) -> int:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return (await s.execute(select(func.count()).select_from(models.LoginFailure))).scalar_one()


@pytest.mark.parametrize(
    "document",
    [
        "mutation($i: LoginInput!) { a: login(input: $i) { token } b: login(input: $i) { token } }",
        "mutation($i: LoginInput!) { login(input: $i) { token } login(input: $i) { token } }",
        "mutation($i: LoginInput!) { login(input: $i) { token } ... on Mutation { x: login(input: $i) { token } } }",
        "mutation($i: LoginInput!) { ...L ...L } fragment L on Mutation { login(input: $i) { token } }",
        "mutation($i: LoginInput!) { "
        + " ".join(f"a{n}: login(input: $i) {{ token }}" for n in range(30))
        + " }",
    ],
    ids=["aliases", "repeated", "inline-fragment", "fragment-twice", "thirty-aliases"],
)
async def test_an_operation_selecting_login_twice_is_refused_before_any_hash(
    rt, world, http, checks, document
) -> None:
    response = await http.post(
        "/graphql",
        json={
            "query": document,
            "variables": {"i": {"email": world["seller_a"].email, "password": "wrong-one"}},
        },
    )
    body = response.json()
    assert "data" not in body or body["data"] is None, body
    [error] = body["errors"]
    assert error["extensions"]["code"] == "LOGIN_ONCE_PER_REQUEST"
    assert error["extensions"]["limit"] == 1 and error["extensions"]["found"] >= 2
    assert "`login` can be selected once per request" in error["message"]
    assert checks.count == 0
    assert await _failures(rt) == 0


async def test_a_batch_of_logins_is_refused_before_any_hash(rt, world, http, checks) -> None:
    one = {"query": LOGIN, "variables": {"i": {"email": world["seller_a"].email, "password": "wrong-one"}}}
    response = await http.post("/graphql", json=[one, one, one])
    assert response.status_code == 400
    assert checks.count == 0
    assert await _failures(rt) == 0


async def test_one_login_per_request_still_works(world, http, checks) -> None:
    assert await login_token(http, world["seller_a"].email)
    assert checks.count == 1


async def test_concurrent_wrong_passwords_get_exactly_the_limit_of_checks(rt, world, http, checks) -> None:
    limit = rt.settings.login_max_failures
    variables = {"i": {"email": world["seller_a"].email, "password": "wrong-password"}}
    answers = await asyncio.gather(*(Api(http)(LOGIN, variables) for _ in range(20)))
    codes = sorted(a["login"]["userErrors"][0]["code"] for a in answers)
    assert checks.count == limit
    assert codes == ["INVALID_CREDENTIALS"] * limit + ["THROTTLED"] * (20 - limit)
    assert await _failures(rt) == limit
    throttled = next(
        a["login"]["userErrors"][0] for a in answers if a["login"]["userErrors"][0]["code"] == "THROTTLED"
    )
    window = rt.settings.login_failure_window_minutes
    assert throttled["retryAfterSeconds"] == window * 60
    assert throttled["message"] == f"Too many failed attempts. Try again in {window} minutes."
    # Even the right password is not checked until the window has passed.
    blocked = (await Api(http)(LOGIN, {"i": {"email": world["seller_a"].email, "password": PASSWORD}}))[
        "login"
    ]
    assert blocked["userErrors"][0]["code"] == "THROTTLED" and checks.count == limit


async def test_one_client_address_is_limited_across_emails(rt, app, world, monkeypatch) -> None:
    monkeypatch.setattr(rt.settings, "login_max_failures_per_address", 3)
    attacker = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=("203.0.113.7", 5000)), base_url="http://testserver"
    )
    other = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=("198.51.100.2", 5000)), base_url="http://testserver"
    )
    async with attacker, other:
        for n in range(3):
            answer = (
                await Api(attacker)(LOGIN, {"i": {"email": f"guess{n}@test.local", "password": "nope-nope"}})
            )["login"]
            assert answer["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
        refused = (
            await Api(attacker)(LOGIN, {"i": {"email": world["seller_a"].email, "password": PASSWORD}})
        )["login"]
        assert refused["token"] is None
        assert refused["userErrors"] == [
            {
                "field": ["input", "email"],
                "code": "THROTTLED",
                "retryAfterSeconds": rt.settings.login_failure_window_minutes * 60,
                "message": "Too many failed attempts from your network address. Try again in 15 minutes.",
            }
        ]
        # Another address is not affected.
        assert (await Api(other)(LOGIN, {"i": {"email": world["seller_a"].email, "password": PASSWORD}}))[
            "login"
        ]["token"]


async def test_a_sign_in_notifies_no_one(rt, http, world) -> None:
    for key in ("seller_a", "seller_a", "agency_a"):
        await login_token(http, world[key].email)
    async with rt.sessionmaker() as s:
        assert (await s.execute(select(func.count()).select_from(models.Notification))).scalar_one() == 0
