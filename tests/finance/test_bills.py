"""Monthly bills on the moving clock: only settled earnings, per payee and currency, each settled leg billed exactly
once (twice in a row, concurrently, late legs), the sweeper on the 1st, operator billsGenerate and its bad input,
and balances (estimated, settled not billed, billed, paid) as sums."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from server import models
from server.models.enums import LedgerPhase, Market
from server.services.finance.bills import generate_bills, issue_monthly_bills
from server.services.finance.finance_rules import PAYEE_ACCOUNTS
from server.services.sweeper import sweep

from .conftest import ACCOUNT, BILLS, bills_of, finance_snapshot, generate, logged_in, table_counts

DEC_1 = datetime(2026, 12, 1, tzinfo=UTC)
JAN_1 = datetime(2027, 1, 1, tzinfo=UTC)


async def payee_legs(rt) -> dict[int, int | None]:  # noqa: ANN001
    """{settled payee leg id: the bill it is in (None: not billed)}."""
    async with rt.sessionmaker() as s:
        rows = await s.execute(
            select(models.LedgerEntry.id, models.PaymentBillEntry.bill_id)
            .outerjoin(
                models.PaymentBillEntry, models.PaymentBillEntry.ledger_entry_id == models.LedgerEntry.id
            )
            .where(
                models.LedgerEntry.phase == LedgerPhase.SETTLED,
                models.LedgerEntry.account.in_(PAYEE_ACCOUNTS),
            )
        )
        return dict(rows.all())


def balance(account: dict) -> dict[str, str]:
    b = account["paymentAccount"]["balances"][0]
    return {k: b[k]["amount"] for k in ("estimated", "settledUnbilled", "billed", "paid")}


async def test_bills_are_issued_on_the_first_from_settled_earnings_only(rt, as_role, earnings, clock) -> None:
    await earnings.line()  # settled now (November): creator 60.00, agency 20.00
    await earnings.line(base=10000, settle=False)  # paid, not settled: estimated only
    creator, agency = await as_role("creator_a"), await as_role("agency_a")
    assert balance(await creator(ACCOUNT)) == {
        "estimated": "15.00",
        "settledUnbilled": "60.00",
        "billed": "0.00",
        "paid": "0.00",
    }

    clock.set(DEC_1 - timedelta(microseconds=1))
    assert await issue_monthly_bills(rt) == 0  # November has not ended
    assert await bills_of(creator) == []

    clock.set(DEC_1)
    assert await issue_monthly_bills(rt) == 2
    [bill] = await bills_of(creator)
    assert {k: v for k, v in bill.items() if k not in ("id", "payee")} == {
        "period": "2026-11",
        "periodStart": "2026-11-01T00:00:00+00:00",
        "periodEnd": "2026-12-01T00:00:00+00:00",
        "amount": {"amount": "60.00", "currency": "THB"},
        "status": "ISSUED",
        "issuedAt": "2026-12-01T00:00:00+00:00",
        "paidAt": None,
        "failedReason": None,
        "attempts": 0,
        "bankAccount": None,
        "payouts": [],
    }
    assert bill["payee"]["payeeName"] == "Creator A"
    assert [(b["period"], b["amount"]["amount"]) for b in await bills_of(agency)] == [("2026-11", "20.00")]
    assert balance(await creator(ACCOUNT)) == {
        "estimated": "15.00",
        "settledUnbilled": "0.00",
        "billed": "60.00",
        "paid": "0.00",
    }
    note = await creator("{ notifications(first: 1) { edges { node { kind title subjectId } } } }")
    assert note["notifications"]["edges"][0]["node"] == {
        "kind": "BILL_ISSUED",
        "title": "Your 2026-11 bill: ฿60.00",
        "subjectId": bill["id"],
    }
    legs = await payee_legs(rt)
    assert len(legs) == 2 and None not in legs.values()

    # Again (sweeper, operator): nothing is billed twice.
    assert await issue_monthly_bills(rt) == 0
    assert (await generate(await as_role("operator"), "2026-11")) == {"bills": [], "userErrors": []}
    assert await payee_legs(rt) == legs


async def test_bill_generation_run_many_times_at_once_bills_each_leg_once(rt, earnings, clock) -> None:
    for _ in range(3):
        await earnings.line()
        await earnings.line(creator="creator_b")
    clock.set(DEC_1 + timedelta(hours=1))
    results = await asyncio.gather(*(generate_bills(rt) for _ in range(6)), issue_monthly_bills(rt))
    issued = [bill for result in results[:-1] for bill in result]
    assert len(issued) + results[-1] == 3  # creator A, creator B, agency A: each once, by one of the runs
    legs = await payee_legs(rt)
    assert len(legs) == 12 and None not in legs.values()  # 6 lines, a creator and an agency leg each
    async with rt.sessionmaker() as s:
        amounts = dict(
            (
                await s.execute(
                    select(models.PaymentBill.payee_organisation_id, models.PaymentBill.amount_minor)
                )
            ).all()
        )
        bills = await s.scalar(select(func.count()).select_from(models.PaymentBill))
    assert bills == 3 and sorted(amounts.values()) == [2000 * 6, 6000 * 3, 6000 * 3]


async def test_a_late_leg_waits_for_the_next_bill_and_is_billed_once(
    rt, http, world, earnings, clock
) -> None:
    await earnings.line()
    clock.set(DEC_1)
    assert await issue_monthly_bills(rt) == 2
    # A settlement that committed late, stamped in November after November was billed:
    clock.set(DEC_1 - timedelta(minutes=1))
    await earnings.line(base=20000)
    clock.set(DEC_1 + timedelta(minutes=1))
    assert await generate_bills(rt, period="2026-11") == []  # its payees have their November bills
    assert balance(await (await logged_in(http, world, "creator_a"))(ACCOUNT))["settledUnbilled"] == "30.00"

    await earnings.line(base=40000)  # December
    clock.set(JAN_1)
    assert await issue_monthly_bills(rt) == 2
    creator = await logged_in(http, world, "creator_a")  # a new session: the first one expired meanwhile
    assert [(b["period"], b["amount"]["amount"]) for b in await bills_of(creator)] == [
        ("2026-12", "90.00"),
        ("2026-11", "60.00"),
    ]
    assert None not in (await payee_legs(rt)).values()
    assert balance(await creator(ACCOUNT)) == {
        "estimated": "0.00",
        "settledUnbilled": "0.00",
        "billed": "150.00",
        "paid": "0.00",
    }


async def test_one_bill_per_payee_and_currency(rt, as_role, earnings, clock) -> None:
    await earnings.line()  # THB
    await earnings.line(market=Market.VN, base=1_000_000)  # VND: creator 150000, agency 50000
    clock.set(DEC_1)
    assert await issue_monthly_bills(rt) == 4
    agency = await as_role("agency_a")
    assert sorted((b["amount"]["currency"], b["amount"]["amount"]) for b in await bills_of(agency)) == [
        ("THB", "20.00"),
        ("VND", "50000"),
    ]
    balances = (await agency(ACCOUNT))["paymentAccount"]["balances"]
    assert [(b["currency"], b["billed"]["amount"]) for b in balances] == [("THB", "20.00"), ("VND", "50000")]


async def test_the_sweeper_bills_the_previous_month(rt, earnings, clock) -> None:
    await earnings.line()
    clock.set(DEC_1 + timedelta(days=3))  # any tick on or after the 1st
    done = await sweep(rt)
    assert done["issue monthly bills"] == 2
    assert (await sweep(rt))["issue monthly bills"] == 0


async def test_billing_an_earlier_month_explicitly(rt, http, world, earnings, clock) -> None:
    await earnings.line()
    clock.set(JAN_1 + timedelta(days=1))
    result = await generate(await logged_in(http, world, "operator"), "2026-11")
    assert result["userErrors"] == []
    assert sorted((b["payee"]["payeeName"], b["period"], b["amount"]["amount"]) for b in result["bills"]) == [
        ("Agency A", "2026-11", "20.00"),
        ("Creator A", "2026-11", "60.00"),
    ]
    assert await issue_monthly_bills(rt) == 0  # December: nothing left (and no bill of it yet)


BAD_PERIODS = [
    ("2026-13", "A period is a month, written YYYY-MM"),
    ("26-11", "A period is a month, written YYYY-MM"),
    ("", "A period is a month, written YYYY-MM"),
    ("2026-12", "2026-12 has not ended yet; bill it from 2027-01-01"),
    ("2027-03", "2027-03 has not ended yet; bill it from 2027-04-01"),
]


@pytest.mark.parametrize(("period", "message"), BAD_PERIODS)
async def test_bad_periods(rt, as_role, earnings, clock, period, message) -> None:
    await earnings.line()
    clock.set(DEC_1 + timedelta(days=10))
    before = await finance_snapshot(rt)
    result = await generate(await as_role("operator"), period)
    assert result == {
        "bills": [],
        "userErrors": [{"field": ["input", "period"], "message": message, "code": "INVALID_PERIOD"}],
    }
    assert await finance_snapshot(rt) == before


async def test_nothing_to_bill_issues_nothing(rt, as_role, earnings, clock) -> None:
    await earnings.line(settle=False)
    clock.set(DEC_1)
    assert await generate(await as_role("operator")) == {"bills": [], "userErrors": []}
    assert (await table_counts(rt))["payment_bills"] == 0


async def test_only_the_operator_generates_bills(as_role) -> None:
    for key in ("agency_a", "seller_a", "creator_a"):
        body = await (await as_role(key)).raw("mutation { billsGenerate(input: {}) { bills { id } } }")
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", key


async def test_bills_filter_by_status_and_period(as_role, earnings, clock, rt) -> None:
    await earnings.line()
    clock.set(DEC_1)
    await issue_monthly_bills(rt)
    operator = await as_role("operator")
    assert (await operator(BILLS, {"status": ["ISSUED"]}))["bills"]["totalCount"] == 2
    assert (await operator(BILLS, {"status": ["PAID", "FAILED"]}))["bills"]["totalCount"] == 0
    assert (await operator(BILLS, {"period": "2026-11"}))["bills"]["totalCount"] == 2
    assert (await operator(BILLS, {"period": "2026-10"}))["bills"]["totalCount"] == 0
