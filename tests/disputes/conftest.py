"""The orders world's parties (tests/orders_api/conftest.py) and its story, plus what the other dispute types start
from: a rejected registration of the US shop, and alice's delivered sample of the US shop's first product."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from server import models
from server.ids import encode_id
from server.models.enums import RegistrationStatus, RejectReason, SampleStatus
from server.runtime import Runtime
from server.services.unit_of_work import UnitOfWork
from tests.orders.conftest import lines_of
from tests.orders.world import OrdersWorld
from tests.orders_api.conftest import Story, api, people, story  # noqa: F401 - fixtures for this package
from tests.plugins.api import Api, login_token

OPEN = """mutation($input: DisputeOpenInput!) { disputeOpen(input: $input) {
  dispute { id type status dueAt answerWindowDays claimedAmount { amount currency } messages { body authorRole } }
  userErrors { field message code } } }"""
REPLY = """mutation($input: DisputeReplyInput!) { disputeReply(input: $input) {
  dispute { id status dueAt answeredAt messages { body authorRole authorName authorPersonName } }
  userErrors { field message code } } }"""
DECIDE = """mutation($input: DisputeDecideInput!) { disputeDecide(input: $input) {
  dispute { id status outcome closedAt decisionNote adjustment { amount currency } }
  userErrors { field message code } } }"""


@dataclass
class Subjects:
    settled_line: str  # alice's settled US line (commission 10.50 USD)
    rejected: str  # a rejected registration of the US shop
    rejected_id: int
    sample: str  # alice's delivered sample of the US shop's first product
    entry: str  # alice's showcase entry of that product


@pytest.fixture
async def subjects(rt: Runtime, ow: OrdersWorld, story: Story) -> Subjects:  # noqa: F811
    (line,) = await lines_of(rt, story.settled)
    first = ow.us.registered[0]
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        registration = await s.get(models.Registration, first.registration_id)
        assert registration is not None
        rejected = models.Registration(
            campaign_id=registration.campaign_id,
            product_id=ow.us.organic.id,
            shop_id=ow.us.id,
            status=RegistrationStatus.REJECTED,
            total_rate_bps=1000,
            sample_quota=0,
            contact_email="s@shop.test",
            registered_at=now,
            decided_at=now,
            reject_reason=RejectReason.COMMISSION_TOO_LOW,
        )
        sample = models.SampleRequest(
            creator_id=ow.creators["alice"],
            registration_id=registration.id,
            product_id=first.id,
            showcase_entry_id=first.entries["alice"],
            status=SampleStatus.DELIVERED,
            recipient_name="Alice A",
            phone="+1 555 0100",
            line1="1 Main St",
            city="Austin",
            postal_code="78701",
            country="US",
            shipped_at=now,
            delivered_at=now,
            created_at=now,
        )
        s.add_all([rejected, sample])
        await s.flush()
        return Subjects(
            settled_line=encode_id("OrderLine", line.id),
            rejected=encode_id("Registration", rejected.id),
            rejected_id=rejected.id,
            sample=encode_id("SampleRequest", sample.id),
            entry=first.entry_gid("alice"),
        )


def open_input(type_: str, subject: str, body: str = "This is wrong.", **extra: Any) -> dict[str, Any]:
    return {"input": {"type": type_, "subjectId": subject, "message": {"body": body}, **extra}}


async def counts(rt: Runtime) -> tuple[int, int, int, int]:
    """(disputes, messages, ledger legs, notifications): what a refused request must leave alone."""
    async with rt.sessionmaker() as s:
        return tuple(
            [  # type: ignore[return-value]
                await s.scalar(select(func.count()).select_from(table))
                for table in (models.Dispute, models.DisputeMessage, models.LedgerEntry, models.Notification)
            ]
        )


async def fresh(http, key: str) -> Api:  # noqa: ANN001
    """Logged in now: a session from before a jump of the clock past its lifetime has expired."""
    return Api(http, await login_token(http, f"{key}@orders.test"))
