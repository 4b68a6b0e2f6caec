"""Who sees which finance rows: a payee its own only (an agency never a creator's, nor the reverse), sellers none
of it (FORBIDDEN on the root fields, null through node), the operator everything; and the statement count of the
lists does not grow with their length."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server import models
from server.ids import encode_id
from server.models.enums import BillStatus, Currency, PayoutStatus
from server.services.finance.bills import issue_monthly_bills
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import Api, login_token

from .conftest import ACCOUNT, ACCOUNT_FIELDS, BILL_FIELDS, BILLS, bills_of, local_form, payee_ready, submit

NODE = """query($id: ID!) { node(id: $id) { __typename ... on PaymentAccount { payeeName }
  ... on PaymentBill { period } ... on TaxInfo { legalName } ... on BankAccount { accountNumberLast4 } } }"""
ACCOUNTS = f"""query($first: Int = 50, $taxStatus: TaxStatus, $kind: OrganisationKind) {{
  paymentAccounts(first: $first, taxStatus: $taxStatus, kind: $kind) {{ totalCount edges {{ node {{ {ACCOUNT_FIELDS} }} }} }} }}"""


@pytest.fixture
async def both_paid(rt, as_role, earnings, clock) -> dict[str, dict]:  # noqa: ANN001
    """Creator A and agency A with approved tax info, a bank account and a November bill; their ids."""
    await earnings.line()
    ids = {}
    for key in ("creator_a", "agency_a"):
        bank_id = await payee_ready(as_role, key)
        account = (await (await as_role(key))(ACCOUNT))["paymentAccount"]
        ids[key] = {"account": account["id"], "tax": account["taxInfo"]["id"], "bank": bank_id}
    clock.set(datetime(2026, 12, 1, tzinfo=UTC))
    await issue_monthly_bills(rt)
    for key in ids:
        [bill] = await bills_of(await as_role(key))
        ids[key]["bill"] = bill["id"]
    return ids


async def test_each_payee_sees_its_own_finance_only(as_role, world, both_paid) -> None:
    for viewer, other in (
        ("creator_a", "agency_a"),
        ("agency_a", "creator_a"),
        ("creator_b", "creator_a"),
        ("agency_b", "agency_a"),
    ):
        api = await as_role(viewer)
        for kind, node_id in both_paid[other].items():
            assert (await api(NODE, {"id": node_id}))["node"] is None, (viewer, kind)
        if viewer in both_paid:
            for kind, node_id in both_paid[viewer].items():
                assert (await api(NODE, {"id": node_id}))["node"] is not None, (viewer, kind)
        assert {b["id"] for b in await bills_of(api)} <= {both_paid.get(viewer, {}).get("bill")}
        own = encode_id("PaymentAccount", world[viewer].organisation_id)
        assert (await api(ACCOUNT))["paymentAccount"]["id"] == own


async def test_the_operator_sees_every_payee_and_bill(as_role, both_paid, world) -> None:
    operator = await as_role("operator")
    for ids in both_paid.values():
        for node_id in ids.values():
            assert (await operator(NODE, {"id": node_id}))["node"] is not None
    accounts = (await operator(ACCOUNTS))["paymentAccounts"]
    assert sorted(e["node"]["payeeName"] for e in accounts["edges"]) == [
        "Agency A",
        "Agency B",
        "Creator A",
        "Creator B",
    ]
    creators = (await operator(ACCOUNTS, {"kind": "CREATOR"}))["paymentAccounts"]["edges"]
    assert sorted(e["node"]["payeeName"] for e in creators) == ["Creator A", "Creator B"]
    await submit(await as_role("creator_b"), local_form(legalName="Creator B"))
    queue = (await operator(ACCOUNTS, {"taxStatus": "PENDING_REVIEW"}))["paymentAccounts"]["edges"]
    assert [e["node"]["payeeName"] for e in queue] == ["Creator B"]
    not_submitted = (await operator(ACCOUNTS, {"taxStatus": "NOT_SUBMITTED"}))["paymentAccounts"]["edges"]
    assert [e["node"]["payeeName"] for e in not_submitted] == ["Agency B"]
    assert {b["payee"]["payeeName"] for b in await bills_of(operator)} == {"Creator A", "Agency A"}
    # Shops and the platform are not payees: no payment account through node either.
    for key in ("seller_a", "operator"):
        pk = world[key].organisation_id
        assert (await operator(NODE, {"id": encode_id("PaymentAccount", pk)}))["node"] is None


ROOTS = {
    "paymentAccount": "{ paymentAccount { id } }",
    "paymentAccounts": "{ paymentAccounts { totalCount } }",
    "bills": "{ bills { totalCount } }",
}


@pytest.mark.parametrize(
    ("key", "allowed"),
    [
        ("seller_a", set()),
        ("operator", {"paymentAccounts", "bills"}),
        ("agency_a", {"paymentAccount", "bills"}),
        ("creator_a", {"paymentAccount", "bills"}),
    ],
)
async def test_root_fields_per_role(as_role, both_paid, key, allowed) -> None:
    api = await as_role(key)
    for field, query in ROOTS.items():
        body = await api.raw(query)
        if field in allowed:
            assert "errors" not in body, (key, field, body)
        else:
            assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], (key, field)
    if key == "seller_a":  # nor through node
        for ids in both_paid.values():
            for node_id in ids.values():
                assert (await api(NODE, {"id": node_id}))["node"] is None


async def test_anonymous_callers_are_unauthenticated(anon, both_paid) -> None:
    for query in ROOTS.values():
        body = await anon.raw(query)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]


# --- statement counts -------------------------------------------------------------------------------------------


async def _seed_bills(rt, world, n: int) -> None:  # noqa: ANN001
    """n paid bills of creator B (one per month), each with a payout to its bank account."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        account = models.PaymentAccount(
            organisation_id=world["creator_b"].organisation_id,
            market="TH",
            currency=Currency.THB,
            created_at=now,
        )
        s.add(account)
        await s.flush()
        bank = models.BankAccount(
            payment_account_id=account.id,
            holder_name="B",
            bank_name="Bangkok Bank",
            account_number_last4="4321",
            account_token="sim_ba_x",
            currency=Currency.THB,
            linked_at=now,
        )
        s.add(bank)
        await s.flush()
        for i in range(n):
            bill = models.PaymentBill(
                payee_organisation_id=account.organisation_id,
                period=f"{2020 + i // 12}-{i % 12 + 1:02d}",
                currency=Currency.THB,
                amount_minor=1000 + i,
                status=BillStatus.PAID,
                issued_at=now,
                paid_at=now,
                attempts=1,
                bank_account_id=bank.id,
                created_at=now - timedelta(days=i),
            )
            s.add(bill)
            await s.flush()
            s.add(
                models.Payout(
                    bill_id=bill.id,
                    attempt=1,
                    status=PayoutStatus.SUCCEEDED,
                    bank_account_id=bank.id,
                    reference=f"MUP-{bill.id}-1",
                    amount_minor=bill.amount_minor,
                    currency=Currency.THB,
                    completed_at=now,
                    created_at=now,
                )
            )


