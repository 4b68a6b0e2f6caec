"""A missing order resolved for the creator credits it: the order never reached Matchup, so there is no line to
adjust, and a creator that proved its sale expects the commission, not a note. The agency names the credit (by
default the amount claimed); one balanced posting moves it from the agency's earnings to the creator's, SETTLED,
marked with the dispute and on no order line, so it is billed with the next bills. Its deadline's default is the
same credit; a dispute without a claimed amount, or decided without one, credits nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from server import models
from server.ids import decode_id
from server.models.enums import LedgerAccount, LedgerPhase
from server.services.disputes.deciding import expire_due
from server.services.finance.bills import issue_monthly_bills
from server.services.orders import ledger
from tests.disputes.conftest import DECIDE, OPEN, REPLY, Subjects, counts, fresh, open_input

BALANCE = "{ paymentAccount { balances { currency settledUnbilled { amount } } } }"


def missing(entry: str, number: str, **extra: str) -> dict:
    return open_input(
        "MISSING_ORDER",
        entry,
        "My buyer ordered through my link.",
        orderNumber=number,
        orderDate="2026-01-10",
        **extra,
    )


async def settled_unbilled(api) -> str:  # noqa: ANN001
    balances = (await api(BALANCE))["paymentAccount"]["balances"]
    return next(b["settledUnbilled"]["amount"] for b in balances if b["currency"] == "USD")


async def legs_of(rt, dispute_id: str) -> list[tuple]:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        rows = await s.scalars(
            select(models.LedgerEntry)
            .where(models.LedgerEntry.dispute_id == decode_id(dispute_id, "Dispute"))
            .order_by(models.LedgerEntry.id)
        )
        return [(e.account, e.amount_minor, e.phase, e.order_line_id, e.reason) for e in rows]


async def test_a_missing_order_resolved_for_the_creator_credits_it_from_the_agencys_share(
    rt, api, subjects: Subjects
) -> None:
    alice, agency = await api("alice"), await api("agency")
    before = await settled_unbilled(alice)
    opened = (await alice(OPEN, missing(subjects.entry, "US-7781", claimedAmount="3.00")))["disputeOpen"]
    assert opened["userErrors"] == []
    d = opened["dispute"]
    await agency(REPLY, {"input": {"id": d["id"], "body": "The shop confirms the order."}})
    decided = (
        await agency(
            DECIDE,
            {"input": {"id": d["id"], "uphold": True, "note": "Confirmed: credited.", "amount": "2.50"}},
        )
    )["disputeDecide"]
    assert decided["userErrors"] == []
    assert (decided["dispute"]["status"], decided["dispute"]["adjustment"]) == (
        "RESOLVED",
        {"amount": "2.50", "currency": "USD"},
    )

    number = decode_id(d["id"], "Dispute")
    reason = f"Dispute #{number} resolved for the creator (missing order): 2.50 USD from the agency's share"
    assert await legs_of(rt, d["id"]) == [
        (LedgerAccount.AGENCY_EARNINGS, -250, LedgerPhase.SETTLED, None, reason),
        (LedgerAccount.CREATOR_EARNINGS, 250, LedgerPhase.SETTLED, None, reason),
    ]
    async with rt.sessionmaker() as s:
        assert await ledger.unbalanced_postings(s) == []
    assert float(await settled_unbilled(alice)) == float(before) + 2.50


async def test_the_credit_is_billed_with_the_next_monthly_bills(rt, api, subjects: Subjects, clock) -> None:
    alice, agency = await api("alice"), await api("agency")
    d = (await alice(OPEN, missing(subjects.entry, "US-55", claimedAmount="1.75")))["disputeOpen"]["dispute"]
    await agency(DECIDE, {"input": {"id": d["id"], "uphold": True, "note": "Credited."}})
    now = clock.now()
    clock.set(datetime(now.year + (now.month == 12), now.month % 12 + 1, 1, 1, tzinfo=UTC))
    await issue_monthly_bills(rt)
    async with rt.sessionmaker() as s:
        billed = (
            await s.execute(
                select(models.LedgerEntry.account, models.PaymentBill.payee_organisation_id)
                .join(
                    models.PaymentBillEntry, models.PaymentBillEntry.ledger_entry_id == models.LedgerEntry.id
                )
                .join(models.PaymentBill, models.PaymentBill.id == models.PaymentBillEntry.bill_id)
                .where(models.LedgerEntry.dispute_id == decode_id(d["id"], "Dispute"))
            )
        ).all()
    assert sorted(account.value for account, _ in billed) == ["AGENCY_EARNINGS", "CREATOR_EARNINGS"]


async def test_the_default_credit_is_the_amount_claimed_and_nothing_without_one(
    rt, api, http, subjects: Subjects, clock
) -> None:
    alice, agency = await api("alice"), await api("agency")
    claimed = (await alice(OPEN, missing(subjects.entry, "US-1", claimedAmount="1.25")))["disputeOpen"][
        "dispute"
    ]
    bare = (await alice(OPEN, missing(subjects.entry, "US-2")))["disputeOpen"]["dispute"]
    upheld = (await alice(OPEN, missing(subjects.entry, "US-3", claimedAmount="4.00")))["disputeOpen"][
        "dispute"
    ]
    # Decided for the creator without naming an amount: the amount claimed.
    decided = await agency(DECIDE, {"input": {"id": upheld["id"], "uphold": True, "note": "Fair."}})
    assert decided["disputeDecide"]["dispute"]["adjustment"] == {"amount": "4.00", "currency": "USD"}

    clock.advance(timedelta(days=14))
    assert await expire_due(rt) == 2
    alice = await fresh(http, "alice")
    query = "query($id: ID!) { node(id: $id) { ... on Dispute { status outcome adjustment { amount } } } }"
    assert (await alice(query, {"id": claimed["id"]}))["node"] == {
        "status": "EXPIRED",
        "outcome": "FOR_CLAIMANT",
        "adjustment": {"amount": "1.25"},
    }
    assert (await alice(query, {"id": bare["id"]}))["node"]["adjustment"] is None
    assert [leg[1] for leg in await legs_of(rt, claimed["id"])] == [-125, 125]
    assert [leg[1] for leg in await legs_of(rt, upheld["id"])] == [-400, 400]
    assert await legs_of(rt, bare["id"]) == []


async def test_a_credit_on_a_rejected_missing_order_is_refused_and_changes_nothing(
    rt, api, subjects: Subjects
) -> None:
    alice, agency = await api("alice"), await api("agency")
    d = (await alice(OPEN, missing(subjects.entry, "US-9", claimedAmount="1.00")))["disputeOpen"]["dispute"]
    before = await counts(rt)
    refused = (
        await agency(
            DECIDE, {"input": {"id": d["id"], "uphold": False, "note": "No such order.", "amount": "1.00"}}
        )
    )["disputeDecide"]
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [("NOT_ALLOWED", ["input", "amount"])]
    zero = (await agency(DECIDE, {"input": {"id": d["id"], "uphold": True, "note": "Yes.", "amount": "0"}}))[
        "disputeDecide"
    ]
    assert [e["code"] for e in zero["userErrors"]] == ["INVALID_AMOUNT"]
    assert await counts(rt) == before
