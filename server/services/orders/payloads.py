"""The order events an integration pushes (docs/integrations-orders.md), as pydantic models.

Field names are snake_case JSON. Money is a decimal string in the market's currency ("40.00", VND "150000"),
never a JSON number; times are ISO-8601 with a zone. Every validation failure becomes one DomainError whose
code says what is wrong and whose field is the path to it (["lines", "0", "quantity"]).
"""

from __future__ import annotations

# Each event model narrows EventIn's `type` to its literal: pydantic's discriminated union picks the model by it.
# pyright: reportIncompatibleVariableOverride=false
import re
from datetime import datetime
from typing import Annotated, Any, Literal, cast

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from server.models.enums import Currency
from server.services.errors import DomainError

MAX_LINES = 100
MAX_QUANTITY = 100_000  # × the largest price (catalogue.PRICE_MAX_MINOR) stays inside a BIGINT
DECIMAL_RE = re.compile(r"^(0|[1-9][0-9]{0,14})(\.[0-9]{1,4})?$")

Ref = Annotated[StrictStr, StringConstraints(min_length=1, max_length=64, pattern=r"^[\x21-\x7e]+$")]
Text = Annotated[StrictStr, StringConstraints(max_length=200)]


def _decimal(value: str) -> str:
    if not DECIMAL_RE.match(value):
        raise PydanticCustomError(
            "INVALID_AMOUNT", 'Use a decimal string with a dot and no sign, e.g. "40.00" (VND: "150000")'
        )
    return value


def _quantity(value: int) -> int:
    if value <= 0:
        raise PydanticCustomError("INVALID_QUANTITY", "Quantity must be at least 1")
    if value > MAX_QUANTITY:
        raise PydanticCustomError("INVALID_QUANTITY", f"Quantity must be at most {MAX_QUANTITY}")  # pyright: ignore[reportArgumentType] -- built from constants (no braces)
    return value


def _unique(values: list[str] | None, what: str) -> list[str] | None:
    if values is not None and len(set(values)) != len(values):
        raise PydanticCustomError("DUPLICATE_LINE_ID", f"Each {what} may appear once")  # pyright: ignore[reportArgumentType] -- built from constants (no braces)
    return values


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AttributionIn(_Model):
    """Exactly one of showcase_entry_id (a ShowcaseEntry global id) or share_link_token (with creator)."""

    showcase_entry_id: StrictStr | None = None
    share_link_token: Annotated[StrictStr, StringConstraints(min_length=1, max_length=64)] | None = None
    creator: Annotated[StrictStr, StringConstraints(min_length=1, max_length=40)] | None = None  # handle

    @model_validator(mode="after")
    def _one_source(self) -> AttributionIn:
        if (self.showcase_entry_id is None) == (self.share_link_token is None):
            raise PydanticCustomError(
                "INVALID_ATTRIBUTION", "Give either showcase_entry_id or share_link_token (with creator)"
            )
        if self.share_link_token is not None and self.creator is None:
            raise PydanticCustomError("REQUIRED", "A share link attribution names the creator (handle)")
        return self


class LineIn(_Model):
    line_id: Ref
    product_id: StrictStr  # the Product's global id
    sku: Annotated[
        StrictStr, StringConstraints(min_length=1, max_length=64)
    ]  # the seller SKU of that product
    quantity: StrictInt
    unit_price: StrictStr  # actually paid per unit: after coupons, before tax
    currency: Currency
    attribution: AttributionIn | None = None

    _check_quantity = field_validator("quantity")(_quantity)
    _check_price = field_validator("unit_price")(_decimal)


class RefundLineIn(_Model):
    """Exactly one of quantity (units returned, at the unit price paid) or amount (money returned)."""

    line_id: Ref
    quantity: StrictInt | None = None
    amount: StrictStr | None = None
    currency: Currency | None = None

    _check_quantity = field_validator("quantity")(_quantity)

    @field_validator("amount")
    @classmethod
    def _amount(cls, value: str | None) -> str | None:
        if value is not None:
            _decimal(value)
            if not re.search(r"[1-9]", value):
                raise PydanticCustomError("INVALID_AMOUNT", "A refund amount is more than 0")
        return value

    @model_validator(mode="after")
    def _one_measure(self) -> RefundLineIn:
        if (self.quantity is None) == (self.amount is None):
            raise PydanticCustomError("INVALID_REFUND", "Give either quantity or amount")
        if self.amount is not None and self.currency is None:
            raise PydanticCustomError("REQUIRED", "An amount needs its currency")
        return self


class EventIn(_Model):
    id: Ref  # the platform's event id: unique per shop, the idempotency key
    type: str
    occurred_at: AwareDatetime  # when it happened on the platform (paid, shipped, delivered…)
    order_id: Ref  # the platform's order id
    shop: Annotated[StrictStr, StringConstraints(min_length=1, max_length=20)] | None = None  # shop code


