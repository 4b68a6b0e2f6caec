"""Tax info: submit (W-9 in the US, the local tax id elsewhere), operator review, resubmission; every bad input is
a userError at its field and changes nothing; tax ids never come back but their last four characters."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from sqlalchemy import func, select

from server import models
from server.services.finance.check_digits import tax_id_problem
from server.services.finance.tax import LOCAL_TAX_ID

from .conftest import (
    ACCOUNT,
    address,
    approved,
    finance_snapshot,
    local_form,
    review,
    submit,
    w9_form,
)


async def notifications(api) -> list[dict]:  # noqa: ANN001
    data = await api("{ notifications(first: 20) { edges { node { kind title body subjectId } } } }")
    return [e["node"] for e in data["notifications"]["edges"]]


async def test_a_creator_submits_its_local_tax_id_and_the_operator_approves_it(as_role) -> None:
    creator, operator = await as_role("creator_a"), await as_role("operator")
    before = (await creator(ACCOUNT))["paymentAccount"]
    assert (
        before["taxStatus"] == "NOT_SUBMITTED" and before["taxInfo"] is None and before["bankAccount"] is None
    )
    assert (before["market"], before["currency"], before["payeeKind"]) == ("TH", "THB", "CREATOR")

    submitted = await submit(creator, local_form())
    assert submitted["userErrors"] == []
    info = submitted["taxInfo"]
    assert {k: info[k] for k in ("status", "form", "legalName", "taxIdLast4", "businessName", "tinType")} == {
        "status": "PENDING_REVIEW",
        "form": "LOCAL_TAX_ID",
        "legalName": "Creator A Co., Ltd.",
        "taxIdLast4": "4567",
        "businessName": None,
        "tinType": None,
    }
    assert submitted["paymentAccount"]["taxStatus"] == "PENDING_REVIEW"
    assert [n["kind"] for n in await notifications(operator)][:1] == ["TAX_INFO_SUBMITTED"]

    reviewed = await review(operator, info["id"])
    assert reviewed["userErrors"] == []
    assert reviewed["taxInfo"]["status"] == "APPROVED" and reviewed["taxInfo"]["reviewedAt"] is not None
    assert reviewed["paymentAccount"]["taxStatus"] == "APPROVED"
    assert (await notifications(creator))[0] == {
        "kind": "TAX_INFO_APPROVED",
        "title": "Tax info approved",
        "body": "You can now link the bank account your payouts go to.",
        "subjectId": info["id"],
    }
    account = (await creator(ACCOUNT))["paymentAccount"]
    assert account["taxStatus"] == "APPROVED" and account["taxInfo"]["address"] == address()


async def test_a_us_payee_submits_a_w9_whose_tin_never_comes_back(as_role, creator_us) -> None:
    creator = await as_role("creator_us")
    submitted = await submit(creator, w9_form())
    assert submitted["userErrors"] == []
    info = submitted["taxInfo"]
    assert (info["form"], info["tinType"], info["businessName"], info["taxIdLast4"]) == (
        "W9",
        "SSN",
        "Casey Creates LLC",
        "6789",
    )
    account = await creator(ACCOUNT)
    assert account["paymentAccount"]["taxInfo"]["certifiedAt"] is not None
    operator_view = await (await as_role("operator"))(
        "query($id: ID!) { node(id: $id) { ... on TaxInfo { taxIdLast4 paymentAccount { payeeName } } } }",
        {"id": info["id"]},
    )
    assert operator_view["node"] == {"taxIdLast4": "6789", "paymentAccount": {"payeeName": "Casey"}}
    for body in (submitted, account, operator_view):
        assert "123456789" not in json.dumps(body) and "45-6789" not in json.dumps(body)


async def test_rejection_with_a_reason_then_resubmission(rt, as_role) -> None:
    creator, operator = await as_role("creator_a"), await as_role("operator")
    first = (await submit(creator, local_form()))["taxInfo"]["id"]
    refused = await review(operator, first, approve=False)
    assert refused["userErrors"] == [
        {
            "field": ["input", "reason"],
            "message": "Tell the payee why the tax info is rejected",
            "code": "REQUIRED",
        }
    ]
    rejected = await review(operator, first, approve=False, reason="The name does not match the tax id.")
    assert rejected["taxInfo"]["status"] == "REJECTED"
    assert rejected["taxInfo"]["rejectReason"] == "The name does not match the tax id."
    note = (await notifications(creator))[0]
    assert note["kind"] == "TAX_INFO_REJECTED" and "does not match" in note["body"]
    assert (await creator(ACCOUNT))["paymentAccount"]["taxStatus"] == "REJECTED"

    again = await submit(creator, local_form(legalName="Creator A Company Limited"))
    assert again["userErrors"] == [] and again["taxInfo"]["id"] != first
    assert again["paymentAccount"]["taxStatus"] == "PENDING_REVIEW"
    assert (await review(operator, again["taxInfo"]["id"]))["taxInfo"]["status"] == "APPROVED"
    async with rt.sessionmaker() as s:  # the rejected submission stays as history
        statuses = list(await s.scalars(select(models.TaxInfo.status).order_by(models.TaxInfo.id)))
    assert [st.value for st in statuses] == ["REJECTED", "APPROVED"]


async def test_a_new_submission_replaces_the_one_waiting_for_review(rt, as_role) -> None:
    creator, operator = await as_role("creator_a"), await as_role("operator")
    first = (await submit(creator, local_form()))["taxInfo"]["id"]
    second = await submit(creator, local_form(legalName="Corrected Name Co., Ltd."))
    assert second["userErrors"] == [] and second["taxInfo"]["id"] != first
    assert second["taxInfo"]["legalName"] == "Corrected Name Co., Ltd."
    async with rt.sessionmaker() as s:
        rows = (
            await s.execute(
                select(
                    models.TaxInfo.status, models.TaxInfo.reject_reason, models.TaxInfo.reviewed_by_user_id
                ).order_by(models.TaxInfo.id)
            )
        ).all()
    assert [(st.value, why, by) for st, why, by in rows] == [
        ("REJECTED", "Replaced by a newer submission", None),
        ("PENDING_REVIEW", None, None),
    ]
    # The operator never approves what it did not see: the replaced submission is closed.
    gone = await review(operator, first)
    assert gone["userErrors"] == [
        {
            "field": ["input", "id"],
            "message": "The payee replaced this tax info with a newer one",
            "code": "INVALID_STATE",
        }
    ]
    assert (await review(operator, second["taxInfo"]["id"]))["taxInfo"]["status"] == "APPROVED"


async def test_approved_tax_info_is_final(rt, as_role) -> None:
    await approved(as_role, "creator_a")
    before = await finance_snapshot(rt)
    again = await submit(await as_role("creator_a"), local_form(legalName="Someone Else"))
    assert again == {
        "taxInfo": None,
        "paymentAccount": None,
        "userErrors": [
            {
                "field": ["input"],
                "message": "Your tax info is approved; contact support to change it",
                "code": "ALREADY_APPROVED",
            }
        ],
    }
    assert await finance_snapshot(rt) == before


async def test_a_reviewed_tax_info_cannot_be_reviewed_again(as_role) -> None:
    tax_info_id = await approved(as_role, "agency_a")
    again = await review(await as_role("operator"), tax_info_id, approve=False, reason="Changed my mind")
    assert again["userErrors"] == [
        {"field": ["input", "id"], "message": "This tax info was already reviewed", "code": "INVALID_STATE"}
    ]
    assert (await (await as_role("agency_a"))(ACCOUNT))["paymentAccount"]["taxStatus"] == "APPROVED"


async def test_review_of_an_unknown_or_malformed_id(as_role) -> None:
    operator = await as_role("operator")
    for bad in (
        "nope",
        "UGF5bWVudEJpbGw6MQ==",
        "VGF4SW5mbzo5OTk5",
    ):  # malformed, a PaymentBill id, TaxInfo:9999
        result = await review(operator, bad)
        assert result["userErrors"] == [
            {"field": ["input", "id"], "message": "Tax info not found", "code": "NOT_FOUND"}
        ]


# --- bad input: code, field path, nothing changed ----------------------------------------------------------------

LOCAL_BAD = [
    (local_form(legalName="  "), ["input", "local", "legalName"], "REQUIRED"),
    (local_form(legalName="x" * 201), ["input", "local", "legalName"], "TOO_LONG"),
    (local_form(taxId=""), ["input", "local", "taxId"], "REQUIRED"),
    (local_form(taxId="12345"), ["input", "local", "taxId"], "INVALID_FORMAT"),
    (local_form(taxId="01055512345678"), ["input", "local", "taxId"], "INVALID_FORMAT"),  # 14 digits
    (local_form(address=address(line1="")), ["input", "local", "address", "line1"], "REQUIRED"),
    (local_form(address=address(city="")), ["input", "local", "address", "city"], "REQUIRED"),
    (local_form(address=address(postalCode="")), ["input", "local", "address", "postalCode"], "REQUIRED"),
    (
        local_form(address=address(postalCode="!!")),
        ["input", "local", "address", "postalCode"],
        "INVALID_FORMAT",
    ),
    (local_form(address=address(country="")), ["input", "local", "address", "country"], "REQUIRED"),
    (local_form(address=address(country="VN")), ["input", "local", "address", "country"], "INVALID_FORMAT"),
    (local_form(address=address(line2="x" * 201)), ["input", "local", "address", "line2"], "TOO_LONG"),
    (w9_form(), ["input", "w9"], "WRONG_FORM"),
    ({}, ["input", "local"], "REQUIRED"),
]


@pytest.mark.parametrize(
    ("form", "field", "code"), LOCAL_BAD, ids=[f"{'.'.join(f)}-{c}" for _, f, c in LOCAL_BAD]
)
async def test_bad_local_tax_info(rt, as_role, form, field, code) -> None:
    creator = await as_role("creator_a")
    before = await finance_snapshot(rt)
    result = await submit(creator, form)
    assert (result["taxInfo"], [(e["field"], e["code"]) for e in result["userErrors"]]) == (
        None,
        [(field, code)],
    )
    assert await finance_snapshot(rt) == before
    assert (await creator(ACCOUNT))["paymentAccount"]["taxStatus"] == "NOT_SUBMITTED"


W9_BAD = [
    (w9_form(tin="12345678"), ["input", "w9", "tin"], "INVALID_FORMAT"),
    (w9_form(tin="12345678a"), ["input", "w9", "tin"], "INVALID_FORMAT"),
    (w9_form(tin=""), ["input", "w9", "tin"], "REQUIRED"),
    (w9_form(tin="000-12-3456"), ["input", "w9", "tin"], "INVALID_FORMAT"),  # no SSN starts with 000
    (w9_form(tin="00-1234567", tinType="EIN"), ["input", "w9", "tin"], "INVALID_FORMAT"),
    (
        w9_form(entityType="BUSINESS"),
        ["input", "w9", "tinType"],
        "INVALID_FORMAT",
    ),  # a business gives its EIN
    (w9_form(certify=False), ["input", "w9", "certify"], "CERTIFICATION_REQUIRED"),
    (w9_form(legalName=""), ["input", "w9", "legalName"], "REQUIRED"),
    (w9_form(businessName="x" * 201), ["input", "w9", "businessName"], "TOO_LONG"),
    (w9_form(address=address("US", region=None)), ["input", "w9", "address", "region"], "REQUIRED"),
    (
        w9_form(address=address("US", region="California")),
        ["input", "w9", "address", "region"],
        "INVALID_FORMAT",
    ),
    (
        w9_form(address=address("US", postalCode="9410")),
        ["input", "w9", "address", "postalCode"],
        "INVALID_FORMAT",
    ),
    (w9_form(address=address("US", country="GB")), ["input", "w9", "address", "country"], "INVALID_FORMAT"),
    (local_form(), ["input", "local"], "WRONG_FORM"),
    ({}, ["input", "w9"], "REQUIRED"),
]


@pytest.mark.parametrize(("form", "field", "code"), W9_BAD, ids=[f"{'.'.join(f)}-{c}" for _, f, c in W9_BAD])
async def test_bad_w9(rt, as_role, creator_us, form, field, code) -> None:
    creator = await as_role("creator_us")
    before = await finance_snapshot(rt)
    result = await submit(creator, form)
    assert (result["taxInfo"], [(e["field"], e["code"]) for e in result["userErrors"]]) == (
        None,
        [(field, code)],
    )
    assert await finance_snapshot(rt) == before


async def test_every_problem_of_a_form_is_reported_together(as_role, creator_us) -> None:
    result = await submit(await as_role("creator_us"), w9_form(tin="1", certify=False, legalName=""))
    assert [e["field"][-1] for e in result["userErrors"]] == ["legalName", "tin", "certify"]


async def test_a_tin_with_an_ein_passes(as_role, creator_us) -> None:
    result = await submit(
        await as_role("creator_us"), w9_form(entityType="BUSINESS", tinType="EIN", tin="12-3456789")
    )
    assert result["userErrors"] == [] and result["taxInfo"]["tinType"] == "EIN"


@pytest.mark.parametrize("market", sorted(LOCAL_TAX_ID, key=lambda m: m.value), ids=str)
def test_each_market_has_a_local_tax_id_format(market) -> None:  # noqa: ANN001
    pattern, expected = LOCAL_TAX_ID[market]
    assert expected and not pattern.match("") and not pattern.match("X" * 41)


async def test_sellers_and_the_operator_cannot_submit_and_payees_cannot_review(as_role) -> None:
    for key in ("seller_a", "operator"):
        body = await (await as_role(key)).raw(
            "mutation($i: TaxInfoSubmitInput!) { taxInfoSubmit(input: $i) { taxInfo { id } } }",
            {"i": local_form()},
        )
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", key
    body = await (await as_role("creator_a")).raw(
        'mutation { taxInfoReview(input: {id: "x", approve: true}) { taxInfo { id } } }'
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize(
    ("reason", "field", "code"),
    [
        (None, ["input", "reason"], "REQUIRED"),
        ("   ", ["input", "reason"], "REQUIRED"),
        ("x" * 501, ["input", "reason"], "TOO_LONG"),
    ],
)
async def test_bad_rejections_change_nothing(rt, as_role, reason, field, code) -> None:
    tax_info_id = (await submit(await as_role("creator_a"), local_form()))["taxInfo"]["id"]
    before = await finance_snapshot(rt)
    result = await review(await as_role("operator"), tax_info_id, approve=False, reason=reason)
    assert (result["taxInfo"], [(e["field"], e["code"]) for e in result["userErrors"]]) == (
        None,
        [(field, code)],
    )
    assert await finance_snapshot(rt) == before


async def test_submissions_at_once_leave_one_waiting_for_review(rt, world, as_role) -> None:
    creator = await as_role("creator_a")
    results = await asyncio.gather(*(submit(creator, local_form(legalName=f"Name {i}")) for i in range(4)))
    assert all(
        r["userErrors"]
        in (
            [],
            [
                {
                    "field": ["input"],
                    "code": "CONFLICT",
                    "message": "Your tax info was reviewed meanwhile. Reload and try again.",
                }
            ],
        )
        for r in results
    )
    async with rt.sessionmaker() as s:
        statuses = [st.value for st in await s.scalars(select(models.TaxInfo.status))]
        accounts = await s.scalar(select(func.count()).select_from(models.PaymentAccount))
    assert statuses.count("PENDING_REVIEW") == 1 and accounts == 1


@pytest.mark.parametrize("market", sorted(LOCAL_TAX_ID, key=str))
def test_the_example_each_error_message_gives_is_itself_accepted(market) -> None:  # noqa: ANN001
    """A hint that shows an id the check refuses (GB once showed QQ123456C) sends people round in circles."""
    pattern, hint = LOCAL_TAX_ID[market]
    examples = re.findall(r"(?:such as|e\.g\.) ([A-Z0-9-]+)", hint)
    for example in examples:
        compact = re.sub(r"[\s\-./]", "", example)
        assert pattern.match(compact) and tax_id_problem(market, compact) is None, (
            f"{market}: the hint's example {example} is refused"
        )