BILLS_WITH_PAYEE = f"""{{ bills(first: 50) {{ totalCount edges {{ node {{ {BILL_FIELDS}
  payee {{ {ACCOUNT_FIELDS} }} }} }} }} }}"""


@pytest.mark.parametrize("n", [1, 10])
async def test_bills_statement_count_is_constant(rt, http, world, queries, n: int) -> None:
    await _seed_bills(rt, world, n)
    api = Api(http, await login_token(http, world["creator_b"].email))
    queries.reset()
    data = await api(BILLS_WITH_PAYEE)
    assert data["bills"]["totalCount"] == n
    # session, page with its count, payees, their latest tax info, linked banks, ledger balances, bill sums, the bills'
    # banks, payouts (the payouts' banks come from the bank loader's cache)
    assert queries.count == 9, queries.statements


@pytest.mark.parametrize("n", [1, 10])
async def test_payment_accounts_statement_count_is_constant(rt, http, world, queries, n: int) -> None:
    from server.services import onboarding

    async with UnitOfWork(rt) as uow:
        for i in range(n):
            await onboarding.create_creator(
                uow,
                handle=f"countme{i}",
                display_name=f"Count {i}",
                market="TH",
                followers=1,
                categories=["Beauty & Personal Care"],
            )
    api = Api(http, await login_token(http, world["operator"].email))
    queries.reset()
    data = await api(ACCOUNTS)
    assert data["paymentAccounts"]["totalCount"] == 4 + n
    assert queries.count == 6, (
        queries.statements
    )  # session, page with its count, tax info, bank, ledger, bills


async def test_the_bills_query_and_its_page_size_bounds(as_role) -> None:
    body = await (await as_role("creator_a")).raw("{ bills(first: 101) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "INVALID_PAGINATION"
    assert (await (await as_role("creator_a"))(BILLS))["bills"]["totalCount"] == 0
