"""What every mutation does with its input: the acting principal, and ids that must name a row of one type."""

from __future__ import annotations

from collections.abc import Sequence

from server.auth.principal import Principal
from server.authz.errors import InvalidId
from server.ids import decode_id
from server.schema.context import Info
from server.services.errors import not_found


def principal_of(info: Info) -> Principal:
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only logged-in roles in
    return principal


def input_id(value: str, type_name: str, field: Sequence[str | int], what: str | None = None) -> int:
    """A malformed id or one of another type names nothing the caller has: NOT_FOUND (of `what`) at its field."""
    try:
        return decode_id(value, type_name)
    except InvalidId:
        raise not_found(what or type_name, field) from None
