"""Shared by the registration mutations: ids that do not decode are "not found" (like ids of rows the viewer
cannot see), and service errors become RegistrationUserErrors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import strawberry

from server import models
from server.authz.errors import InvalidId
from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.types.registration import (
    Registration,
    RegistrationErrorCode,
    RegistrationPayload,
    RegistrationReviewPayload,
    RegistrationReviewResult,
    RegistrationUserError,
)
from server.services.errors import DomainError, not_found
from server.services.registration_batch import ItemOutcome


def pk_or_none(value: str, type_name: str) -> int | None:
    try:
        return decode_id(value, type_name)
    except InvalidId:
        return None


def registration_errors(errors: Sequence[DomainError]) -> list[RegistrationUserError]:
    return [e for error in errors for e in user_errors(error, RegistrationUserError, RegistrationErrorCode)]


async def registration_payload(
    registration_id: str,
    call: Callable[[int], Awaitable[models.Registration]],
    field: Sequence[str] = ("input", "id"),
) -> RegistrationPayload:
    """Decodes the registration id, runs the service call with it and maps the outcome."""
    try:
        pk = pk_or_none(registration_id, "Registration")
        if pk is None:
            raise not_found("Registration", field)
        row = await call(pk)
    except DomainError as error:
        return RegistrationPayload(registration=None, user_errors=registration_errors([error]))
    return RegistrationPayload(registration=Registration.from_row(row), user_errors=[])


async def batch_payload(
    ids: Sequence[strawberry.ID], call: Callable[[list[int | None]], Awaitable[list[ItemOutcome]]]
) -> RegistrationReviewPayload:
    """A per-item batch (reviews, cancellation decisions): one result per input id, in order; whole-call errors
    (nothing changed) in userErrors."""
    try:
        outcomes = await call([pk_or_none(i, "Registration") for i in ids])
    except DomainError as error:
        return RegistrationReviewPayload(results=[], user_errors=registration_errors([error]))
    return RegistrationReviewPayload(
        results=[
            RegistrationReviewResult(
                id=ids[outcome.index],
                registration=None
                if outcome.registration is None
                else Registration.from_row(outcome.registration),
                user_errors=registration_errors(outcome.errors),
            )
            for outcome in outcomes
        ],
        user_errors=[],
    )
