"""Business failures raised by services; resolvers turn them into userErrors."""

from __future__ import annotations

from collections.abc import Sequence


class DomainError(Exception):
    """A rule was broken. `code` is stable (an enum value in the API), `field` is the path into the input."""

    def __init__(self, code: str, message: str, field: Sequence[str | int] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = [str(part) for part in field] if field is not None else None



def not_found(what: str, field: Sequence[str | int] | None = None) -> DomainError:
    # One message whether the row does not exist or is outside the caller's scope: existence is not revealed.
    return DomainError("NOT_FOUND", f"{what} not found", field)
