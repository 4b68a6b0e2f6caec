"""Finance for payees (agencies and creators): payment accounts, tax info, bank accounts, bills and payouts.

Tax ids and bank account numbers never leave the server whole: only their last four characters are fields."""

from __future__ import annotations

import enum
from datetime import datetime

import strawberry

from server import models
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.types.common import Currency, Market, Money, Node, OrganisationKind
from server.services.finance import finance_rules

TaxStatus = finance_rules.TaxStatus
strawberry.enum(
    TaxStatus,
    description="A payment account's tax status: its latest tax info's status, or NOT_SUBMITTED.",
)
TaxInfoStatus = enums.TaxInfoStatus
strawberry.enum(TaxInfoStatus, description="PENDING_REVIEW → APPROVED | REJECTED (operator).")
TaxForm = enums.TaxForm
strawberry.enum(TaxForm, description="W9 for US payees, LOCAL_TAX_ID in every other market.")
TaxEntityType = enums.TaxEntityType
strawberry.enum(TaxEntityType)
TinType = enums.TinType
strawberry.enum(TinType, description="A W-9's taxpayer identification number: SSN or EIN.")
BillStatus = enums.BillStatus
strawberry.enum(
    BillStatus,
    description="OPEN while a bill is assembled (never seen outside that transaction) → ISSUED → PAID, or FAILED "
    "and retried by the next payout run.",
)
PayoutStatus = enums.PayoutStatus
strawberry.enum(PayoutStatus)
PayoutOutcome = finance_rules.PayoutOutcome
strawberry.enum(
    PayoutOutcome,
    description="What a payout run did with a bill: PAID, FAILED (retried next run) or PAYOUT_BLOCKED (not "
    "attempted; see blockReason).",
)
PayoutBlockReason = finance_rules.PayoutBlockReason
strawberry.enum(PayoutBlockReason)


@strawberry.type(description="The address on a tax form.")
class TaxAddress:
    line1: str
    line2: str | None
    city: str
    region: str | None = strawberry.field(
        description="The state (US: its two-letter code), province or region."
    )
    postal_code: str
    country: str = strawberry.field(description="ISO 3166-1 alpha-2: the payee's market.")


@strawberry.type(description="A tax-info submission (US: W-9; other markets: the local tax id).")
class TaxInfo(Node):
    pk: strawberry.Private[int]
    payee_pk: strawberry.Private[int]
    status: TaxInfoStatus
    form: TaxForm
    entity_type: TaxEntityType
    legal_name: str
    business_name: str | None = strawberry.field(description="W-9 only, optional: the business name.")
    tin_type: TinType | None = strawberry.field(description="W-9 only.")
    tax_id_last4: str = strawberry.field(description="The last four characters of the tax id; never more.")
    address: TaxAddress
    certified_at: datetime | None = strawberry.field(description="W-9 only: when the payee certified it.")
    submitted_at: datetime
    reviewed_at: datetime | None
    reject_reason: str | None = strawberry.field(description="Why the operator rejected it.")

    @classmethod
    def from_row(cls, row: tuple[models.TaxInfo, int]) -> TaxInfo:
        info, payee_id = row
        return cls(
            id=encode_id("TaxInfo", info.id),
            pk=info.id,
            payee_pk=payee_id,
            status=info.status,
            form=info.form,
            entity_type=info.entity_type,
            legal_name=info.legal_name,
            business_name=info.business_name,
            tin_type=info.tin_type,
            tax_id_last4=info.tax_id[-4:],
            address=TaxAddress(
                line1=info.address_line1,
                line2=info.address_line2,
                city=info.city,
                region=info.region,
                postal_code=info.postal_code,
                country=info.country,
            ),
            certified_at=info.certified_at,
            submitted_at=info.submitted_at,
            reviewed_at=info.reviewed_at,
            reject_reason=info.reject_reason,
        )

    @strawberry.field(description="The payee's account.")
    async def payment_account(self, info: Info) -> PaymentAccount | None:
        return await PaymentAccount.load(info, self.payee_pk)


