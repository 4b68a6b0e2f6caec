"""Webhook endpoints through the API: each organisation manages its own (default deny for everyone else), the
secret is shown once, bad input is refused field by field, the test button and replay deliver, and registration
status and campaign changes reach the endpoints that asked for them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from standardwebhooks.webhooks import Webhook

from server import models
from server.ids import encode_id
from server.models.enums import Market, SellerType, TargetingMode
from server.services.unit_of_work import UnitOfWork

ENDPOINT = "id url eventTypes status description"
CREATE = f"""mutation($i: WebhookEndpointCreateInput!) {{ webhookEndpointCreate(input: $i) {{
  webhookEndpoint {{ {ENDPOINT} }} secret userErrors {{ field message code }} }} }}"""
LIST = f"""query($first: Int!) {{ webhookEndpoints {{ {ENDPOINT}
  messages(first: $first) {{ totalCount edges {{ node {{ id webhookId eventType status attemptCount payload
    attempts {{ responseStatus durationMs requestHeaders {{ name value }} }} }} }} }} }} }}"""
TEST = "mutation($i: WebhookIdInput!) { webhookEndpointTest(input: $i) { webhookMessage { id eventType } userErrors { code } } }"
REPLAY = "mutation($i: WebhookIdInput!) { webhookMessageReplay(input: $i) { webhookMessage { id status } userErrors { code } } }"


async def _create(api, url: str, *types: str) -> dict:  # noqa: ANN001
    return (await api(CREATE, {"i": {"url": url, "eventTypes": list(types), "description": "ERP"}}))[
        "webhookEndpointCreate"
    ]


async def test_an_organisation_manages_only_its_own_endpoints(as_role, inbox) -> None:  # noqa: ANN001
    agency, seller = await as_role("agency_a"), await as_role("seller_a")
    created = await _create(agency, inbox.url("/a"), "registration.status_changed", "campaign.changed")
    assert created["userErrors"] == [] and created["secret"].startswith("whsec_")
    endpoint = created["webhookEndpoint"]
    assert endpoint["eventTypes"] == ["campaign.changed", "registration.status_changed"]
    assert endpoint["status"] == "ACTIVE"
    listed = (await agency(LIST, {"first": 5}))["webhookEndpoints"]
    assert [e["id"] for e in listed] == [endpoint["id"]]
    assert "secret" not in str(listed) and created["secret"] not in str(listed)  # shown once
    assert (await seller(LIST, {"first": 5}))["webhookEndpoints"] == []  # another organisation sees nothing
    # ...cannot test, change, delete or read it by id either: the same NOT_FOUND as for an id that does not exist.
    test = (await seller(TEST, {"i": {"id": endpoint["id"]}}))["webhookEndpointTest"]
    assert test == {"webhookMessage": None, "userErrors": [{"code": "NOT_FOUND"}]}
    node = await seller("query($id: ID!) { node(id: $id) { id } }", {"id": endpoint["id"]})
    assert node == {"node": None}
    deleted = await seller(
        "mutation($i: WebhookIdInput!) { webhookEndpointDelete(input: $i) { deletedId userErrors { code } } }",
        {"i": {"id": endpoint["id"]}},
    )
    assert deleted["webhookEndpointDelete"]["userErrors"] == [{"code": "NOT_FOUND"}]


async def test_operators_and_anonymous_callers_are_refused(as_role, anon) -> None:  # noqa: ANN001
    operator = await as_role("operator")
    for api, code in ((operator, "FORBIDDEN"), (anon, "UNAUTHENTICATED")):
        body = await api.raw(
            CREATE, {"i": {"url": "https://example.com/h", "eventTypes": ["campaign.changed"]}}
        )
        assert body["errors"][0]["extensions"]["code"] == code


async def test_bad_input_is_refused_field_by_field_and_changes_nothing(as_role) -> None:  # noqa: ANN001
    agency = await as_role("agency_a")
    result = await _create(agency, "ftp://example.com/x", "commission.nope")
    assert result["webhookEndpoint"] is None and result["secret"] is None
    assert sorted((e["code"], tuple(e["field"])) for e in result["userErrors"]) == [
        ("INVALID_URL", ("input", "url")),
        ("UNKNOWN_EVENT_TYPE", ("input", "eventTypes")),
    ]
    assert "commission.estimated" in next(
        e["message"] for e in result["userErrors"] if e["code"] == "UNKNOWN_EVENT_TYPE"
    )
    assert (await agency(LIST, {"first": 1}))["webhookEndpoints"] == []


async def test_private_urls_are_refused_in_production(rt) -> None:  # noqa: ANN001
    import pytest

    from server.services.errors import DomainError
    from server.services.webhooks import check_url

    for url in (
        "http://127.0.0.1:8000/h",
        "https://10.1.2.3/h",
        "https://localhost/h",
        "http://example.com/h",
    ):
        with pytest.raises(DomainError) as refused:
            await check_url(url, private_allowed=False)
        assert refused.value.code in ("PRIVATE_URL", "INSECURE_URL")
    with pytest.raises(DomainError) as refused:
        await check_url("https://example.com:99999/h", private_allowed=False)
    assert refused.value.code == "INVALID_URL" and "65535" in refused.value.message
    # A public address (an IP literal: the tests resolve no outside names); tests/webhooks/test_addresses.py
    # has the names and the other non-public addresses.
    assert (
        await check_url("https://93.184.215.14/matchup", private_allowed=False)
        == "https://93.184.215.14/matchup"
    )


async def test_test_button_and_replay_deliver_signed_messages(as_role, inbox, deliver) -> None:  # noqa: ANN001
    agency = await as_role("agency_a")
    created = await _create(agency, inbox.url("/t"), "campaign.changed")
    sent = (await agency(TEST, {"i": {"id": created["webhookEndpoint"]["id"]}}))["webhookEndpointTest"]
    assert sent["userErrors"] == [] and sent["webhookMessage"]["eventType"] == "webhook.test"
    assert await deliver() == 1
    [request] = inbox.at("/t")
    body = Webhook(created["secret"]).verify(request.body, request.headers)
    assert body["type"] == "webhook.test"
    message = (await agency(LIST, {"first": 5}))["webhookEndpoints"][0]["messages"]["edges"][0]["node"]
    assert (
        message["status"] == "DELIVERED"
        and message["attemptCount"] == 1
        and message["payload"] == request.body
    )
    [attempt] = message["attempts"]
    assert attempt["responseStatus"] == 200
    assert {h["name"] for h in attempt["requestHeaders"]} >= {
        "webhook-id",
        "webhook-timestamp",
        "webhook-signature",
    }
    replayed = (await agency(REPLAY, {"i": {"id": message["id"]}}))["webhookMessageReplay"]
    assert replayed == {"webhookMessage": {"id": message["id"], "status": "PENDING"}, "userErrors": []}
    assert await deliver() == 1
    again = inbox.at("/t")
    assert len(again) == 2 and again[1].headers["webhook-id"] == again[0].headers["webhook-id"]
    assert again[1].body == again[0].body


async def _campaign(rt, world) -> int:  # noqa: ANN001
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        campaign = models.Campaign(
            agency_id=world["agency_a"].organisation_id,
            name="Serum week",
            description="",
            market=Market.TH,
            seller_requirements="",
            commission_requirement_bps=1000,
            contact_email="c@agency.test",
            registration_start=now - timedelta(days=1),
            registration_end=now + timedelta(days=7),
            campaign_start=now - timedelta(days=1),
            campaign_end=now + timedelta(days=14),
            targeting_mode=TargetingMode.OPEN,
            target_seller_type=SellerType.LOCAL,
            published=True,
            first_published_at=now - timedelta(days=1),
            created_at=now,
            updated_at=now,
        )
        uow.session.add(campaign)
    return campaign.id


async def test_registration_and_campaign_changes_reach_their_endpoints(
    rt, world, as_role, inbox, deliver
) -> None:  # noqa: ANN001
    agency, seller = await as_role("agency_a"), await as_role("seller_a")
    agency_hook = await _create(
        agency, inbox.url("/agency"), "registration.status_changed", "campaign.changed"
    )
    seller_hook = await _create(seller, inbox.url("/seller"), "registration.status_changed")
    campaign_id = await _campaign(rt, world)
    product = encode_id("Product", world.products["seller_a"][0])
    created = await seller(
        """mutation($i: RegistrationCreateInput!) { registrationCreate(input: $i) { registrations { id } } }""",
        {
            "i": {
                "campaignId": encode_id("Campaign", campaign_id),
                "contactEmail": "shop-a@shop.test",
                "items": [{"productId": product, "totalRateBps": 2000, "sampleQuota": 1}],
            }
        },
    )
    [registration] = created["registrationCreate"]["registrations"]
    published = await agency(
        "mutation($i: CampaignPublishInput!) { campaignPublish(input: $i) { userErrors { code } } }",
        {"i": {"id": encode_id("Campaign", campaign_id), "published": False}},
    )
    assert published["campaignPublish"]["userErrors"] == []
    await deliver()
    to_agency = [Webhook(agency_hook["secret"]).verify(r.body, r.headers) for r in inbox.at("/agency")]
    to_seller = [Webhook(seller_hook["secret"]).verify(r.body, r.headers) for r in inbox.at("/seller")]
    assert sorted(b["type"] for b in to_agency) == ["campaign.changed", "registration.status_changed"]
    [seller_event] = to_seller
    assert seller_event["data"]["change"] == {"from": None, "to": "PENDING"}
    assert seller_event["data"]["object"]["id"] == registration["id"]
    assert seller_event["data"]["object"]["product"]["title"] == "Shop A Serum 0"
    campaign_event = next(b for b in to_agency if b["type"] == "campaign.changed")
    assert campaign_event["data"]["change"] == {"action": "campaign.unpublish"}
    assert campaign_event["data"]["object"]["published"] is False
    async with rt.sessionmaker() as s:
        assert len((await s.scalars(select(models.WebhookMessage))).all()) == 3
