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
from server.services.registration_batch import ItemOutcome, check_size, checked_items
from server.services.registration_changes import StatusChanges, _end_showcase_entries
from server.services.registration_checks import _check_note, _closed_error, _conflict, _of_agency, _transition
from server.services.unit_of_work import UnitOfWork


async def decide_many(
    rt: Runtime, principal: Principal, ids: Sequence[int | None], *, approve: bool, note: str | None
) -> list[ItemOutcome]:
    check_size(ids, "Decide on")
    note = _check_note(note, ["input", "note"])
    to = Status.CLOSED if approve else Status.APPROVED
    action = "registration.cancellation_approve" if approve else "registration.cancellation_decline"
    values: dict[str, Any] = {"closed_at": rt.clock.now()} if approve else {"cancellation_requested_at": None}
    async with UnitOfWork(rt) as uow:
        outcomes, todo = await checked_items(
            uow,
            ids,
            scope=_of_agency(principal),
            expected=Status.PENDING_CLOSED,
            doing="decided on (the seller asked to cancel)",
            closed_error=_closed_error,
        )
        changes = StatusChanges(uow, principal)
        closed: list[int] = []
        for item in todo:
            updated = await _transition(
                uow, item.registration.id, expected=[Status.PENDING_CLOSED], to=to, **values
            )
            if updated is None:
                item.outcome.errors = [_conflict(item.path)]
                continue
            if approve:
                closed.append(updated.id)
            changes.add(updated, item.campaign, Status.PENDING_CLOSED, to, action=action, note=note)
            item.outcome.registration = updated
        await _end_showcase_entries(uow, closed)
        await changes.announce()
    return outcomes
