"""Service errors → the mutation's userError type."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TypeVar

from server.services.errors import DomainError, DomainErrors

E = TypeVar("E")


def user_errors(error: DomainError | DomainErrors, error_type: Callable[..., E], codes: type[enum.Enum]) -> list[E]:
    """Maps service errors to the mutation's userError type; an unknown code is a bug, not a user error."""
    errors = error.errors if isinstance(error, DomainErrors) else [error]
    return [error_type(field=e.field, message=e.message, code=codes(e.code)) for e in errors]
