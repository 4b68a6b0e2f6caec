"""The figures of numbers.py read from the rollup tables (server/models/rollup.py) instead of aggregating order
lines and ledger legs: a view reads the rows of its keys, summed where it spans several (a campaign's shops,
a range of days). The distinct counts are exact because every rollup row already counts an order once per key,
and the keys a view sums never share an order (an order is one shop's, a day's rows are disjoint)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Label, Table

from server.models.enums import LedgerAccount
from server.services.performance.numbers import MONEY_NAMES, total

ORDER_FIGURES = ("paid_orders", "actual_orders", "gmv_estimated", "gmv_actual")


def figure_names(accounts: frozenset[LedgerAccount]) -> tuple[str, ...]:
    """The order figures, then the money of the accounts the viewer may see."""
    money = tuple(
        f"{name}_{kind}"
        for account, name in MONEY_NAMES.items()
        if account in accounts
        for kind in ("estimated", "actual")
    )
    return ORDER_FIGURES + money


# The figures' columns depend only on the rollup table and the accounts, and a column expression can appear in any
# number of statements: built once, not on every read (building the sums was a twelfth of a dashboard request).
@lru_cache(maxsize=256)
def summed(table: Table | Any, accounts: frozenset[LedgerAccount]) -> tuple[Label[int], ...]:
    return tuple(total(table.c[name]).label(name) for name in figure_names(accounts))


@lru_cache(maxsize=256)
def plain(table: Table | Any, accounts: frozenset[LedgerAccount]) -> tuple[Label[int], ...]:
    return tuple(table.c[name].label(name) for name in figure_names(accounts))


def sales(column: ColumnElement[int]) -> ColumnElement[bool]:
    """A registration × creator row with a line that is a sale now (for "creators with sales")."""
    return column > 0
