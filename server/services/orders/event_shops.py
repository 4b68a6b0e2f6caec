"""What an ingested event came to (applied, held or refused), and the shop each event of a batch is for: the
key's own, or, for a platform key, the one the event names by shop code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from server import models
from server.runtime import Runtime
from server.services.errors import DomainError
from server.services.orders import payloads as p
from server.services.orders.signatures import Pusher, ShopRef


@dataclass(slots=True)
class EventResult:
    event_id: str | None
    status: str  # applied | held | refused
    duplicate: bool = False
    held_reason: str | None = None
    error: DomainError | None = None

    @property
    def outcome(self) -> str:
        """The metrics label: applied, held, refused or duplicate."""
        return "duplicate" if self.duplicate else self.status


def refused(raw: Any, error: DomainError) -> EventResult:
    obj = p.json_object(raw)
    event_id = obj.get("id") if obj is not None and isinstance(obj.get("id"), str) else None
    return EventResult(event_id=event_id, status="refused", error=error)


async def shops_of(
    rt: Runtime,
    pusher: Pusher,
    accepted: list[tuple[int, p.Event, Any, list[str | int]]],
    results: list[EventResult | None],
) -> dict[int, ShopRef]:
    """The shop of each event: the key's, or (platform keys) the one the event names by shop code."""
    out: dict[int, ShopRef] = {}
    if pusher.shop is not None:
        for i, event, raw, prefix in accepted:
            if event.shop is not None and event.shop != pusher.shop.code:
                results[i] = refused(
                    raw, DomainError("SHOP_MISMATCH", "This key is another shop's", [*prefix, "shop"])
                )
            else:
                out[i] = pusher.shop
        return out
    codes = {event.shop for _, event, _, _ in accepted if event.shop is not None}
    found: dict[str, ShopRef] = {}
    if codes:
        async with rt.sessionmaker() as s:
            rows = await s.execute(
                select(models.Shop.organisation_id, models.Shop.shop_code, models.Shop.market)
                .join(models.Organisation, models.Organisation.id == models.Shop.organisation_id)
                .where(models.Shop.shop_code.in_(codes), models.Organisation.deleted_at.is_(None))
            )
            found = {code: ShopRef(shop_id, code, market) for shop_id, code, market in rows}
    for i, event, raw, prefix in accepted:
        if event.shop is None:
            results[i] = refused(
                raw, DomainError("REQUIRED", "A platform key names the shop", [*prefix, "shop"])
            )
        elif event.shop not in found:
            results[i] = refused(raw, DomainError("UNKNOWN_SHOP", "No shop has this code", [*prefix, "shop"]))
        else:
            out[i] = found[event.shop]
    return out
