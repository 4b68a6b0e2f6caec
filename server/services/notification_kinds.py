"""Every notification kind and the names of the values (`params`) its English title and body show.

The web app writes each kind's message in the reader's language from these values (its catalogues'
`notification.<KIND>.title` / `.body`; tests/api/creator/test_notification_params.py holds the kinds
written, the kinds listed here and the kinds with messages equal), and falls back to the stored English text
for a kind it does not know. A value is one the English text shows
to this recipient and nothing more: names and titles as text, counts, instants as ISO strings, rates in basis
points, money as {"amountMinor": int, "currency": "THB"}, and an enum value where the text picks a wording.
`to` tells which recipient's wording a kind sent to two parties uses ("creator" or "agency").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from server.models.enums import ShipmentStatus

_REGISTRATION = frozenset({"count", "product", "campaign"})
_DISPUTE = frozenset({"disputeType", "product", "status", "dueAt"})
_RATE = frozenset({"product", "campaign", "agency", "rateBps", "newRateBps", "effectiveAt"})
_SHOWCASE_LIST = frozenset({"count", "products", "more"})

KIND_PARAMS: Mapping[str, frozenset[str]] = {
    "SAMPLE_REQUESTED": frozenset({"creator", "product"}),
    "SAMPLE_APPROVED": frozenset({"product"}),
    "SAMPLE_TO_SHIP": frozenset({"product"}),
    "SAMPLE_REJECTED": frozenset({"product", "reason"}),
    "SAMPLE_OVERDUE": frozenset({"to", "creator", "product"}),
    "SAMPLE_EXTENDED": frozenset({"creator", "product", "dueAt"}),
    **{f"SAMPLE_{s.value}": frozenset({"to", "product"}) for s in ShipmentStatus},
    "SAMPLE_SHIPPED": frozenset({"to", "product", "carrier", "trackingNumber"}),
    "CONTENT_POSTED": frozenset({"creator", "contentKind", "product", "url"}),
    "SHOWCASE_ADDED": _SHOWCASE_LIST | {"creator", "list", "campaign"},
    "SHOWCASE_REMOVED": _SHOWCASE_LIST | {"creator"},
    "SHOWCASE_ENDED": _SHOWCASE_LIST,
    "SHOWCASE_RATE_INCREASED": _RATE - {"effectiveAt"},
    "SHOWCASE_RATE_DECREASE_SCHEDULED": _RATE,
    "SHOWCASE_RATE_DECREASE_CANCELLED": _RATE - {"newRateBps", "effectiveAt"},
    "SHOWCASE_RATE_DECREASE_REMINDER": _RATE,
    "PAYOUT_FAILED": frozenset({"amount", "failure"}),
    "PAYOUT_SENT": frozenset({"amount", "period", "account"}),
    "BANK_ACCOUNT_LINKED": frozenset({"account", "previous"}),
    "BANK_ACCOUNT_UNLINKED": frozenset({"account"}),
    "BILL_ISSUED": frozenset({"period", "amount", "bankAccount"}),
    "TAX_INFO_SUBMITTED": frozenset({"legalName", "market"}),
    "TAX_INFO_APPROVED": frozenset(),
    "TAX_INFO_REJECTED": frozenset({"reason"}),
    **{
        kind: _DISPUTE
        for kind in (
            "DISPUTE_OPENED",
            "DISPUTE_MESSAGE",
            "DISPUTE_ANSWERED",
            "DISPUTE_RESOLVED",
            "DISPUTE_REJECTED",
            "DISPUTE_EXPIRED",
        )
    },
    "SECURITY_INTEGRATION_KEY_CREATED": frozenset({"name", "keyId"}),
    "SECURITY_INTEGRATION_KEY_REVOKED": frozenset({"name", "keyId", "byMatchup"}),
    "REGISTRATION_TERMS_CHANGED": frozenset({"campaign", "fields"}),
    "REGISTRATION_SAMPLE_QUOTA_INCREASED": frozenset({"oldQuota", "newQuota", "campaign"}),
    **{
        f"REGISTRATION_{name}": _REGISTRATION
        for name in (
            "CREATED",
            "APPROVED",
            "REJECTED",
            "REJECT_FOREVER",
            "WITHDRAWN",
            "PENDING_CLOSED",
            "CANCELLATION_DECLINED",
            "CLOSED",
            "PENDING",
        )
    },
    "CAMPAIGN_CHANGE_APPLIED": frozenset({"campaign", "fields"}),
    "WEBHOOK_ENDPOINT_DISABLED": frozenset({"url", "reason"}),
}


def check_params(kind: str, params: Mapping[str, Any]) -> None:
    """A value the kind does not name is a programming error: it could reach a reader the English text never
    showed it to, and the web app would not use it. A kind outside the list (the web app shows its English)
    takes no values."""
    allowed = KIND_PARAMS.get(kind)
    if params and allowed is None:
        raise ValueError(f"Unknown notification kind {kind}: add it to KIND_PARAMS and the web catalogues")
    extra = set(params) - (allowed or frozenset())
    if extra:
        raise ValueError(f"Notification {kind} does not show {sorted(extra)}")


def money(amount_minor: int, currency: str) -> dict[str, Any]:
    return {"amountMinor": amount_minor, "currency": currency}


def shown_titles(titles: list[str], limit: int = 3) -> dict[str, Any]:
    """The titles as `titles_text` shows them: the first `limit`, and how many more."""
    return {"count": len(titles), "products": ", ".join(titles[:limit]), "more": max(0, len(titles) - limit)}
