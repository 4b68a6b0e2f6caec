"""Loaders of order lines and their receipts, reached as `info.context.loaders.orders`. Both are row-scoped
("OrderLine" in the policy): lines come as reads.LineView; a receipt, loaded for many lines in three statements,
is cut down to the view the policy table gives the principal's audience (decisions.receipt_view)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiodataloader import DataLoader

from server import models
from server.auth.principal import Principal
from server.authz.decisions import receipt_view, row_scope
from server.authz.rules import audience_of
from server.loaders.base import ScopedLoader
from server.runtime import Runtime
from server.services.orders import reads
from server.services.orders.receipt import Receipt, line_receipts, receipt_for


class LineLoader(ScopedLoader):
    """Line id → reads.LineView, or None outside the principal's row scope."""

    async def batch_load_fn(self, keys: Sequence[Any]) -> list[Any]:
        rows = await super().batch_load_fn(keys)
        return [None if row is None else reads.line_view(row) for row in rows]


class ReceiptLoader(DataLoader):
    """Line id → the receipt as the principal may see it (None when the line is outside its row scope)."""

    type_name = "OrderLine"

    def __init__(self, rt: Runtime, principal: Principal | None, *, cache: bool) -> None:
        super().__init__(cache=cache)
        self.rt = rt
        self.principal = principal

    async def batch_load_fn(self, keys: Sequence[int]) -> list[Receipt | None]:
        view = receipt_view(audience_of(self.principal))
        if view is None:
            return [None] * len(keys)
        async with self.rt.sessionmaker() as session:
            receipts = await line_receipts(session, keys, scope=row_scope(self.type_name, self.principal))
        return [None if key not in receipts else receipt_for(receipts[key], view) for key in keys]


class OrderLoaders:
    def __init__(self, rt: Runtime, principal: Principal | None, *, cache: bool) -> None:
        self.rt = rt
        self.principal = principal
        self.cache = cache
        self._line: LineLoader | None = None
        self._receipt: ReceiptLoader | None = None

    @property
    def line_by_id(self) -> LineLoader:
        if self._line is None:
            self._line = LineLoader(
                self.rt,
                self.principal,
                type_name="OrderLine",
                statement=reads.line_rows,
                key_column=models.OrderLine.id,
                key_of=lambda row: row[0].id,
                cache=self.cache,
            )
        return self._line

    @property
    def receipt_by_line_id(self) -> ReceiptLoader:
        if self._receipt is None:
            self._receipt = ReceiptLoader(self.rt, self.principal, cache=self.cache)
        return self._receipt
