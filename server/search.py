"""Free-text search terms as SQL: a case-insensitive "contains" in which % and _ are literal characters."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression

MAX_TERM = 100  # longer search terms are cut here


def contains_pattern(term: str | None) -> str | None:
    """The ILIKE pattern for `term` (trimmed, cut at MAX_TERM, LIKE wildcards escaped); None for a blank term."""
    if term is None or not term.strip():
        return None
    escaped = term.strip()[:MAX_TERM].lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: SQLColumnExpression[Any], pattern: str | ColumnElement[str]) -> ColumnElement[bool]:
    return column.ilike(pattern, escape="\\")