class OrderCreated(EventIn):
    type: Literal["order.created"]
    placed_at: AwareDatetime
    lines: list[LineIn]

    @field_validator("lines")
    @classmethod
    def _lines(cls, value: list[LineIn]) -> list[LineIn]:
        if not value:
            raise PydanticCustomError("REQUIRED", "An order has at least one line")
        if len(value) > MAX_LINES:
            raise PydanticCustomError("TOO_MANY", f"An order has at most {MAX_LINES} lines")  # pyright: ignore[reportArgumentType] -- built from constants (no braces)
        _unique([line.line_id for line in value], "line_id")
        return value


class _LinesEvent(EventIn):
    line_ids: list[Ref] | None = None  # None: every line still in flight

    @field_validator("line_ids")
    @classmethod
    def _line_ids(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and not value:
            raise PydanticCustomError("REQUIRED", "Name at least one line, or leave line_ids out for all")
        return _unique(value, "line id")


class OrderPaid(EventIn):
    type: Literal["order.paid"]


class OrderShipped(_LinesEvent):
    type: Literal["order.shipped"]


class OrderDelivered(_LinesEvent):
    type: Literal["order.delivered"]


class OrderCancelled(_LinesEvent):
    type: Literal["order.cancelled"]
    reason: Text | None = None


class OrderFrozen(_LinesEvent):
    type: Literal["order.frozen"]
    reason: Text | None = None


class OrderUnfrozen(_LinesEvent):
    type: Literal["order.unfrozen"]


class OrderRefunded(EventIn):
    type: Literal["order.refunded"]
    refund_id: Ref | None = None
    lines: list[RefundLineIn] | None = None  # None: the whole order, everything not refunded yet
    reason: Text | None = None

    @field_validator("lines")
    @classmethod
    def _lines(cls, value: list[RefundLineIn] | None) -> list[RefundLineIn] | None:
        if value is not None:
            if not value:
                raise PydanticCustomError("REQUIRED", "Name at least one line, or leave lines out for all")
            _unique([line.line_id for line in value], "line_id")
        return value


Event = (
    OrderCreated
    | OrderPaid
    | OrderShipped
    | OrderDelivered
    | OrderCancelled
    | OrderRefunded
    | OrderFrozen
    | OrderUnfrozen
)

EVENT_TYPES: dict[str, type[EventIn]] = {
    "order.created": OrderCreated,
    "order.paid": OrderPaid,
    "order.shipped": OrderShipped,
    "order.delivered": OrderDelivered,
    "order.cancelled": OrderCancelled,
    "order.refunded": OrderRefunded,
    "order.frozen": OrderFrozen,
    "order.unfrozen": OrderUnfrozen,
}

_CODES = {
    "missing": "REQUIRED",
    "extra_forbidden": "UNKNOWN_FIELD",
    "enum": "INVALID_CURRENCY",
    "timezone_aware": "INVALID_TIME",
    "datetime_type": "INVALID_TIME",
    "datetime_parsing": "INVALID_TIME",
    "datetime_from_date_parsing": "INVALID_TIME",
    "string_too_long": "TOO_LONG",
    "string_too_short": "REQUIRED",
    "string_pattern_mismatch": "INVALID_ID",
}


def json_object(raw: object) -> dict[str, Any] | None:
    """A decoded JSON value as an object (json.loads gives str keys), or None when it is not one."""
    return cast("dict[str, Any]", raw) if isinstance(raw, dict) else None


def parse_event(raw: Any, field_prefix: list[str | int] | None = None) -> Event:
    """The typed event, or a DomainError for the first thing wrong with it."""
    prefix = list(field_prefix or [])
    obj = json_object(raw)
    if obj is None:
        raise DomainError("INVALID_EVENT", "An event is a JSON object", prefix or None)
    event_type = obj.get("type")
    if event_type is None:
        raise DomainError("REQUIRED", "type is required", [*prefix, "type"])
    model = EVENT_TYPES.get(event_type) if isinstance(event_type, str) else None
    if model is None:
        raise DomainError(
            "UNKNOWN_EVENT_TYPE", f"type must be one of {', '.join(EVENT_TYPES)}", [*prefix, "type"]
        )
    try:
        return model.model_validate(raw)  # type: ignore[return-value]
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = list(error["loc"])
        code = error["type"] if error["type"].isupper() else _CODES.get(error["type"], "INVALID")
        name = ".".join(str(p) for p in loc) or "event"
        message = error["msg"] if error["type"].isupper() else f"{name}: {error['msg']}"
        raise DomainError(code, message, [*prefix, *loc]) from None


def check_not_future(value: datetime, now_limit: datetime, field: list[str | int]) -> None:
    if value > now_limit:
        raise DomainError("TIME_IN_FUTURE", "This time is in the future", field)
