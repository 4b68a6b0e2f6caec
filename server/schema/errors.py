"""userErrors: business failures returned in mutation payloads (field path, message, code)."""

from __future__ import annotations

import enum

import strawberry


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
    retry_after_seconds: int | None = strawberry.field(
        default=None, description="THROTTLED: seconds until an attempt is let through again."
    )


@strawberry.enum
class NotificationErrorCode(enum.StrEnum):
    INVALID_ID = "INVALID_ID"
    TOO_MANY = "TOO_MANY"


@strawberry.type
class NotificationUserError(UserError):
    code: NotificationErrorCode
