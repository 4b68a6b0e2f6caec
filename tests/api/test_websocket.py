"""graphql-transport-ws: authentication at connection_init, protocol checks, notificationReceived live."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from httpx_ws import WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport

from tests.plugins.api import Api, login_token
from tests.plugins.ws import PROTOCOL, GraphQLWS, until_listening

SUBSCRIBE = "subscription { notificationReceived { kind title body } }"
CREATE_KEY = 'mutation { integrationKeyCreate(input: {name: "Sync"}) { userErrors { code } } }'


@asynccontextmanager
async def ws_client(
    app, *, cookies: dict[str, str] | None = None, subprotocols=(PROTOCOL,)
) -> AsyncIterator[GraphQLWS]:  # noqa: ANN001
    async with httpx.AsyncClient(
        transport=ASGIWebSocketTransport(app), base_url="http://testserver", cookies=cookies
    ) as client:
        async with aconnect_ws("http://testserver/graphql", client, subprotocols=list(subprotocols)) as ws:
            yield GraphQLWS(ws.send_text, ws.receive_text)


async def test_token_in_connection_params_and_live_notification(app, rt, http, world) -> None:
    token = await login_token(http, world["seller_a"].email)
    async with ws_client(app) as ws:
        assert await ws.init({"token": token}) == {"type": "connection_ack", "payload": {"role": "SELLER"}}
        listening = rt.broker.listening()
        await ws.subscribe("1", SUBSCRIBE)
        await until_listening(rt.broker, listening + 1)
        await Api(http, token)(CREATE_KEY)  # a new integration key notifies seller A's shop
        message = await ws.next_payload()
        assert message["type"] == "next" and message["id"] == "1"
        assert (
            message["payload"]["data"]["notificationReceived"]["kind"] == "SECURITY_INTEGRATION_KEY_CREATED"
        )
        # Another tenant's event does not arrive.
        await Api(http, await login_token(http, world["seller_b"].email))(CREATE_KEY)
        assert await ws.nothing_within(0.5)


async def test_cookie_authenticates_the_upgrade(app, http, world) -> None:
    token = await login_token(http, world["creator_a"].email)
    async with ws_client(app, cookies={"matchup_session": token}) as ws:
        assert (await ws.init())["payload"] == {"role": "CREATOR"}


def _find_disconnect(exc: BaseException) -> WebSocketDisconnect | None:
    if isinstance(exc, WebSocketDisconnect):
        return exc
    for inner in getattr(exc, "exceptions", ()):
        if (found := _find_disconnect(inner)) is not None:
            return found
    return None


async def close_code(app, params: dict, subprotocols=(PROTOCOL,)) -> int:  # noqa: ANN001
    """Opens a socket, sends connection_init and returns the code the server closed it with."""
    try:
        async with ws_client(app, subprotocols=subprotocols) as ws:
            await ws.init(params)
            await ws.receive()
    except BaseException as exc:  # httpx-ws raises inside (nested) task groups
        disconnect = _find_disconnect(exc)
        if disconnect is None:
            raise
        return disconnect.code
    raise AssertionError("the socket stayed open")


@pytest.mark.parametrize("params", [{}, {"token": "garbage"}, {"token": 12}])
async def test_connection_without_valid_credentials_is_rejected(app, world, params) -> None:
    assert await close_code(app, params) == 4403


async def test_unknown_subprotocol_is_refused(app, world) -> None:
    assert await close_code(app, {}, subprotocols=("graphql-ws",)) == 4406


async def test_logged_out_token_cannot_open_a_socket(app, http, world) -> None:
    token = await login_token(http, world["agency_a"].email)
    await Api(http, token)("mutation { logout { ok } }")
    assert await close_code(app, {"token": token}) == 4403
