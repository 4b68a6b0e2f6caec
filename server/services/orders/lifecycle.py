"""An order line's lifecycle: its status from its facts, and what each event does to it — apply, hold or refuse.

A line records facts (paid_at, shipped_at, delivered_at, settled_at, frozen_at, cancelled_at, refunds); its
status is derived from them, so out-of-order events and freezes compose:
CANCELLED > REFUNDED (fully) > SETTLED > FROZEN > DELIVERED > SHIPPED > PAID > PLACED.

`plan` is pure: for an event and the order's lines it returns the changes, a Hold (the event cannot apply
yet: it waits for the payment or the freeze it follows), or raises a DomainError (it can never apply).
An event names lines with line_ids / lines; without them it is for every line still in flight (lines that
were cancelled or fully refunded are left out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from server import models
from server.models.enums import OrderLineStatus
from server.money import decimal_string_to_minor, minor_to_decimal_string
from server.services.errors import DomainError
from server.services.orders import payloads as p
from server.services.orders.commission import fully_refunded, gross_minor, remaining_base

WAITING_FOR_ORDER = "WAITING_FOR_ORDER"
WAITING_FOR_PAYMENT = "WAITING_FOR_PAYMENT"
WAITING_FOR_FREEZE = "WAITING_FOR_FREEZE"


@dataclass(frozen=True, slots=True)
class Hold:
    reason: str


@dataclass(slots=True)
class LineChange:
    line: models.OrderLine
    values: dict[str, Any] = field(default_factory=dict[str, Any])
    note: str = ""  # what happened, for the ledger posting's reason


def derive_status(line: models.OrderLine) -> OrderLineStatus:
    if line.cancelled_at is not None:
        return OrderLineStatus.CANCELLED
    if fully_refunded(line):
        return OrderLineStatus.REFUNDED
    if line.settled_at is not None:
        return OrderLineStatus.SETTLED
    if line.frozen_at is not None:
        return OrderLineStatus.FROZEN
    if line.delivered_at is not None:
        return OrderLineStatus.DELIVERED
    if line.shipped_at is not None:
        return OrderLineStatus.SHIPPED
    if line.paid_at is not None:
        return OrderLineStatus.PAID
    return OrderLineStatus.PLACED


def _terminal(line: models.OrderLine, path: list[str | int] | None = None) -> DomainError | None:
    """Why no event can apply to the line any more (cancelled, fully refunded), or None."""
    if line.cancelled_at is not None:
        return DomainError("LINE_CANCELLED", f"Line {line.platform_line_id} was cancelled", path)
    if fully_refunded(line):
        return DomainError("LINE_REFUNDED", f"Line {line.platform_line_id} was fully refunded", path)
    return None


def _targets(
    names: Sequence[str] | None,
    lines: Sequence[models.OrderLine],
    prefix: list[str | int],
    list_field: str,
    *,
    terminal_code: str | None = None,
) -> list[tuple[models.OrderLine, list[str | int]]]:
    """(line, field path to blame) for the named lines, or every line in flight when none are named."""
    by_id = {line.platform_line_id: line for line in lines}
    if names is not None:
        picked: list[tuple[models.OrderLine, list[str | int]]] = []
        for i, name in enumerate(names):
            path = (
                [*prefix, list_field, i] if list_field == "line_ids" else [*prefix, list_field, i, "line_id"]
            )
            line = by_id.get(name)
            if line is None:
                raise DomainError("UNKNOWN_LINE", f"The order has no line {name!r}", path)
            picked.append((line, path))
        return picked
    in_flight = [(line, [*prefix, "order_id"]) for line in lines if _terminal(line) is None]
    if not in_flight:
        first = _terminal(lines[0])
        assert first is not None
        code = terminal_code if terminal_code and first.code == "LINE_CANCELLED" else first.code
        raise DomainError(
            code, "Every line of the order is already cancelled or refunded", [*prefix, "order_id"]
        )
    return in_flight


def plan(
    event: p.Event,
    order: models.Order,
    lines: Sequence[models.OrderLine],
    *,
    settlement_window: timedelta,
    field_prefix: list[str | int] | None = None,
) -> list[LineChange] | Hold:
    prefix = list(field_prefix or [])
    at = event.occurred_at
    hold: Hold | None = None
    changes: list[LineChange] = []
    if isinstance(event, p.OrderRefunded):
        return _plan_refund(event, order, lines, prefix)

    names = getattr(event, "line_ids", None)
    terminal_code = "ALREADY_CANCELLED" if isinstance(event, p.OrderCancelled) else None
    for line, path in _targets(names, lines, prefix, "line_ids", terminal_code=terminal_code):
        ref = line.platform_line_id
        gone = _terminal(line, path)
        if isinstance(event, p.OrderCancelled):
            if line.cancelled_at is not None:
                raise DomainError("ALREADY_CANCELLED", f"Line {ref} is already cancelled", path)
            if gone:
                raise gone
            if line.delivered_at is not None:
                raise DomainError(
                    "NOT_CANCELLABLE", f"Line {ref} was delivered: send order.refunded instead", path
                )
            changes.append(LineChange(line, {"cancelled_at": at}, "Order cancelled: commission reversed"))
            continue
        if gone:
            raise gone
        if isinstance(event, p.OrderPaid):
            if line.paid_at is not None:
                raise DomainError("ALREADY_PAID", f"Line {ref} is already paid", path)
            changes.append(LineChange(line, {"paid_at": at}, "Estimated at payment"))
        elif isinstance(event, p.OrderShipped):
            if line.shipped_at is not None:
                raise DomainError("ALREADY_SHIPPED", f"Line {ref} is already shipped", path)
            if line.paid_at is None:
                hold = Hold(WAITING_FOR_PAYMENT)
            changes.append(LineChange(line, {"shipped_at": at}, "Shipped"))
        elif isinstance(event, p.OrderDelivered):
            if line.delivered_at is not None:
                raise DomainError("ALREADY_DELIVERED", f"Line {ref} is already delivered", path)
            if line.paid_at is None:
                hold = Hold(WAITING_FOR_PAYMENT)
            changes.append(
                LineChange(line, {"delivered_at": at, "settle_after": at + settlement_window}, "Delivered")
            )
        elif isinstance(event, p.OrderFrozen):
            if line.settled_at is not None:
                raise DomainError("LINE_SETTLED", f"Line {ref} is already settled", path)
            if line.frozen_at is not None:
                raise DomainError("ALREADY_FROZEN", f"Line {ref} is already frozen", path)
            changes.append(LineChange(line, {"frozen_at": at}, "Frozen: settlement waits"))
        elif isinstance(event, p.OrderUnfrozen):
            if line.frozen_at is None:
                hold = Hold(WAITING_FOR_FREEZE)
            elif line.frozen_at > at:
                raise DomainError("STALE_EVENT", f"Line {ref} was frozen again after this release", path)
            changes.append(LineChange(line, {"frozen_at": None}, "Released from the freeze"))
        else:  # pragma: no cover - order.created never reaches plan
            raise AssertionError(event.type)
    return hold or changes


def _plan_refund(
    event: p.OrderRefunded, order: models.Order, lines: Sequence[models.OrderLine], prefix: list[str | int]
) -> list[LineChange] | Hold:
    at = event.occurred_at
    hold: Hold | None = None
    changes: list[LineChange] = []
    # (line, path of the line, path of the measure, units, money); whole-order refunds blame order_id
    wanted: list[tuple[models.OrderLine, list[str | int], list[str | int], int | None, int | None]] = []
    if event.lines is None:
        for line, path in _targets(None, lines, prefix, "lines"):
            wanted.append((line, path, path, line.quantity - line.refunded_quantity, remaining_base(line)))
    else:
        targets = _targets([spec.line_id for spec in event.lines], lines, prefix, "lines")
        for (line, path), spec in zip(targets, event.lines, strict=True):
            i = path[-2]
            if spec.amount is None:
                wanted.append((line, path, [*prefix, "lines", i, "quantity"], spec.quantity, None))
                continue
            amount_path: list[str | int] = [*prefix, "lines", i, "amount"]
            if spec.currency is not order.currency:
                raise DomainError(
                    "CURRENCY_MISMATCH",
                    f"This order is in {order.currency}",
                    [*prefix, "lines", i, "currency"],
                )
            try:
                amount = decimal_string_to_minor(spec.amount, order.currency)
            except ValueError as exc:
                raise DomainError("INVALID_AMOUNT", str(exc), amount_path) from None
            wanted.append((line, path, amount_path, None, amount))
    for line, path, measure_path, quantity, amount in wanted:
        ref = line.platform_line_id
        gone = _terminal(line, path)
        if gone:
            raise gone
        if line.settled_at is not None:
            raise DomainError("LINE_SETTLED", f"Line {ref} is settled: its commission is final", path)
        if amount is None:
            assert quantity is not None
            if line.refunded_quantity + quantity > line.quantity:
                raise DomainError(
                    "REFUND_EXCEEDS_PAID",
                    f"Line {ref}: {quantity} units refunded, {line.quantity - line.refunded_quantity} left",
                    measure_path,
                )
            amount = quantity * line.unit_price_minor
        quantity = quantity or 0
        if amount > remaining_base(line):
            left = minor_to_decimal_string(remaining_base(line), line.currency)
            raise DomainError(
                "REFUND_EXCEEDS_PAID",
                f"Line {ref}: the refund is more than the {left} {line.currency} left",
                measure_path,
            )
        if line.paid_at is None:
            hold = Hold(WAITING_FOR_PAYMENT)
        refunded = line.refunded_amount_minor + amount
        note = (
            f"Refund of {minor_to_decimal_string(amount, line.currency)} {line.currency}: recomputed on "
            f"{minor_to_decimal_string(gross_minor(line) - refunded, line.currency)} {line.currency}"
        )
        changes.append(
            LineChange(
                line,
                {
                    "refunded_quantity": line.refunded_quantity + quantity,
                    "refunded_amount_minor": refunded,
                    "refunded_at": at,
                },
                note,
            )
        )
    return hold or changes