@strawberry.type(
    description="A bank account payouts go to. Only the last four digits of its number are kept."
)
class BankAccount(Node):
    pk: strawberry.Private[int]
    holder_name: str
    bank_name: str
    account_number_last4: str = strawberry.field(description="The last four digits of the account number.")
    currency: Currency = strawberry.field(description="The payee's market currency.")
    linked_at: datetime
    unlinked_at: datetime | None = strawberry.field(
        description="Set once unlinked; it receives no more payouts."
    )

    @classmethod
    def from_row(cls, row: models.BankAccount) -> BankAccount:
        return cls(
            id=encode_id("BankAccount", row.id),
            pk=row.id,
            holder_name=row.holder_name,
            bank_name=row.bank_name,
            account_number_last4=row.account_number_last4,
            currency=row.currency,
            linked_at=row.linked_at,
            unlinked_at=row.unlinked_at,
        )

    @staticmethod
    async def load(info: Info, pk: int | None) -> BankAccount | None:
        row = None if pk is None else await info.context.loaders.finance.bank_account_by_id.load(pk)
        return None if row is None else BankAccount.from_row(row)


@strawberry.type(
    description="A payee's money in one currency; every amount is a sum of the ledger or of bills."
)
class PayeeBalance:
    currency: Currency
    estimated: Money = strawberry.field(description="Commission of paid orders, not settled yet.")
    settled_unbilled: Money = strawberry.field(description="Settled, waiting for the next monthly bill.")
    billed: Money = strawberry.field(description="In issued (or failed) bills, not paid yet.")
    paid: Money = strawberry.field(description="Paid out.")


@strawberry.type(description="The payout profile of an agency or a creator: one per payee organisation.")
class PaymentAccount(Node):
    pk: strawberry.Private[int]
    payee_name: str
    payee_kind: OrganisationKind
    market: Market
    currency: Currency = strawberry.field(
        description="The market's currency: the bank account's and payouts'."
    )

    @classmethod
    def from_row(cls, row: tuple[models.Organisation, models.PaymentAccount | None]) -> PaymentAccount:
        organisation, account = row
        market = finance_rules.payee_market(organisation, account)
        return cls(
            id=encode_id("PaymentAccount", organisation.id),
            pk=organisation.id,
            payee_name=organisation.name,
            payee_kind=organisation.kind,
            market=market,
            currency=enums.MARKET_CURRENCY[market],
        )

    @staticmethod
    async def load(info: Info, organisation_id: int) -> PaymentAccount | None:
        row = await info.context.loaders.finance.payment_account_by_org_id.load(organisation_id)
        return None if row is None else PaymentAccount.from_row(row)

    @strawberry.field
    async def tax_status(self, info: Info) -> TaxStatus:
        row = await info.context.loaders.finance.latest_tax_info_by_org_id.load(self.pk)
        return finance_rules.tax_status(None if row is None else row[0].status)

    @strawberry.field(description="The latest tax-info submission; null before the first.")
    async def tax_info(self, info: Info) -> TaxInfo | None:
        row = await info.context.loaders.finance.latest_tax_info_by_org_id.load(self.pk)
        return None if row is None else TaxInfo.from_row(row)

    @strawberry.field(description="The linked bank account; null when none is linked.")
    async def bank_account(self, info: Info) -> BankAccount | None:
        row = await info.context.loaders.finance.linked_bank_account_by_org_id.load(self.pk)
        return None if row is None else BankAccount.from_row(row[0])

    @strawberry.field(description="One balance per currency with money in it, the account's currency first.")
    async def balances(self, info: Info) -> list[PayeeBalance]:
        rows = await info.context.loaders.finance.balances_by_payee.load((self.pk, self.currency))
        return [
            PayeeBalance(
                currency=b.currency,
                estimated=Money.of(b.estimated, b.currency),
                settled_unbilled=Money.of(b.settled_unbilled, b.currency),
                billed=Money.of(b.billed, b.currency),
                paid=Money.of(b.paid, b.currency),
            )
            for b in rows
        ]


@strawberry.type(description="One attempt to pay a bill (the bank transfer is simulated).")
class Payout:
    bank_account_pk: strawberry.Private[int]
    attempt: int
    status: PayoutStatus
    amount: Money
    reference: str | None = strawberry.field(description="The transfer's reference, MUP-<bill>-<attempt>.")
    failure_reason: str | None
    created_at: datetime
    completed_at: datetime | None

    @classmethod
    def from_row(cls, row: models.Payout) -> Payout:
        return cls(
            bank_account_pk=row.bank_account_id,
            attempt=row.attempt,
            status=row.status,
            amount=Money.of(row.amount_minor, row.currency),
            reference=row.reference,
            failure_reason=row.failure_reason,
            created_at=row.created_at,
            completed_at=row.completed_at,
        )

    @strawberry.field(description="Where the money went (or was meant to go).")
    async def bank_account(self, info: Info) -> BankAccount | None:
        return await BankAccount.load(info, self.bank_account_pk)


