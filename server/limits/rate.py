"""Rate limits: who pays for a request (its buckets) and what an over-budget client is told."""

from __future__ import annotations

import hashlib
import math
from typing import Any

from server.clock import Clock
from server.limits.buckets import Bucket, MemoryBuckets, RedisBuckets, Throttle
from server.settings import Settings

MIN_CHARGE = 1  # every request costs something, even `{ __typename }`


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store: MemoryBuckets | RedisBuckets = (
            RedisBuckets(settings.redis_url, settings.rate_limit_redis_prefix)
            if settings.redis_url
            else MemoryBuckets()
        )

    def bucket(self, kind: str, ident: str) -> Bucket:
        return Bucket(
            key=f"{kind}:{ident}",
            capacity=int(self.settings.rate_limit_capacity[kind]),
            restore_rate=float(self.settings.rate_limit_restore_per_second[kind]),
        )

    def graphql_buckets(self, role: str | None, user_id: int | None, address: str) -> list[Bucket]:
        """A signed-in principal pays from its own bucket (by role), anonymous clients from one per address;
        everyone also pays from the bucket of the address the request comes from."""
        own = (
            self.bucket(role, str(user_id))
            if role and user_id is not None
            else self.bucket("anonymous", address)
        )
        return [own, self.bucket("address", address)]

    def integration_key_bucket(self, api_key: str) -> Bucket:
        return self.bucket("integration_key", hashlib.sha256(api_key.encode()).hexdigest()[:32])

    async def take(self, clock: Clock, buckets: list[Bucket], cost: int) -> Throttle:
        return await self.store.take(buckets, max(cost, MIN_CHARGE), clock.now().timestamp())

    async def aclose(self) -> None:
        await self.store.aclose()


def retry_after_header(throttle: Throttle) -> str:
    return str(max(1, math.ceil(throttle.retry_after)))


def throttle_status(throttle: Throttle) -> dict[str, Any]:
    """Shopify's `throttleStatus`, in this request's extensions.cost."""
    return {
        "maximumAvailable": throttle.capacity,
        "currentlyAvailable": int(throttle.available),
        "restoreRate": throttle.restore_rate,
    }


def rate_limited_message(throttle: Throttle) -> str:
    return (
        f"Rate limited: this request needs more than the {int(throttle.available)} cost units left "
        f"(budget {throttle.capacity}, restored at {throttle.restore_rate:g} a second); retry in "
        f"{retry_after_header(throttle)} s"
    )
