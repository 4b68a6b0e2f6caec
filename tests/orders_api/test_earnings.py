"""earnings: the viewer's own ledger account summed per currency; payees also see what was billed and paid."""

from __future__ import annotations

from server import models
from server.models.enums import BillStatus, Currency
from server.services.unit_of_work import UnitOfWork
from tests.orders_api.conftest import Story

EARNINGS = """query($c: Currency) { earnings(currency: $c) {
  currency account estimated { amount } settled { amount } settledUnbilled { amount } billed { amount } paid { amount }
} }"""


def row(currency: str, account: str, estimated: str, settled: str, *bills: str | None) -> dict:
    unbilled, billed, paid = bills or (None, None, None)
    m = lambda v: None if v is None else {"amount": v}  # noqa: E731
    return {
        "currency": currency,
        "account": account,
        "estimated": m(estimated),
        "settled": m(settled),
        "settledUnbilled": m(unbilled),
        "billed": m(billed),
        "paid": m(paid),
    }


async def test_each_party_sums_its_own_account(rt, api, people, story: Story, clock) -> None:
    async with UnitOfWork(rt) as uow:
        uow.session.add(
            models.PaymentBill(
                payee_organisation_id=people["alice"],
                period="2026-11",
                currency=Currency.USD,
                amount_minor=500,
                status=BillStatus.ISSUED,
                issued_at=clock.now(),
                created_at=clock.now(),
            )
        )
    assert (await (await api("agency"))(EARNINGS))["earnings"] == [  # home market first (US), then VND
        row("USD", "AGENCY_EARNINGS", "0.00", "3.50", "3.50", "0.00", "0.00"),
        row("VND", "AGENCY_EARNINGS", "3500", "0", "0", "0", "0"),
    ]
    assert (await (await api("alice"))(EARNINGS))["earnings"] == [
        row("USD", "CREATOR_EARNINGS", "0.00", "10.50", "5.50", "5.00", "0.00"),
    ]
    assert (await (await api("bao"))(EARNINGS))["earnings"] == [
        row("VND", "CREATOR_EARNINGS", "21500", "0", "0", "0", "0")
    ]
    assert (await (await api("seller_us"))(EARNINGS))["earnings"] == [
        row("USD", "SELLER_PAYABLE", "0.00", "14.00")
    ]
    assert (await (await api("seller_vn"))(EARNINGS))["earnings"] == [
        row("VND", "SELLER_PAYABLE", "25000", "0")
    ]


async def test_one_currency_and_nobody_elses_money(api, story: Story) -> None:
    assert (await (await api("agency"))(EARNINGS, {"c": "VND"}))["earnings"] == [
        row("VND", "AGENCY_EARNINGS", "3500", "0", "0", "0", "0")
    ]
    assert (await (await api("alice"))(EARNINGS, {"c": "VND"}))["earnings"] == [
        row("VND", "CREATOR_EARNINGS", "0", "0", "0", "0", "0")
    ]
    assert (await (await api("other_agency"))(EARNINGS))["earnings"] == [
        row("USD", "AGENCY_EARNINGS", "0.00", "0.00", "0.00", "0.00", "0.00")
    ]
    body = await (await api("operator")).raw(EARNINGS)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
