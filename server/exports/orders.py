"""Order lines and earnings as CSV, per role exactly what the API shows it.

Every column names the OrderLine field (server/authz/policy.py FIELD_RULES) that decides who may see it, so a
column appears in a role's export only when that role may read the field over GraphQL: the agency gets the creator
and the whole split, the creator its own rate and commission, the seller product-level lines with what it pays and
no creator. Rows are the lines of the role's row scope ("OrderLine" in ROW_SCOPES).

    /exports/orders.csv?from=&to=&campaignId=&status=&attributed=   placed in [from, to)
    /exports/earnings.csv?from=&to=&campaignId=                     agencies and creators: their ledger postings
                                                                     in [from, to) (posting time)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from server.auth.principal import Principal
from server.authz.decisions import field_access, row_scope
from server.authz.errors import InvalidId
from server.authz.rules import Access, audience_of
from server.exports.approved_products import CsvExport
from server.exports.csv_file import render, text_cell
from server.ids import decode_id, encode_id
from server.models.enums import OrderLineStatus, Role
from server.money import bps_to_percent, minor_to_decimal_string
from server.runtime import Runtime
from server.services.orders import reads
from server.services.orders.commission import is_attributed
from server.services.orders.reads import LineView


class BadExportRequest(ValueError):
    """A query parameter that is not what the export takes (400)."""


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    field: str  # the OrderLine field whose rule decides who sees the column
    value: Callable[[LineView], str]


def _time(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _money(view: LineView, amount_minor: int | None) -> str:
    return "" if amount_minor is None else minor_to_decimal_string(amount_minor, view.line.currency)


def _rate(bps: int | None) -> str:
    return "" if bps is None else bps_to_percent(bps)


def _text(value: str | None) -> str:
    return "" if value is None else text_cell(value)


def _actual(view: LineView, amount_minor: int) -> str:
    return _money(view, amount_minor) if view.settled else ""


LINE_COLUMNS: tuple[Column, ...] = (
    Column("placed at", "placedAt", lambda v: _time(v.order.placed_at)),
    Column("order id", "platformOrderId", lambda v: _text(v.order.platform_order_id)),
    Column("line id", "platformLineId", lambda v: _text(v.line.platform_line_id)),
    Column("status", "status", lambda v: v.line.status.value),
    Column("product", "product", lambda v: _text(v.product_title)),
    Column("product id", "product", lambda v: encode_id("Product", v.line.product_id)),
    Column("seller sku", "sellerSku", lambda v: _text(v.seller_sku)),
    Column("shop", "shopName", lambda v: _text(v.shop_name)),
    Column("campaign", "campaignName", lambda v: _text(v.campaign_name)),
    Column("agency", "agencyName", lambda v: _text(v.agency_name)),
    Column("creator", "creatorName", lambda v: _text(v.creator_name)),
    Column("creator handle", "creator", lambda v: _text(v.creator_handle)),
    Column("attributed", "attributed", lambda v: "yes" if is_attributed(v.line) else "no"),
    Column("unattributed reason", "unattributedReason", lambda v: _text(v.line.unattributed_reason)),
    Column("currency", "currency", lambda v: v.line.currency.value),
    Column("quantity", "quantity", lambda v: str(v.line.quantity)),
    Column("unit price", "unitPrice", lambda v: _money(v, v.line.unit_price_minor)),
    Column("paid amount", "paidAmount", lambda v: _money(v, v.gross_minor)),
    Column("refunded quantity", "refundedQuantity", lambda v: str(v.line.refunded_quantity)),
    Column("refunded amount", "refundedAmount", lambda v: _money(v, v.line.refunded_amount_minor)),
    Column("commission base", "commissionBase", lambda v: _money(v, v.base_minor)),
    Column("total rate %", "totalRateBps", lambda v: _rate(v.line.total_rate_bps)),
    Column("creator rate %", "creatorRateBps", lambda v: _rate(v.line.creator_rate_bps)),
    Column("agency rate %", "agencyRateBps", lambda v: _rate(v.agency_rate_bps)),
    Column("seller commission estimated", "sellerCommission", lambda v: _money(v, v.due.seller)),
    Column("seller commission actual", "sellerCommission", lambda v: _actual(v, v.due.seller)),
    Column("creator commission estimated", "creatorCommission", lambda v: _money(v, v.due.creator)),
    Column("creator commission actual", "creatorCommission", lambda v: _actual(v, v.due.creator)),
    Column("agency commission estimated", "agencyCommission", lambda v: _money(v, v.due.agency)),
    Column("agency commission actual", "agencyCommission", lambda v: _actual(v, v.due.agency)),
    Column("paid at", "paidAt", lambda v: _time(v.line.paid_at)),
    Column("delivered at", "deliveredAt", lambda v: _time(v.line.delivered_at)),
    Column("settle after", "settleAfter", lambda v: _time(v.line.settle_after)),
    Column("settled at", "settledAt", lambda v: _time(v.line.settled_at)),
)
# The line each earnings row is for: the first of these the role may see, after the posting's own columns.
STATEMENT_LINE_COLUMNS = ("placed at", "order id", "line id", "status", "product", "campaign", "creator")
STATEMENT_HEADER = ("posted at", "phase", "amount", "currency", "reason")
EARNING_ROLES = (Role.AGENCY, Role.CREATOR)


def visible_columns(principal: Principal, names: tuple[str, ...] | None = None) -> list[Column]:
    audience = audience_of(principal)
    return [
        c
        for c in LINE_COLUMNS
        if (names is None or c.header in names)
        and field_access("OrderLine", c.field, audience) is not Access.DENY
    ]


def _instant(value: str, name: str) -> datetime:
    """An ISO-8601 time (no zone: UTC) or a date (its midnight UTC)."""
    try:
        parsed = (
            datetime.fromisoformat(value)
            if "T" in value
            else datetime.combine(date.fromisoformat(value), datetime.min.time())
        )
    except ValueError:
        raise BadExportRequest(
            f"{name}: an ISO-8601 date or time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z"
        ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def parse_filter(
    params: Mapping[str, str], statuses: list[str]
) -> tuple[reads.LineFilter, datetime | None, datetime | None]:
    """The query parameters: the filter of the lines, and the [from, to) range (of placed_at for orders.csv, of
    posting time for earnings.csv)."""
    unknown = set(params) - {"from", "to", "campaignId", "status", "attributed"}
    if unknown:
        raise BadExportRequest(f"unknown parameter {sorted(unknown)[0]}")
    campaign_id = None
    if params.get("campaignId"):
        try:
            campaign_id = decode_id(params["campaignId"], "Campaign")
        except InvalidId:
            raise BadExportRequest("campaignId: not a Campaign id") from None
    wanted: list[OrderLineStatus] = []
    for value in (s for raw in statuses for s in raw.split(",") if s.strip()):
        try:
            wanted.append(OrderLineStatus(value.strip().upper()))
        except ValueError:
            raise BadExportRequest(f"status: one of {', '.join(s.value for s in OrderLineStatus)}") from None
    attributed = params.get("attributed")
    if attributed not in (None, "", "true", "false"):
        raise BadExportRequest("attributed: true or false")
    start = _instant(params["from"], "from") if params.get("from") else None
    end = _instant(params["to"], "to") if params.get("to") else None
    if start is not None and end is not None and start >= end:
        raise BadExportRequest("from must be before to")
    f = reads.LineFilter(
        campaign_id=campaign_id,
        statuses=tuple(wanted),
        attributed=None if not attributed else attributed == "true",
    )
    return f, start, end


async def orders_csv(
    rt: Runtime, principal: Principal, f: reads.LineFilter, start: datetime | None, end: datetime | None
) -> CsvExport:
    f = replace(f, placed_from=start, placed_to=end)
    columns = visible_columns(principal)
    async with rt.sessionmaker() as session:
        views = await reads.lines(session, row_scope("OrderLine", principal), f)
    return CsvExport(
        filename="orders.csv",
        body=render([c.header for c in columns], ([c.value(v) for c in columns] for v in views)),
    )


async def earnings_csv(
    rt: Runtime, principal: Principal, f: reads.LineFilter, start: datetime | None, end: datetime | None
) -> CsvExport | None:
    """The principal's earnings statement (agencies and creators), or None for anyone else."""
    if principal.role not in EARNING_ROLES:
        return None
    columns = visible_columns(principal, STATEMENT_LINE_COLUMNS)
    async with rt.sessionmaker() as session:
        rows = await reads.statement(
            session,
            principal.organisation_id,
            reads.ACCOUNT_OF_ROLE[principal.role],
            row_scope("OrderLine", principal),
            f,
            posted_from=start,
            posted_to=end,
        )
    lines = (
        [
            _time(r.posted_at),
            r.phase.value,
            minor_to_decimal_string(r.amount_minor, r.currency),
            r.currency.value,
            text_cell(r.reason),
            *(c.value(r.view) for c in columns),
        ]
        for r in rows
    )
    return CsvExport(
        filename="earnings.csv", body=render([*STATEMENT_HEADER, *(c.header for c in columns)], lines)
    )
