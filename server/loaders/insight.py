"""Loaders of the trust scorecards, reached as `info.context.loaders.insight`: keys are organisation ids of rows the
caller already reached through their own row scope (Shop, Agency, Creator), so one statement per figure serves a
whole page of registrations, campaigns or sample requests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy.ext.asyncio import AsyncSession

from server.runtime import Runtime
from server.services.insight import scorecards

Batch = Callable[[AsyncSession, Sequence[int], datetime], Awaitable[dict[int, Any]]]


class CardLoader(DataLoader):
    def __init__(self, rt: Runtime, batch: Batch, *, cache: bool) -> None:
        super().__init__(cache=cache)
        # not `self.batch`: DataLoader's own flag (batching on or off) has that name
        self.rt, self.batch_cards = rt, batch

    async def batch_load_fn(self, keys: Sequence[int]) -> list[Any]:
        ids = sorted(set(keys))
        async with self.rt.sessionmaker() as session:
            cards = await self.batch_cards(session, ids, self.rt.clock.now())
        return [cards[k] for k in keys]


class InsightLoaders:
    def __init__(self, rt: Runtime, *, cache: bool) -> None:
        self.seller_card = CardLoader(rt, scorecards.seller_cards, cache=cache)
        self.agency_card = CardLoader(rt, scorecards.agency_cards, cache=cache)
        self.creator_card = CardLoader(rt, scorecards.creator_cards, cache=cache)
