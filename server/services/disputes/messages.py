"""A dispute message's limits: text and a few http(s) links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from server.services.errors import DomainError, DomainErrors

BODY_MAX = 2000  # characters of one message
LINKS_MAX = 5  # links on one message
LINK_MAX = 500  # characters of one link
ORDER_NUMBER_MAX = 64
NOTE_MAX = 1000


@dataclass(frozen=True, slots=True)
class Message:
    body: str
    links: tuple[str, ...]


def check_message(body: str | None, links: list[str] | None, field: list[str]) -> Message:
    """Text (1..BODY_MAX characters) and at most LINKS_MAX http(s) links; every problem reported together."""
    errors: list[DomainError] = []
    text = (body or "").strip()
    if not text:
        errors.append(DomainError("REQUIRED", "Write a message", [*field, "body"]))
    elif len(text) > BODY_MAX:
        errors.append(
            DomainError("TOO_LONG", f"Use at most {BODY_MAX} characters (got {len(text)})", [*field, "body"])
        )
    clean: list[str] = []
    given = links or []
    if len(given) > LINKS_MAX:
        errors.append(
            DomainError("TOO_MANY", f"Add at most {LINKS_MAX} links (got {len(given)})", [*field, "links"])
        )
    for i, link in enumerate(given[:LINKS_MAX]):
        link = link.strip()
        parts = urlsplit(link)
        if len(link) > LINK_MAX:
            errors.append(DomainError("TOO_LONG", f"Use at most {LINK_MAX} characters", [*field, "links", i]))
        elif parts.scheme not in ("http", "https") or not parts.netloc:
            errors.append(DomainError("INVALID_FORMAT", "Enter an http(s) link", [*field, "links", i]))
        else:
            clean.append(link)
    if errors:
        raise DomainErrors(errors)
    return Message(text, tuple(clean))
