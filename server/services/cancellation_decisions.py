"""Bulk decisions on sellers' cancellation requests: the agency approves (→ CLOSED, the product's links and
showcase entries end for new orders) or declines (→ back to APPROVED) 1–100 PENDING_CLOSED registrations at
once, each on its own, like bulk reviews. Each item is a conditional UPDATE from PENDING_CLOSED, so of two
decisions on one request exactly one wins; the other item answers CONFLICT (or INVALID_STATE when it read the
winner's result) and changes nothing. Every decided item is audited and announced through StatusChanges.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from server.auth.principal import Principal
from server.models.enums import RegistrationStatus as Status
from server.runtime import Runtime
from server.services import showcase_endings
from server.services.registration_batch import ItemOutcome, check_size, checked_items
from server.services.registration_changes import StatusChanges
from server.services.registration_checks import (
    check_note,
    closed_error,
    of_agency,
    registration_conflict,
    transition_registration,
)
from server.services.unit_of_work import UnitOfWork


async def decide_many(
    rt: Runtime, principal: Principal, ids: Sequence[int | None], *, approve: bool, note: str | None
) -> list[ItemOutcome]:
    check_size(ids, "Decide on")
    note = check_note(note, ["input", "note"])
    to = Status.CLOSED if approve else Status.APPROVED
    action = "registration.cancellation_approve" if approve else "registration.cancellation_decline"
    values: dict[str, Any] = {"closed_at": rt.clock.now()} if approve else {"cancellation_requested_at": None}
    async with UnitOfWork(rt) as uow:
        outcomes, todo = await checked_items(
            uow,
            ids,
            scope=of_agency(principal),
            expected=Status.PENDING_CLOSED,
            doing="decided on (the seller asked to cancel)",
            closed_error=closed_error,
        )
        changes = StatusChanges(uow, principal)
        closed: list[int] = []
        for item in todo:
            updated = await transition_registration(
                uow, item.registration.id, expected=[Status.PENDING_CLOSED], to=to, **values
            )
            if updated is None:
                item.outcome.errors = [registration_conflict(item.path)]
                continue
            if approve:
                closed.append(updated.id)
            changes.add(updated, item.campaign, Status.PENDING_CLOSED, to, action=action, note=note)
            item.outcome.registration = updated
        if closed:  # closing registrations ends their showcase entries for new orders
            await showcase_endings.end_entries_for_registrations(uow, closed)
        await changes.announce()
    return outcomes
