"""Webhook fixtures: the orders world, a real receiver, the schema payloads are read through, an HTTP client."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.models.enums import MemberRole, Role
from server.runtime import Runtime
from server.services import auth, webhooks
from server.services.unit_of_work import UnitOfWork
from server.webhooks.delivery import deliver_due
from tests.plugins.api import shared_schema
from tests.plugins.receiver import Receiver, receiver


@pytest.fixture
def inbox() -> Iterator[Receiver]:
    with receiver() as r:
        yield r


@pytest.fixture
def schema(rt: Runtime):  # noqa: ANN201
    return shared_schema(rt.settings)


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as c:
        yield c


def principal(role: Role, organisation_id: int) -> tuple[Role, int]:
    return role, organisation_id


async def member(rt: Runtime, role: Role, organisation_id: int) -> Principal:
    """A user of the organisation (audit rows name one), as a principal."""
    async with UnitOfWork(rt) as uow:
        user = await auth.create_user(
            uow,
            organisation_id=organisation_id,
            email=f"hooks-{uuid.uuid4().hex[:8]}@test.local",
            password="correct horse battery",
            full_name="Hook Owner",
            member_role=MemberRole.OWNER,
        )
    return Principal(user_id=user.id, role=role, organisation_id=organisation_id)


async def subscribe(rt: Runtime, who: tuple[Role, int], url: str, *types: str) -> webhooks.CreatedEndpoint:
    return await webhooks.create_endpoint(rt, await member(rt, *who), url=url, event_types=list(types))


class Deliverer:
    def __init__(self, rt: Runtime, schema, client: httpx.AsyncClient) -> None:  # noqa: ANN001
        self.rt, self.schema, self.client = rt, schema, client

    async def __call__(self) -> int:
        """Delivers everything due now; returns the number of attempts."""
        total = 0
        while sent := await deliver_due(self.rt, self.schema, self.client):
            total += sent
        return total


@pytest.fixture
def deliver(rt: Runtime, schema, client: httpx.AsyncClient) -> Deliverer:  # noqa: ANN001
    return Deliverer(rt, schema, client)


async def messages(rt: Runtime) -> list[models.WebhookMessage]:
    async with rt.sessionmaker() as s:
        return list((await s.scalars(select(models.WebhookMessage).order_by(models.WebhookMessage.id))).all())


async def attempts(rt: Runtime) -> list[models.WebhookAttempt]:
    async with rt.sessionmaker() as s:
        return list((await s.scalars(select(models.WebhookAttempt).order_by(models.WebhookAttempt.id))).all())
