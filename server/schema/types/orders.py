"""Order lines, their commission receipts and earnings, as each party may see them.

One OrderLine type for every role; what differs is policy (server/authz/policy.py): the agency sees the creator
and the whole split, the creator its own rate and commission (never the total rate, the agency's share or the
seller's side), the seller its product-level line and what it pays (never the creator, its rate or the split);
the operator everything. Hidden fields are null. A creator does see the shop's display name (shopName), as it
does on every product it promotes; never the shop itself.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import strawberry

from server import models
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.types.campaign import Campaign
from server.schema.types.catalogue import Product, Shop
from server.schema.types.common import Currency, Money, Node
from server.schema.types.tenants import Creator

if TYPE_CHECKING:
    from server.services.orders.reads import Earnings as EarningsSums
    from server.services.orders.reads import LineView
    from server.services.orders.receipt import Amounts, Receipt

OrderLineStatus = enums.OrderLineStatus
strawberry.enum(
    OrderLineStatus,
    description="PLACED (unpaid) → PAID (commission estimated) → SHIPPED → DELIVERED → SETTLED (final, after the "
    "market's window); CANCELLED and REFUNDED (fully) earn nothing; FROZEN: a risk hold, no settlement until "
    "released.",
)
LedgerAccount = enums.LedgerAccount
strawberry.enum(
    LedgerAccount,
    description="SELLER_PAYABLE: what the seller pays; CREATOR_EARNINGS and AGENCY_EARNINGS: what each earns.",
)
LedgerPhase = enums.LedgerPhase
strawberry.enum(
    LedgerPhase, description="ESTIMATED until the line settles; SETTLED: the actual, final amount."
)


@strawberry.enum(description="Where a rate of a line came from.")
class RateSource(enum.Enum):
    REGISTRATION = strawberry.enum_value(
        "REGISTRATION", description="The seller's total rate in its registration."
    )
    SHOWCASE_ENTRY = strawberry.enum_value(
        "SHOWCASE_ENTRY", description="The creator's showcase entry's rate."
    )
    SHOWCASE_ENTRY_DECREASE = strawberry.enum_value(
        "SHOWCASE_ENTRY_DECREASE",
        description="The entry's lower rate, in force at order time after its 30-day lock.",
    )
    LIST_ITEM = strawberry.enum_value(
        "LIST_ITEM",
        description="The product list item's rate (bought through a share link, no showcase entry).",
    )
    TOTAL_MINUS_CREATOR = strawberry.enum_value(
        "TOTAL_MINUS_CREATOR", description="The agency's rate: the total rate minus the creator's."
    )


@strawberry.type(description="One party's commission on a line: estimated now, actual once settled.")
class OrderLineCommission:
    estimated: Money = strawberry.field(
        description="What the line earns (or costs) in its current state; 0 unpaid, cancelled or unattributed."
    )
    actual: Money | None = strawberry.field(description="The settled amount; null until the line settles.")

    @classmethod
    def of(cls, amount_minor: int, currency: enums.Currency, settled: bool) -> OrderLineCommission:
        money = Money.of(amount_minor, currency)
        return cls(estimated=money, actual=money if settled else None)


@strawberry.type(
    description="An order line: one product of an order from the shop platform, with its commission."
)
class OrderLine(Node):
    shop_pk: strawberry.Private[int]
    line: strawberry.Private[models.OrderLine]
    platform_order_id: str = strawberry.field(description="The shop platform's order id.")
    platform_line_id: str = strawberry.field(description="The platform's line id within the order.")
    status: OrderLineStatus
    currency: Currency
    placed_at: datetime
    paid_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    settle_after: datetime | None = strawberry.field(
        description="When the commission settles (delivery + the market's window), unless frozen or refunded."
    )
    settled_at: datetime | None
    updated_at: datetime
    seller_sku: str | None = strawberry.field(description="The variant bought.")
    shop_name: str = strawberry.field(description="The shop's display name.")
    quantity: int
    refunded_quantity: int
    unit_price: Money = strawberry.field(description="Paid per unit, after coupons, before tax.")
    paid_amount: Money = strawberry.field(description="Unit price × quantity.")
    refunded_amount: Money
    commission_base: Money = strawberry.field(description="Paid amount − refunds: what the rates apply to.")
    attributed: bool = strawberry.field(description="Sold through a creator's showcase entry or share link.")
    unattributed_reason: str | None = strawberry.field(
        description="Why no commission (NO_ATTRIBUTION: an organic sale; ENTRY_ENDED, CAMPAIGN_CLOSED…)."
    )
    campaign_name: str | None
    agency_name: str | None = strawberry.field(description="The campaign's agency's display name.")
    creator_name: str | None = strawberry.field(description="The creator's display name.")
    total_rate_bps: int | None = strawberry.field(description="The seller's total rate at order time.")
    creator_rate_bps: int | None = strawberry.field(description="The creator's rate at order time.")
    agency_rate_bps: int | None = strawberry.field(description="Total − creator.")
    seller_commission: OrderLineCommission | None = strawberry.field(description="What the seller pays.")
    creator_commission: OrderLineCommission | None = strawberry.field(description="What the creator earns.")
    agency_commission: OrderLineCommission | None = strawberry.field(description="What the agency earns.")

    @classmethod
    def from_view(cls, view: LineView) -> OrderLine:
        line, order, currency = view.line, view.order, view.line.currency

        def commission(amount: int) -> OrderLineCommission:
            return OrderLineCommission.of(amount, currency, view.settled)

        return cls(
            id=encode_id("OrderLine", line.id),
            shop_pk=order.shop_id,
            line=line,
            platform_order_id=order.platform_order_id,
            platform_line_id=line.platform_line_id,
            status=line.status,
            currency=currency,
            placed_at=order.placed_at,
            paid_at=line.paid_at,
            shipped_at=line.shipped_at,
            delivered_at=line.delivered_at,
            settle_after=line.settle_after,
            settled_at=line.settled_at,
            updated_at=line.updated_at,
            seller_sku=view.seller_sku,
            shop_name=view.shop_name,
            quantity=line.quantity,
            refunded_quantity=line.refunded_quantity,
            unit_price=Money.of(line.unit_price_minor, currency),
            paid_amount=Money.of(view.gross_minor, currency),
            refunded_amount=Money.of(line.refunded_amount_minor, currency),
            commission_base=Money.of(view.base_minor, currency),
            attributed=line.campaign_id is not None,
            unattributed_reason=line.unattributed_reason,
            campaign_name=view.campaign_name,
            agency_name=view.agency_name,
            creator_name=view.creator_name,
            total_rate_bps=line.total_rate_bps,
            creator_rate_bps=line.creator_rate_bps,
            agency_rate_bps=view.agency_rate_bps,
            seller_commission=commission(view.due.seller),
            creator_commission=commission(view.due.creator),
            agency_commission=commission(view.due.agency),
        )

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.line.product_id)
        return None if row is None else Product.from_row(row)

    @strawberry.field(description="The shop (agencies, the shop itself, operators; a creator gets shopName).")
    async def shop(self, info: Info) -> Shop | None:
        row = await info.context.loaders.shop_by_id.load(self.shop_pk)
        return None if row is None else Shop.from_row(row)

    @strawberry.field(description="The campaign it was attributed to (a creator gets campaignName).")
    async def campaign(self, info: Info) -> Campaign | None:
        if self.line.campaign_id is None:
            return None
        row = await info.context.loaders.campaign_by_id.load(self.line.campaign_id)
        return None if row is None else Campaign.from_row(row)

    @strawberry.field(description="Who sold it (the agency and the creator itself; never the seller).")
    async def creator(self, info: Info) -> Creator | None:
        if self.line.creator_id is None:
            return None
        row = await info.context.loaders.creator_by_id.load(self.line.creator_id)
        return None if row is None else Creator.from_row(row)

    @strawberry.field(
        description="Why this commission: base, rates and where they came from, every ledger posting."
    )
    async def receipt(self, info: Info) -> OrderLineReceipt | None:
        receipt = await info.context.loaders.orders.receipt_by_line_id.load(self.line.id)
        return None if receipt is None else OrderLineReceipt.from_receipt(receipt)


# ------------------------------------------------------------------------------------------------ receipt


@strawberry.type(
    description="A line's commission per party (each party sees its own amount; the agency all)."
)
class ReceiptAmounts:
    seller: Money | None = strawberry.field(description="What the seller pays.")
    creator: Money | None
    agency: Money | None

    @classmethod
    def of(cls, amounts: Amounts, currency: enums.Currency) -> ReceiptAmounts:
        def money(value: int | None) -> Money | None:
            return None if value is None else Money.of(value, currency)

        return cls(seller=money(amounts.seller), creator=money(amounts.creator), agency=money(amounts.agency))


@strawberry.type(description="A rate of the line and where it came from.")
class ReceiptRate:
    bps: int
    source: RateSource


@strawberry.type(description="One leg of a posting: an amount on one party's account.")
class ReceiptLeg:
    account: LedgerAccount
    phase: LedgerPhase
    amount: Money = strawberry.field(
        description="Signed: SELLER_PAYABLE legs are negative (owed by the seller)."
    )


@strawberry.type(
    description="One balanced ledger posting on the line (its legs sum to 0), with the rule behind it."
)
class ReceiptPosting:
    at: datetime
    reason: str
    legs: list[ReceiptLeg] = strawberry.field(
        description="The legs on the viewer's accounts (the agency: all)."
    )


@strawberry.type(description="A platform event that concerned the line.")
class ReceiptEvent:
    event_id: str = strawberry.field(description="The platform's event id.")
    type: str = strawberry.field(description="order.created, order.paid, order.refunded…")
    occurred_at: datetime
    received_at: datetime
    applied_at: datetime | None = strawberry.field(
        description="Null while held (or when it was refused later)."
    )
    held_reason: str | None = strawberry.field(
        description="Why it waited (WAITING_FOR_PAYMENT…), or REFUSED …"
    )
    reason: str | None = strawberry.field(
        description="The platform's own words (cancellation, refund, freeze)."
    )


@strawberry.type(
    description="Why this number: the base, the three rates and where each came from, every posting with its reason "
    "and time, the first estimate, the estimate now and the actual amounts. Each party sees its own share."
)
class OrderLineReceipt:
    status: OrderLineStatus
    currency: Currency
    quantity: int
    unit_price: Money
    paid_amount: Money = strawberry.field(description="Unit price × quantity.")
    refunded_quantity: int
    refunded_amount: Money
    base: Money = strawberry.field(description="Paid amount − refunds: what the rates apply to.")
    attributed: bool
    unattributed_reason: str | None
    total_rate: ReceiptRate | None
    creator_rate: ReceiptRate | None
    agency_rate: ReceiptRate | None
    placed_at: datetime
    paid_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    settle_after: datetime | None
    settled_at: datetime | None
    frozen_at: datetime | None
    cancelled_at: datetime | None
    refunded_at: datetime | None
    first_estimate: ReceiptAmounts | None = strawberry.field(description="Posted at payment; null before.")
    estimated: ReceiptAmounts = strawberry.field(
        description="Estimated and not settled yet (0 once settled)."
    )
    actual: ReceiptAmounts | None = strawberry.field(description="Settled; null before settlement.")
    due_now: ReceiptAmounts = strawberry.field(description="What the line earns in its current state.")
    postings: list[ReceiptPosting] = strawberry.field(description="Oldest first.")
    events: list[ReceiptEvent] = strawberry.field(description="Oldest first.")

    @classmethod
    def from_receipt(cls, r: Receipt) -> OrderLineReceipt:
        currency = r.currency

        def rate(bps: int | None, source: str | RateSource | None) -> ReceiptRate | None:
            return None if bps is None or source is None else ReceiptRate(bps=bps, source=RateSource(source))

        def amounts(value: Amounts | None) -> ReceiptAmounts | None:
            return None if value is None else ReceiptAmounts.of(value, currency)

        return cls(
            status=r.status,
            currency=currency,
            quantity=r.quantity,
            unit_price=Money.of(r.unit_price_minor, currency),
            paid_amount=Money.of(r.gross_minor, currency),
            refunded_quantity=r.refunded_quantity,
            refunded_amount=Money.of(r.refunded_amount_minor, currency),
            base=Money.of(r.base_minor, currency),
            attributed=r.campaign_id is not None,
            unattributed_reason=r.unattributed_reason,
            total_rate=rate(r.total_rate_bps, r.total_rate_source),
            creator_rate=rate(r.creator_rate_bps, r.creator_rate_source),
            agency_rate=rate(r.agency_rate_bps, RateSource.TOTAL_MINUS_CREATOR),
            placed_at=r.placed_at,
            paid_at=r.paid_at,
            shipped_at=r.shipped_at,
            delivered_at=r.delivered_at,
            settle_after=r.settle_after,
            settled_at=r.settled_at,
            frozen_at=r.frozen_at,
            cancelled_at=r.cancelled_at,
            refunded_at=r.refunded_at,
            first_estimate=amounts(r.first_estimate),
            estimated=ReceiptAmounts.of(r.estimated, currency),
            actual=amounts(r.actual),
            due_now=ReceiptAmounts.of(r.due_now, currency),
            postings=[
                ReceiptPosting(
                    at=p.created_at,
                    reason=p.reason,
                    legs=[
                        ReceiptLeg(
                            account=leg.account, phase=leg.phase, amount=Money.of(leg.amount_minor, currency)
                        )
                        for leg in p.legs
                    ],
                )
                for p in r.postings
            ],
            events=[
                ReceiptEvent(
                    event_id=e.event_id,
                    type=e.type,
                    occurred_at=e.occurred_at,
                    received_at=e.received_at,
                    applied_at=e.applied_at,
                    held_reason=e.held_reason,
                    reason=e.reason,
                )
                for e in r.events
            ],
        )


# ------------------------------------------------------------------------------------------------ earnings


@strawberry.type(
    description="The viewer's own commission in one currency, summed from the ledger: an agency's or a creator's "
    "earnings, a seller's commission payable."
)
class Earnings:
    currency: Currency
    account: LedgerAccount = strawberry.field(description="The ledger account summed (the viewer's own).")
    estimated: Money = strawberry.field(description="Paid lines not settled yet.")
    settled: Money = strawberry.field(description="Settled (actual, final) amounts.")
    settled_unbilled: Money | None = strawberry.field(description="Settled, not in a bill yet (payees).")
    billed: Money | None = strawberry.field(description="In issued or failed bills, not paid yet (payees).")
    paid: Money | None = strawberry.field(description="Paid out to the bank account (payees).")

    @classmethod
    def of(cls, sums: EarningsSums) -> Earnings:
        def money(value: int | None) -> Money | None:
            return None if value is None else Money.of(value, sums.currency)

        return cls(
            currency=sums.currency,
            account=sums.account,
            estimated=Money.of(sums.estimated, sums.currency),
            settled=Money.of(sums.settled, sums.currency),
            settled_unbilled=money(sums.settled_unbilled),
            billed=money(sums.billed),
            paid=money(sums.paid),
        )
