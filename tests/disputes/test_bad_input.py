"""Bad input gets a clear error (field, reason, limit) and changes nothing: empty and over-size messages, bad links,
the wrong party, the wrong subject, a closed dispute, an adjustment beyond the sale."""

from __future__ import annotations

import pytest

from tests.disputes.conftest import DECIDE, OPEN, REPLY, Subjects, counts, open_input

ERRORS = "userErrors { field message code }"


async def refused(rt, call, field: str) -> list[dict]:  # noqa: ANN001
    """Runs `call`, asserting it changed no row, and returns its userErrors."""
    before = await counts(rt)
    data = await call()
    assert await counts(rt) == before
    payload = data[field]
    assert payload["dispute"] is None
    return payload["userErrors"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ({"body": "   "}, [(["input", "message", "body"], "REQUIRED", "Write a message")]),
        (
            {"body": "x" * 2001},
            [(["input", "message", "body"], "TOO_LONG", "Use at most 2000 characters (got 2001)")],
        ),
        (
            {"body": "ok", "links": ["javascript:alert(1)"]},
            [(["input", "message", "links", "0"], "INVALID_FORMAT", "Enter an http(s) link")],
        ),
        (
            {"body": "ok", "links": [f"https://x.test/{i}" for i in range(6)]},
            [(["input", "message", "links"], "TOO_MANY", "Add at most 5 links (got 6)")],
        ),
        (
            {"body": "", "links": ["https://" + "x" * 500]},
            [
                (["input", "message", "body"], "REQUIRED", "Write a message"),
                (["input", "message", "links", "0"], "TOO_LONG", "Use at most 500 characters"),
            ],
        ),
    ],
)
async def test_a_bad_message_is_refused(rt, api, subjects: Subjects, message: dict, expected: list) -> None:
    alice = await api("alice")
    errors = await refused(
        rt,
        lambda: alice(
            f"mutation($input: DisputeOpenInput!) {{ disputeOpen(input: $input) {{ dispute {{ id }} {ERRORS} }} }}",
            {"input": {"type": "WRONG_COMMISSION", "subjectId": subjects.settled_line, "message": message}},
        ),
        "disputeOpen",
    )
    assert [(e["field"], e["code"], e["message"]) for e in errors] == expected


async def test_the_wrong_party_or_subject_is_refused(rt, api, subjects: Subjects) -> None:
    alice, carol, seller = await api("alice"), await api("carol"), await api("seller_us")

    async def open_as(client, type_: str, subject: str, **extra) -> list[dict]:  # noqa: ANN001, ANN003
        return await refused(rt, lambda: client(OPEN, open_input(type_, subject, **extra)), "disputeOpen")

    assert [
        (e["code"], e["message"]) for e in await open_as(seller, "WRONG_COMMISSION", subjects.settled_line)
    ] == [("WRONG_PARTY", "A creator opens this kind of dispute")]
    # Another creator's line: not found (its existence is not confirmed).
    assert [
        (e["code"], e["field"]) for e in await open_as(carol, "WRONG_COMMISSION", subjects.settled_line)
    ] == [("NOT_FOUND", ["input", "subjectId"])]
    assert [e["message"] for e in await open_as(alice, "WRONG_COMMISSION", subjects.sample)] == [
        "Open this dispute from a OrderLine"
    ]
    assert [(e["field"], e["code"]) for e in await open_as(alice, "MISSING_ORDER", subjects.entry)] == [
        (["input", "orderNumber"], "REQUIRED"),
        (["input", "orderDate"], "REQUIRED"),
    ]
    assert [
        (e["code"], e["message"])
        for e in await open_as(
            alice, "MISSING_ORDER", subjects.entry, orderNumber="A-1", orderDate="2099-01-01"
        )
    ] == [("INVALID_DATE", "The order date is in the future")]
    assert [
        (e["code"], e["message"])
        for e in await open_as(alice, "WRONG_COMMISSION", subjects.settled_line, claimedAmount="1.005")
    ] == [("INVALID_AMOUNT", "USD amounts have at most 2 decimals")]
    assert [
        e["code"] for e in await open_as(alice, "WRONG_COMMISSION", subjects.settled_line, claimedAmount="-1")
    ] == ["INVALID_AMOUNT"]
    assert [e["code"] for e in await open_as(seller, "REJECTION_APPEAL", "not-an-id")] == ["INVALID_ID"]
    # A creator may not decide: the policy refuses the operation itself.
    body = await alice.raw(DECIDE, {"input": {"id": subjects.settled_line, "uphold": True, "note": "x"}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_one_open_dispute_per_subject_and_nothing_changes_a_closed_one(
    rt, api, subjects: Subjects
) -> None:
    alice, agency, other = await api("alice"), await api("agency"), await api("other_agency")
    d = await alice(OPEN, open_input("WRONG_COMMISSION", subjects.settled_line, claimedAmount="2.00"))
    dispute_id = d["disputeOpen"]["dispute"]["id"]
    assert [
        e["code"]
        for e in await refused(
            rt, lambda: alice(OPEN, open_input("WRONG_COMMISSION", subjects.settled_line)), "disputeOpen"
        )
    ] == ["ALREADY_OPEN"]
    # An agency that is no party: not found.
    assert [
        e["code"]
        for e in await refused(
            rt, lambda: other(REPLY, {"input": {"id": dispute_id, "body": "hello"}}), "disputeReply"
        )
    ] == ["NOT_FOUND"]
    assert [
        (e["code"], e["message"])
        for e in await refused(
            rt,
            lambda: agency(
                DECIDE, {"input": {"id": dispute_id, "uphold": True, "note": "ok", "amount": "80.01"}}
            ),
            "disputeDecide",
        )
    ] == [("TOO_LARGE", "The adjustment is more than the line's sale")]
    assert [
        (e["field"], e["code"])
        for e in await refused(
            rt,
            lambda: agency(DECIDE, {"input": {"id": dispute_id, "uphold": False, "note": " "}}),
            "disputeDecide",
        )
    ] == [(["input", "note"], "REQUIRED")]
    assert [
        e["code"]
        for e in await refused(
            rt,
            lambda: agency(
                DECIDE, {"input": {"id": dispute_id, "uphold": False, "note": "no", "amount": "1.00"}}
            ),
            "disputeDecide",
        )
    ] == ["NOT_ALLOWED"]
    await agency(DECIDE, {"input": {"id": dispute_id, "uphold": False, "note": "The commission is right."}})
    for call, field in (
        (lambda: alice(REPLY, {"input": {"id": dispute_id, "body": "But..."}}), "disputeReply"),
        (
            lambda: agency(DECIDE, {"input": {"id": dispute_id, "uphold": True, "note": "Changed my mind"}}),
            "disputeDecide",
        ),
    ):
        assert [(e["code"], e["message"]) for e in await refused(rt, call, field)] == [
            ("CLOSED", "This dispute is rejected: nothing can change it any more")
        ]
