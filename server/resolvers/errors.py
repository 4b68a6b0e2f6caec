"""Service errors → the mutation's userError type."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TypeVar

from server.services.errors import DomainError, DomainErrors

E = TypeVar("E")


def user_errors(
    error: DomainError | DomainErrors, error_type: Callable[..., E], codes: type[enum.Enum]
) -> list[E]:
    """Maps a service error (or several) to the mutation's userError type; an unknown code is a bug, not a user
    error. A DomainError's `details` become fields of the userError type of the same name."""
    errors = error.errors if isinstance(error, DomainErrors) else [error]
    return [error_type(field=e.field, message=e.message, code=codes(e.code), **e.details) for e in errors]
