"""The webhook event types: one declaration each. Adding an event type is adding a WebhookEvent to EVENTS.

An event type is raised by the thin live events a service publishes after commit (server/events/channels.py):
`channels` lists the (entity, event) channel shapes whose primary key is the organisation the event concerns,
so `("org", "samples")` means "org:<organisation id>:samples". The outbox (server/webhooks/outbox.py) turns each
such event into one message per endpoint of that organisation that asked for the type, in the same transaction.

What the receiver gets is decided by the policy table, as for the API: at the first attempt the subject is read
through GraphQL *as the receiving organisation* with `selection`, so a field that organisation may not see is
null (a seller never receives creator identity).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    name: str  # "registration.status_changed"
    description: str
    subject_type: str  # the GraphQL type read for the payload
    subject_key: str  # the thin event's key holding the subject's primary key
    selection: str  # GraphQL selection on the subject
    channels: tuple[tuple[str, str], ...]  # (entity, event) of channels "<entity>:<organisation id>:<event>"
    when: Callable[[dict[str, Any]], bool] = field(default=lambda event: True)
    change_keys: tuple[str, ...] = ()  # thin event keys copied into data.change (e.g. from/to statuses)


_LINE = """id status platformOrderId platformLineId currency quantity refundedQuantity paidAmount { amount currency }
refundedAmount { amount currency } commissionBase { amount currency } totalRateBps creatorRateBps agencyRateBps
sellerCommission { estimated { amount currency } actual { amount currency } }
creatorCommission { estimated { amount currency } actual { amount currency } }
agencyCommission { estimated { amount currency } actual { amount currency } }
paidAt settledAt updatedAt campaignName agencyName creatorName creator { id handle displayName }
product { id title } shop { id name }"""


def _commission(change: str) -> Callable[[dict[str, Any]], bool]:
    """The line event says what its unit did to the commission (server/services/orders/line_events.py)."""
    return lambda event: change in event.get("commission", ())


_COMMISSION_CHANNELS = (("org", "commissions"), ("shop", "order-lines"))

EVENTS: tuple[WebhookEvent, ...] = (
    WebhookEvent(
        "registration.status_changed",
        "A product registration was created or changed status.",
        "Registration",
        "id",
        "id status totalRateBps sampleQuota rejectReason rejectNote registeredAt decidedAt closedAt "
        "campaign { id name } product { id title } shop { id name }",
        (("agency", "registrations"), ("shop", "registrations")),
        change_keys=("from", "to"),
    ),
    WebhookEvent(
        "commission.estimated",
        "An attributed order line was paid: its commission is estimated.",
        "OrderLine",
        "orderLineId",
        _LINE,
        _COMMISSION_CHANNELS,
        _commission("ESTIMATED"),
        ("status",),
    ),
    WebhookEvent(
        "commission.adjusted",
        "A paid order line's commission changed: refunded (in part or in full), cancelled, frozen or released, "
        "or adjusted by a dispute.",
        "OrderLine",
        "orderLineId",
        _LINE,
        _COMMISSION_CHANNELS,
        _commission("ADJUSTED"),
        ("status", "adjustments"),
    ),
    WebhookEvent(
        "commission.settled",
        "An order line settled: its commission is final.",
        "OrderLine",
        "orderLineId",
        _LINE,
        _COMMISSION_CHANNELS,
        _commission("SETTLED"),
        ("status",),
    ),
    WebhookEvent(
        "commission.paid",
        "A payment bill was paid out to the organisation's bank account.",
        "Notification",
        "id",
        "id kind title body subjectId createdAt",
        (("org", "notifications"),),
        lambda event: event.get("kind") == "PAYOUT_SENT",
    ),
    WebhookEvent(
        "sample.status_changed",
        "A sample request was made or changed status.",
        "SampleRequest",
        "id",
        "id status requestedAt reviewedAt rejectReason carrier trackingNumber shippedAt deliveredAt contentDueAt",
        (("org", "samples"),),
        change_keys=("status",),
    ),
    WebhookEvent(
        "campaign.changed",
        "A campaign was created, edited, published or unpublished, or a pending edit applied.",
        "Campaign",
        "id",
        "id name status published market campaignStart campaignEnd registrationEnd updatedAt",
        (("agency", "campaign-changes"),),
        change_keys=("action",),
    ),
    WebhookEvent(
        "webhook.test",
        "Sent by the test button: checks that the endpoint receives and verifies messages.",
        "Organisation",
        "id",
        "",
        (),
    ),
)

BY_NAME = {event.name: event for event in EVENTS}
SUBSCRIBABLE = tuple(event.name for event in EVENTS)
# (entity, channel event) -> the event types such a channel raises
BY_CHANNEL: dict[tuple[str, str], tuple[WebhookEvent, ...]] = {}
for _event in EVENTS:
    for _shape in _event.channels:
        BY_CHANNEL[_shape] = (*BY_CHANNEL.get(_shape, ()), _event)
CHANNEL_EVENTS = frozenset(name for _, name in BY_CHANNEL)
