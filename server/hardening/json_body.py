"""One strict JSON body decoder for every JSON endpoint (/graphql, /integrations/orders).

A body must be UTF-8 (no other encoding is guessed), valid JSON without NaN/Infinity, and not nested deeper
than the parser's recursion limit (about 1,000 levels); anything else raises BadJson, which the endpoints answer
with 400 and a JSON error body. `bad_string` finds text no database column can hold (NUL, lone surrogates).
"""

from __future__ import annotations

import json
from typing import Any


class BadJson(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# One decoder for every body: json.loads with an argument builds a new JSONDecoder per call.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def decode_json(body: bytes | str) -> Any:
    if isinstance(body, bytes):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BadJson("INVALID_ENCODING", f"The body is not UTF-8 (byte {error.start})") from None
    else:
        text = body
    if text.startswith("\ufeff"):  # as json.loads refuses it
        raise BadJson(
            "MALFORMED_JSON", "The body is not valid JSON: it starts with a byte order mark (U+FEFF)"
        )
    try:
        return _DECODER.decode(text)
    except RecursionError:
        raise BadJson("JSON_TOO_DEEP", "The JSON body is nested too deeply") from None
    except ValueError as error:
        raise BadJson("MALFORMED_JSON", f"The body is not valid JSON: {error}") from None


def string_problem(value: str) -> str | None:
    """Why a string cannot be stored as text (PostgreSQL refuses NUL; UTF-8 has no lone surrogates), or None."""
    if "\x00" in value:
        return "contains a NUL character (U+0000)"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains invalid Unicode (a lone surrogate)"
    return None


def bad_string(value: Any, path: tuple[str | int, ...] = ()) -> tuple[list[str | int], str] | None:
    """The path to the first key or string in a decoded JSON value with a string_problem, and the problem."""
    if isinstance(value, str):
        problem = string_problem(value)
        return (list(path), problem) if problem else None
    if isinstance(value, list):
        for index, item in enumerate(value):
            if found := bad_string(item, (*path, index)):
                return found
    elif isinstance(value, dict):
        for key, item in value.items():
            if problem := string_problem(key):
                return [*path, key.encode("utf-8", "backslashreplace").decode()], "a key " + problem
            if found := bad_string(item, (*path, key)):
                return found
    return None
