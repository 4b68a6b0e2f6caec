"""Where webhooks may go when private addresses are refused (prod): the endpoint's host is resolved (DNS) and
refused when any of its addresses is private, loopback, link-local, multicast, reserved or otherwise not global —
at registration, as a field error that stores nothing, and again at each delivery (a name that later resolves
elsewhere, DNS rebinding), where nothing is sent and the attempt is logged and retried. The request then goes to
the address that was checked. MATCHUP_WEBHOOK_ALLOW_PRIVATE_URLS (on in dev and test) keeps local receivers
working, names included."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from server import models
from server.models.enums import Role
from server.models.webhook import WebhookMessageStatus
from server.services import webhooks
from tests.webhooks.conftest import attempts, member, messages, principal, subscribe

CREATE = """mutation($i: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $i) {
  webhookEndpoint { id } secret userErrors { field message code } } }"""


@pytest.fixture
def prod_rules(rt, monkeypatch):  # noqa: ANN001, ANN201
    """Private addresses refused, as in prod."""
    monkeypatch.setattr(rt.settings, "webhook_allow_private_urls", False)
    assert not rt.settings.webhook_private_urls_allowed


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://localhost/h", "127.0.0.1"),  # a name that resolves to loopback
        ("https://127.1/h", "127.0.0.1"),  # short and integer forms the resolver accepts
        ("https://2130706433/h", "127.0.0.1"),
        ("https://0x7f000001/h", "127.0.0.1"),
        ("https://[::1]/h", "::1"),
        ("https://[::ffff:10.0.0.1]/h", "::ffff:10.0.0.1"),  # IPv4-mapped
        ("https://10.1.2.3/h", "10.1.2.3"),
        ("https://169.254.169.254/latest/meta-data", "169.254.169.254"),  # link-local (cloud metadata)
        ("https://224.0.0.1/h", "224.0.0.1"),  # multicast
        ("https://240.0.0.1/h", "240.0.0.1"),  # reserved
        ("https://100.64.0.1/h", "100.64.0.1"),  # shared address space (carrier-grade NAT)
        ("https://0.0.0.0/h", "0.0.0.0"),
    ],
)
async def test_a_host_resolving_to_a_non_public_address_is_refused_at_registration(
    rt, as_role, prod_rules, url: str, address: str
) -> None:
    agency = await as_role("agency_a")
    result = (await agency(CREATE, {"i": {"url": url, "eventTypes": ["campaign.changed"]}}))[
        "webhookEndpointCreate"
    ]
    assert result["webhookEndpoint"] is None and result["secret"] is None
    [error] = result["userErrors"]
    assert (error["code"], error["field"]) == ("PRIVATE_URL", ["input", "url"])
    assert address in error["message"] and "public" in error["message"]
    async with rt.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(models.WebhookEndpoint)) == 0


async def test_a_host_that_does_not_resolve_is_refused_and_a_public_address_accepted(
    rt, as_role, prod_rules
) -> None:
    agency = await as_role("agency_a")
    missing = (
        await agency(
            CREATE, {"i": {"url": "https://hooks.nowhere.invalid/h", "eventTypes": ["campaign.changed"]}}
        )
    )["webhookEndpointCreate"]
    [error] = missing["userErrors"]
    assert (error["code"], error["field"]) == ("UNRESOLVABLE_HOST", ["input", "url"])
    assert "hooks.nowhere.invalid" in error["message"]
    public = (
        await agency(CREATE, {"i": {"url": "https://93.184.215.14/h", "eventTypes": ["campaign.changed"]}})
    )["webhookEndpointCreate"]
    assert public["userErrors"] == [] and public["secret"].startswith("whsec_")


async def test_an_update_to_a_private_address_is_refused(rt, world, prod_rules) -> None:  # noqa: ANN001
    who = principal(Role.AGENCY, world["agency_a"].organisation_id)
    created = await webhooks.create_endpoint(
        rt, await member(rt, *who), url="https://93.184.215.14/h", event_types=["campaign.changed"]
    )
    with pytest.raises(webhooks.DomainErrors) as refused:
        await webhooks.update_endpoint(rt, await member(rt, *who), created.endpoint.id, url="https://127.1/h")
    assert [e.code for e in refused.value.errors] == ["PRIVATE_URL"]


async def test_delivery_resolves_again_and_sends_nothing_to_a_private_address(
    rt, world, clock, inbox, deliver, monkeypatch
) -> None:
    """Registered while allowed (or resolving elsewhere then): a name and an IP literal on loopback."""
    who = principal(Role.AGENCY, world["agency_a"].organisation_id)
    port = inbox.base.rsplit(":", 1)[1]
    by_name = await subscribe(rt, who, f"http://localhost:{port}/name", "campaign.changed")
    by_ip = await subscribe(rt, who, inbox.url("/ip"), "campaign.changed")
    owner = await member(rt, *who)
    for endpoint in (by_name, by_ip):
        await webhooks.send_test_event(rt, owner, endpoint.endpoint.id)
    monkeypatch.setattr(rt.settings, "webhook_allow_private_urls", False)
    assert await deliver() == 2
    assert inbox.received == []  # nothing left the server
    logged = await attempts(rt)
    assert len(logged) == 2 and all(a.response_status is None for a in logged)
    assert all("127.0.0.1" in a.error and "public" in a.error for a in logged)
    assert [m.status for m in await messages(rt)] == [WebhookMessageStatus.PENDING] * 2  # retried later
    # The setting that lets dev and tests deliver locally: the same messages now go, the name included.
    monkeypatch.setattr(rt.settings, "webhook_allow_private_urls", True)
    clock.advance(timedelta(minutes=1))
    assert await deliver() == 2
    [named] = inbox.at("/name")
    assert named.headers["host"] == f"localhost:{port}"  # sent to the checked address, under its own name
    assert len(inbox.at("/ip")) == 1
    assert [m.status for m in await messages(rt)] == [WebhookMessageStatus.DELIVERED] * 2
