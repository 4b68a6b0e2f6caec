"""Bulk decisions on sellers' cancellation requests: the agency approves (→ CLOSED, the product's links and
showcase entries end for new orders) or declines (→ back to APPROVED) 1–100 PENDING_CLOSED registrations at
once, each on its own, like bulk reviews. Each item is a conditional UPDATE from PENDING_CLOSED, so of two
decisions on one request exactly one wins; the other item answers CONFLICT (or INVALID_STATE when it read the
winner's result) and changes nothing. Every decided item is audited and announced through StatusChanges.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.models.enums import RegistrationStatus as Status
from server.runtime import Runtime
from server.services import campaign_rules
from server.services.errors import DomainError, not_found
from server.services.registrations import (
    ItemOutcome,
    StatusChanges,
    _check_note,
    _closed_error,
    _conflict,
    _end_showcase_entries,
    _of_agency,
    _transition,
)
from server.services.unit_of_work import UnitOfWork

R, C = models.Registration, models.Campaign


def check_batch(ids: Sequence[object], what: str) -> None:
    if not ids:
        raise DomainError("REQUIRED", "Choose at least one registration", ["input", "ids"])
    if len(ids) > campaign_rules.MAX_BATCH:
        raise DomainError(
            "TOO_MANY", f"{what} at most {campaign_rules.MAX_BATCH} registrations at once (got {len(ids)})",
            ["input", "ids"],
        )


async def decide_many(
    rt: Runtime, principal: Principal, ids: Sequence[int | None], *, approve: bool, note: str | None
) -> list[ItemOutcome]:
    check_batch(ids, "Decide on")
    note = _check_note(note, ["input", "note"])
    to = Status.CLOSED if approve else Status.APPROVED
    action = "registration.cancellation_approve" if approve else "registration.cancellation_decline"
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        wanted = {i for i in ids if i is not None}
        found = {
            registration.id: (registration, campaign)
            for registration, campaign in (
                await uow.session.execute(
                    select(R, C).join(C, C.id == R.campaign_id).where(R.id.in_(wanted), _of_agency(principal))
                )
            )
        }
        changes = StatusChanges(uow, principal)
        outcomes: list[ItemOutcome] = []
        closed: list[int] = []
        seen: set[int] = set()
        for index, registration_id in enumerate(ids):
            outcome = ItemOutcome(index)
            outcomes.append(outcome)
            path = ["input", "ids", index]
            if registration_id is None or registration_id not in found:
                outcome.errors = [not_found("Registration", path)]
                continue
            if registration_id in seen:
                outcome.errors = [DomainError("DUPLICATE_ITEM", "This registration is listed twice in the call", path)]
                continue
            seen.add(registration_id)
            registration, campaign = found[registration_id]
            if now >= campaign.campaign_end:
                outcome.errors = [_closed_error(campaign, path)]
                continue
            if registration.status is not Status.PENDING_CLOSED:
                outcome.errors = [DomainError(
                    "INVALID_STATE",
                    "Only a registration whose seller asked to cancel (PENDING_CLOSED) can be decided on; this one "
                    f"is {registration.status.value}",
                    path,
                )]
                continue
            values = {"closed_at": now} if approve else {"cancellation_requested_at": None}
            updated = await _transition(uow, registration_id, expected=[Status.PENDING_CLOSED], to=to, **values)
            if updated is None:
                outcome.errors = [_conflict(path)]
                continue
            if approve:
                closed.append(updated.id)
            changes.add(updated, campaign, Status.PENDING_CLOSED, to, action=action, note=note)
            outcome.registration = updated
        await _end_showcase_entries(uow, closed)
        await changes.announce()
    return outcomes
