"""What the agency's per-item batches share (reviews, cancellation decisions): 1–100 ids, each checked on its
own (not found or another agency's, listed twice, campaign ended, not in the expected state) before it is
decided; the checks fill the item's outcome and only the items that pass are handed back to decide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, select

from server import models
from server.models.enums import RegistrationStatus
from server.services import campaign_rules
from server.services.errors import DomainError, not_found
from server.services.unit_of_work import UnitOfWork

R, C = models.Registration, models.Campaign


@dataclass(slots=True)
class ItemOutcome:
    """One item of a batch: the registration it created or changed, or why it did not."""

    index: int
    registration: models.Registration | None = None
    errors: list[DomainError] = field(default_factory=list[DomainError])


@dataclass(slots=True)
class BatchItem:
    outcome: ItemOutcome
    path: list[str | int]
    registration: models.Registration
    campaign: models.Campaign


def check_size(ids: Sequence[object], verb: str) -> None:
    if not ids:
        raise DomainError("REQUIRED", "Choose at least one registration", ["input", "ids"])
    if len(ids) > campaign_rules.MAX_BATCH:
        raise DomainError(
            "TOO_MANY",
            f"{verb} at most {campaign_rules.MAX_BATCH} registrations at once (got {len(ids)})",
            ["input", "ids"],
        )


async def checked_items(
    uow: UnitOfWork,
    ids: Sequence[int | None],
    *,
    scope: ColumnElement[bool],
    expected: RegistrationStatus,
    doing: str,
    closed_error: Callable[[models.Campaign, list[str | int]], DomainError],
) -> tuple[list[ItemOutcome], list[BatchItem]]:
    """(an outcome per id in order, the items still to decide). One SELECT for the whole batch."""
    now = uow.rt.clock.now()
    wanted = {i for i in ids if i is not None}
    found = {
        registration.id: (registration, campaign)
        for registration, campaign in (
            await uow.session.execute(
                select(R, C).join(C, C.id == R.campaign_id).where(R.id.in_(wanted), scope)
            )
        )
    }
    outcomes: list[ItemOutcome] = []
    todo: list[BatchItem] = []
    seen: set[int] = set()
    for index, registration_id in enumerate(ids):
        outcome = ItemOutcome(index)
        outcomes.append(outcome)
        path: list[str | int] = ["input", "ids", index]
        if registration_id is None or registration_id not in found:
            outcome.errors = [not_found("Registration", path)]
            continue
        if registration_id in seen:
            outcome.errors = [
                DomainError("DUPLICATE_ITEM", "This registration is listed twice in the call", path)
            ]
            continue
        seen.add(registration_id)
        registration, campaign = found[registration_id]
        if now >= campaign.campaign_end:
            outcome.errors = [closed_error(campaign, path)]
        elif registration.status is not expected:
            outcome.errors = [
                DomainError(
                    "INVALID_STATE",
                    f"Only a {expected.value} registration can be {doing}; this one is {registration.status.value}",
                    path,
                )
            ]
        else:
            todo.append(BatchItem(outcome, path, registration, campaign))
    return outcomes, todo
