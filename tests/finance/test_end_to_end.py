"""From a signed order to a bank transfer, through the real pipeline: the order arrives at /integrations/orders, is
delivered, settles after the US window (settlement), is billed on the 1st (the sweeper) and paid by a payout run —
the bill is exactly the settled commission, and a payee without tax info is blocked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select

from server import models
from server.clock import FrozenClock
from server.models.enums import MemberRole, OrganisationKind
from server.runtime import Runtime
from server.services import auth
from server.services.orders.settlement import settle_due_lines
from server.services.sweeper import sweep
from server.services.unit_of_work import UnitOfWork
from tests.api.notification_params import assert_params_shown
from tests.orders.world import Integration, build_orders_world, created, event, line
from tests.plugins.api import PASSWORD, Api, login_token

from .conftest import ACCOUNT, address, bills_of, link, review, run_payouts, submit, w9_form


async def user(rt: Runtime, organisation_id: int, email: str) -> None:
    async with UnitOfWork(rt) as uow:
        await auth.create_user(
            uow,
            organisation_id=organisation_id,
            email=email,
            password=PASSWORD,
            full_name=email.split("@")[0].title(),
            member_role=MemberRole.OWNER,
        )


async def test_a_settled_order_is_billed_and_paid(
    rt: Runtime, http: httpx.AsyncClient, clock: FrozenClock
) -> None:
    ow = await build_orders_world(rt)
    async with rt.sessionmaker() as s:
        platform_id = await s.scalar(
            select(models.Organisation.id).where(models.Organisation.kind == OrganisationKind.PLATFORM)
        )
    assert platform_id is not None
    await user(rt, ow.creators["alice"], "alice@test.local")
    await user(rt, ow.agency_id, "agency@test.local")
    await user(rt, platform_id, "ops@test.local")
    us = Integration(http, ow.us.api_key, ow.us.signing_secret, clock)
    product = ow.us.registered[0]
    for body in (
        created(
            "o-1",
            clock.now(),
            [
                line(
                    "1",
                    product,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": product.entry_gid("alice")},
                )
            ],
        ),
        event("paid", "o-1", clock.now()),
        event("delivered", "o-1", clock.now()),
    ):
        assert (await us.send(body)).status_code == 200

    alice = Api(http, await login_token(http, "alice@test.local"))
    submitted = await submit(alice, w9_form(address=address("US")))
    operator = Api(http, await login_token(http, "ops@test.local"))
    await review(operator, submitted["taxInfo"]["id"])
    assert (await link(alice, routingCode="021000021", accountNumber="000123456789"))["userErrors"] == []
    estimated = (await alice(ACCOUNT))["paymentAccount"]["balances"]
    assert [(b["currency"], b["estimated"]["amount"], b["settledUnbilled"]["amount"]) for b in estimated] == [
        ("USD", "6.00", "0.00")
    ]

    clock.advance(timedelta(days=15))  # the US settlement window
    assert await settle_due_lines(rt) == 1
    clock.set(datetime(2027, 1, 1, 0, 5, tzinfo=UTC))
    assert (await sweep(rt))["issue monthly bills"] == 2  # alice 6.00 and the agency 2.00, for December

    operator = Api(http, await login_token(http, "ops@test.local"))
    results = {r["bill"]["payee"]["payeeName"]: r for r in (await run_payouts(operator))["results"]}
    assert {name: (r["outcome"], r["blockReason"], r["bill"]["amount"]) for name, r in results.items()} == {
        "Alice": ("PAID", None, {"amount": "6.00", "currency": "USD"}),
        "Agency Orders": ("PAYOUT_BLOCKED", "TAX_NOT_APPROVED", {"amount": "2.00", "currency": "USD"}),
    }
    alice = Api(http, await login_token(http, "alice@test.local"))
    [bill] = await bills_of(alice)
    assert (bill["period"], bill["status"], bill["payouts"][0]["bankAccount"]) == (
        "2026-12",
        "PAID",
        {"accountNumberLast4": "6789"},
    )
    [balance] = (await alice(ACCOUNT))["paymentAccount"]["balances"]
    assert {k: balance[k]["amount"] for k in ("estimated", "settledUnbilled", "billed", "paid")} == {
        "estimated": "0.00",
        "settledUnbilled": "0.00",
        "billed": "0.00",
        "paid": "6.00",
    }
    agency = Api(http, await login_token(http, "agency@test.local"))
    assert [b["status"] for b in await bills_of(agency)] == ["ISSUED"]
    await assert_params_shown(rt)
