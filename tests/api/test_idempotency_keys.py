"""Idempotency-Key on POST /graphql (Stripe's semantics): same user + key + body → the first answer again without
the work done twice; another body → IDEMPOTENCY_KEY_REUSED; a duplicate while the first runs waits for its
answer; bad keys are refused; keys expire and are pruned by the sweeper."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from server import models
from server.services.idempotency import request_hash
from server.services.sweeper import sweep
from tests.api.campaigns.support import CREATE as CAMPAIGN_CREATE
from tests.api.campaigns.support import valid_input
from tests.plugins.api import login_token

CREATE_KEY = "mutation($n: String!) { integrationKeyCreate(input: {name: $n}) { integrationKey { name } apiKey userErrors { code } } }"


async def _count(rt, model) -> int:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return (await s.execute(select(func.count()).select_from(model))).scalar_one()


async def _post(http, token: str, key: str | bytes | None, query: str, variables: dict):  # noqa: ANN001, ANN202
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return await http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)


@pytest.fixture
async def seller(http, world) -> str:  # noqa: ANN001
    return await login_token(http, world["seller_a"].email)


async def test_same_key_and_body_replays_the_first_answer(rt, http, seller) -> None:
    first = await _post(http, seller, "create-key-1", CREATE_KEY, {"n": "Sync"})
    again = await _post(http, seller, "create-key-1", CREATE_KEY, {"n": "Sync"})
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()  # the same secret, shown once: it is the first answer, not a new key
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert await _count(rt, models.IntegrationKey) == 1
    # Without a key, or with another key, it is a new request.
    await _post(http, seller, "create-key-2", CREATE_KEY, {"n": "Sync"})
    await _post(http, seller, None, CREATE_KEY, {"n": "Sync"})
    assert await _count(rt, models.IntegrationKey) == 3


async def test_json_spacing_and_key_order_do_not_make_another_body(rt, http, seller) -> None:
    headers = {
        "Authorization": f"Bearer {seller}",
        "Idempotency-Key": "k",
        "content-type": "application/json",
    }
    one = await http.post(
        "/graphql", content=f'{{"query": "{CREATE_KEY}", "variables": {{"n": "A"}}}}', headers=headers
    )
    two = await http.post(
        "/graphql", content=f'{{ "variables":{{"n":"A"}},  "query":"{CREATE_KEY}" }}', headers=headers
    )
    assert one.json() == two.json() and await _count(rt, models.IntegrationKey) == 1


async def test_same_key_with_another_body_is_refused_and_changes_nothing(rt, http, seller) -> None:
    await _post(http, seller, "k-1", CREATE_KEY, {"n": "Sync"})
    other = await _post(http, seller, "k-1", CREATE_KEY, {"n": "Another"})
    assert other.status_code == 422
    [error] = other.json()["errors"]
    assert error["extensions"] == {"code": "IDEMPOTENCY_KEY_REUSED", "field": "Idempotency-Key"}
    assert "already used with a different request body" in error["message"]
    assert await _count(rt, models.IntegrationKey) == 1


async def test_keys_belong_to_their_user(rt, http, world, seller) -> None:
    other = await login_token(http, world["seller_b"].email)
    await _post(http, seller, "shared-key", CREATE_KEY, {"n": "Sync"})
    answer = (await _post(http, other, "shared-key", CREATE_KEY, {"n": "Sync"})).json()
    assert answer["data"]["integrationKeyCreate"]["userErrors"] == []
    assert await _count(rt, models.IntegrationKey) == 2


async def test_concurrent_duplicates_create_one_thing(rt, http, seller) -> None:
    answers = await asyncio.gather(
        *(_post(http, seller, "double-click", CREATE_KEY, {"n": "Sync"}) for _ in range(8))
    )
    assert {a.status_code for a in answers} == {200}
    assert len({a.text for a in answers}) == 1
    assert await _count(rt, models.IntegrationKey) == 1


async def test_a_duplicate_gets_in_use_when_the_first_outlasts_the_wait(
    rt, http, world, seller, monkeypatch
) -> None:
    monkeypatch.setattr(rt.settings, "idempotency_wait_seconds", 0)
    body = {"query": CREATE_KEY, "variables": {"n": "Sync"}}
    async with rt.sessionmaker() as s:  # the first request with this key and body is still running
        now = rt.clock.now()
        s.add(
            models.IdempotencyKey(
                user_id=world["seller_a"].user_id,
                key="busy",
                request_hash=request_hash(json.dumps(body).encode()),
                created_at=now,
                expires_at=now + timedelta(hours=1),
            )
        )
        await s.commit()
    busy = await http.post(
        "/graphql", json=body, headers={"Authorization": f"Bearer {seller}", "Idempotency-Key": "busy"}
    )
    assert busy.status_code == 409 and busy.headers["retry-after"] == "1"
    assert busy.json()["errors"][0]["extensions"] == {
        "code": "IDEMPOTENCY_KEY_IN_USE",
        "field": "Idempotency-Key",
    }
    assert await _count(rt, models.IntegrationKey) == 0


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("x" * 256, "is 256 characters long; the limit is 255"),
        ("naïve-key".encode(), "may only contain visible ASCII characters"),
        ("has space", "may only contain visible ASCII characters"),
        ("", "must not be empty"),
    ],
)
async def test_bad_keys_are_refused_and_change_nothing(rt, http, seller, key, reason) -> None:
    answer = await _post(http, seller, key, CREATE_KEY, {"n": "Sync"})
    assert answer.status_code == 400
    [error] = answer.json()["errors"]
    assert error["extensions"] == {
        "code": "IDEMPOTENCY_KEY_INVALID",
        "field": "Idempotency-Key",
        "limit": 255,
    }
    assert reason in error["message"]
    assert await _count(rt, models.IntegrationKey) == 0
    assert await _count(rt, models.IdempotencyKey) == 0


async def test_an_answer_that_did_not_run_releases_the_key(rt, http, seller) -> None:
    broken = await _post(http, seller, "k", "mutation { integrationKeyCreate(input: {}) { apiKey } }", {})
    assert broken.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert await _count(rt, models.IdempotencyKey) == 0
    # The key is free for the corrected request.
    fixed = await _post(http, seller, "k", CREATE_KEY, {"n": "Sync"})
    assert fixed.json()["data"]["integrationKeyCreate"]["userErrors"] == []


async def test_other_creating_mutations_are_covered_too(rt, http, world, clock) -> None:
    agency = await login_token(http, world["agency_a"].email)
    variables = {"i": valid_input(clock.now())}
    first = await _post(http, agency, "campaign-1", CAMPAIGN_CREATE, variables)
    again = await _post(http, agency, "campaign-1", CAMPAIGN_CREATE, variables)
    assert first.json()["data"]["campaignCreate"]["userErrors"] == []
    assert again.json() == first.json()
    assert await _count(rt, models.Campaign) == 1


async def test_keys_expire_and_the_sweeper_prunes_them(rt, clock, http, seller) -> None:
    await _post(http, seller, "k", CREATE_KEY, {"n": "Sync"})
    clock.advance(timedelta(hours=rt.settings.idempotency_key_ttl_hours) - timedelta(seconds=1))
    assert (await sweep(rt))["prune expired idempotency keys"] == 0
    assert (await _post(http, seller, "k", CREATE_KEY, {"n": "Sync"})).headers.get(
        "idempotent-replayed"
    ) == "true"
    clock.advance(timedelta(seconds=2))
    # Expired: the key is a new request even before the sweeper ran.
    assert "idempotent-replayed" not in (await _post(http, seller, "k", CREATE_KEY, {"n": "Sync"})).headers
    assert await _count(rt, models.IntegrationKey) == 2
    clock.advance(timedelta(hours=rt.settings.idempotency_key_ttl_hours, seconds=1))
    assert (await sweep(rt))["prune expired idempotency keys"] == 1
    assert await _count(rt, models.IdempotencyKey) == 0


async def test_anonymous_requests_ignore_the_header(rt, http, world) -> None:
    login = "mutation($i: LoginInput!) { login(input: $i) { token } }"
    variables = {"i": {"email": world["seller_a"].email, "password": "correct horse battery"}}
    one = await http.post(
        "/graphql", json={"query": login, "variables": variables}, headers={"Idempotency-Key": "a"}
    )
    http.cookies.clear()
    two = await http.post(
        "/graphql", json={"query": login, "variables": variables}, headers={"Idempotency-Key": "a"}
    )
    http.cookies.clear()
    assert one.json()["data"]["login"]["token"] != two.json()["data"]["login"]["token"]
    assert await _count(rt, models.IdempotencyKey) == 0
