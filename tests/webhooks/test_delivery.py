"""Webhooks against a real HTTP receiver on 127.0.0.1: Standard Webhooks signatures, payloads trimmed by the
policy table, retries with backoff, exactly one accepted delivery per event, leases that outlive a crash."""

from __future__ import annotations

import json
from datetime import timedelta

from standardwebhooks.webhooks import Webhook

from server.models.enums import Role
from server.models.webhook import WebhookMessageStatus
from server.schema.build import build_schema
from server.webhooks.delivery import backoff, claim, lease
from tests.api.notification_params import assert_params_shown
from tests.orders.world import created, event, line
from tests.webhooks.conftest import Deliverer, attempts, messages, principal, subscribe


async def _paid_order(ow, us, clock, order_id: str = "o-1") -> None:  # noqa: ANN001
    product = ow.us.registered[0]
    attribution = {"showcase_entry_id": product.entry_gid("alice")}
    response = await us.send(
        created(
            order_id,
            clock.now(),
            [line("1", product, price="40.00", currency=ow.us.currency, attribution=attribution)],
        )
    )
    assert response.status_code == 200, response.text
    response = await us.send(event("paid", order_id, clock.now()))
    assert response.status_code == 200, response.text


async def test_each_party_gets_a_signed_payload_trimmed_to_what_it_may_see(
    rt, ow, us, clock, inbox, deliver
) -> None:
    seller = await subscribe(
        rt, principal(Role.SELLER, ow.us.id), inbox.url("/seller"), "commission.estimated"
    )
    agency = await subscribe(
        rt, principal(Role.AGENCY, ow.agency_id), inbox.url("/agency"), "commission.estimated"
    )
    creator = await subscribe(
        rt, principal(Role.CREATOR, ow.creators["alice"]), inbox.url("/creator"), "commission.estimated"
    )
    await _paid_order(ow, us, clock)
    assert await deliver() == 3
    bodies = {}
    for path, endpoint in (("/seller", seller), ("/agency", agency), ("/creator", creator)):
        [request] = inbox.at(path)
        # The spec's algorithm, through the reference library: HMAC-SHA256 over "<id>.<timestamp>.<body>".
        bodies[path] = Webhook(endpoint.secret).verify(request.body, request.headers)
        assert request.headers["webhook-id"].startswith("msg_")
        assert bodies[path]["type"] == "commission.estimated"
        assert bodies[path]["data"]["change"] == {"status": "PAID"}
    seen_by_agency = bodies["/agency"]["data"]["object"]
    assert seen_by_agency["creator"]["handle"] == "alice" and seen_by_agency["creatorName"] == "Alice"
    assert seen_by_agency["agencyCommission"]["estimated"] == {"amount": "2.00", "currency": "USD"}
    seen_by_seller = bodies["/seller"]["data"]["object"]
    assert seen_by_seller["status"] == "PAID" and seen_by_seller["paidAmount"] == {
        "amount": "40.00",
        "currency": "USD",
    }
    # A seller never receives creator identity (nor the creator's or the agency's share).
    assert seen_by_seller["creator"] is None and seen_by_seller["creatorName"] is None
    assert seen_by_seller["creatorRateBps"] is None and seen_by_seller["creatorCommission"] is None
    raw = inbox.at("/seller")[0].body.lower()
    assert "alice" not in raw and encode_creator(ow).lower() not in raw
    # The creator sees its own share, never the seller's total rate.
    seen_by_creator = bodies["/creator"]["data"]["object"]
    assert seen_by_creator["creatorCommission"]["estimated"] == {"amount": "6.00", "currency": "USD"}
    assert seen_by_creator["totalRateBps"] is None


def encode_creator(ow) -> str:  # noqa: ANN001
    from server.ids import encode_id

    return encode_id("Creator", ow.creators["alice"])


async def test_a_tampered_body_does_not_verify(rt, ow, us, clock, inbox, deliver) -> None:
    endpoint = await subscribe(rt, principal(Role.SELLER, ow.us.id), inbox.url("/s"), "commission.estimated")
    await _paid_order(ow, us, clock)
    await deliver()
    [request] = inbox.at("/s")
    tampered = request.body.replace("PAID", "PAIDX")
    try:
        Webhook(endpoint.secret).verify(tampered, request.headers)
    except Exception as error:  # noqa: BLE001
        assert "signature" in str(error).lower()
    else:
        raise AssertionError("a tampered body verified")


