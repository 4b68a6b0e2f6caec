"""A check for any test that writes notifications: each keeps only values its English title and body show to
its recipient, by the names notification_kinds.KIND_PARAMS gives its kind, and a seller's never name a creator."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select

from server import models
from server.models.enums import Currency, OrganisationKind
from server.money import bps_to_percent, minor_to_decimal_string
from server.money_text import money_text
from server.runtime import Runtime
from server.services.notification_kinds import KIND_PARAMS

# Values that pick a wording rather than stand in the text.
SELECTORS = {"to", "contentKind", "byMatchup", "bankAccount", "disputeType"}


def _iso_shown(value: str, text: str) -> bool:
    at = datetime.fromisoformat(value)
    return any(at.strftime(f) in text for f in ("%Y-%m-%d %H:%M", "%d %b %Y %H:%M"))


def _shown(name: str, value: Any, text: str) -> bool:
    """True when the English text shows `value` the way the services write it."""
    if value is None or name in SELECTORS:
        return True
    if isinstance(value, dict):
        amount, currency = value["amountMinor"], Currency(value["currency"])
        return money_text(amount, currency) in text or minor_to_decimal_string(amount, currency) in text
    if isinstance(value, int):
        if name.endswith("Bps"):
            return bps_to_percent(value) in text
        return str(value) in text or (name == "count" and value == 1) or (name == "more" and value == 0)
    if name.endswith("At"):
        return _iso_shown(value, text)
    return isinstance(value, str) and value in text


async def assert_params_shown(rt: Runtime) -> None:
    async with rt.sessionmaker() as s:
        notes = list((await s.scalars(select(models.Notification))).all())
        creator_names = set((await s.scalars(select(models.CreatorProfile.display_name))).all())
        shop_ids = set(
            (
                await s.scalars(
                    select(models.Organisation.id).where(models.Organisation.kind == OrganisationKind.SHOP)
                )
            ).all()
        )
    assert notes
    for n in notes:
        assert n.params is not None, n.kind
        assert set(n.params) <= KIND_PARAMS[n.kind], n.kind
        text = f"{n.title} {n.body}"
        for name, value in n.params.items():
            assert _shown(name, value, text), (n.kind, name, value, text)
        if n.recipient_organisation_id in shop_ids:
            assert not any(c in json.dumps(n.params) for c in creator_names), (n.kind, n.params)
