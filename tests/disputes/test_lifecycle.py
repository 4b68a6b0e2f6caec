"""A dispute's life through the API, with the clock injected: opened, answered, decided; the money dispute's
adjustment balanced and on the line's receipt; the appeal reopening the registration; deadlines and the sweeper's
default outcomes."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from server import models
from server.ids import decode_id
from server.models.enums import RegistrationStatus
from server.services.disputes.deciding import expire_due
from server.services.orders import ledger
from server.services.sweeper import sweep
from tests.api.notification_params import assert_params_shown
from tests.disputes.conftest import DECIDE, OPEN, REPLY, Subjects, fresh, open_input
from tests.orders_api.test_receipt import RECEIPT

NOTIFICATIONS = "{ notifications(first: 20) { edges { node { kind subjectId } } } }"


def at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def kinds(api, subject: str) -> list[str]:  # noqa: ANN001
    edges = (await api(NOTIFICATIONS))["notifications"]["edges"]
    return [e["node"]["kind"] for e in edges if e["node"]["subjectId"] == subject]


async def test_a_money_dispute_is_answered_resolved_and_adjusts_the_ledger(
    rt, api, subjects: Subjects, clock
) -> None:
    alice, agency = await api("alice"), await api("agency")
    opened = (
        await alice(
            OPEN,
            open_input(
                "WRONG_COMMISSION", subjects.settled_line, "I was promised 17.5%.", claimedAmount="2.00"
            ),
        )
    )["disputeOpen"]
    assert opened["userErrors"] == []
    d = opened["dispute"]
    assert (d["status"], d["answerWindowDays"], d["claimedAmount"]) == (
        "OPEN",
        14,
        {"amount": "2.00", "currency": "USD"},
    )
    assert at(d["dueAt"]) == clock.now() + timedelta(days=14)
    assert d["messages"] == [{"body": "I was promised 17.5%.", "authorRole": "CREATOR"}]
    assert await kinds(agency, d["id"]) == ["DISPUTE_OPENED"]

    clock.advance(timedelta(days=2))
    answered = await agency(
        REPLY, {"input": {"id": d["id"], "body": "Checking the rate.", "links": ["https://x.test/rates"]}}
    )
    a = answered["disputeReply"]["dispute"]
    assert (a["status"], at(a["answeredAt"]), at(a["dueAt"])) == (
        "ANSWERED",
        clock.now(),
        clock.now() + timedelta(days=14),
    )
    # The agency's people see their colleague's name; the creator sees the agency, never the person.
    assert a["messages"][1] == {
        "body": "Checking the rate.",
        "authorRole": "AGENCY",
        "authorName": "Agency Orders",
        "authorPersonName": "Agency",
    }
    seen_by_alice = (await alice(REPLY, {"input": {"id": d["id"], "body": "Thanks."}}))["disputeReply"][
        "dispute"
    ]
    assert seen_by_alice["status"] == "ANSWERED"
    assert [(m["authorName"], m["authorPersonName"]) for m in seen_by_alice["messages"]] == [
        ("Alice", "Alice"),
        ("Agency Orders", None),
        ("Alice", "Alice"),
    ]
    assert await kinds(alice, d["id"]) == ["DISPUTE_ANSWERED"]

    decided = await agency(
        DECIDE, {"input": {"id": d["id"], "uphold": True, "note": "Rate was 17.5%.", "amount": "1.50"}}
    )
    r = decided["disputeDecide"]
    assert r["userErrors"] == []
    assert (r["dispute"]["status"], r["dispute"]["outcome"], r["dispute"]["adjustment"]) == (
        "RESOLVED",
        "FOR_CLAIMANT",
        {"amount": "1.50", "currency": "USD"},
    )

    receipt = (await alice(RECEIPT, {"id": subjects.settled_line}))["orderLine"]["receipt"]
    last = receipt["postings"][-1]
    assert last["reason"].startswith(f"Dispute #{decode_id(d['id'], 'Dispute')} resolved for the creator")
    assert [(leg["account"], leg["phase"], leg["amount"]["amount"]) for leg in last["legs"]] == [
        ("CREATOR_EARNINGS", "SETTLED", "1.50")
    ]
    assert receipt["actual"]["creator"] == {"amount": "12.00"}  # 10.50 settled + 1.50
    agency_receipt = (await agency(RECEIPT, {"id": subjects.settled_line}))["orderLine"]["receipt"]
    assert agency_receipt["actual"] == {
        "seller": {"amount": "14.00"},
        "creator": {"amount": "12.00"},
        "agency": {"amount": "2.00"},
    }

    async with rt.sessionmaker() as s:
        assert await ledger.unbalanced_postings(s) == []
        # Reconciling the line to its target afterwards leaves the adjustment alone (nothing to post).
        line = await s.get(models.OrderLine, decode_id(subjects.settled_line, "OrderLine"))
        shop_id = await s.scalar(select(models.Order.shop_id).where(models.Order.id == line.order_id))
        assert await ledger.reconcile(s, [(line, shop_id)], {line.id: "again"}, clock.now()) == []
    await assert_params_shown(rt)


async def test_an_upheld_appeal_reopens_the_registration(rt, api, subjects: Subjects) -> None:
    seller, agency = await api("seller_us"), await api("agency")
    d = (await seller(OPEN, open_input("REJECTION_APPEAL", subjects.rejected, "We raised our rate.")))[
        "disputeOpen"
    ]
    assert d["userErrors"] == [] and d["dispute"]["answerWindowDays"] == 7
    r = await agency(
        DECIDE, {"input": {"id": d["dispute"]["id"], "uphold": True, "note": "Fair: review again."}}
    )
    assert r["disputeDecide"]["dispute"]["status"] == "RESOLVED"
    registration = (
        await seller(
            "query($id: ID!) { node(id: $id) { ... on Registration { status rejectReason "
            "history { action reason } } } }",
            {"id": subjects.rejected},
        )
    )["node"]
    assert registration["status"] == "PENDING" and registration["rejectReason"] is None
    assert registration["history"][-1]["action"] == "registration.reopen"
    assert registration["history"][-1]["reason"].startswith("Appeal upheld")


async def test_a_rejected_dispute_changes_nothing_else(rt, api, subjects: Subjects) -> None:
    alice, agency = await api("alice"), await api("agency")
    d = (await alice(OPEN, open_input("SPLIT_DISPUTED", subjects.settled_line, claimedAmount="1.00")))[
        "disputeOpen"
    ]
    async with rt.sessionmaker() as s:
        legs = len((await s.scalars(select(models.LedgerEntry))).all())
    r = await agency(
        DECIDE, {"input": {"id": d["dispute"]["id"], "uphold": False, "note": "The split is right."}}
    )
    assert (r["disputeDecide"]["dispute"]["status"], r["disputeDecide"]["dispute"]["outcome"]) == (
        "REJECTED",
        "AGAINST_CLAIMANT",
    )
    assert r["disputeDecide"]["dispute"]["adjustment"] is None
    async with rt.sessionmaker() as s:
        assert len((await s.scalars(select(models.LedgerEntry))).all()) == legs
    await assert_params_shown(rt)


async def test_the_deadline_applies_each_types_default_outcome(
    rt, api, http, subjects: Subjects, clock
) -> None:
    alice, seller = await api("alice"), await api("seller_us")
    money = await alice(OPEN, open_input("RATE_NOT_HONOURED", subjects.settled_line, claimedAmount="0.75"))
    appeal = await seller(OPEN, open_input("REJECTION_APPEAL", subjects.rejected))
    content = await seller(OPEN, open_input("CONTENT_NOT_POSTED", subjects.sample, "No video yet."))
    ids = [
        x[k]["dispute"]["id"]
        for x, k in ((money, "disputeOpen"), (appeal, "disputeOpen"), (content, "disputeOpen"))
    ]

    clock.advance(timedelta(days=7) - timedelta(seconds=1))
    assert await expire_due(rt) == 0  # not yet
    clock.advance(timedelta(seconds=1))
    done = await sweep(
        rt
    )  # the appeal and the content claim (7 days) fall due; the money dispute (14) not yet
    assert done["expire disputes past their deadline"] == 2
    clock.advance(timedelta(days=7))
    assert await expire_due(rt) == 1

    query = "query($id: ID!) { node(id: $id) { ... on Dispute { status outcome adjustment { amount } decisionNote } } }"
    alice, seller = await fresh(http, "alice"), await fresh(http, "seller_us")
    states = [(await alice(query, {"id": ids[0]}))["node"]] + [
        (await seller(query, {"id": i}))["node"] for i in ids[1:]
    ]
    assert [(s["status"], s["outcome"]) for s in states] == [
        ("EXPIRED", "FOR_CLAIMANT"),
        ("EXPIRED", "FOR_CLAIMANT"),
        ("EXPIRED", "AGAINST_CLAIMANT"),
    ]
    assert states[0]["adjustment"] == {"amount": "0.75"}
    assert (
        states[1]["decisionNote"]
        == "The deadline for the agency's answer passed: decided for the claimant by default."
    )
    async with rt.sessionmaker() as s:
        assert (await s.get(models.Registration, subjects.rejected_id)).status is RegistrationStatus.PENDING
        assert await ledger.unbalanced_postings(s) == []
    assert await expire_due(rt) == 0  # nothing twice
    await assert_params_shown(rt)


async def test_an_answer_restarts_the_deadline_for_the_decision(
    rt, api, http, subjects: Subjects, clock
) -> None:
    alice, agency = await api("alice"), await api("agency")
    d = (await alice(OPEN, open_input("SAMPLE_NOT_RECEIVED", subjects.sample, "Nothing came.")))[
        "disputeOpen"
    ]
    clock.advance(timedelta(days=6))
    await agency(REPLY, {"input": {"id": d["dispute"]["id"], "body": "Asking the seller."}})
    clock.advance(timedelta(days=2))  # past the first deadline, within the second
    assert await expire_due(rt) == 0
    clock.advance(timedelta(days=5))
    assert await expire_due(rt) == 1
    alice = await fresh(http, "alice")
    node = (
        await alice(
            "query($id: ID!) { node(id: $id) { ... on Dispute { status decisionNote } } }",
            {"id": d["dispute"]["id"]},
        )
    )["node"]
    assert node == {
        "status": "EXPIRED",
        "decisionNote": "The deadline for the agency's decision passed: decided for the claimant by default.",
    }
