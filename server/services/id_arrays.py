"""Many integer ids in one statement parameter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session


def ids_in(session: Session | AsyncSession, column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """`column` among the integer `ids`: on PostgreSQL `= ANY($1)` with one array (the statement's text is the same
    for any number of ids, so asyncpg reuses its prepared form, and SQLAlchemy renders no parameter per id),
    elsewhere an expanding IN."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam("ids_" + column.key, list(ids), type_=ARRAY(BigInteger)))
    return column.in_(list(ids))


def ids_param(postgresql: bool, column: Any, name: str) -> ColumnElement[bool]:
    """The same condition with the ids left to the bind parameter `name` (a list, given when the statement runs),
    for a statement built once and kept."""
    if postgresql:
        return column == any_(bindparam(name, type_=ARRAY(BigInteger)))
    return column.in_(bindparam(name, expanding=True))
