"""The BILL_ISSUED notification: its amount in the format every screen shows (not "1037.25 THB"), and "paid to your
linked bank account" only to a payee that has one; the others are told to link one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from server.models.enums import Currency
from server.money_text import money_text
from server.services.finance.bills import issue_monthly_bills

from .conftest import payee_ready

DEC_1 = datetime(2026, 12, 1, tzinfo=UTC)
NOTE = "{ notifications(first: 1) { edges { node { kind title body } } } }"


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (103725, Currency.THB, "฿1,037.25"),
        (250000, Currency.VND, "₫250,000"),
        (8990, Currency.MYR, "RM 89.90"),
        (123456789, Currency.IDR, "Rp 1,234,567.89"),
        (5, Currency.USD, "$0.05"),
        (-1250, Currency.GBP, "-£12.50"),
        (100, Currency.PHP, "₱1.00"),
    ],
)
def test_money_reads_as_on_every_screen(minor: int, currency: Currency, text: str) -> None:
    assert money_text(minor, currency) == text


async def test_the_bill_notice_says_how_each_payee_is_paid(rt, as_role, earnings, clock) -> None:  # noqa: ANN001
    await payee_ready(as_role, "creator_a")  # the creator links a bank account; the agency does not
    await earnings.line(base=691500)  # settled in November: creator 1037.25 (15 %), agency 345.75 (5 %)
    clock.set(DEC_1)
    assert await issue_monthly_bills(rt) == 2
    creator = (await (await as_role("creator_a"))(NOTE))["notifications"]["edges"][0]["node"]
    agency = (await (await as_role("agency_a"))(NOTE))["notifications"]["edges"][0]["node"]
    assert creator == {
        "kind": "BILL_ISSUED",
        "title": "Your 2026-11 bill: ฿1,037.25",
        "body": "Your settled earnings of 2026-11. They are paid to your linked bank account in the next payout run.",
    }
    assert agency == {
        "kind": "BILL_ISSUED",
        "title": "Your 2026-11 bill: ฿345.75",
        "body": "Your settled earnings of 2026-11. Link a bank account in your payment account to be paid: payouts "
        "wait until you do.",
    }
