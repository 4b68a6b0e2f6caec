"""Bank accounts: refused before the tax info is approved, validated per market, in the market's currency, stored
and shown as their last four digits only; linking again replaces; unlinking."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from server import models
from tests.api.notification_params import assert_params_shown

from .conftest import (
    ACCOUNT,
    UNLINK,
    approved,
    finance_snapshot,
    link,
    local_form,
    review,
    submit,
    w9_form,
)


@pytest.mark.parametrize("state", ["NOT_SUBMITTED", "PENDING_REVIEW", "REJECTED"])
async def test_no_bank_account_before_the_tax_info_is_approved(rt, as_role, state) -> None:
    creator = await as_role("creator_a")
    if state != "NOT_SUBMITTED":
        tax_info_id = (await submit(creator, local_form()))["taxInfo"]["id"]
        if state == "REJECTED":
            await review(await as_role("operator"), tax_info_id, approve=False, reason="Unreadable")
    before = await finance_snapshot(rt)
    result = await link(creator)
    assert result == {
        "bankAccount": None,
        "paymentAccount": None,
        "userErrors": [
            {
                "field": ["input"],
                "message": "A bank account can be linked once your tax info is approved",
                "code": "TAX_NOT_APPROVED",
            }
        ],
    }
    assert await finance_snapshot(rt) == before
    account = (await creator(ACCOUNT))["paymentAccount"]
    assert (account["taxStatus"], account["bankAccount"]) == (state, None)


async def test_link_after_approval_keeps_and_shows_only_the_last_four_digits(rt, as_role) -> None:
    await approved(as_role, "creator_a")
    creator = await as_role("creator_a")
    result = await link(creator, accountNumber="1234 5678 9012 4321")
    assert result["userErrors"] == []
    bank = result["bankAccount"]
    assert {
        k: bank[k] for k in ("holderName", "bankName", "accountNumberLast4", "currency", "unlinkedAt")
    } == {
        "holderName": "Creator A Co., Ltd.",
        "bankName": "Bangkok Bank",
        "accountNumberLast4": "4321",
        "currency": "THB",
        "unlinkedAt": None,
    }
    assert result["paymentAccount"]["bankAccount"] == {"id": bank["id"]}
    account = await creator(ACCOUNT)
    assert account["paymentAccount"]["bankAccount"]["accountNumberLast4"] == "4321"
    operator = await (await as_role("operator"))(
        "query($id: ID!) { node(id: $id) { ... on BankAccount { accountNumberLast4 } } }", {"id": bank["id"]}
    )
    assert operator["node"] == {"accountNumberLast4": "4321"}
    for body in (result, account, operator):
        assert "123456789012" not in json.dumps(body)
    async with rt.sessionmaker() as s:  # nothing but the last four digits and a token is stored
        row = await s.scalar(select(models.BankAccount))
        assert row is not None
        stored = json.dumps([str(getattr(row, c.key)) for c in models.BankAccount.__table__.columns])
    assert "123456789012" not in stored and "5678" not in stored and row.account_token.startswith("sim_ba_")
    note = (await creator("{ notifications(first: 1) { edges { node { kind body } } } }"))["notifications"][
        "edges"
    ]
    assert note[0]["node"] == {
        "kind": "BANK_ACCOUNT_LINKED",
        "body": "Payouts now go to Bangkok Bank ••••4321.",
    }


async def test_linking_again_replaces_the_linked_account_and_unlink(rt, as_role) -> None:
    await approved(as_role, "agency_a", local_form(legalName="Agency A Co., Ltd."))
    agency = await as_role("agency_a")
    first = (await link(agency, accountNumber="1111111111"))["bankAccount"]["id"]
    second = await link(agency, accountNumber="2222222222")
    assert second["userErrors"] == [] and second["paymentAccount"]["bankAccount"] == {
        "id": second["bankAccount"]["id"]
    }
    old = await agency(
        "query($id: ID!) { node(id: $id) { ... on BankAccount { unlinkedAt } } }", {"id": first}
    )
    assert old["node"]["unlinkedAt"] is not None

    unlinked = (await agency(UNLINK, {"input": {"id": second["bankAccount"]["id"]}}))["bankAccountUnlink"]
    assert unlinked["userErrors"] == [] and unlinked["bankAccount"]["unlinkedAt"] is not None
    assert unlinked["paymentAccount"]["bankAccount"] is None
    before = await finance_snapshot(rt)
    again = (await agency(UNLINK, {"input": {"id": second["bankAccount"]["id"]}}))["bankAccountUnlink"]
    assert again["userErrors"] == [
        {"field": ["input", "id"], "message": "This bank account is no longer linked", "code": "NOT_LINKED"}
    ]
    assert await finance_snapshot(rt) == before
    await assert_params_shown(rt)


async def test_a_payee_cannot_unlink_another_payees_account(rt, as_role) -> None:
    await approved(as_role, "creator_a")
    bank_id = (await link(await as_role("creator_a")))["bankAccount"]["id"]
    before = await finance_snapshot(rt)
    for key in ("creator_b", "agency_a"):
        result = (await (await as_role(key))(UNLINK, {"input": {"id": bank_id}}))["bankAccountUnlink"]
        assert result["userErrors"] == [
            {"field": ["input", "id"], "message": "Bank account not found", "code": "NOT_FOUND"}
        ]
    bad = (await (await as_role("creator_a"))(UNLINK, {"input": {"id": "garbage"}}))["bankAccountUnlink"]
    assert bad["userErrors"][0]["code"] == "NOT_FOUND"
    assert await finance_snapshot(rt) == before


THAI_BAD = [
    ({"holderName": " "}, "holderName", "REQUIRED"),
    ({"holderName": "x" * 201}, "holderName", "TOO_LONG"),
    ({"bankName": ""}, "bankName", "REQUIRED"),
    ({"bankName": "x" * 121}, "bankName", "TOO_LONG"),
    ({"accountNumber": ""}, "accountNumber", "REQUIRED"),
    ({"accountNumber": "12345"}, "accountNumber", "INVALID_FORMAT"),  # 6–20 digits outside the US and GB
    ({"accountNumber": "1" * 21}, "accountNumber", "INVALID_FORMAT"),
    ({"accountNumber": "12345678AB"}, "accountNumber", "INVALID_FORMAT"),
    ({"routingCode": ""}, "routingCode", "REQUIRED"),
    ({"routingCode": "BKKBVNBK"}, "routingCode", "INVALID_FORMAT"),  # a Vietnamese BIC for a Thai payee
    ({"routingCode": "BKKBTH"}, "routingCode", "INVALID_FORMAT"),
    ({"routingCode": "021000021"}, "routingCode", "INVALID_FORMAT"),
]


@pytest.mark.parametrize(
    ("overrides", "field", "code"), THAI_BAD, ids=[f"{f}-{c}-{i}" for i, (_, f, c) in enumerate(THAI_BAD)]
)
async def test_bad_bank_details(rt, as_role, overrides, field, code) -> None:
    await approved(as_role, "creator_a")
    before = await finance_snapshot(rt)
    result = await link(await as_role("creator_a"), **overrides)
    assert (result["bankAccount"], [(e["field"], e["code"]) for e in result["userErrors"]]) == (
        None,
        [(["input", field], code)],
    )
    assert await finance_snapshot(rt) == before


async def test_a_bic_with_a_branch_code_and_separators_passes(as_role) -> None:
    await approved(as_role, "creator_a")
    result = await link(
        await as_role("creator_a"), routingCode="bkkb th bk 001", accountNumber="123-456-7890"
    )
    assert result["userErrors"] == [] and result["bankAccount"]["accountNumberLast4"] == "7890"


async def test_us_accounts_take_an_aba_routing_number_with_its_checksum(as_role, creator_us) -> None:
    await approved(as_role, "creator_us", w9_form())
    creator = await as_role("creator_us")
    wrong = await link(creator, routingCode="021000022", accountNumber="000123456789")
    assert [(e["field"], e["code"]) for e in wrong["userErrors"]] == [
        (["input", "routingCode"], "INVALID_FORMAT")
    ]
    too_long = await link(creator, routingCode="021000021", accountNumber="1" * 18)
    assert [(e["field"], e["code"]) for e in too_long["userErrors"]] == [
        (["input", "accountNumber"], "INVALID_FORMAT")
    ]
    ok = await link(creator, routingCode="021000021", accountNumber="000123456789")
    assert ok["userErrors"] == [] and ok["bankAccount"]["currency"] == "USD"


async def test_gb_accounts_take_8_digits_and_a_sort_code(as_role) -> None:
    gb = local_form(
        legalName="Agency B Ltd",
        taxId="2234567890",  # a UTR whose check digit holds
        address={"line1": "1 Old Street", "city": "London", "postalCode": "EC1V 9HL", "country": "GB"},
    )
    await approved(as_role, "agency_b", gb)
    agency = await as_role("agency_b")
    bad = await link(agency, accountNumber="1234567", routingCode="20-00-0")
    assert [e["field"][-1] for e in bad["userErrors"]] == ["accountNumber", "routingCode"]
    ok = await link(agency, accountNumber="12345678", routingCode="20-00-00")
    assert ok["userErrors"] == [] and ok["bankAccount"]["currency"] == "GBP"


async def test_sellers_and_the_operator_cannot_link(as_role) -> None:
    for key in ("seller_a", "operator"):
        body = await (await as_role(key)).raw(
            'mutation { bankAccountLink(input: {holderName: "a", bankName: "b", accountNumber: "1234567", '
            'routingCode: "BKKBTHBK"}) { bankAccount { id } } }'
        )
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", key
