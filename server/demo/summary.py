"""What loading the demo world reports: counts, the logins to try and the integration keys, as printed by `demo`."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.demo.data import DEMO_PASSWORD
from server.models.enums import (
    Role,
)


@dataclass(frozen=True, slots=True)
class DemoCounts:
    agencies: int
    shops: int
    shop_markets: tuple[str, ...]
    products: int
    skus: int
    creators: int
    creator_markets: tuple[str, ...]
    users: int
    integration_keys: int


@dataclass(frozen=True, slots=True)
class DemoLogin:
    email: str
    role: Role
    organisation: str
    primary: bool  # one of the logins to show first (operator, agency, agency2, seller, seller2, creator, creator2)


@dataclass(frozen=True, slots=True)
class DemoApiKey:
    organisation: str
    name: str
    api_key: str  # "<key_id>.<secret>": shown once, never stored


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo world holds. Equal across loads of the same world: `api_keys` (the plaintext keys, only
    when this load created them, else None) and `steps_run` describe one call and are left out of `==`."""

    counts: DemoCounts
    logins: tuple[DemoLogin, ...]
    password: str = DEMO_PASSWORD
    api_keys: tuple[DemoApiKey, ...] | None = field(default=None, compare=False)
    steps_run: tuple[str, ...] = field(default=(), compare=False)


def describe(summary: DemoSummary) -> str:
    """A few lines for a terminal: counts, the primary logins and, on the first load, the API keys."""
    c = summary.counts
    lines = [
        f"Demo world: {c.agencies} agencies, {c.shops} shops ({', '.join(c.shop_markets)}), {c.products} products "
        f"({c.skus} SKUs), {c.creators} creators, {c.users} users"
        + (f"; loaded steps: {', '.join(summary.steps_run)}" if summary.steps_run else "; already loaded"),
        f"Logins (password {summary.password}):",
        *(f"  {x.role.value.lower():<8} {x.email:<24} {x.organisation}" for x in summary.logins if x.primary),
    ]
    if summary.api_keys:
        lines.append("Integration API keys (shown once):")
        lines.extend(f"  {k.organisation}: {k.api_key}" for k in summary.api_keys)
    return "\n".join(lines)
