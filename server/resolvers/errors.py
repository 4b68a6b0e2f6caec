"""Service errors → the mutation's userError type."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TypeVar

from server.services.errors import DomainError

E = TypeVar("E")


def user_errors(error: DomainError, error_type: Callable[..., E], codes: type[enum.Enum]) -> list[E]:
    """Maps a service error to the mutation's userError type; an unknown code is a bug, not a user error."""
    return [error_type(field=error.field, message=error.message, code=codes(error.code))]
