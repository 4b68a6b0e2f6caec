"""Business failures raised by services; resolvers turn them into userErrors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class DomainError(Exception):
    """A rule was broken. `code` is stable (an enum value in the API), `field` is the path into the input."""

    def __init__(
        self, code: str, message: str, field: Sequence[str | int] | None = None, **details: Any
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = [str(part) for part in field] if field is not None else None
        # Extra facts for the client, named as the userError type's fields (e.g. unknown_shop_codes).
        self.details = details


class DomainErrors(Exception):
    """Several rules one input broke, reported together (nothing was changed)."""

    def __init__(self, errors: Sequence[DomainError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = list(errors)


def not_found(what: str, field: Sequence[str | int] | None = None) -> DomainError:
    # One message whether the row does not exist or is outside the caller's scope: existence is not revealed.
    return DomainError("NOT_FOUND", f"{what} not found", field)
