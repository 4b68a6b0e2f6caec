"""Top-level errors for client faults. Their `extensions.code` survives error masking."""

from __future__ import annotations


class PublicError(Exception):
    code = "BAD_REQUEST"
    default_message = "Bad request"

    def __init__(self, message: str | None = None, **extra: object) -> None:
        super().__init__(message or self.default_message)
        self.extensions: dict[str, object] = {"code": self.code, **extra}


class Unauthenticated(PublicError):
    code = "UNAUTHENTICATED"
    default_message = "Log in to do this"


class Forbidden(PublicError):
    code = "FORBIDDEN"
    default_message = "You are not allowed to do this"


class InvalidId(PublicError):
    code = "INVALID_ID"
    default_message = "Not a valid id"
