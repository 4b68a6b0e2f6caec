"""Where a webhook may be sent. Unless private addresses are allowed (settings.webhook_private_urls_allowed: dev
and test), an endpoint's host is resolved and refused when any of its addresses is not a public one — loopback,
private, link-local, multicast, reserved, unspecified, shared (carrier-grade NAT) — whatever form the URL gives it
in (a name, `127.1`, `2130706433`, `[::ffff:10.0.0.1]`).

It is checked at registration (server/services/webhooks.py, a field error) and again at every delivery, because a
name may resolve elsewhere later (DNS rebinding). A delivery then connects to an address it just checked, not to
the name again: the request goes to that address with the endpoint's own Host header and TLS server name (so the
certificate is still verified against the name).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from server.services.errors import DomainError

RESOLVE_TIMEOUT_SECONDS = 5.0

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


FIELD: list[str | int] = ["input", "url"]


def not_public(address: Address) -> str | None:
    """What kind of non-public address `address` is ("a loopback"), or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return not_public(address.ipv4_mapped)
    for kind, flag in (
        ("a loopback", address.is_loopback),
        ("an unspecified", address.is_unspecified),
        ("a link-local", address.is_link_local),
        ("a multicast", address.is_multicast),
        ("a private", address.is_private),
        ("a reserved", address.is_reserved),
    ):
        if flag:
            return kind
    return None if address.is_global else "a non-global"


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def resolve(host: str, port: int) -> list[Address]:
    """The host's addresses, in the resolver's order of preference (an IP literal is itself)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(
            loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), RESOLVE_TIMEOUT_SECONDS
        )
    except (OSError, TimeoutError, UnicodeError) as exc:
        why = "no answer in time" if isinstance(exc, TimeoutError) else str(exc) or type(exc).__name__
        raise DomainError(
            "UNRESOLVABLE_HOST", f"{host} does not resolve ({why}): check the host name", FIELD
        ) from None
    return list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))


@dataclass(frozen=True, slots=True)
class Target:
    """One address to send a delivery to: the URL with its host replaced by the address, and what keeps the
    request the endpoint's (its Host header, its TLS server name)."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)


def _port(parts: Any) -> int:
    return parts.port or (443 if parts.scheme == "https" else 80)


async def check_public(url: str) -> list[Address]:
    """The URL host's addresses, all public; else a DomainError (PRIVATE_URL, UNRESOLVABLE_HOST)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    addresses = await resolve(host, _port(parts))
    literal = _literal(host)
    for address in addresses:
        kind = not_public(address)
        if kind is not None:
            shown = host if literal is not None else f"{host} resolves to {address}, which"
            raise DomainError(
                "PRIVATE_URL", f"{shown} is {kind} address: webhooks go to public addresses only", FIELD
            )
    return addresses


async def targets(url: str, *, private_allowed: bool) -> list[Target]:
    """Where to send a delivery to `url`, each address in turn until one connects; checked first unless private
    addresses are allowed. Raises a DomainError."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    addresses = await resolve(host, _port(parts)) if private_allowed else await check_public(url)
    if _literal(host) is not None:  # the URL names the address already
        return [Target(url)]
    netloc_host = parts.netloc.rpartition("@")[2]
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    out = []
    for address in addresses:
        shown = f"[{address}]" if address.version == 6 else str(address)
        netloc = f"{shown}:{parts.port}" if parts.port else shown
        out.append(Target(urlunsplit(parts._replace(netloc=netloc)), {"host": netloc_host}, extensions))
    return out
