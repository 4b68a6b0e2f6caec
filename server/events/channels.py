"""Channel names for the live-event broker: ``<entity>:<pk>:<event>``.

Build every channel name through these helpers so that a publisher (a service, after commit) and a
subscriber (a GraphQL subscription) can never disagree on the spelling.
"""

from __future__ import annotations

__all__ = [
    "campaign_numbers",
    "campaigns_of_agency",
    "campaigns_of_market",
    "channel",
    "commissions_of_org",
    "disputes_of_org",
    "notifications",
    "order_lines_of_shop",
    "registrations_of_agency",
    "registrations_of_campaign",
    "registrations_of_shop",
    "samples_of_org",
    "sessions_ended",
    "showcase_of_creator",
]


def channel(entity: str, pk: int, event: str) -> str:
    """``<entity>:<pk>:<event>``; the primary key must be an integer (never a bool or a free string)."""
    if isinstance(pk, bool) or not isinstance(pk, int):
        raise TypeError(f"channel primary key must be an int, got {type(pk).__name__}")
    for part in (entity, event):
        if not part or ":" in part:
            raise ValueError(f"invalid channel part {part!r}")
    return f"{entity}:{pk}:{event}"


def notifications(organisation_id: int) -> str:
    """New notifications for one organisation."""
    return channel("org", organisation_id, "notifications")


def commissions_of_org(org_id: int) -> str:
    """Commission (ledger) changes that concern one organisation."""
    return channel("org", org_id, "commissions")


def disputes_of_org(org_id: int) -> str:
    """Disputes one organisation is a party to were opened or changed (a message, an answer, a decision)."""
    return channel("org", org_id, "disputes")


def registrations_of_campaign(campaign_id: int) -> str:
    """Registrations to one campaign were created or changed status."""
    return channel("campaign", campaign_id, "registrations")


def registrations_of_agency(agency_id: int) -> str:
    """Registrations to any campaign of one agency were created or changed status."""
    return channel("agency", agency_id, "registrations")


def campaigns_of_agency(agency_id: int) -> str:
    """A campaign of one agency changed (edited, published, closed, archived…)."""
    return channel("agency", agency_id, "campaigns")


def campaigns_of_market(market: str) -> str:
    """A campaign of one market changed in a way its sellers may see (published, edited, closed…)."""
    if not (len(market) == 2 and market.isalpha() and market.isupper()):
        raise ValueError(f"invalid market {market!r}")
    return f"market:{market}:campaigns"


def campaign_numbers(campaign_id: int) -> str:
    """A campaign's live numbers (orders, revenue, commission) changed."""
    return channel("campaign", campaign_id, "numbers")


def order_lines_of_shop(shop_id: int) -> str:
    """Order lines of one shop were created or changed (status, refunds): product level, no creator."""
    return channel("shop", shop_id, "order-lines")


def registrations_of_shop(shop_id: int) -> str:
    """Registrations to any campaign of one shop were created or changed status."""
    return channel("shop", shop_id, "registrations")


def showcase_of_creator(creator_id: int) -> str:
    """A creator's showcase (the products they promote) changed."""
    return channel("creator", creator_id, "showcase")


def samples_of_org(org_id: int) -> str:
    """Sample requests that concern one organisation (the creator, the campaign's agency, the product's shop)
    changed; each subscriber re-reads the request through its own row scope."""
    return channel("org", org_id, "samples")


def sessions_ended() -> str:
    """Login sessions ended (logout, expiry, revocation): every process closes those sessions' websockets."""
    return channel("sessions", 0, "ended")
