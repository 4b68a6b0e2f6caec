"""The delivery log's statement count does not grow with its size (1 and 10 messages, each with attempts, cost
the same; 0 skips the attempts batch)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete

from server import models
from server.models.webhook import WebhookEndpointStatus, WebhookMessageStatus
from server.services.unit_of_work import UnitOfWork
from tests.webhooks.test_api import LIST


async def test_delivery_log_query_count_does_not_grow(rt, world, as_role, queries) -> None:  # noqa: ANN001
    agency = await as_role("agency_a")
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        endpoint = models.WebhookEndpoint(
            organisation_id=world["agency_a"].organisation_id,
            url="https://hooks.example.com/a",
            description="",
            event_types=["campaign.changed"],
            secret="whsec_" + "A" * 32,
            status=WebhookEndpointStatus.ACTIVE,
            created_at=now,
        )
        uow.session.add(endpoint)
    counts = {}
    for size in (0, 1, 10):
        async with UnitOfWork(rt) as uow:
            await uow.session.execute(delete(models.WebhookMessage))
            for n in range(size):
                message = models.WebhookMessage(
                    endpoint_id=endpoint.id,
                    message_id=f"msg_{size}_{n}",
                    event_type="campaign.changed",
                    event={},
                    body="{}",
                    status=WebhookMessageStatus.DELIVERED,
                    attempts=2,
                    next_attempt_at=now,
                    created_at=now - timedelta(minutes=n),
                    delivered_at=now,
                )
                uow.session.add(message)
                await uow.session.flush()
                for status in (500, 200):
                    uow.session.add(
                        models.WebhookAttempt(
                            message_id=message.id,
                            attempted_at=now,
                            request_headers={"webhook-id": message.message_id},
                            response_status=status,
                            response_body="",
                            duration_ms=3,
                        )
                    )
        queries.reset()
        body = await agency(LIST, {"first": 10})
        counts[size] = queries.count
        messages = body["webhookEndpoints"][0]["messages"]
        assert messages["totalCount"] == size
        assert all(len(edge["node"]["attempts"]) == 2 for edge in messages["edges"])
    # endpoints, the page and its count, (the user's session), and once there are messages one batch of attempts
    assert counts[1] == counts[10] == counts[0] + 1 == 4, counts
