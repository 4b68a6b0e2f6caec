"""userErrors: business failures returned in mutation payloads (field path, message, code)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from server.services.errors import DomainError, DomainErrors


@strawberry.interface(description="A business rule the input broke. `field` is the path into the input.")
class UserError:
    field: list[str] | None
    message: str


@strawberry.enum
class AuthErrorCode(enum.StrEnum):
    REQUIRED = "REQUIRED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    THROTTLED = "THROTTLED"


@strawberry.type
class AuthUserError(UserError):
    code: AuthErrorCode


@strawberry.enum
class NotificationErrorCode(enum.StrEnum):
    INVALID_ID = "INVALID_ID"
    TOO_MANY = "TOO_MANY"


@strawberry.type
class NotificationUserError(UserError):
    code: NotificationErrorCode


E = TypeVar("E")


def user_errors(error: DomainError | DomainErrors, error_type: Callable[..., E], codes: type[enum.Enum]) -> list[E]:
    """Maps service errors to the mutation's userError type; an unknown code is a bug, not a user error."""
    errors = error.errors if isinstance(error, DomainErrors) else [error]
    return [error_type(field=e.field, message=e.message, code=codes(e.code)) for e in errors]


def as_field_error(exc: Any, field: list[str]) -> DomainError:
    """An InvalidId (or other PublicError) raised while decoding input, as a userError on `field`."""
    return DomainError(exc.code, str(exc), field)
