"""Payout runs: ISSUED bills are paid to linked accounts; a payee without approved tax info, without a bank account
or with one in another currency is PAYOUT_BLOCKED with the reason and its bill is left as it was; a simulated
transfer failure (accounts ending in 0000) makes the bill FAILED and the next run retries it; runs at once pay a
bill once; bad input changes nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from server import models
from server.auth.principal import Principal
from server.ids import encode_id
from server.models.enums import Market, Role
from server.services.finance.bills import issue_monthly_bills
from server.services.finance.payouts import run_payouts as run_payouts_service
from tests.api.notification_params import assert_params_shown

from .conftest import (
    ACCOUNT,
    approved,
    bills_of,
    finance_snapshot,
    link,
    local_form,
    payee_ready,
    run_payouts,
    submit,
)

DEC_1 = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture
async def issued(rt, earnings, clock) -> None:  # noqa: ANN001
    """November's settled earnings billed on December 1: creator A 60.00, creator B 60.00, agency A 40.00 THB."""
    await earnings.line()
    await earnings.line(creator="creator_b")
    clock.set(DEC_1)
    assert await issue_monthly_bills(rt) == 3


def by_payee(results: list[dict]) -> dict[str, dict]:
    return {r["bill"]["payee"]["payeeName"]: r for r in results}


async def test_a_ready_payee_is_paid_and_the_others_are_blocked_with_the_reason(
    rt, as_role, issued, clock
) -> None:
    await payee_ready(as_role, "creator_a")  # approved, bank ••••4321
    await approved(as_role, "agency_a", local_form(legalName="Agency A Co., Ltd."))  # no bank account
    await submit(await as_role("creator_b"), local_form(legalName="Creator B"))  # waiting for review

    operator = await as_role("operator")
    result = await run_payouts(operator)
    assert result["userErrors"] == []
    results = by_payee(result["results"])
    paid = results["Creator A"]
    assert (paid["outcome"], paid["blockReason"], paid["message"]) == (
        "PAID",
        None,
        "Paid to Bangkok Bank ••••4321",
    )
    assert paid["bill"]["status"] == "PAID" and paid["bill"]["attempts"] == 1
    assert paid["payout"]["status"] == "SUCCEEDED" and paid["payout"]["bankAccount"] == {
        "accountNumberLast4": "4321"
    }
    assert paid["payout"]["reference"].startswith("MUP-") and paid["payout"]["reference"].endswith("-1")
    assert {
        k: (
            r["outcome"],
            r["blockReason"],
            r["message"],
            r["payout"],
            r["bill"]["status"],
            r["bill"]["attempts"],
        )
        for k, r in results.items()
        if k != "Creator A"
    } == {
        "Agency A": (
            "PAYOUT_BLOCKED",
            "NO_BANK_ACCOUNT",
            "The payee has no linked bank account",
            None,
            "ISSUED",
            0,
        ),
        "Creator B": (
            "PAYOUT_BLOCKED",
            "TAX_NOT_APPROVED",
            "The payee's tax info is not approved",
            None,
            "ISSUED",
            0,
        ),
    }
    async with rt.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(models.Payout)) == 1

    creator = await as_role("creator_a")
    [bill] = await bills_of(creator)
    assert (bill["status"], bill["paidAt"], bill["bankAccount"]) == (
        "PAID",
        clock.now().isoformat(),
        {"accountNumberLast4": "4321"},
    )
    assert [p["status"] for p in bill["payouts"]] == ["SUCCEEDED"]
    balances = (await creator(ACCOUNT))["paymentAccount"]["balances"][0]
    assert (balances["billed"]["amount"], balances["paid"]["amount"]) == ("0.00", "60.00")
    note = await creator("{ notifications(first: 1) { edges { node { kind title body } } } }")
    assert note["notifications"]["edges"][0]["node"] == {
        "kind": "PAYOUT_SENT",
        "title": "Payout of 60.00 THB sent",
        "body": "Your 2026-11 bill was paid to Bangkok Bank ••••4321.",
    }

    # The next run pays nothing twice and reports the blocked ones again; once ready, they are paid.
    again = by_payee((await run_payouts(operator))["results"])
    assert set(again) == {"Agency A", "Creator B"}
    await link(await as_role("agency_a"), accountNumber="9876543210")
    assert {k: r["outcome"] for k, r in by_payee((await run_payouts(operator))["results"]).items()} == {
        "Agency A": "PAID",
        "Creator B": "PAYOUT_BLOCKED",
    }


