"""Who pushes order events and how a request proves it: an integration key (X-Matchup-Key) and an HMAC-SHA256
signature of the timestamp and the body with the key's secret (docs/integrations-orders.md).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from server import models
from server.auth.tokens import signing_secret
from server.models.enums import (
    MARKET_CURRENCY,
    Currency,
    Market,
    OrganisationKind,
)
from server.runtime import Runtime
from server.services.auth import authenticate_integration_key, touch_integration_key
from server.services.errors import DomainError

TIMESTAMP_TOLERANCE = timedelta(minutes=5)  # signed requests older or newer than this are refused
KEY_HEADER = "X-Matchup-Key"
TIMESTAMP_HEADER = "X-Matchup-Timestamp"
SIGNATURE_HEADER = "X-Matchup-Signature"
SIGNATURE_VERSION = "v1"


def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    """The X-Matchup-Signature value: v1=hex(HMAC-SHA256(signing secret, "<timestamp>.<raw body>"))."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION}={digest}"


def _header_error(code: str, message: str, header: str) -> DomainError:
    return DomainError(code, message, ["headers", header])


async def authenticate(
    rt: Runtime, *, api_key: str | None, timestamp: str | None, signature: str | None, body: bytes
) -> Pusher:
    """The pusher of a signed request, or a DomainError naming the header at fault."""
    if not api_key:
        raise _header_error("MISSING_KEY", f"Send your integration key in {KEY_HEADER}", KEY_HEADER)
    key = await authenticate_integration_key(rt, api_key)
    if key is None:
        raise _header_error("UNKNOWN_KEY", "This integration key is unknown or revoked", KEY_HEADER)
    async with rt.sessionmaker() as s:
        row = (
            await s.execute(
                select(models.Organisation.kind, models.Shop.shop_code, models.Shop.market)
                .outerjoin(models.Shop, models.Shop.organisation_id == models.Organisation.id)
                .where(
                    models.Organisation.id == key.organisation_id, models.Organisation.deleted_at.is_(None)
                )
            )
        ).first()
    if row is None or row.kind not in (OrganisationKind.SHOP, OrganisationKind.PLATFORM):
        raise _header_error("KEY_NOT_ALLOWED", "This key may not push orders", KEY_HEADER)
    if not timestamp:
        raise _header_error(
            "MISSING_TIMESTAMP", f"Send the Unix time in {TIMESTAMP_HEADER}", TIMESTAMP_HEADER
        )
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise _header_error("INVALID_TIMESTAMP", "The timestamp is Unix seconds", TIMESTAMP_HEADER)
    skew = abs(rt.clock.now().timestamp() - int(timestamp))
    if skew > TIMESTAMP_TOLERANCE.total_seconds():
        raise _header_error(
            "STALE_TIMESTAMP",
            "The timestamp is more than 5 minutes away from the server's time",
            TIMESTAMP_HEADER,
        )
    if not signature:
        raise _header_error(
            "MISSING_SIGNATURE", f"Sign the body and send {SIGNATURE_HEADER}", SIGNATURE_HEADER
        )
    expected = sign(signing_secret(rt.settings.secret_key.get_secret_value(), key.key_id), timestamp, body)
    if not hmac.compare_digest(expected.encode(), signature.strip().lower().encode()):
        raise _header_error(
            "BAD_SIGNATURE", "The signature does not match the body and timestamp", SIGNATURE_HEADER
        )
    await touch_integration_key(rt, key)
    shop = (
        ShopRef(key.organisation_id, row.shop_code, row.market) if row.kind is OrganisationKind.SHOP else None
    )
    return Pusher(organisation_id=key.organisation_id, shop=shop)


@dataclass(frozen=True, slots=True)
class ShopRef:
    id: int
    code: str
    market: Market

    @property
    def currency(self) -> Currency:
        return MARKET_CURRENCY[self.market]


@dataclass(frozen=True, slots=True)
class Pusher:
    """Who signed the request: a shop's key (events are that shop's) or the platform's (events name a shop)."""

    organisation_id: int
    shop: ShopRef | None
