"""Concurrent answers and decisions: exactly one wins, the others get a clear error and change nothing (SQLite and
PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from server import models
from server.services.disputes.deciding import expire_due
from tests.disputes.conftest import DECIDE, OPEN, REPLY, Subjects, fresh, open_input


async def adjustment_legs(rt) -> int:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        return await s.scalar(select(func.count()).where(models.LedgerEntry.dispute_id.is_not(None)))


async def opened(api, subjects: Subjects) -> str:  # noqa: ANN001
    alice = await api("alice")
    d = await alice(OPEN, open_input("WRONG_COMMISSION", subjects.settled_line, claimedAmount="2.00"))
    return d["disputeOpen"]["dispute"]["id"]


async def test_two_decisions_at_once_have_one_winner(rt, api, subjects: Subjects) -> None:
    dispute_id = await opened(api, subjects)
    agency = await api("agency")
    results = await asyncio.gather(
        *(
            agency(DECIDE, {"input": {"id": dispute_id, "uphold": uphold, "note": f"decision {i}"}})
            for i, uphold in enumerate((True, False, True))
        )
    )
    payloads = [r["disputeDecide"] for r in results]
    winners = [p for p in payloads if not p["userErrors"]]
    assert len(winners) == 1
    assert all(p["userErrors"][0]["code"] in ("CONFLICT", "CLOSED") for p in payloads if p["userErrors"])
    status = winners[0]["dispute"]["status"]
    assert await adjustment_legs(rt) == (2 if status == "RESOLVED" else 0)
    async with rt.sessionmaker() as s:
        decided = await s.scalar(
            select(func.count()).where(
                models.AuditEvent.subject_type == "Dispute",
                models.AuditEvent.action.in_(["dispute.resolved", "dispute.rejected"]),
            )
        )
    assert decided == 1


async def test_two_answers_at_once_answer_once(rt, api, subjects: Subjects) -> None:
    dispute_id = await opened(api, subjects)
    agency = await api("agency")
    results = await asyncio.gather(
        *(agency(REPLY, {"input": {"id": dispute_id, "body": f"answer {i}"}}) for i in range(3))
    )
    payloads = [r["disputeReply"] for r in results]
    ok = [p for p in payloads if not p["userErrors"]]
    assert ok and all(p["userErrors"][0]["code"] == "CONFLICT" for p in payloads if p["userErrors"])
    async with rt.sessionmaker() as s:
        messages = await s.scalar(select(func.count()).select_from(models.DisputeMessage))
        answered = await s.scalar(select(func.count()).where(models.AuditEvent.action == "dispute.answered"))
        dispute = await s.scalar(select(models.Dispute))
    assert (messages, answered, dispute.status.value) == (1 + len(ok), 1, "ANSWERED")


async def test_a_decision_racing_the_sweeper_is_applied_once(
    rt, api, http, subjects: Subjects, clock
) -> None:
    dispute_id = await opened(api, subjects)
    clock.advance(timedelta(days=14))
    agency = await fresh(http, "agency")
    decision, expired = await asyncio.gather(
        agency(DECIDE, {"input": {"id": dispute_id, "uphold": True, "note": "Yes", "amount": "1.00"}}),
        expire_due(rt),
    )
    async with rt.sessionmaker() as s:
        dispute = await s.scalar(select(models.Dispute))
    if decision["disputeDecide"]["userErrors"]:
        assert (expired, dispute.status.value, dispute.adjustment_minor) == (1, "EXPIRED", 200)
    else:
        assert (expired, dispute.status.value, dispute.adjustment_minor) == (0, "RESOLVED", 100)
    assert await adjustment_legs(rt) == 2