async def test_a_failed_transfer_is_retried_by_the_next_run_until_paid(rt, as_role, issued) -> None:
    await payee_ready(as_role, "creator_a", accountNumber="1234560000")  # the simulated bank refuses ••••0000
    operator = await as_role("operator")
    [bill_id] = [b["id"] for b in await bills_of(await as_role("creator_a"))]

    first = by_payee((await run_payouts(operator, [bill_id]))["results"])["Creator A"]
    assert (first["outcome"], first["bill"]["status"], first["bill"]["attempts"]) == ("FAILED", "FAILED", 1)
    assert first["payout"]["status"] == "FAILED"
    assert (
        first["message"]
        == first["payout"]["failureReason"]
        == ("The bank refused the transfer to ••••0000 (simulated failure)")
    )
    creator = await as_role("creator_a")
    note = (await creator("{ notifications(first: 1) { edges { node { kind } } } }"))["notifications"][
        "edges"
    ]
    assert note[0]["node"]["kind"] == "PAYOUT_FAILED"

    second = by_payee((await run_payouts(operator))["results"])["Creator A"]  # same account: fails again
    assert (second["outcome"], second["bill"]["attempts"], second["payout"]["attempt"]) == ("FAILED", 2, 2)

    await link(creator, accountNumber="1234564321")
    third = by_payee((await run_payouts(operator))["results"])["Creator A"]
    assert (third["outcome"], third["bill"]["status"], third["bill"]["attempts"]) == ("PAID", "PAID", 3)
    [bill] = await bills_of(creator)
    assert bill["failedReason"] is None and bill["bankAccount"] == {"accountNumberLast4": "4321"}
    assert [(p["attempt"], p["status"], p["bankAccount"]["accountNumberLast4"]) for p in bill["payouts"]] == [
        (1, "FAILED", "0000"),
        (2, "FAILED", "0000"),
        (3, "SUCCEEDED", "4321"),
    ]
    assert len({p["reference"] for p in bill["payouts"]}) == 3
    await assert_params_shown(rt)


async def test_the_failing_account_suffix_is_configurable(rt, as_role, issued) -> None:
    rt.settings.payout_failing_account_ending = ""
    await payee_ready(as_role, "creator_a", accountNumber="1234560000")
    result = by_payee((await run_payouts(await as_role("operator")))["results"])["Creator A"]
    assert result["outcome"] == "PAID"


async def test_a_bill_in_another_currency_than_the_bank_account_is_blocked(
    rt, as_role, earnings, clock
) -> None:
    await earnings.line(market=Market.VN, base=1_000_000)
    clock.set(DEC_1)
    await issue_monthly_bills(rt)
    await payee_ready(as_role, "agency_a", holderName="Agency A")  # a THB account
    results = (await run_payouts(await as_role("operator")))["results"]
    agency = [r for r in results if r["bill"]["payee"]["payeeName"] == "Agency A"]
    assert [(r["outcome"], r["blockReason"], r["message"]) for r in agency] == [
        ("PAYOUT_BLOCKED", "CURRENCY_MISMATCH", "The linked bank account is in THB; the bill is in VND")
    ]


async def test_runs_at_once_pay_each_bill_once(rt, world, as_role, issued) -> None:
    for key in ("creator_a", "creator_b", "agency_a"):
        await payee_ready(as_role, key)
    operator = world["operator"]
    principal = Principal(
        user_id=operator.user_id, role=Role.OPERATOR, organisation_id=operator.organisation_id
    )
    runs = await asyncio.gather(*(run_payouts_service(rt, principal) for _ in range(5)))
    outcomes = [r.outcome.value for run in runs for r in run]
    assert outcomes == ["PAID"] * 3
    async with rt.sessionmaker() as s:
        assert await s.scalar(select(func.count()).select_from(models.Payout)) == 3
        assert set(await s.scalars(select(models.PaymentBill.attempts))) == {1}


async def test_bad_bill_ids_change_nothing(rt, as_role, issued) -> None:
    await payee_ready(as_role, "creator_a")
    operator = await as_role("operator")
    [paid_id] = [b["id"] for b in await bills_of(await as_role("creator_a"))]
    await run_payouts(operator, [paid_id])
    [issued_id] = [b["id"] for b in await bills_of(await as_role("creator_b"))]
    before = await finance_snapshot(rt)
    cases = [
        ([encode_id("PaymentBill", 99999)], [(["input", "billIds", "0"], "NOT_FOUND", "Bill not found")]),
        ([issued_id, "garbage"], [(["input", "billIds", "1"], "NOT_FOUND", "Bill not found")]),
        (
            [issued_id, paid_id],
            [
                (
                    ["input", "billIds", "1"],
                    "INVALID_STATE",
                    "Only ISSUED and FAILED bills are paid; this one is PAID",
                )
            ],
        ),
        (
            [],
            [
                (
                    ["input", "billIds"],
                    "INVALID_COUNT",
                    "Give 1 to 100 bills, or none to pay every payable bill",
                )
            ],
        ),
    ]
    for ids, errors in cases:
        result = await run_payouts(operator, ids)
        assert (
            result["results"] == []
            and [(e["field"], e["code"], e["message"]) for e in result["userErrors"]] == errors
        )
    assert await finance_snapshot(rt) == before


async def test_only_the_operator_runs_payouts(as_role) -> None:
    for key in ("agency_a", "seller_a", "creator_a"):
        body = await (await as_role(key)).raw("mutation { payoutRun(input: {}) { results { outcome } } }")
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", key
