"""Session tokens verified a moment ago, per process: a busy client's requests skip the session lookup.

The GraphQL view keeps the principal read for a token for `principal_cache_seconds` (settings; 0 turns the cache
off) and only while this process listens to `channels.sessions_ended()` (server/schema/session_sockets.py): an
ended session leaves the cache at once in the process that ended it (services/sessions.py) and, through that
event, in every other one. Should the event be lost (Redis pub/sub delivers at most once), another process still
accepts the token for at most those seconds. A session past its expiry is never answered from here, and a lookup
that started before a session ended never puts its answer back (the generation check in `put`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from datetime import datetime, timedelta

from server.auth.principal import Principal

MAX_TOKENS = 10_000


class PrincipalCache:
    def __init__(self, seconds: float, size: int = MAX_TOKENS) -> None:
        self.ttl = timedelta(seconds=seconds)
        self.enabled = seconds > 0
        self.size = size
        self._entries: OrderedDict[str, tuple[Principal, datetime]] = OrderedDict()
        self.generation = 0
        """Moves on every drop: a lookup that began in an older generation does not put its answer back."""

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, token_hash: str, now: datetime) -> Principal | None:
        entry = self._entries.get(token_hash)
        if entry is None:
            return None
        principal, fresh_until = entry
        if now >= fresh_until or principal.expires_at is None or now >= principal.expires_at:
            del self._entries[token_hash]
            return None
        return principal

    def put(self, token_hash: str, principal: Principal, now: datetime, generation: int) -> None:
        if not self.enabled or generation != self.generation:
            return
        self._entries[token_hash] = (principal, now + self.ttl)
        self._entries.move_to_end(token_hash)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def drop_sessions(self, session_ids: Iterable[int]) -> None:
        ended = set(session_ids)
        self.generation += 1
        for key in [k for k, (principal, _) in self._entries.items() if principal.session_id in ended]:
            del self._entries[key]

    def clear(self) -> None:
        self.generation += 1
        self._entries.clear()
