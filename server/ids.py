"""Opaque global IDs: base64("<Type>:<pk>"). Clients never decode them; the server checks type and shape."""

from __future__ import annotations

import base64
import binascii

from strawberry import ID

from server.authz.errors import InvalidId

MAX_PK = 2**63 - 1


def encode_id(type_name: str, pk: int) -> ID:
    # an ID is a str at run time (typing.cast would be a call for every id of every page row)
    return binascii.b2a_base64(f"{type_name}:{pk}".encode(), newline=False).decode()  # pyright: ignore[reportReturnType]


def decode_any_id(value: str) -> tuple[str, int]:
    """(type name, pk) of a well-formed id; InvalidId otherwise. Does not check the type exists."""
    try:
        if not isinstance(value, str) or len(value) > 120:
            raise ValueError
        type_name, _, raw_pk = base64.b64decode(value.encode(), validate=True).decode().partition(":")
        if not type_name.isidentifier() or not raw_pk.isdigit() or raw_pk.startswith("0"):
            raise ValueError
        pk = int(raw_pk)
        if pk > MAX_PK:
            raise ValueError
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidId(f"'{str(value)[:40]}' is not a valid Matchup id") from None
    return type_name, pk


def decode_id(value: str, expected: str) -> int:
    type_name, pk = decode_any_id(value)
    if type_name != expected:
        raise InvalidId(f"Expected a {expected} id, got a {type_name} id", expected=expected)
    return pk
