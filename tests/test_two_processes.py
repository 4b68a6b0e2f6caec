"""Two server processes on PostgreSQL + Redis: an event caused through one reaches a subscriber on the other."""

from __future__ import annotations

import asyncio
import json

import httpx
import websockets

from server.migrate import upgrade_head
from server.runtime import Runtime
from tests.conftest import TEST_SECRET, make_settings
from tests.plugins.api import PASSWORD, build_world
from tests.plugins.servers import server_process
from tests.plugins.services import PG_URL, REDIS_URL, create_pg_database, drop_pg_database, need
from tests.plugins.ws import PROTOCOL, GraphQLWS

LOGIN = "mutation($i: LoginInput!) { login(input: $i) { token } }"
CREATE_KEY = 'mutation { integrationKeyCreate(input: {name: "Sync"}) { userErrors { code } } }'


async def _create_key(base: str, email: str) -> None:
    token = await _login(base, email)
    async with httpx.AsyncClient(base_url=base) as client:
        body = (
            await client.post(
                "/graphql", json={"query": CREATE_KEY}, headers={"Authorization": f"Bearer {token}"}
            )
        ).json()
    assert body["data"]["integrationKeyCreate"]["userErrors"] == [], body


async def _login(base: str, email: str) -> str:
    async with httpx.AsyncClient(base_url=base) as client:
        body = (
            await client.post(
                "/graphql", json={"query": LOGIN, "variables": {"i": {"email": email, "password": PASSWORD}}}
            )
        ).json()
    return body["data"]["login"]["token"]


async def test_event_crosses_processes_through_redis() -> None:
    need("PostgreSQL (MATCHUP_TEST_DATABASE_URL)", PG_URL is not None)
    need("Redis (MATCHUP_TEST_REDIS_URL)", REDIS_URL is not None)
    database_url = create_pg_database("matchup_2p")
    try:
        upgrade_head(database_url)
        rt = Runtime.build(make_settings(database_url))
        world = await build_world(rt)
        await rt.engine.dispose()
        env = {
            "MATCHUP_DATABASE_URL": database_url,
            "MATCHUP_REDIS_URL": REDIS_URL,
            "MATCHUP_SECRET_KEY": TEST_SECRET,
        }
        with server_process(env) as first, server_process(env) as second:
            token = await _login(first, world["seller_a"].email)
            ws_url = second.replace("http://", "ws://") + "/graphql"
            async with websockets.connect(ws_url, subprotocols=[PROTOCOL]) as socket:
                ws = GraphQLWS(socket.send, socket.recv)
                assert (await ws.init({"token": token}))["type"] == "connection_ack"
                await ws.subscribe("n", "subscription { notificationReceived { kind body } }")
                await asyncio.sleep(0.5)  # Redis pub/sub delivers only to channels already subscribed
                await _create_key(first, world["seller_a"].email)  # caused on the first process
                message = await ws.next_payload(timeout=10)
                assert message["type"] == "next", json.dumps(message)
                assert (
                    message["payload"]["data"]["notificationReceived"]["kind"]
                    == "SECURITY_INTEGRATION_KEY_CREATED"
                )
                await _create_key(first, world["seller_b"].email)  # another tenant: nothing arrives
                assert await ws.nothing_within(1.0)
    finally:
        drop_pg_database(database_url)
