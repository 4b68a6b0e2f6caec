"""Page cursors: the datetime sort key's cursor is written without json.dumps, byte for byte as json.dumps would
write it (cursors already handed to clients keep working), and every cursor decodes back to its key."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from server.ids import decode_any_id, encode_id
from server.schema.pagination import decode_cursor, encode_cursor


@pytest.mark.parametrize(
    "sort_value",
    [
        datetime(2026, 12, 6, 1, 2, 3, tzinfo=UTC),
        datetime(2026, 12, 6, 1, 2, 3, 456789, tzinfo=timezone(timedelta(hours=7))),
        datetime(2026, 12, 6),  # naive
        "Bench serum 7",
        42,
        None,
    ],
)
@pytest.mark.parametrize("pk", [1, 2**63 - 1])
def test_a_cursor_is_json_dumps_of_its_key_and_decodes_back(sort_value: object, pk: int) -> None:
    cursor = encode_cursor(sort_value, pk)
    key = {"dt": sort_value.isoformat()} if isinstance(sort_value, datetime) else sort_value
    assert base64.urlsafe_b64decode(cursor).decode() == json.dumps([key, pk])
    assert decode_cursor(cursor) == (sort_value, pk)


@pytest.mark.parametrize("pk", [1, 9, 10, 12345678901234])
def test_an_id_is_base64_of_type_and_key(pk: int) -> None:
    value = encode_id("Registration", pk)
    assert value == base64.b64encode(f"Registration:{pk}".encode()).decode()
    assert decode_any_id(value) == ("Registration", pk)