@strawberry.type(description="A payee's settled earnings of one month in one currency.")
class PaymentBill(Node):
    pk: strawberry.Private[int]
    payee_pk: strawberry.Private[int]
    bank_account_pk: strawberry.Private[int | None]
    period: str = strawberry.field(description="The month billed, YYYY-MM (UTC).")
    period_start: datetime
    period_end: datetime = strawberry.field(description="Exclusive: the first instant of the next month.")
    amount: Money
    status: BillStatus
    issued_at: datetime | None
    paid_at: datetime | None
    failed_reason: str | None = strawberry.field(description="Why the latest payout attempt failed.")
    attempts: int = strawberry.field(description="Payout attempts so far.")

    @classmethod
    def from_row(cls, row: models.PaymentBill) -> PaymentBill:
        start, end = finance_rules.period_bounds(row.period)
        return cls(
            id=encode_id("PaymentBill", row.id),
            pk=row.id,
            payee_pk=row.payee_organisation_id,
            bank_account_pk=row.bank_account_id,
            period=row.period,
            period_start=start,
            period_end=end,
            amount=Money.of(row.amount_minor, row.currency),
            status=row.status,
            issued_at=row.issued_at,
            paid_at=row.paid_at,
            failed_reason=row.failed_reason,
            attempts=row.attempts,
        )

    @staticmethod
    async def load(info: Info, pk: int) -> PaymentBill | None:
        row = await info.context.loaders.finance.bill_by_id.load(pk)
        return None if row is None else PaymentBill.from_row(row)

    @strawberry.field(description="Whose bill it is.")
    async def payee(self, info: Info) -> PaymentAccount | None:
        return await PaymentAccount.load(info, self.payee_pk)

    @strawberry.field(description="The account of the latest payout attempt; null before the first.")
    async def bank_account(self, info: Info) -> BankAccount | None:
        return await BankAccount.load(info, self.bank_account_pk)

    @strawberry.field(description="Payout attempts, first first.")
    async def payouts(self, info: Info) -> list[Payout]:
        return [
            Payout.from_row(r) for r in await info.context.loaders.finance.payouts_by_bill_id.load(self.pk)
        ]


# --- inputs ----------------------------------------------------------------------------------------------------


# --- payloads --------------------------------------------------------------------------------------------------


@strawberry.enum
class FinanceErrorCode(enum.StrEnum):
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_FORMAT = "INVALID_FORMAT"
    WRONG_FORM = "WRONG_FORM"
    CERTIFICATION_REQUIRED = "CERTIFICATION_REQUIRED"
    ALREADY_APPROVED = "ALREADY_APPROVED"
    INVALID_STATE = "INVALID_STATE"
    CONFLICT = "CONFLICT"
    TAX_NOT_APPROVED = "TAX_NOT_APPROVED"
    NOT_LINKED = "NOT_LINKED"
    NOT_A_PAYEE = "NOT_A_PAYEE"
    INVALID_PERIOD = "INVALID_PERIOD"
    INVALID_COUNT = "INVALID_COUNT"


@strawberry.type
class FinanceUserError(UserError):
    code: FinanceErrorCode


@strawberry.type
class TaxInfoPayload:
    tax_info: TaxInfo | None
    payment_account: PaymentAccount | None
    user_errors: list[FinanceUserError]


@strawberry.type
class BankAccountPayload:
    bank_account: BankAccount | None
    payment_account: PaymentAccount | None
    user_errors: list[FinanceUserError]


@strawberry.type
class BillsGeneratePayload:
    bills: list[PaymentBill] = strawberry.field(
        description="The bills issued by this call (none: nothing to bill)."
    )
    user_errors: list[FinanceUserError]


@strawberry.type(description="What a payout run did with one bill.")
class PayoutRunResult:
    bill: PaymentBill | None
    outcome: PayoutOutcome
    block_reason: PayoutBlockReason | None = strawberry.field(
        description="Why a PAYOUT_BLOCKED bill was not paid."
    )
    message: str
    payout: Payout | None = strawberry.field(description="The attempt made (PAID or FAILED).")


@strawberry.type
class PayoutRunPayload:
    results: list[PayoutRunResult] = strawberry.field(description="One per bill the run handled, by bill.")
    user_errors: list[FinanceUserError]