async def test_fails_twice_then_succeeds_exactly_one_accepted_delivery(
    rt, ow, us, clock, inbox, deliver
) -> None:
    await subscribe(rt, principal(Role.AGENCY, ow.agency_id), inbox.url("/flaky"), "commission.estimated")
    inbox.scripts["/flaky"] = [500, 503, 500, 503]  # each event's first two attempts fail
    await _paid_order(ow, us, clock, "o-1")
    await _paid_order(ow, us, clock, "o-2")
    assert await deliver() == 2  # both fail
    assert await deliver() == 0  # nothing is due before the backoff
    clock.advance(backoff(1) - timedelta(seconds=1))
    assert await deliver() == 0
    clock.advance(timedelta(seconds=1))
    assert await deliver() == 2  # both fail again
    clock.advance(backoff(2))
    assert await deliver() == 2  # both accepted
    clock.advance(timedelta(hours=2))
    assert await deliver() == 0  # and never sent again
    got = inbox.at("/flaky")
    assert [r.status for r in got] == [500, 503, 500, 503, 200, 200]
    accepted = [r.headers["webhook-id"] for r in got if r.status == 200]
    assert len(accepted) == len(set(accepted)) == 2  # exactly one accepted delivery per event
    # Retries resend the same message: same id and the same bytes.
    for message_id in accepted:
        same = [r for r in got if r.headers["webhook-id"] == message_id]
        assert len(same) == 3 and len({r.body for r in same}) == 1
    rows = await messages(rt)
    assert [(m.status, m.attempts) for m in rows] == [(WebhookMessageStatus.DELIVERED, 3)] * 2
    log = await attempts(rt)
    assert sorted(a.response_status for a in log) == [200, 200, 500, 500, 503, 503]
    assert all(a.request_headers["webhook-signature"].startswith("v1,") for a in log)


async def test_a_claim_left_by_a_crashed_process_is_delivered_once_its_lease_runs_out(
    rt, ow, us, clock, inbox, deliver
) -> None:
    await subscribe(rt, principal(Role.AGENCY, ow.agency_id), inbox.url("/a"), "commission.estimated")
    await _paid_order(ow, us, clock)
    assert len(await claim(rt)) == 1  # a process claimed it, then died before sending
    assert await deliver() == 0  # the lease holds
    clock.advance(lease(rt) + timedelta(seconds=1))
    assert await deliver() == 1
    assert [r.status for r in inbox.at("/a")] == [200]


async def test_an_endpoint_failing_for_a_day_is_disabled_with_a_notification(
    rt, ow, us, clock, inbox, deliver
) -> None:
    from sqlalchemy import select

    from server import models

    await subscribe(rt, principal(Role.AGENCY, ow.agency_id), inbox.url("/down"), "commission.estimated")
    inbox.scripts["/down"] = [500] * 1000
    await _paid_order(ow, us, clock)
    tries = 0
    while tries < 100:
        tries += await deliver()
        [message] = await messages(rt)
        if message.status is not WebhookMessageStatus.PENDING:
            break
        clock.advance(message.next_attempt_at - clock.now())
    assert message.status is WebhookMessageStatus.FAILED
    assert 20 < tries < 40  # exponential, at most an hour apart, for a day
    async with rt.sessionmaker() as s:
        endpoint = await s.scalar(select(models.WebhookEndpoint))
        note = await s.scalar(
            select(models.Notification).where(models.Notification.kind == "WEBHOOK_ENDPOINT_DISABLED")
        )
    assert endpoint.status.value == "DISABLED" and "24 hours" in endpoint.disabled_reason
    assert note is not None and note.recipient_organisation_id == ow.agency_id
    await _paid_order(ow, us, clock, "o-2")  # a disabled endpoint gets no new messages
    assert len(await messages(rt)) == 1
    await assert_params_shown(rt)


async def test_messages_only_for_subscribed_types_and_only_with_the_change(
    rt, ow, us, clock, inbox, deliver
) -> None:
    await subscribe(rt, principal(Role.AGENCY, ow.agency_id), inbox.url("/settled"), "commission.settled")
    product = ow.us.registered[0]
    response = await us.send(
        created("o-1", clock.now(), [line("1", product, price="40.00", currency=ow.us.currency)])
    )
    assert response.status_code == 200
    response = await us.send(event("paid", "o-1", clock.now()))  # commission.estimated: not asked for
    refused = await us.send(event("paid", "o-1", clock.now()))  # refused: nothing stored, nothing sent
    assert refused.status_code != 200
    assert await messages(rt) == []
    assert await deliver() == 0
    assert json.loads(response.text)  # the order itself went through


async def test_payloads_are_read_without_charging_any_rate_budget(rt, ow, us, clock, inbox, client) -> None:
    """A payload is read through the schema as its receiver would see it, but no client sent that read: even with
    every role's budget at 1 cost unit, each delivery carries its object (before, renders took from a limiter's
    role buckets and, once these ran dry, went out with `object: null`)."""
    capacity = {**rt.settings.rate_limit_capacity, "seller": 1, "agency": 1, "creator": 1}
    tight = rt.settings.model_copy(update={"rate_limit_capacity": capacity})
    deliver = Deliverer(rt, build_schema(tight), client)
    await subscribe(rt, principal(Role.SELLER, ow.us.id), inbox.url("/seller"), "commission.estimated")
    await _paid_order(ow, us, clock, "o-1")
    await _paid_order(ow, us, clock, "o-2")
    assert await deliver() == 2
    objects = [json.loads(request.body)["data"]["object"] for request in inbox.at("/seller")]
    assert [o["status"] for o in objects] == ["PAID", "PAID"]
