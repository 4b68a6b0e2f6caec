"""Leaky buckets of cost (Shopify's model): each has a capacity and refills at a restore rate per second.

A request takes its cost from every bucket that applies to it at once (all or nothing). Time comes from the
caller (the runtime's injectable clock), so tests move it by hand. Two stores with one interface:
- MemoryBuckets: one process (the embedded default);
- RedisBuckets: one Lua script, atomic in Redis, shared by every worker and process using the same prefix.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.commands.core import AsyncScript

log = logging.getLogger("matchup.limits")


@dataclass(frozen=True, slots=True)
class Bucket:
    key: str  # e.g. "user:12", "addr:203.0.113.9", "key:<digest>"
    capacity: int
    restore_rate: float  # cost units per second


@dataclass(frozen=True, slots=True)
class Throttle:
    allowed: bool
    retry_after: float  # seconds until the request would fit (0 when allowed)
    available: float  # what is left in the tightest bucket after this request
    capacity: int  # of the tightest bucket
    restore_rate: float


def _outcome(buckets: list[Bucket], levels: list[float], cost: int) -> tuple[bool, float]:
    wait = 0.0
    for bucket, level in zip(buckets, levels, strict=True):
        need = min(cost, bucket.capacity)
        if level < need:
            wait = max(wait, (need - level) / bucket.restore_rate)
    return wait == 0.0, wait


def _throttle(buckets: list[Bucket], levels: list[float], allowed: bool, wait: float) -> Throttle:
    # Report the bucket with the least room relative to its size (the one the client should pace itself by).
    i = min(range(len(buckets)), key=lambda n: levels[n] / buckets[n].capacity)
    return Throttle(allowed, wait, max(levels[i], 0.0), buckets[i].capacity, buckets[i].restore_rate)


class MemoryBuckets:
    MAX_KEYS = 100_000

    def __init__(self) -> None:
        self._state: dict[str, tuple[float, float]] = {}  # key -> (level, at)

    def _level(self, bucket: Bucket, now: float) -> float:
        level, at = self._state.get(bucket.key, (float(bucket.capacity), now))
        return min(float(bucket.capacity), level + max(now - at, 0.0) * bucket.restore_rate)

    async def take(self, buckets: list[Bucket], cost: int, now: float) -> Throttle:
        # No await between reading and writing: atomic within the event loop.
        levels = [self._level(b, now) for b in buckets]
        allowed, wait = _outcome(buckets, levels, cost)
        if allowed:
            levels = [level - min(cost, b.capacity) for b, level in zip(buckets, levels, strict=True)]
        for bucket, level in zip(buckets, levels, strict=True):
            self._state[bucket.key] = (level, now)
        if len(self._state) > self.MAX_KEYS:
            self._state.clear()  # a flood of distinct keys: forget (everyone starts full again)
        return _throttle(buckets, levels, allowed, wait)

    async def aclose(self) -> None:
        return None


# KEYS: the buckets; ARGV: now, cost, then capacity and restore rate per bucket.
# Returns {allowed (1/0), wait, level per bucket} (numbers as strings: Lua numbers become integers in replies).
TAKE = """
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local levels = {}
local at = {}
local wait = 0
for i, key in ipairs(KEYS) do
  local cap = tonumber(ARGV[1 + 2 * i])
  local rate = tonumber(ARGV[2 + 2 * i])
  local state = redis.call('HMGET', key, 'level', 'at')
  local level = tonumber(state[1])
  local t = tonumber(state[2])
  if level == nil or t == nil then level = cap; t = now end
  if now > t then level = math.min(cap, level + (now - t) * rate) end
  levels[i] = level
  at[i] = math.max(t, now)
  local need = math.min(cost, cap)
  if level < need then wait = math.max(wait, (need - level) / rate) end
end
local out = {wait == 0 and 1 or 0, tostring(wait)}
for i, key in ipairs(KEYS) do
  local cap = tonumber(ARGV[1 + 2 * i])
  local rate = tonumber(ARGV[2 + 2 * i])
  local level = levels[i]
  if wait == 0 then level = level - math.min(cost, cap) end
  redis.call('HSET', key, 'level', tostring(level), 'at', tostring(at[i]))
  redis.call('PEXPIRE', key, math.ceil((cap - level) / rate * 1000) + 1000)
  table.insert(out, tostring(level))
end
return out
"""


class RedisBuckets:
    """Fails open: while Redis cannot be reached, requests are let through (and logged), not refused."""

    MAX_CONNECTIONS = 32  # per process; more concurrent requests wait for one (up to 2 s)

    def __init__(self, url: str, prefix: str) -> None:
        self.url = url
        self._warned_at = float("-inf")
        self.prefix = prefix
        self._client: Redis | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._script: AsyncScript | None = None

    def _redis(self) -> AsyncScript:
        import redis.asyncio as aioredis

        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:  # clients are bound to the loop they were made in
            pool = aioredis.BlockingConnectionPool.from_url(
                self.url,
                max_connections=self.MAX_CONNECTIONS,
                timeout=2,
                socket_connect_timeout=2,
                socket_timeout=2,
            )
            self._client = aioredis.Redis.from_pool(pool)  # owns the pool: aclose() closes its connections
            self._loop = loop
            self._script = self._client.register_script(TAKE)
        assert self._script is not None  # registered with the client
        return self._script

    async def take(self, buckets: list[Bucket], cost: int, now: float) -> Throttle:
        from redis.exceptions import RedisError

        args: list[str | int] = [repr(now), cost]
        for bucket in buckets:
            args += [bucket.capacity, repr(float(bucket.restore_rate))]
        try:
            reply = await self._redis()(keys=[self.prefix + b.key for b in buckets], args=args)
        except (RedisError, OSError) as error:
            if now - self._warned_at > 60:  # once a minute, not once a request
                self._warned_at = now
                log.warning("rate limits: Redis unavailable, requests let through (%s)", error)
            return Throttle(
                True, 0.0, float(buckets[0].capacity), buckets[0].capacity, buckets[0].restore_rate
            )
        allowed, wait, *levels = reply
        return _throttle(buckets, [float(level) for level in levels], bool(int(allowed)), float(wait))

    async def aclose(self) -> None:
        if self._client is not None and self._loop is asyncio.get_running_loop():
            await self._client.aclose()
        self._client = None
